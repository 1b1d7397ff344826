"""Proposals of changes to Atlas projects: a French authority's member proposes from the space,
the public project does not change until a reviewer accepts in the admin, a change made meanwhile
is shown as a conflict, and the authority is told by e-mail through the task queue."""

import json

import pytest
from django.core import mail

from atlas.models import Project
from proposals.models import ProjectProposal
from tests.factories import CountryFactory, ThemeFactory
from tests.factories.accounts import authority_organisation, member, person
from tests.factories.atlas import PartnerAuthorityFactory, ProjectFactory
from tests.factories.intake import setup_roles, user_in_group

pytestmark = pytest.mark.django_db
SPACE = "/fr/espace/"


@pytest.fixture
def authority(site_tree):
    setup_roles()
    organisation = authority_organisation()
    agent = person("agent@example.org", first_name="Jeanne", last_name="Rochelaise")
    member(agent, organisation)
    manager = person("dri@example.org", first_name="Paul")
    member(manager, organisation, role="manager")
    reviewer = user_in_group("instructrice", "Instructeurs")
    project = ProjectFactory(title="Eau potable à Dakar", lead=organisation.authority, start_year=2019)
    other = ProjectFactory(
        title="Projet de Bordeaux",
        lead=authority_organisation(code="33063", siren="213300635", name="Bordeaux", departement_code="33").authority,
    )
    return {
        "organisation": organisation,
        "agent": agent,
        "reviewer": reviewer,
        "project": project,
        "other": other,
        "water": ThemeFactory(name="Eau et assainissement", slug="eau"),
    }


def proposal_data(**changes):
    data = {
        "title": "Eau potable à Dakar",
        "kind": "cooperation",
        "language": "fr",
        "start_year": "2019",
        "end_year": "",
        "objectives": "Améliorer l’accès à l’eau potable.",
        "description": "",
        "history": "",
        "context": "",
        "partners": "",
        "other_partners": "",
        "message": "",
    }
    data.update(changes)
    return data


def propose(client, authority, **changes):
    url = SPACE + f"propositions/organisations/{authority['organisation'].pk}/projets/{authority['project'].pk}/"
    return client.post(url, proposal_data(**changes))


def test_the_space_lists_the_authority_projects_only(client, authority):
    client.force_login(authority["agent"])
    body = client.get(SPACE).content.decode()
    assert "Mes projets dans l’Atlas" in body
    assert "Eau potable à Dakar" in body
    assert "Projet de Bordeaux" not in body
    url = SPACE + f"propositions/organisations/{authority['organisation'].pk}/projets/{authority['other'].pk}/"
    assert client.get(url).status_code == 404


def test_a_proposal_changes_nothing_until_accepted_then_applies(client, authority, django_capture_on_commit_callbacks):
    client.force_login(authority["agent"])
    with django_capture_on_commit_callbacks(execute=True):
        response = propose(
            client,
            authority,
            title="Eau potable et assainissement à Dakar",
            end_year="2024",
            themes=[str(authority["water"].pk)],
            other_partners="Hôpital de La Rochelle\nUniversité de La Rochelle",
            message="Le projet est terminé.",
        )
    proposal = ProjectProposal.objects.get()
    assert response.status_code == 302 and response["Location"] == SPACE + f"propositions/{proposal.pk}/"
    assert set(proposal.changed_fields()) == {"title", "end_year", "themes", "other_partners"}
    [notice] = mail.outbox
    assert notice.to == ["instructrice@example.org"]
    assert f"/admin/project_proposals/inspect/{proposal.pk}/" in notice.body
    authority["project"].refresh_from_db()
    assert authority["project"].title == "Eau potable à Dakar"  # the public project is unchanged

    detail = client.get(SPACE + f"propositions/{proposal.pk}/").content.decode()
    assert "en cours d’examen" in detail and "Eau potable et assainissement à Dakar" in detail

    mail.outbox.clear()
    client.force_login(authority["reviewer"])
    page = client.get(f"/admin/project_proposals/inspect/{proposal.pk}/").content.decode()
    assert "Eau potable et assainissement à Dakar" in page and "<strong>conflit</strong>" not in page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/admin/project_proposals/inspect/{proposal.pk}/", {"decision": "accepted", "message": "Merci."}
        )
    assert response.status_code == 302
    project = Project.objects.get(pk=authority["project"].pk)
    assert project.title == "Eau potable et assainissement à Dakar"
    assert project.end_year == 2024
    assert list(project.themes.all()) == [authority["water"]]
    assert [partner.name for partner in project.other_partners.all()] == [
        "Hôpital de La Rochelle",
        "Université de La Rochelle",
    ]
    assert project.objectives == "Améliorer l’accès à l’eau potable."
    [told] = mail.outbox
    assert sorted(told.to) == ["agent@example.org", "dri@example.org"]
    assert "acceptée" in told.subject and "Merci." in told.body

    client.force_login(authority["agent"])
    detail = client.get(SPACE + f"propositions/{proposal.pk}/").content.decode()
    assert "acceptée" in detail and "Merci." in detail


