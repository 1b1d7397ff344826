"""Public pages of the Atlas (served by ``AtlasIndexPage`` routes) and the admin import view.

Each public page reads what it shows in a fixed number of queries, whatever the number of
projects, links or funding lines (tests/test_atlas_pages.py holds them to a budget).
"""

import csv
import uuid
from decimal import Decimal

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import CharField, Count, OuterRef, Prefetch, Subquery, Value, prefetch_related_objects
from django.db.models.functions import Concat
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.translation import gettext as _

from atlas import exports, matching, stats
from atlas.importer import ImportForm, import_projects, template_csv
from atlas.listings import KeyList, ProjectListing, page_of, read_page
from atlas.models import (
    ApdCountryTotal,
    ApdFigure,
    ApdFlowFigure,
    ApdYearTotal,
    AtlasIndexPage,
    FundingLine,
    Project,
    ProjectFrenchAuthority,
    ProjectPartner,
    listing_prefetches,
)
from forms.models import ExpertiseLabelRequest, PartnershipOffer
from portal.authorities import FrenchAuthority, PartnerAuthority
from portal.exports import neutralise
from portal.gazetteer import country_numeric_codes
from portal.i18n import localized_pages
from portal.models import Country
from portal.routing import serves
from portal.taxonomy import localize_themes, sort_key

PROJECTS_PER_PAGE = 20


@serves(AtlasIndexPage, "index")
def atlas_index(request, page):
    """The Atlas home: the live figures, the continents, the map, the way to the list (all
    from the cached figures of the whole Atlas: no query of its own once cached)."""
    continents = stats.continents()
    return page.render(
        request,
        context_overrides={
            "figures": stats.live_figures(),
            "continents": [(code, name, count, page.continent_url(code)) for code, name, count in continents],
            "list_url": page.url + page.reverse_subpage("projects"),
            "world_url": page.url + page.reverse_subpage("world"),
            "map_data_url": page.url + page.reverse_subpage("map_data"),
            "country_rows": stats.countries(),
        },
    )


def render_level(
    request,
    page,
    *,
    title,
    projects,
    key,
    list_query,
    trail,
    children=None,
    children_title="",
    declared=None,
    extra=None,
):
    """One level of the navigation World → continent → country: its state of cooperation (with
    ``declared``, ``ApdCountryTotal`` rows, the APD declared towards the place by year), read in
    one statement and kept under the content version as the level ``key`` (``stats.cooperation_state``)."""
    state = stats.cooperation_state(projects, page, declared=declared, key=key)
    context = {
        "level_title": title,
        "state": state,
        "trail": trail,
        "children": children or [],
        "children_title": children_title,
        "list_url": page.url + page.reverse_subpage("projects") + (f"?{list_query}" if list_query else ""),
    }
    if declared is not None:
        context["declared_apd"] = state["declared_apd"]
    return page.render(request, template="atlas/level.html", context_overrides=context | (extra or {}))


@serves(AtlasIndexPage, "world")
def world(request, page):
    projects = Project.objects.published()
    children = [(name, page.continent_url(code), count) for code, name, count in stats.continents()]
    return render_level(
        request,
        page,
        title=_("World"),
        projects=projects,
        key="world",
        list_query="",
        trail=[],
        children=children,
        children_title=_("Continents"),
        extra=world_apd(),
    )


@serves(AtlasIndexPage, "continent")
def continent(request, page, code):
    names = dict(Country.Continent.choices)
    if code not in names:
        raise Http404
    projects = Project.objects.published().filter(
        pk__in=ProjectPartner.objects.filter(country__continent=code).values("project_id")
    )
    counts = stats.cached(f"continent-countries:{code}", lambda: stats.country_counts(projects, continent=code))
    children = [(c.name, page.country_url(c), c.project_count) for c in stats.countries(counts=counts)]
    world_url = page.url + page.reverse_subpage("world")
    return render_level(
        request,
        page,
        title=names[code],
        projects=projects,
        key=f"continent:{code}",
        list_query=f"continent={code}",
        trail=[(_("World"), world_url)],
        children=children,
        children_title=_("Countries"),
        declared=ApdCountryTotal.objects.filter(country__continent=code),
    )


