"""The professional space (accounts/): organisations and memberships, sign-in with
django-allauth (verified address, password rules, reset by e-mail through the task queue, the
axes lock-out), the membership flow, an embassy's offers from submission to publication,
claiming anonymous records, personal data, and the page cache."""

import json
import re

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core import mail
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import translation

from accounts.models import Membership, OfferOwnership, Organisation
from forms.models import PartnershipOffer
from portal.models import SentEmail
from tests.factories.accounts import (
    PASSWORD,
    authority_organisation,
    embassy,
    member,
    ministry,
    person,
)
from tests.factories.intake import OfferFactory, build_intake_site, setup_roles, user_in_group

pytestmark = pytest.mark.django_db

SPACE = "/fr/espace/"
LOGIN = "/fr/espace/compte/login/"
SIGNUP = "/fr/espace/compte/signup/"


def text(response):
    return response.content.decode()


def login(client, email, password=PASSWORD):
    return client.post(LOGIN, {"login": email, "password": password})


# --- Organisations ---------------------------------------------------------------------------------
def test_an_organisation_has_the_field_of_its_kind_only():
    country = embassy().country
    with pytest.raises(IntegrityError), transaction.atomic():
        Organisation.objects.create(kind="embassy", name="Sans pays")
    with pytest.raises(IntegrityError), transaction.atomic():
        Organisation.objects.create(kind="prefecture", country=country, departement="17", name="Préfecture")
    organisation = authority_organisation()
    assert organisation.authority.siren == "211703004"
    with pytest.raises(IntegrityError), transaction.atomic():
        Organisation.objects.create(kind="french_authority", authority=organisation.authority, name="Doublon")


# --- Sign-in ------------------------------------------------------------------------------------------
def test_signup_needs_a_verified_address_before_signing_in(client, django_capture_on_commit_callbacks):
    with translation.override("fr"):
        page = client.get(SIGNUP)
    assert page.status_code == 200
    assert "Mot de passe" in text(page)
    weak = client.post(
        SIGNUP,
        {"email": "agent@example.org", "password1": "court", "password2": "court", "first_name": "A", "last_name": "B"},
    )
    assert weak.status_code == 200
    assert "Ce mot de passe est trop court" in text(weak)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            SIGNUP,
            {
                "email": "agent@example.org",
                "password1": PASSWORD,
                "password2": PASSWORD,
                "first_name": "Awa",
                "last_name": "Diop",
            },
        )
    assert response.status_code == 302
    user = get_user_model().objects.get(email="agent@example.org")
    assert (user.first_name, user.last_name) == ("Awa", "Diop")
    assert not EmailAddress.objects.get(user=user).verified
    # The verification e-mail went through the queue (a SentEmail row), with a link under /fr/.
    assert SentEmail.objects.filter(kind="email_confirmation_signup").exists()
    [message] = mail.outbox
    link = re.search(r"http://testserver(/fr/espace/compte/confirm-email/\S+/)", message.body).group(1)
    # Not verified yet: signing in sends to the verification page, not into the space.
    refused = login(client, "agent@example.org")
    assert refused.status_code == 302 and "confirm-email" in refused["Location"]
    assert client.get(SPACE).status_code == 302
    client.post(link)
    assert EmailAddress.objects.get(user=user).verified
    assert login(client, "agent@example.org")["Location"] == SPACE
    home = client.get(SPACE)
    assert home.status_code == 200
    assert "Awa Diop" in text(home)


def test_password_reset_goes_through_the_queue(client, django_capture_on_commit_callbacks):
    person("agent@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/fr/espace/compte/password/reset/", {"email": "agent@example.org"})
    assert response.status_code == 302
    assert SentEmail.objects.filter(kind="password_reset_key").count() == 1
    [message] = mail.outbox
    link = re.search(r"http://testserver(/fr/espace/compte/password/reset/key/\S+/)", message.body).group(1)
    form = client.get(link, follow=True)
    assert form.status_code == 200
    new = "Un-Autre-Mot-De-Passe-2026"
    done = client.post(form.redirect_chain[-1][0], {"password1": new, "password2": new})
    assert done.status_code == 302
    assert login(client, "agent@example.org", new)["Location"] == SPACE