def test_a_change_made_meanwhile_is_a_conflict_to_confirm(client, authority):
    client.force_login(authority["agent"])
    propose(client, authority, title="Titre proposé", description="Description proposée")
    proposal = ProjectProposal.objects.get()
    # Staff correct the title in the meantime; the description is untouched.
    Project.objects.filter(pk=authority["project"].pk).update(title="Titre corrigé par le ministère")
    assert [row["field"] for row in proposal.conflicts()] == ["title"]

    client.force_login(authority["reviewer"])
    url = f"/admin/project_proposals/inspect/{proposal.pk}/"
    page = client.get(url).content.decode()
    assert "Titre corrigé par le ministère" in page and "<strong>conflit</strong>" in page
    response = client.post(url, {"decision": "accepted"})
    assert response.status_code == 200
    assert "Le projet a changé depuis la proposition" in response.content.decode()
    proposal.refresh_from_db()
    assert proposal.status == "submitted"
    client.post(url, {"decision": "accepted", "override_conflicts": "on"})
    project = Project.objects.get(pk=authority["project"].pk)
    assert (project.title, project.description) == ("Titre proposé", "Description proposée")


def test_refusal_needs_a_message_and_leaves_the_project(client, authority, django_capture_on_commit_callbacks):
    client.force_login(authority["agent"])
    propose(client, authority, title="Autre titre")
    proposal = ProjectProposal.objects.get()
    client.force_login(authority["reviewer"])
    url = f"/admin/project_proposals/inspect/{proposal.pk}/"
    assert client.post(url, {"decision": "refused"}).status_code == 200
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"decision": "refused", "message": "Titre déjà correct."})
    proposal.refresh_from_db()
    assert proposal.status == "refused" and proposal.reviewer_message == "Titre déjà correct."
    assert Project.objects.get(pk=authority["project"].pk).title == "Eau potable à Dakar"
    assert [event.status for event in proposal.history()] == ["submitted", "refused"]
    [told] = mail.outbox
    assert "n’est pas acceptée" in told.subject
    # A decided proposal cannot be decided again.
    assert client.post(url, {"decision": "accepted"}).status_code in (302, 403)
    proposal.refresh_from_db()
    assert proposal.status == "refused"


def test_a_new_project_is_created_published_with_the_authority_as_lead(client, authority):
    senegal = CountryFactory(name="Sénégal", iso_code="SN", continent="002")
    partner = PartnerAuthorityFactory(name="Saint-Louis", country=senegal)
    client.force_login(authority["agent"])
    url = SPACE + f"propositions/organisations/{authority['organisation'].pk}/nouveau/"
    assert client.get(url).status_code == 200
    response = client.post(
        url, proposal_data(title="Jumelage avec Saint-Louis", kind="twinning", partners="SAINT-LOUIS\nXalapa")
    )
    assert response.status_code == 302
    proposal = ProjectProposal.objects.get()
    assert proposal.is_new_project and proposal.project is None
    client.force_login(authority["reviewer"])
    client.post(f"/admin/project_proposals/inspect/{proposal.pk}/", {"decision": "accepted"})
    project = Project.objects.get(title="Jumelage avec Saint-Louis")
    assert project.status == "published" and project.kind == "twinning"
    assert project.lead_link().authority == authority["organisation"].authority
    links = list(project.partner_links.order_by("sort_order"))
    assert [(link.partner, link.name) for link in links] == [(partner, ""), (None, "Xalapa")]


def test_bad_input_is_a_form_error_not_a_500(client, authority):
    client.force_login(authority["agent"])
    response = propose(client, authority, title="", start_year="2020", end_year="2010", kind="nope")
    assert response.status_code == 200
    body = response.content.decode()
    assert '<a href="#id_title">Renseignez « Titre ».</a>' in body
    assert "L’année de fin ne doit pas précéder l’année de début." in body
    assert "error-summary" in body
    assert propose(client, authority).status_code == 200  # nothing changed
    assert not ProjectProposal.objects.exists()


def test_only_reviewers_decide(client, authority):
    client.force_login(authority["agent"])
    propose(client, authority, title="Autre titre")
    proposal = ProjectProposal.objects.get()
    editor = user_in_group("editrice", "Éditeurs")
    client.force_login(editor)
    url = f"/admin/project_proposals/inspect/{proposal.pk}/"
    assert client.post(url, {"decision": "accepted"}).status_code in (302, 403)
    proposal.refresh_from_db()
    assert proposal.status == "submitted"


def test_proposals_are_in_the_personal_data_file(client, authority):
    client.force_login(authority["agent"])
    propose(client, authority, title="Autre titre", message="Voici")
    data = json.loads(client.get(SPACE + "mes-donnees/").content)
    [entry] = data["atlas_proposals"]
    assert entry["proposed"]["title"] == "Autre titre" and entry["message"] == "Voici"