@serves(AtlasIndexPage, "country")
def country(request, page, iso):
    country = stats.country_by_iso(iso)
    if country is None:
        raise Http404
    projects = Project.objects.published().filter(
        pk__in=ProjectPartner.objects.filter(country=country).values("project_id")
    )
    trail = [(_("World"), page.url + page.reverse_subpage("world"))]
    if country.continent:
        trail.append((country.get_continent_display(), page.continent_url(country.continent)))
    return render_level(
        request,
        page,
        title=country.name,
        projects=projects,
        key=f"country:{country.pk}",
        list_query=f"country={iso}",
        trail=trail,
        declared=ApdCountryTotal.objects.filter(country=country),
    )


@serves(AtlasIndexPage, "project")
def project_detail(request, page, pk):
    """A fiche-projet: who, where, what, since when, with which funding, and a locator map."""
    project = (
        Project.objects.published()
        .select_related("region", "departement")
        .prefetch_related(
            "themes",
            "goals",
            "other_partners",
            Prefetch(
                "french_authority_links",
                queryset=ProjectFrenchAuthority.objects.select_related("authority__departement").order_by(
                    "role", "sort_order", "pk"
                ),
            ),
            Prefetch(
                "partner_links",
                queryset=ProjectPartner.objects.select_related("partner", "country").order_by("sort_order", "pk"),
            ),
            Prefetch(
                "funding_lines",
                queryset=FundingLine.objects.select_related("call", "laureate").order_by("year", "sort_order", "pk"),
            ),
        )
        .filter(pk=pk)
        .first()
    )
    if project is None:
        raise Http404
    french_links = list(project.french_authority_links.all())
    partner_links = list(project.partner_links.all())
    funding = list(project.funding_lines.all())
    for link in french_links:
        link.public_url = page.french_authority_url(link.authority) if link.authority_id else ""
    for link in partner_links:
        link.public_url = page.partner_authority_url(link.partner) if link.partner_id else ""
        link.country_name = link.country.name if link.country_id else ""
    calls = localized_pages([line.call for line in funding if line.call_id])
    for line in funding:
        line.call_page = calls.get(line.call_id)
    return page.render(
        request,
        template="atlas/project_detail.html",
        context_overrides={
            "project": project,
            "themes": sorted(localize_themes(project.themes.all()), key=lambda theme: sort_key(theme.name)),
            "french_links": french_links,
            "partner_links": partner_links,
            "funding": funding,
            "total_funding": sum(line.amount for line in funding),
            "goals": list(project.goals.all()),
            "other_partners": list(project.other_partners.all()),
            "map": locator_map(french_links, partner_links),
        },
    )


def locator_map(french_links, partner_links):
    """What the locator map draws: the départements of the French authorities (a région's are all
    of its départements: one query), the partner countries, and the partners with coordinates."""
    departements, regions = set(), set()
    for link in french_links:
        authority = link.authority
        if authority is None:
            continue
        if authority.departement_id:
            departements.add(authority.departement.code)
        elif authority.region_id:
            regions.add(authority.region_id)
    if regions:
        departements.update(
            FrenchAuthority.objects.filter(kind=FrenchAuthority.Kind.DEPARTEMENT, region_id__in=regions).values_list(
                "code", flat=True
            )
        )
    numeric = country_numeric_codes()
    countries = sorted(
        {
            numeric[link.country.iso_code]
            for link in partner_links
            if link.country_id and link.country.iso_code in numeric
        }
    )
    points = [
        {"lat": float(link.partner.latitude), "lon": float(link.partner.longitude), "label": link.partner.name}
        for link in partner_links
        if link.partner_id and link.partner.latitude is not None and link.partner.longitude is not None
    ]
    return {"departements": sorted(departements), "countries": countries, "points": points}


