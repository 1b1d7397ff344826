"""Demo content of the Atlas: ``atlas.toml`` beside this file, loaded by ``load_atlas_demo()``.

Idempotent: the Atlas page, partner authorities (by name and country), projects (by reference)
and APD figures (by authority and year) are created or brought back to what the file says. The
French authorities come from the official geographic code, loaded first when missing.
"""

import tomllib
from decimal import Decimal
from pathlib import Path

from django.db.models import Q
from wagtail.models import Locale, Site

from atlas.goals import ensure_goals
from atlas.matching import link_all
from atlas.models import (
    ApdFigure,
    AtlasIndexPage,
    FundingLine,
    OtherPartner,
    Project,
    ProjectFrenchAuthority,
    ProjectPartner,
    SustainableDevelopmentGoal,
)
from atlas.searching import index_for_search
from calls.models import CallPage
from portal.authorities import FrenchAuthority, PartnerAuthority, normalize_name
from portal.cog import load_authorities
from portal.models import Country, NavigationMenu, Theme
from portal.seeding import TRANSLATED_LANGUAGES, T, translate

DATA_FILE = Path(__file__).with_name("atlas.toml")


def read_data():
    with DATA_FILE.open("rb") as handle:
        return tomllib.load(handle)


def french_authorities(specs):
    """``{"kind:code": FrenchAuthority}`` for the specs of the file (one query)."""

    condition = Q(pk__in=[])
    for spec in specs:
        kind, code = spec.split(":")
        condition |= Q(kind=kind, code=code)
    return {f"{a.kind}:{a.code}": a for a in FrenchAuthority.objects.filter(condition)}


def load_atlas_demo(home=None, stdout=None):
    """Load the Atlas demo under ``home`` (the French home page by default). Returns the French
    Atlas page (None when there is no home page)."""

    data = read_data()
    ensure_goals()
    specs = {project["lead"] for project in data["projects"]} | {a["authority"] for a in data["apd"]}
    specs |= {spec for project in data["projects"] for spec in project.get("french", [])}
    if not FrenchAuthority.objects.filter(kind=FrenchAuthority.Kind.COMMUNE).exists() or len(
        french_authorities(specs)
    ) < len(specs):
        load_authorities(communes="all")
        if stdout:
            stdout.write("French authorities loaded from the official geographic code.")
    home = home or default_home()
    page = ensure_page(home, data["page"]) if home else None
    partners = load_partners(data["partners"])
    load_projects(data["projects"], partners, french_authorities(specs))
    load_apd(data["apd"], french_authorities(specs))
    if page is not None:
        add_to_menu(page)
    # The demo's laureate rows, offers and label requests were saved before the referential and
    # the partner authorities were there: their links are stored now.
    link_all()
    index_for_search(Project.objects.filter(origin=Project.Origin.DEMO).published().only("pk"))
    if stdout:
        stdout.write(f"Atlas demo: {len(data['projects'])} projects, {len(partners)} partner authorities.")
    return page


def default_home():
    """The root page of the default site when it is in the default language (the French home
    page of the demo): found through Wagtail's Site, so that the Atlas does not depend on home."""
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None or site.root_page.locale_id != Locale.get_default().pk:
        return None
    return site.root_page.specific


def ensure_page(home, spec):
    """The French Atlas page under ``home`` and its translations (wagtail-localize)."""

    title, intro = T(**spec["title"]), T(**spec["intro"])
    page = AtlasIndexPage.objects.child_of(home).first()
    if page is None:
        page = AtlasIndexPage(title=title.fr, slug=spec["slug"], intro=intro.fr, show_in_menus=True)
        home.add_child(instance=page)
        page.save_revision().publish()
    for code in TRANSLATED_LANGUAGES:
        translate(page, code, [title, intro])
    return page


def load_partners(specs):

    countries = {country.iso_code: country for country in Country.objects.all()}
    partners = {}
    for spec in specs:
        country = countries.get(spec["country"])
        if country is None:
            continue
        partner = PartnerAuthority.objects.filter(name=spec["name"], country=country).first() or PartnerAuthority(
            name=spec["name"], country=country, origin=PartnerAuthority.Origin.DEMO
        )
        partner.kind = spec.get("kind", PartnerAuthority.Kind.MUNICIPALITY)
        partner.region = spec.get("region", "")
        if "latitude" in spec and partner.coordinates_source != PartnerAuthority.CoordinatesSource.MANUAL:
            partner.latitude = Decimal(str(spec["latitude"]))
            partner.longitude = Decimal(str(spec["longitude"]))
        partner.save()
        partners[spec["key"]] = partner
    return partners