def test_failed_space_logins_lock_the_account_like_the_admin(client, settings):
    settings.LOGIN_MAX_FAILURES = settings.AXES_FAILURE_LIMIT = 3
    person("agent@example.org")
    for _attempt in range(3):
        response = login(client, "agent@example.org", "mauvais mot de passe")
        assert response.status_code in (200, 429)
    with translation.override("fr"):
        locked = login(client, "agent@example.org")
    assert locked.status_code == 429
    assert "Trop de tentatives" in text(locked)
    # The same lock-out holds on the admin's login, which asks for the user name.
    admin = client.post("/admin/login/", {"username": "agent", "password": PASSWORD})
    assert admin.status_code == 429
    # Another account from the same address is not locked.
    person("autre@example.org")
    assert login(client, "autre@example.org")["Location"] == SPACE


def test_admin_failures_count_for_the_space_login(client, settings):
    settings.LOGIN_MAX_FAILURES = settings.AXES_FAILURE_LIMIT = 2
    person("agent@example.org")
    for _attempt in range(2):
        client.post("/admin/login/", {"username": "agent", "password": "faux"})
    assert login(client, "agent@example.org").status_code == 429


# --- Membership --------------------------------------------------------------------------------------
def test_membership_is_requested_then_approved_with_emails(client, django_capture_on_commit_callbacks):
    build_intake_site()
    staff = person("daect@example.org")
    member(staff, ministry(), role="manager")
    agent = person("agent@example.org")
    client.force_login(agent)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            SPACE + "organisations/rejoindre/", {"kind": "embassy", "country": "SN", "message": "SCAC"}
        )
    assert response.status_code == 302
    membership = Membership.objects.get(person=agent)
    assert membership.status == "requested"
    assert membership.organisation.country.iso_code == "SN"
    [notice] = mail.outbox
    assert notice.to == ["daect@example.org"]
    assert f"/fr/espace/organisations/{membership.organisation_id}/" in notice.body
    # The agent cannot decide on their own request, nor see offers yet.
    assert client.post(SPACE + f"adhesions/{membership.pk}/decision/", {"decision": "approved"}).status_code == 404
    client.force_login(staff)
    page = client.get(SPACE + f"organisations/{membership.organisation_id}/")
    assert "agent@example.org" in text(page)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(SPACE + f"adhesions/{membership.pk}/decision/", {"decision": "approved", "role": "manager"})
    membership.refresh_from_db()
    assert (membership.status, membership.role, membership.decided_by) == ("approved", "manager", staff)
    assert mail.outbox[-1].to == ["agent@example.org"]
    assert "Votre demande pour rejoindre" in mail.outbox[-1].body
    # Now a manager: the next request to the embassy goes to them, and they decide on it.
    colleague = person("collegue@example.org")
    client.force_login(colleague)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(SPACE + "organisations/rejoindre/", {"kind": "embassy", "country": "SN"})
    assert mail.outbox[-1].to == ["agent@example.org"]
    client.force_login(agent)
    second = Membership.objects.get(person=colleague)
    client.post(SPACE + f"adhesions/{second.pk}/decision/", {"decision": "refused"})
    second.refresh_from_db()
    assert second.status == "refused"


def test_joining_an_unknown_authority_is_a_clear_error(client):
    client.force_login(person("agent@example.org"))
    with translation.override("fr"):
        response = client.post(
            SPACE + "organisations/rejoindre/", {"kind": "french_authority", "authority_code": "123"}
        )
    assert response.status_code == 200
    assert "Aucune collectivité française" in text(response)


# --- Offers of an embassy --------------------------------------------------------------------------------
OFFER = {
    "authority_name": "Commune de Saint-Louis",
    "authority_type": "municipality",
    "region": "Saint-Louis",
    "project_title": "Valorisation du patrimoine de l’île",
    "themes": ["patrimoine"],
    "description": "Restaurer les façades et former des artisans.",
    "partner_sought": "Une ville française ayant un secteur sauvegardé.",
    "working_languages": "français, wolof",
    "embassy": "Ambassade de France au Sénégal",
    "contact_name": "Awa Diop",
    "contact_email": "agent@example.org",
    "consent": "on",
}