@serves(AtlasIndexPage, "french_authority")
def french_authority_detail(request, page, kind, code):
    """A French authority: its projects (paginated), the calls it won, its APD by year."""
    if kind not in FrenchAuthority.Kind.values:
        raise Http404
    authority = (
        FrenchAuthority.objects.select_related("region", "departement")
        .annotate(apd_years=Subquery(yearly_apd_text))
        .filter(kind=kind, code=code)
        .first()
    )
    if authority is None:
        raise Http404
    projects = Project.objects.published().filter(
        pk__in=ProjectFrenchAuthority.objects.filter(authority=authority).values("project_id")
    )
    page_obj = projects_page(request, page, projects)
    # The calls won by the projects it leads: their funding lines, each once (a subquery, not a
    # join that would need a DISTINCT over every column of the call pages read with them).
    led = ProjectFrenchAuthority.objects.filter(authority=authority, role=ProjectFrenchAuthority.Role.LEAD)
    won = list(
        FundingLine.objects.filter(
            project__in=led.values("project_id"),
            project__status=Project.Status.PUBLISHED,
            call__isnull=False,
            call__live=True,
        )
        .select_related("call", "laureate", "project")
        .order_by("-year", "pk")
    )
    won_and_labelled = won_and_label(authority, won)
    for line in won:
        line.project_url = page.project_url(line.project)
    return page.render(
        request,
        template="atlas/french_authority_detail.html",
        context_overrides={
            "authority": authority,
            "page_obj": page_obj,
            "projects": page_obj.object_list,
            "project_count": page_obj.paginator.count,
            "calls_won": won,
            "apd_figures": apd_figures(authority.apd_years),
            "region_url": page.french_authority_url(authority.region)
            if authority.region_id and authority.region_id != authority.pk
            else "",
            "departement_url": page.french_authority_url(authority.departement)
            if authority.departement_id and authority.departement_id != authority.pk
            else "",
            "noindex": not page_obj.paginator.count or page_obj.number > 1,
            "territory_state": territory_state(page, authority),
            **won_and_labelled,
        },
    )


# The yearly APD figures of an authority as ``year:amount,…`` text, read with the authority.
yearly_apd_text = (
    ApdFigure.objects.filter(authority=OuterRef("pk"))
    .order_by()
    .values("authority")
    .annotate(years=KeyList(Concat("year", Value(":"), "amount", output_field=CharField())))
    .values("years")
)


def apd_figures(text):
    """The ``ApdFigure`` rows (year and amount) of ``yearly_apd_text``, the latest year first."""
    figures = []
    for pair in (text or "").split(","):
        if pair:
            year, amount = pair.split(":")
            figures.append(ApdFigure(year=int(year), amount=Decimal(amount)))
    return sorted(figures, key=lambda figure: -figure.year)


def won_and_label(authority, won):
    """The laureate rows naming the authority (calls it won, except those of the calls of the
    funding lines ``won``: the page already lists them) and its EXPE-CT label; the calls of both
    in the active language (``call_page`` of each line and row, one query for all)."""
    already_shown = {line.call_id for line in won}
    rows = [row for row in matching.laureate_rows_of(authority) if row.page_id not in already_shown]
    calls = localized_pages([line.call for line in won] + [row.page for row in rows])
    for line in won:
        line.call_page = calls.get(line.call_id)
    for row in rows:
        row.call_page = calls.get(row.page_id, row.page)
    label = matching.expertise_label_of(authority)
    label_url = ""
    if label is not None:
        labelled = matching.localized_page(ExpertiseLabelRequest.public_page[0])
        if labelled is not None:
            label_url = labelled.url + labelled.reverse_subpage("authority", args=[label.reference])
    return {"laureate_rows": rows, "expertise_label": label, "expertise_label_url": label_url}


def territory_state(page, authority):
    """For a région or a département: the state of cooperation of the projects led from it."""
    if authority.kind == FrenchAuthority.Kind.REGION:
        projects = Project.objects.published().filter(region=authority)
    elif authority.kind == FrenchAuthority.Kind.DEPARTEMENT:
        projects = Project.objects.published().filter(departement=authority)
    else:
        return None
    field = "region" if authority.kind == FrenchAuthority.Kind.REGION else "departement"
    state = stats.cooperation_state(
        projects,
        page,
        declared=ApdFigure.objects.filter(**{f"authority__{field}": authority}),
        key=f"territory:{authority.pk}",
    )
    state["list_url"] = page.url + page.reverse_subpage("projects") + f"?{field}={authority.code}"
    return state


