"""Who does what with Atlas projects in the admin: editors and reviewers create and correct them,
moderators and reviewers publish them; the referential of authorities is read by all of them."""

import io

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from atlas.models import Project
from tests.factories.atlas import ProjectFactory, bretagne

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/snippets/atlas/project/add/"
LIST_URL = "/admin/snippets/atlas/project/"


@pytest.fixture
def roles():
    call_command("setup_roles", stdout=io.StringIO())


def login(client, django_user_model, group):
    user = django_user_model.objects.create_user(f"u-{group or 'none'}", password="x" * 12)
    if group:
        user.groups.add(Group.objects.get(name=group))
    else:
        from django.contrib.auth.models import Permission

        user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    return user


def project_form(authority, **fields):
    return nested_form_data(
        {
            "title": "Coopération avec Xalapa",
            "kind": "cooperation",
            "language": "fr",
            "reference": "",
            "start_year": "2020",
            "end_year": "",
            "objectives": "Mieux gérer l’eau.",
            "description": "",
            "history": "",
            "context": "",
            "contact_organisation": "Direction des relations internationales",
            "contact_address": "",
            "contact_email": "",
            "contact_url": "",
            "contact_person": "",
            "french_authority_links": inline_formset([{"authority": authority.pk, "name": "", "role": "lead"}]),
            "partner_links": inline_formset([]),
            "other_partners": inline_formset([]),
            "funding_lines": inline_formset([]),
            **fields,
        }
    )


@pytest.mark.parametrize(
    "group,can_list,can_add,can_publish",
    [
        ("Éditeurs", True, True, False),
        ("Modérateurs", True, True, True),
        ("Instructeurs", True, True, True),
        (None, False, False, False),
    ],
)
def test_permission_matrix(client, django_user_model, roles, group, can_list, can_add, can_publish):
    places = bretagne()
    user = login(client, django_user_model, group)
    assert user.has_perm("atlas.publish_project") is can_publish
    response = client.get(LIST_URL)
    assert (response.status_code == 200) is can_list
    response = client.get(ADD_URL)
    assert (response.status_code == 200) is can_add
    if not can_add:
        return
    assert ('name="status"' in response.content.decode()) is can_publish
    response = client.post(ADD_URL, project_form(places["epci"], status="published"))
    assert response.status_code == 302, response.content.decode()[-3000:]
    project = Project.objects.get(title="Coopération avec Xalapa")
    assert project.status == ("published" if can_publish else "draft")
    assert project.lead_link().authority == places["epci"]
    assert (project.region, project.departement) == (places["region"], places["departement"])


def test_a_named_contact_needs_consent(client, django_user_model, roles):
    places = bretagne()
    login(client, django_user_model, "Instructeurs")
    response = client.post(ADD_URL, project_form(places["commune"], contact_person="Personne Inventée"))
    assert response.status_code == 200
    assert "Ne nommez une personne qu’avec son consentement" in response.content.decode()
    assert not Project.objects.exists()


def test_editors_correct_a_published_project_without_unpublishing_it(client, django_user_model, roles):
    places = bretagne()
    project = ProjectFactory(title="Projet publié", lead=places["commune"])
    login(client, django_user_model, "Éditeurs")
    response = client.get(f"/admin/snippets/atlas/project/edit/{project.pk}/")
    assert response.status_code == 200 and 'name="status"' not in response.content.decode()
    form = project_form(places["commune"], title="Projet publié et corrigé")
    form["french_authority_links-0-id"] = project.french_authority_links.get().pk
    response = client.post(f"/admin/snippets/atlas/project/edit/{project.pk}/", form)
    assert response.status_code == 302
    project.refresh_from_db()
    assert (project.title, project.status) == ("Projet publié et corrigé", "published")


def test_a_funding_line_offers_only_the_laureates_of_its_call(client, django_user_model, roles, site_tree):
    from tests.factories.atlas import FundingLineFactory
    from tests.factories.calls import CallIndexPageFactory, CallPageFactory, LaureateFactory

    places = bretagne()
    index = CallIndexPageFactory()
    mexico_call = CallPageFactory(parent=index, title="Franco-mexicain 2020", closed=True)
    other_call = CallPageFactory(parent=index, title="Franco-libanais 2020", closed=True)
    brest = LaureateFactory(page=mexico_call, french_authority="Brest Métropole", partner_authority="Xalapa")
    LaureateFactory(page=other_call, french_authority="Ville de Lyon", partner_authority="Beyrouth")
    project = ProjectFactory(title="Eau à Xalapa", lead=places["epci"])
    FundingLineFactory(project=project, source="ministry", call=mexico_call)
    login(client, django_user_model, "Modérateurs")
    html = client.get(f"/admin/snippets/atlas/project/edit/{project.pk}/").content.decode()
    assert f'<option value="{brest.pk}">Brest Métropole – Xalapa</option>' in html
    assert "Ville de Lyon – Beyrouth" not in html