def load_projects(specs, partners, authorities):

    themes = {theme.slug: theme for theme in Theme.objects.filter(locale__language_code="fr")}
    calls = {call.slug: call for call in CallPage.objects.filter(locale__language_code="fr")}
    for spec in specs:
        project = Project.objects.filter(reference=spec["reference"]).first() or Project(
            reference=spec["reference"], origin=Project.Origin.DEMO
        )
        contact = spec.get("contact", {})
        project.title = spec["title"]
        project.language = spec.get("language", "fr")
        project.kind = spec["kind"]
        project.status = Project.Status.PUBLISHED
        project.start_year, project.end_year = spec.get("start"), spec.get("end")
        for name in ("objectives", "description", "history", "context"):
            setattr(project, name, spec.get(name, ""))
        project.contact_organisation = contact.get("organisation", "")
        project.contact_email = contact.get("email", "")
        project.contact_address = contact.get("address", "")
        # Parental many-to-many relations are written when the project is saved.
        project.themes.set([themes[slug] for slug in spec.get("themes", []) if slug in themes])
        project.goals.set(list(SustainableDevelopmentGoal.objects.filter(number__in=spec.get("goals", []))))
        project.save()
        project.french_authority_links.all().delete()
        links = [(spec["lead"], ProjectFrenchAuthority.Role.LEAD)]
        links += [(other, ProjectFrenchAuthority.Role.PARTNER) for other in spec.get("french", [])]
        ProjectFrenchAuthority.objects.bulk_create(
            ProjectFrenchAuthority(
                project=project,
                authority=authorities.get(key),
                name="" if key in authorities else key,
                role=role,
                sort_order=i,
            )
            for i, (key, role) in enumerate(links)
        )
        project.partner_links.all().delete()
        ProjectPartner.objects.bulk_create(
            ProjectPartner(project=project, partner=partners[key], country_id=partners[key].country_id, sort_order=i)
            for i, key in enumerate(spec.get("partners", []))
            if key in partners
        )
        project.other_partners.all().delete()
        OtherPartner.objects.bulk_create(
            OtherPartner(project=project, sort_order=i, **other)
            for i, other in enumerate(spec.get("other_partners", []))
        )
        project.funding_lines.all().delete()
        lines = []
        for i, line in enumerate(spec.get("funding", [])):
            call = calls.get(line.get("call", ""))
            laureate = None
            if call is not None and line.get("laureate"):
                wanted = normalize_name(line["laureate"])
                laureate = next(
                    (row for row in call.laureates.all() if normalize_name(row.french_authority) == wanted), None
                )
            lines.append(
                FundingLine(
                    project=project,
                    source=line["source"],
                    amount=Decimal(str(line["amount"])),
                    year=line.get("year"),
                    call=call,
                    laureate=laureate,
                    note=line.get("note", ""),
                    sort_order=i,
                )
            )
        FundingLine.objects.bulk_create(lines)
        project.update_location()


def load_apd(specs, authorities):

    for spec in specs:
        authority = authorities.get(spec["authority"])
        if authority is None:
            continue
        for year, amount in spec["figures"]:
            ApdFigure.objects.update_or_create(
                authority=authority, year=year, defaults={"amount": Decimal(str(amount))}
            )


def add_to_menu(page):
    """Add the Atlas to the French main menu (and its translations) when it is not there."""

    menu = NavigationMenu.objects.filter(placement="main", locale=page.locale).first()
    if menu is None or any(item.value.get("page") and item.value["page"].pk == page.pk for item in menu.items):
        return
    # Inserted into the stream itself: the other links keep their block ids, which are the
    # contexts of their translated labels (new ids would leave the translations in French).
    menu.items.insert(min(2, len(menu.items)), ("link", {"page": page, "url": "", "label": ""}))
    menu.save()
    for code in TRANSLATED_LANGUAGES:
        translate(menu, code, [], update=True)