@serves(AtlasIndexPage, "partner_authority")
def partner_authority_detail(request, page, pk):
    """A partner authority: its French partners and the projects they run together."""
    partner = PartnerAuthority.objects.select_related("country").filter(pk=pk).first()
    if partner is None:
        raise Http404
    projects = Project.objects.published().filter(
        pk__in=ProjectPartner.objects.filter(partner=partner).values("project_id")
    )
    page_obj = projects_page(request, page, projects)
    french_partners = list(
        FrenchAuthority.objects.filter(project_links__project__in=projects.values("pk"))
        .annotate(project_count=Count("project_links__project", distinct=True))
        .order_by("-project_count", "name")
    )
    for authority in french_partners:
        authority.public_url = page.french_authority_url(authority)
    offers = matching.offers_of(partner)
    bourse = matching.localized_page(PartnershipOffer.public_page[0]) if offers else None
    for offer in offers:
        offer.public_url = bourse.url + bourse.reverse_subpage("offer", args=[offer.reference]) if bourse else ""
    return page.render(
        request,
        template="atlas/partner_authority_detail.html",
        context_overrides={
            "partner": partner,
            "country_name": partner.country.name,
            "french_partners": french_partners,
            "offers": offers,
            "page_obj": page_obj,
            "projects": page_obj.object_list,
            "project_count": page_obj.paginator.count,
            "noindex": not page_obj.paginator.count or page_obj.number > 1,
        },
    )


def projects_page(request, page, projects):
    """The requested page (``?page=``, ``Paginator.get_page``'s rules) of ``projects``, most
    recent first, with their labels: the page, its total and its themes in one query
    (``atlas.listings.read_page``), then the links of its rows (two prefetches)."""
    ordered = projects.order_by("-start_year", "title", "pk")
    raw = request.GET.get("page") or "1"
    number = int(raw) if raw.isascii() and raw.isdigit() else 0
    rows = read_page(ordered, number, PROJECTS_PER_PAGE)
    if rows:
        page_obj = page_of(ordered, number, PROJECTS_PER_PAGE, rows)
        prefetch_related_objects(rows, *[lookup for lookup in listing_prefetches() if lookup != "themes"])
    else:  # an empty list, or a page number to correct
        page_obj = Paginator(ordered.for_listing(), PROJECTS_PER_PAGE).get_page(request.GET.get("page"))
    with_listing_labels(page, page_obj.object_list)
    return page_obj


def with_listing_labels(page, projects):
    """Attach to each project of a list its address, lead authority, partners and theme names
    (in the active language, from the cached names: no query for them)."""
    names = stats.theme_names()
    for project in projects:
        project.public_url = page.project_url(project)
        if hasattr(project, "theme_keys"):  # read with the page of a list (ProjectListing.page_obj)
            keys = [uuid.UUID(key) for key in (project.theme_keys or "").split(",") if key]
            project.theme_names = sorted({names[key] for key in keys if key in names}, key=sort_key)
        else:
            project.theme_names = sorted(
                (names.get(theme.translation_key, theme.name) for theme in project.themes.all()), key=sort_key
            )
        lead = project.lead_link()
        project.lead_name = lead.display_name if lead else ""
        project.partner_names = [
            f"{link.display_name} ({link.country.name})" if link.country_id else link.display_name
            for link in project.partner_links.all()
        ]
    return projects


