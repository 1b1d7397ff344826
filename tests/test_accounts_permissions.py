"""The permission matrix of the professional space: every private URL, as each role, answers
what it must (200, 302 to the sign-in, 404), and no page shows another organisation's data.
Runs on PostgreSQL (CI's database)."""

import pytest

from accounts.models import LabelRequestOwnership, Membership, OfferOwnership
from proposals.models import ProjectProposal, snapshot
from tests.factories.accounts import authority_organisation, embassy, member, ministry, person, prefecture
from tests.factories.atlas import ProjectFactory
from tests.factories.intake import LabelRequestFactory, OfferFactory, build_intake_site, setup_roles

pytestmark = pytest.mark.django_db

SPACE = "/fr/espace/"
ROLES = [
    "anonymous",
    "no_organisation",
    "member_a",
    "manager_a",
    "member_b",
    "authority_member",
    "prefecture_member",
    "ministry_staff",
]


@pytest.fixture
def world(requires_postgresql):
    site = build_intake_site()
    setup_roles()
    embassy_a = embassy("SN", "Sénégal")
    embassy_b = embassy("MX", "Mexique")
    authority = authority_organisation()
    other_authority = authority_organisation(code="33063", siren="213300635", name="Bordeaux", departement_code="33")
    prefecture_17 = prefecture("17", "Charente-Maritime")
    the_ministry = ministry()
    people = {"no_organisation": person("seul@example.org")}
    for role, organisation, membership_role in (
        ("member_a", embassy_a, "member"),
        ("manager_a", embassy_a, "manager"),
        ("member_b", embassy_b, "member"),
        ("authority_member", authority, "member"),
        ("prefecture_member", prefecture_17, "member"),
        ("ministry_staff", the_ministry, "manager"),
    ):
        people[role] = person(f"{role}@example.org", first_name=role)
        member(people[role], organisation, membership_role)
    people["ministry_staff"].is_staff = True
    people["ministry_staff"].save()
    offer_a = OfferFactory(country=embassy_a.country, project_title="Offre secrète A")
    OfferOwnership.objects.create(offer=offer_a, organisation=embassy_a, submitted_by=people["member_a"])
    offer_b = OfferFactory(country=embassy_b.country, project_title="Offre secrète B")
    OfferOwnership.objects.create(offer=offer_b, organisation=embassy_b, submitted_by=people["member_b"])
    label_17 = LabelRequestFactory(authority_name="Demande de La Rochelle", siren="211703004", department="17")
    LabelRequestOwnership.objects.create(label_request=label_17, organisation=authority)
    label_33 = LabelRequestFactory(authority_name="Demande de Bordeaux", siren="213300635", department="33")
    LabelRequestOwnership.objects.create(label_request=label_33, organisation=other_authority)
    # Atlas projects of the two authorities, and a proposal of each.
    project_17 = ProjectFactory(title="Projet secret de La Rochelle", lead=authority.authority)
    project_33 = ProjectFactory(title="Projet secret de Bordeaux", lead=other_authority.authority)
    bordeaux_member = person("bordeaux@example.org")
    member(bordeaux_member, other_authority)
    proposals = {}
    for key, organisation, project, author in (
        ("proposal_17", authority, project_17, people["authority_member"]),
        ("proposal_33", other_authority, project_33, bordeaux_member),
    ):
        base = snapshot(project)
        proposals[key] = ProjectProposal.objects.create(
            organisation=organisation,
            project=project,
            base=base,
            proposed={**base, "title": f"Proposition secrète {organisation.name}"},
            submitted_by=author,
        )
    pending_a = Membership.objects.create(person=person("candidat-a@example.org"), organisation=embassy_a)
    pending_b = Membership.objects.create(person=person("candidat-b@example.org"), organisation=embassy_b)
    return {
        "site": site,
        "people": people,
        "embassy_a": embassy_a,
        "embassy_b": embassy_b,
        "authority": authority,
        "offer_a": offer_a,
        "offer_b": offer_b,
        "label_17": label_17,
        "label_33": label_33,
        "pending_a": pending_a,
        "pending_b": pending_b,
        "other_authority": other_authority,
        "project_17": project_17,
        "project_33": project_33,
        **proposals,
    }


def urls(world):
    """Each private GET URL with the roles that may open it (200); the others get 404, and
    anonymous visitors are sent to the sign-in page (302)."""
    everyone = set(ROLES) - {"anonymous"}
    return {
        SPACE: everyone,
        SPACE + "organisations/rejoindre/": everyone,
        SPACE + "mes-donnees/": everyone,
        SPACE + "supprimer-mon-compte/": everyone,
        SPACE + "compte/password/change/": everyone,
        SPACE + "compte/email/": everyone,
        SPACE + "compte/2fa/": everyone,
        SPACE + f"organisations/{world['embassy_a'].pk}/": {"member_a", "manager_a", "ministry_staff"},
        SPACE + f"organisations/{world['embassy_b'].pk}/": {"member_b", "ministry_staff"},
        SPACE + f"organisations/{world['authority'].pk}/": {"authority_member", "ministry_staff"},
        SPACE + f"organisations/{world['embassy_a'].pk}/offres/nouvelle/": {"member_a", "manager_a"},
        SPACE + f"organisations/{world['embassy_b'].pk}/offres/nouvelle/": {"member_b"},
        SPACE + f"offres/{world['offer_a'].reference}/": {"member_a", "manager_a"},
        SPACE + f"offres/{world['offer_a'].reference}/modifier/": {"member_a", "manager_a"},
        SPACE + f"offres/{world['offer_b'].reference}/": {"member_b"},
        SPACE + f"offres/{world['offer_b'].reference}/modifier/": {"member_b"},
        SPACE + f"expe-ct/{world['label_17'].reference}/": {"authority_member", "prefecture_member"},
        SPACE + f"expe-ct/{world['label_33'].reference}/": set(),
        # Proposals of changes to Atlas projects: the authority's members only (the ministry
        # reviews them in the admin).
        SPACE + f"propositions/organisations/{world['authority'].pk}/nouveau/": {"authority_member"},
        SPACE + f"propositions/organisations/{world['authority'].pk}/projets/{world['project_17'].pk}/": {
            "authority_member"
        },
        SPACE + f"propositions/organisations/{world['authority'].pk}/projets/{world['project_33'].pk}/": set(),
        SPACE + f"propositions/organisations/{world['other_authority'].pk}/nouveau/": set(),
        SPACE + f"propositions/organisations/{world['other_authority'].pk}/projets/{world['project_33'].pk}/": set(),
        SPACE + f"propositions/{world['proposal_17'].pk}/": {"authority_member"},
        SPACE + f"propositions/{world['proposal_33'].pk}/": set(),
    }


