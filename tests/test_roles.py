"""Editors' groups, the moderation workflow and the admin in French."""

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.models import Workflow

from demo.accounts import DEMO_ACCOUNTS, ensure_demo_accounts

pytestmark = pytest.mark.django_db


@pytest.fixture
def accounts(site_tree):
    call_command("setup_roles")
    ensure_demo_accounts()
    return {username: password for username, password, _, _ in DEMO_ACCOUNTS}


def test_editors_write_but_only_moderators_publish(accounts, site_tree, django_user_model):
    page = site_tree["content"]
    editor = django_user_model.objects.get(username="editeur")
    moderator = django_user_model.objects.get(username="moderateur")
    reviewer = django_user_model.objects.get(username="instructeur")
    assert page.permissions_for_user(editor).can_edit()
    assert not page.permissions_for_user(editor).can_publish()
    assert page.permissions_for_user(moderator).can_publish()
    assert not page.permissions_for_user(reviewer).can_edit()
    assert set(Group.objects.values_list("name", flat=True)) >= {"Éditeurs", "Modérateurs", "Instructeurs"}


def test_publishing_goes_through_the_moderation_workflow(accounts, site_tree):
    workflow = site_tree["content"].get_workflow()
    assert workflow is not None and workflow.name == "Validation éditoriale"
    assert list(workflow.tasks.values_list("name", flat=True)) == ["Relecture par un modérateur"]
    assert Workflow.objects.filter(active=True).count() == 1


def test_editor_submits_and_only_a_moderator_can_approve(accounts, site_tree, django_user_model):
    page = site_tree["content"]
    editor = django_user_model.objects.get(username="editeur")
    moderator = django_user_model.objects.get(username="moderateur")
    page.title = "Cadre juridique (révisé)"
    page.save_revision(user=editor)
    workflow_state = page.get_workflow().start(page, editor)
    task = workflow_state.current_task_state.task.specific
    assert task.get_actions(page, editor) == []
    assert "approve" in [name for name, *_ in task.get_actions(page, moderator)]
    task.on_action(workflow_state.current_task_state, moderator, "approve")
    page.refresh_from_db()
    assert page.title == "Cadre juridique (révisé)" and page.live


def test_admin_is_in_french_by_default(accounts, client):
    # Through the login page: django-axes checks every authentication against its request.
    response = client.post("/admin/login/", {"username": "editeur", "password": accounts["editeur"]})
    assert response.status_code == 302
    html = client.get("/admin/").content.decode()
    assert '<html lang="fr"' in html
    assert "Tableau de bord" in html


def test_setup_roles_is_idempotent(accounts):
    call_command("setup_roles")
    call_command("setup_roles")
    assert Group.objects.filter(name="Éditeurs").count() == 1
    assert Workflow.objects.filter(name="Validation éditoriale").count() == 1