@serves(AtlasIndexPage, "projects")
def project_list(request, page):
    """The projects of the Atlas, filtered (theme, kind, funding, country, continent, région,
    département, authority, year, keywords), with the filtered list's exports."""
    listing = ProjectListing(request, page)
    context = listing.context()
    query = context["filter_query"]
    context["exports"] = [
        (
            label,
            page.url + page.reverse_subpage("projects_export", kwargs={"fmt": fmt}) + (f"?{query}" if query else ""),
            fmt,
        )
        for fmt, label in EXPORT_FORMATS
        if fmt != "pdf" or exports.pdf_available()
    ]
    context["project_count"] = context["page_obj"].paginator.count
    context["map_data_url"] = page.url + page.reverse_subpage("map_data") + (f"?{query}" if query else "")
    counts = listing.country_counts  # read with the page (PostgreSQL) when it has rows
    context["country_rows"] = stats.countries(listing.queryset) if counts is None else stats.countries(counts=counts)
    return page.render(request, template="atlas/project_list.html", context_overrides=context)


EXPORT_FORMATS = [("csv", "CSV"), ("xlsx", "XLSX"), ("json", "JSON"), ("pdf", "PDF")]


def absolute_project_url(request, page):
    """A function giving the absolute address of a project's page (cheap: no reversing per row)."""
    prefix = request.build_absolute_uri(page.url + "projets/")
    return lambda project: f"{prefix}{project.pk}/"


@serves(AtlasIndexPage, "projects_export")
def project_export(request, page, fmt):
    """The filtered list, every row, as CSV, XLSX, JSON (streamed) or a PDF extract."""
    listing = ProjectListing(request, page)
    rows = exports.project_rows(listing.queryset, absolute_project_url(request, page))
    filename = "atlas-projets-extrait"
    if fmt == "csv":
        return exports.csv_response(rows, f"{filename}.csv")
    if fmt == "xlsx":
        return exports.xlsx_response(rows, f"{filename}.xlsx")
    if fmt == "json":
        metadata = {"source": request.build_absolute_uri(page.url), "filters": listing.filters.active}
        return exports.json_response(rows, f"{filename}.json", metadata)
    if not exports.pdf_available():
        raise Http404
    return exports.pdf_response(request, listing, page)


@serves(AtlasIndexPage, "map_data")
def map_data(request, page):
    """The map's data for the filtered list (the list's filters): projects per partner country
    (ISO numeric code, as the world-atlas shapes) and partner authorities with coordinates and
    their number of projects, as compact arrays (about 100 KB compressed at 10,000 partners)."""
    projects = ProjectListing(request, page).queryset.order_by().values("pk")
    numeric = country_numeric_codes()
    countries = {}
    for iso, count in (
        ProjectPartner.objects.filter(project__in=projects, country__isnull=False)
        .values_list("country__iso_code")
        .annotate(count=Count("project", distinct=True))
    ):
        if iso in numeric:
            countries[numeric[iso]] = count
    points = [
        [round(float(lat), 3), round(float(lon), 3), count, pk, name]
        for pk, name, lat, lon, count in PartnerAuthority.objects.filter(
            project_links__project__in=projects, latitude__isnull=False, longitude__isnull=False
        )
        .values_list("pk", "name", "latitude", "longitude")
        .annotate(count=Count("project_links__project", distinct=True))
        .order_by("pk")
    ]
    response = JsonResponse(
        {"countries": countries, "points": points}, json_dumps_params={"separators": (",", ":"), "ensure_ascii": False}
    )
    response["Cache-Control"] = "public, max-age=300"
    return response


@serves(AtlasIndexPage, "open_data")
def open_data(request, page):
    """The open data of the Atlas: its files, at stable addresses, and their schema."""
    files = [(fmt, page.url + page.reverse_subpage("open_data_file", kwargs={"fmt": fmt})) for fmt in ("csv", "json")]
    return page.render(
        request,
        template="atlas/open_data.html",
        context_overrides={
            "files": files,
            "columns": exports.COLUMNS,
            "project_count": Project.objects.published().count(),
            "apd_files": [
                (year, page.url + page.reverse_subpage("apd_open_data", kwargs={"year": year}))
                for year in ApdYearTotal.objects.order_by("-year").values_list("year", flat=True)
            ],
        },
    )


