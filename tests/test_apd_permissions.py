"""The permission matrix of the APD declarations: every private URL (space and admin) × each role
— member of the authority, member of another authority, the ministry (space member and admin
reviewer), an embassy member, anonymous — answers what it must, and no page shows another
authority's declaration."""

import pytest
from django.contrib.auth.models import Permission

from apd.models import Declaration
from tests.factories.accounts import authority_organisation, embassy, member, ministry, person
from tests.factories.apd import campaign, declare, flow

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "own_member", "other_member", "ministry_member", "reviewer", "embassy_member"]


@pytest.fixture
def matrix(site_tree):
    own = authority_organisation()
    other = authority_organisation(code="33063", siren="213300635", name="Bordeaux", departement_code="33")
    people = {}
    for role, organisation in (
        ("own_member", own),
        ("other_member", other),
        ("ministry_member", ministry()),
        ("embassy_member", embassy("SN", "Sénégal")),
    ):
        people[role] = person(f"{role}@example.org")
        member(people[role], organisation)
    reviewer = person("reviewer@example.org", is_staff=True)
    reviewer.user_permissions.add(
        Permission.objects.get(codename="access_admin"), Permission.objects.get(codename="review_declaration")
    )
    people["reviewer"] = reviewer
    the_campaign = campaign(2025)
    declare(the_campaign, own.authority, people["own_member"], [flow(None, "100.00")])
    declaration = Declaration.objects.get()
    return {"people": people, "own": own.authority, "declaration": declaration}


def urls(matrix):
    reference, authority = matrix["declaration"].reference, matrix["own"]
    return {
        "space_home": "/fr/espace/apd/",
        "declare": f"/fr/espace/apd/{authority.pk}/2025/",
        "declaration": f"/fr/espace/apd/declarations/{reference}/",
        "receipt": f"/fr/espace/apd/declarations/{reference}/1/recu.pdf",
        "admin_followup": "/admin/apd/2025/",
        "admin_review": f"/admin/apd/declarations/{matrix['declaration'].pk}/",
        "admin_export": "/admin/apd/2025/export.csv",
    }


# What each role gets: 200, "login" (redirect to the sign-in), 404 (not theirs), "denied" (the
# admin refuses: a redirect to its own login or 403).
EXPECTED = {
    "space_home": {"anonymous": "login", "default": 200},
    "declare": {"anonymous": "login", "own_member": 200, "default": 404},
    "declaration": {"anonymous": "login", "own_member": 200, "default": 404},
    "receipt": {"anonymous": "login", "own_member": 404, "default": 404},  # the receipt is made on commit
    "admin_followup": {"reviewer": 200, "default": "denied"},
    "admin_review": {"reviewer": 200, "default": "denied"},
    "admin_export": {"reviewer": 200, "default": "denied"},
}


@pytest.mark.parametrize("role", ROLES)
def test_permission_matrix(client, matrix, role):
    if role != "anonymous":
        client.force_login(matrix["people"][role])
    for name, url in urls(matrix).items():
        expected = EXPECTED[name].get(role, EXPECTED[name]["default"])
        response = client.get(url)
        if expected == "login":
            assert response.status_code == 302 and "/espace/compte/login/" in response["Location"], (name, role)
        elif expected == "denied":
            assert response.status_code in (302, 403), (name, role, response.status_code)
            if response.status_code == 302:
                assert "login" in response["Location"] or response["Location"].startswith("/admin/"), (name, role)
        else:
            assert response.status_code == expected, (name, role, response.status_code)
        if response.status_code == 200 and name != "space_home" and role != "own_member" and role != "reviewer":
            raise AssertionError((name, role))
    if role not in ("own_member", "reviewer"):
        html = client.get("/fr/espace/apd/").content.decode() if role != "anonymous" else ""
        assert matrix["declaration"].reference not in html


def test_receipt_is_served_to_the_member_only(client, matrix, django_capture_on_commit_callbacks):
    from apd.tasks import make_receipt

    make_receipt.call(matrix["declaration"].current_version_id)
    url = urls(matrix)["receipt"]
    client.force_login(matrix["people"]["own_member"])
    assert client.get(url).status_code == 200
    client.force_login(matrix["people"]["other_member"])
    assert client.get(url).status_code == 404
