"""The admin login locks after repeated failures."""

import pytest
from django.core.cache import cache

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_user("editrice", password="un-bon-mot-de-passe", is_superuser=True)


def log_in(client, password, address="10.0.0.1"):
    return client.post(
        "/admin/login/", {"username": "editrice", "password": password}, REMOTE_ADDR=address, follow=False
    )


def test_five_failures_lock_the_account_even_with_the_right_password(client, editor):
    for _ in range(5):
        response = log_in(client, "mauvais")
        assert response.status_code == 200
    response = log_in(client, "un-bon-mot-de-passe")
    assert response.status_code == 200
    assert "Trop de tentatives" in response.content.decode()
    assert "_auth_user_id" not in client.session
    # From another address the user name is still locked.
    assert "Trop de tentatives" in log_in(client, "un-bon-mot-de-passe", address="10.0.0.2").content.decode()


def test_the_lock_expires_and_success_clears_the_count(client, editor):
    for _ in range(4):
        log_in(client, "mauvais")
    response = log_in(client, "un-bon-mot-de-passe")
    assert response.status_code == 302
    client.logout()
    # The count was cleared: four more failures do not lock.
    for _ in range(4):
        log_in(client, "mauvais")
    assert log_in(client, "un-bon-mot-de-passe").status_code == 302
    client.logout()
    for _ in range(5):
        log_in(client, "mauvais")
    cache.clear()  # as when the lock period has passed
    assert log_in(client, "un-bon-mot-de-passe").status_code == 302


def test_one_address_trying_many_accounts_is_locked(client, editor):
    for attempt in range(20):
        client.post("/admin/login/", {"username": f"compte{attempt}", "password": "x"}, REMOTE_ADDR="10.0.0.9")
    response = log_in(client, "un-bon-mot-de-passe", address="10.0.0.9")
    assert "Trop de tentatives" in response.content.decode()
    assert log_in(client, "un-bon-mot-de-passe", address="10.0.0.10").status_code == 302