def world_apd():
    """The World page's declared APD by year and its share per continent, from one scan of the
    flows (``apd_by_continent``): the yearly totals are the sums of its continents."""
    continents = stats.cached("apd-continents", stats.apd_by_continent)
    by_year = [{"year": row["year"], "total": row["total"]} for row in reversed(continents)]
    return {"declared_apd": stats.with_percent(by_year), "apd_continents": continents}


@serves(AtlasIndexPage, "apd_open_data")
def apd_open_data(request, page, year):
    """The declared APD of a year (validated declarations), one row per French authority and
    beneficiary country (empty: several countries or unallocated), in euros. Licence Ouverte 2.0."""
    figures = (
        ApdFlowFigure.objects.filter(year=year)
        .order_by("authority__name", "authority_id", "country__iso_code")
        .values_list(*APD_OPEN_DATA_FIELDS)
    )
    # Tuples, not model instances (about 10,000 rows a year at the generated volume): each cell
    # as ``portal.exports.csv_response`` writes it (neutralised), the same file.
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="apd-{year}.csv"'
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow(APD_OPEN_DATA_COLUMNS)
    writer.writerows(
        (
            row_year,
            neutralise(name),
            neutralise(kind),
            neutralise(code),
            neutralise(siren),
            neutralise(iso or ""),
            f"{amount:.2f}",
        )
        for row_year, name, kind, code, siren, iso, amount in figures.iterator(2000)
    )
    return response


# What each column is read from.
APD_OPEN_DATA_FIELDS = [
    "year",
    "authority__name",
    "authority__kind",
    "authority__code",
    "authority__siren",
    "country__iso_code",
    "amount",
]
APD_OPEN_DATA_COLUMNS = ["year", "authority", "authority_kind", "official_code", "siren", "country_iso", "amount_eur"]


@serves(AtlasIndexPage, "open_data_file")
def open_data_file(request, page, fmt):
    """The whole Atlas (published projects) in one file, labels in French, same schema."""
    rows = exports.project_rows(
        Project.objects.published().order_by("pk"), absolute_project_url(request, page), language_code="fr"
    )
    if fmt == "csv":
        return exports.csv_response(rows, "atlas-projets.csv")
    with translation.override("fr"):
        schema = [{"name": name, "type": kind, "description": str(text)} for name, kind, text in exports.COLUMNS]
    metadata = {
        "title": "Atlas de la coopération décentralisée",
        "publisher": "Ministère de l’Europe et des Affaires étrangères (CNCD)",
        "licence": "Licence Ouverte / Open Licence 2.0",
        "source": request.build_absolute_uri(page.url),
        "schema": schema,
    }
    return exports.json_response(rows, "atlas-projets.json", metadata, attachment=False)


# --- admin -------------------------------------------------------------------------------------
def import_projects_view(request):
    """Admin: create or update projects from a CSV or XLSX file (all or nothing, faulty rows
    listed; names kept as typed reported as notes)."""
    if not request.user.has_perm("atlas.add_project") or not request.user.has_perm("atlas.change_project"):
        raise PermissionDenied
    errors, notes = [], []
    if request.method == "POST":
        form = ImportForm(request.POST, request.FILES)
        if form.is_valid():
            result = import_projects(
                form.cleaned_data["file"],
                create_partners=form.cleaned_data["create_partners"],
                can_publish=request.user.has_perm("atlas.publish_project"),
            )
            errors, notes = result.errors, result.notes
            if errors:
                messages.error(request, _("The file was not imported: correct the rows below and try again."))
            else:
                messages.success(
                    request,
                    _("%(created)s projects created and %(updated)s updated.")
                    % {"created": result.created, "updated": result.updated},
                )
                if not notes:
                    return redirect("wagtailsnippets_atlas_project:list")
    else:
        form = ImportForm()
    return TemplateResponse(
        request,
        "atlas/admin/import_projects.html",
        {"form": form, "errors": errors, "notes": notes},
        status=400 if errors else 200,
    )


def import_template_view(request):
    """Admin: a blank import file with the recognised column names."""
    if not request.user.has_perm("atlas.add_project"):
        raise PermissionDenied
    response = HttpResponse("\ufeff" + template_csv(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="atlas-projets-modele.csv"'
    return response