# What each role must never see anywhere in the space.
SECRET_PROJECTS = ["Projet secret", "Proposition secrète"]
FORBIDDEN_TEXT = {
    "no_organisation": ["Offre secrète", "Demande de", "candidat-", *SECRET_PROJECTS],
    "member_a": ["Offre secrète B", "Demande de", "candidat-", *SECRET_PROJECTS],
    "manager_a": ["Offre secrète B", "Demande de", "candidat-b@", *SECRET_PROJECTS],
    "member_b": ["Offre secrète A", "Demande de", "candidat-", *SECRET_PROJECTS],
    "authority_member": [
        "Offre secrète",
        "Demande de Bordeaux",
        "candidat-",
        "Projet secret de Bordeaux",
        "Proposition secrète Bordeaux",
    ],
    "prefecture_member": ["Offre secrète", "Demande de Bordeaux", "candidat-", *SECRET_PROJECTS],
    "ministry_staff": ["Demande de Bordeaux", *SECRET_PROJECTS],
}


def test_every_private_url_as_every_role(client, world):
    failures = []
    for role in ROLES:
        client.logout()
        if role != "anonymous":
            client.force_login(world["people"][role])
        for url, allowed in urls(world).items():
            response = client.get(url)
            expected = 302 if role == "anonymous" else (200 if role in allowed else 404)
            if response.status_code != expected:
                failures.append(f"{role} GET {url}: {response.status_code}, expected {expected}")
            if role == "anonymous" and response.status_code == 302:
                assert response["Location"].startswith("/fr/espace/compte/login/")
            body = response.content.decode(errors="replace")
            for text in FORBIDDEN_TEXT.get(role, []):
                if text in body:
                    failures.append(f"{role} GET {url}: shows {text!r}")
    assert not failures, "\n".join(failures)


def test_decisions_and_changes_as_every_role(client, world):
    """POSTs: deciding on a membership, editing an offer, claiming; each refused with 404 (or
    the sign-in for anonymous visitors) unless the role may."""
    decide_a = SPACE + f"adhesions/{world['pending_a'].pk}/decision/"
    decide_b = SPACE + f"adhesions/{world['pending_b'].pk}/decision/"
    edit_b = SPACE + f"offres/{world['offer_b'].reference}/modifier/"
    for role in ROLES:
        client.logout()
        if role != "anonymous":
            client.force_login(world["people"][role])
        answer = client.post(decide_b, {"decision": "approved"})
        expected = {"anonymous": 302, "ministry_staff": 302}.get(role, 404)
        if role == "anonymous":
            assert answer.status_code == 302 and "/compte/login/" in answer["Location"]
        else:
            assert answer.status_code == expected, role
        world["pending_b"].refresh_from_db()
        if role != "ministry_staff":
            assert world["pending_b"].status == "requested", role
        else:
            assert world["pending_b"].status == "approved"
        if role not in ("member_b",):
            response = client.post(edit_b, {"project_title": "Piraté"})
            assert response.status_code in (302, 404), role
            if role != "anonymous":
                assert response.status_code == 404, role
        world["offer_b"].refresh_from_db()
        assert world["offer_b"].project_title == "Offre secrète B"
    client.force_login(world["people"]["manager_a"])
    assert client.post(decide_a, {"decision": "approved"}).status_code == 302
    world["pending_a"].refresh_from_db()
    assert world["pending_a"].status == "approved"
    # A member (not manager) of embassy A cannot decide on A's requests.
    late = Membership.objects.create(person=person("tard@example.org"), organisation=world["embassy_a"])
    client.force_login(world["people"]["member_a"])
    assert client.post(SPACE + f"adhesions/{late.pk}/decision/", {"decision": "approved"}).status_code == 404


def test_proposals_as_every_role(client, world):
    """Proposing on another authority's project, or for another authority, is refused with 404
    (or the sign-in): nothing is stored."""
    other = world["other_authority"].pk
    targets = [
        SPACE + f"propositions/organisations/{other}/projets/{world['project_33'].pk}/",
        SPACE + f"propositions/organisations/{other}/nouveau/",
        SPACE + f"propositions/organisations/{world['authority'].pk}/projets/{world['project_33'].pk}/",
    ]
    before = ProjectProposal.objects.count()
    for role in ROLES:
        client.logout()
        if role != "anonymous":
            client.force_login(world["people"][role])
        for url in targets:
            response = client.post(url, {"title": "Piraté", "kind": "cooperation", "language": "fr"})
            assert response.status_code == (302 if role == "anonymous" else 404), (role, url)
    assert ProjectProposal.objects.count() == before