def test_an_embassy_agent_follows_an_offer_until_it_is_published(client):
    site = build_intake_site()
    senegal = embassy()
    agent = person("agent@example.org", first_name="Awa", last_name="Diop")
    member(agent, senegal)
    client.force_login(agent)
    form = client.get(SPACE + f"organisations/{senegal.pk}/offres/nouvelle/")
    assert form.status_code == 200
    assert 'value="agent@example.org"' in text(form)
    assert "captcha" not in text(form)
    # The country is the embassy's, whatever is posted.
    response = client.post(SPACE + f"organisations/{senegal.pk}/offres/nouvelle/", OFFER | {"country": "MX"})
    assert response.status_code == 302
    offer = PartnershipOffer.objects.get()
    assert offer.country.iso_code == "SN"
    assert offer.ownership.organisation == senegal and offer.ownership.submitted_by == agent
    detail = client.get(response["Location"])
    assert "en cours d’examen" in text(detail) or "en cours d'examen" in text(detail)
    # Editable before the review: still under examination, the change is in the history.
    edit_url = SPACE + f"offres/{offer.reference}/modifier/"
    client.post(edit_url, OFFER | {"project_title": "Patrimoine de l’île, phase 2"})
    offer.refresh_from_db()
    assert offer.project_title == "Patrimoine de l’île, phase 2" and offer.status == "submitted"
    # A reviewer publishes it in the admin.
    setup_roles()
    reviewer = user_in_group("instructrice", "Instructeurs")
    client.force_login(reviewer)
    client.post(reverse("partnership_offers:inspect", args=[offer.pk]), {"status": "published", "comment": ""})
    offer.refresh_from_db()
    assert offer.status == "published"
    client.force_login(agent)
    detail = text(client.get(SPACE + f"offres/{offer.reference}/"))
    assert "publié" in detail
    assert site["bourse"].url + f"offres/{offer.reference}/" in detail
    assert client.get(site["bourse"].url + f"offres/{offer.reference}/").status_code == 200
    # A change after the review sends it back to review: off the Bourse.
    client.post(edit_url, OFFER | {"project_title": "Patrimoine, phase 3"})
    offer.refresh_from_db()
    assert offer.status == "submitted"
    assert client.get(site["bourse"].url + f"offres/{offer.reference}/").status_code == 404
    assert [change.status for change in offer.history()] == ["submitted", "submitted", "published", "submitted"]


def test_an_agent_claims_an_offer_sent_anonymously_from_their_address(client):
    build_intake_site()
    senegal = embassy()
    agent = person("agent@example.org")
    member(agent, senegal)
    mine = OfferFactory(contact_email="Agent@example.org")
    other = OfferFactory(contact_email="someone@example.org")
    client.force_login(agent)
    home = text(client.get(SPACE))
    assert mine.reference in home and other.reference not in home
    assert client.post(SPACE + f"reclamer/{other.reference}/", {"organisation": senegal.pk}).status_code == 404
    client.post(SPACE + f"reclamer/{mine.reference}/", {"organisation": senegal.pk})
    assert OfferOwnership.objects.get(offer=mine).organisation == senegal
    assert client.get(SPACE + f"offres/{mine.reference}/").status_code == 200
    # An unverified address claims nothing.
    stranger = person("someone@example.org", verified=False)
    member(stranger, senegal)
    client.force_login(stranger)
    assert client.post(SPACE + f"reclamer/{other.reference}/", {"organisation": senegal.pk}).status_code == 404


# --- Personal data ------------------------------------------------------------------------------------
def test_a_person_downloads_their_data_and_deletes_their_account(client):
    build_intake_site()
    senegal = embassy()
    agent = person("agent@example.org", first_name="Awa")
    member(agent, senegal)
    offer = OfferFactory()
    OfferOwnership.objects.create(offer=offer, organisation=senegal, submitted_by=agent)
    client.force_login(agent)
    response = client.get(SPACE + "mes-donnees/")
    assert response["Content-Type"] == "application/json"
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["account"]["email"] == "agent@example.org"
    assert data["memberships"][0]["organisation"] == senegal.name
    assert data["submitted_records"][0]["reference"] == offer.reference
    with translation.override("fr"):
        wrong = client.post(SPACE + "supprimer-mon-compte/", {"password": "faux", "confirm": "on"})
    assert "Le mot de passe est faux" in text(wrong)
    client.post(SPACE + "supprimer-mon-compte/", {"password": PASSWORD, "confirm": "on"})
    assert not get_user_model().objects.filter(email="agent@example.org").exists()
    ownership = OfferOwnership.objects.get(offer=offer)
    assert ownership.organisation == senegal and ownership.submitted_by is None
    assert client.get(SPACE).status_code == 302


# --- Page cache ----------------------------------------------------------------------------------------
def test_pages_of_signed_in_people_are_never_cached(client, settings):
    settings.PAGE_CACHE_SECONDS = 300
    site = build_intake_site()
    url = site["bourse"].url
    assert client.get(url)["X-Page-Cache"] == "miss"
    assert client.get(url)["X-Page-Cache"] == "hit"
    agent = person("agent@example.org")
    member(agent, embassy())
    client.force_login(agent)
    for path in (url, SPACE):
        response = client.get(path)
        assert "X-Page-Cache" not in response
    assert "no-store" in client.get(SPACE)["Cache-Control"]


# --- Second factor for staff who see personal data ------------------------------------------------------
def test_staff_who_see_personal_data_need_a_totp_code_for_the_admin(client, settings):
    from allauth.mfa.totp.internal.auth import (
        TOTP,
        format_hotp_value,
        generate_totp_secret,
        hotp_value,
        yield_hotp_counters_from_time,
    )

    settings.STAFF_MFA_REQUIRED = True
    setup_roles()
    reviewer = user_in_group("instructrice", "Instructeurs")
    reviewer.email = "instructrice@example.org"
    reviewer.set_password(PASSWORD)
    reviewer.save()
    EmailAddress.objects.create(user=reviewer, email=reviewer.email, verified=True, primary=True)
    # Signed in by password, without an authenticator: sent to set one up.
    assert login(client, reviewer.email)["Location"] == SPACE
    response = client.get("/admin/")
    assert response.status_code == 302 and response["Location"].endswith("/espace/compte/2fa/totp/activate/")
    secret = generate_totp_secret()
    TOTP.activate(reviewer, secret)
    # With an authenticator, a session opened by password alone (the Wagtail form) is not enough.
    client.logout()
    client.post("/admin/login/", {"username": "instructrice", "password": PASSWORD})
    response = client.get("/admin/")
    assert response.status_code == 302 and "/espace/compte/login/" in response["Location"]
    assert "_auth_user_id" not in client.session
    # The space's sign-in asks for the code, then the admin opens.
    assert "/2fa/authenticate/" in login(client, reviewer.email)["Location"]
    code = format_hotp_value(hotp_value(secret, next(yield_hotp_counters_from_time())))
    client.post("/fr/espace/compte/2fa/authenticate/", {"code": code})
    assert client.get("/admin/").status_code == 200
    # Staff without access to personal data are not asked for a second factor.
    plain = person("editeur@example.org")
    from django.contrib.auth.models import Permission

    plain.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.logout()
    assert login(client, "editeur@example.org")["Location"] == SPACE
    assert client.get("/admin/").status_code == 200


def test_the_space_home_page_costs_the_same_queries_for_many_offers(client, django_assert_max_num_queries):
    build_intake_site()
    senegal = embassy()
    agent = person("agent@example.org")
    member(agent, senegal)
    client.force_login(agent)

    def add_offers(count):
        for _index in range(count):
            OfferOwnership.objects.create(offer=OfferFactory(country=senegal.country), organisation=senegal)

    add_offers(2)
    with django_assert_max_num_queries(40) as few:
        assert client.get(SPACE).status_code == 200
    add_offers(20)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(SPACE).status_code == 200
    offer = PartnershipOffer.objects.first()
    with django_assert_max_num_queries(40):
        assert client.get(SPACE + f"offres/{offer.reference}/").status_code == 200


def test_apps_built_on_the_space_add_their_section_and_their_personal_data(client):
    """portal/space.py: a section shows on the space home only when it has something to show,
    and a personal-data provider's answer is in the downloaded file under its key."""
    from django.utils.html import format_html

    from portal import space

    agent = person("agent@example.org")
    space.register_section(
        "test-section", lambda request: format_html("<section><h2>{}</h2></section>", request.user.email), order=1
    )
    space.register_section("test-empty", lambda request: None)
    space.register_personal_data("test-data", lambda user: {"alerts": [user.email]})
    try:
        client.force_login(agent)
        page = text(client.get(SPACE))
        assert "<h2>agent@example.org</h2>" in page
        data = json.loads(client.get(SPACE + "mes-donnees/").content)
        assert data["test-data"] == {"alerts": ["agent@example.org"]}
    finally:
        space._sections.pop("test-section")
        space._sections.pop("test-empty")
        space._personal_data.pop("test-data")
