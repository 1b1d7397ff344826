"""Public pages of the Atlas (served by ``AtlasIndexPage`` routes) and the admin import view.

Each public page reads what it shows in a fixed number of queries, whatever the number of
projects, links or funding lines (tests/test_atlas_pages.py holds them to a budget).
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from atlas.importer import ImportForm, import_projects, template_csv
from atlas.models import (
    ApdFigure,
    AtlasIndexPage,
    FundingLine,
    Project,
    ProjectFrenchAuthority,
    ProjectPartner,
)
from portal.authorities import FrenchAuthority, PartnerAuthority
from portal.gazetteer import country_numeric_codes
from portal.i18n import localized_pages
from portal.routing import serves
from portal.taxonomy import attach_localized_themes, localize_themes, sort_key

PROJECTS_PER_PAGE = 20


@serves(AtlasIndexPage, "index")
def atlas_index(request, page):
    """The Atlas home: the live figures (published projects and who takes part in them)."""
    projects = Project.objects.published()
    figures = {
        "projects": projects.count(),
        "french_authorities": ProjectFrenchAuthority.objects.filter(project__in=projects, authority__isnull=False)
        .values("authority")
        .distinct()
        .count(),
        "partner_authorities": ProjectPartner.objects.filter(project__in=projects, partner__isnull=False)
        .values("partner")
        .distinct()
        .count(),
        "countries": ProjectPartner.objects.filter(project__in=projects, country__isnull=False)
        .values("country__iso_code")
        .distinct()
        .count(),
    }
    return page.render(request, context_overrides={"figures": figures})


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
    authority = FrenchAuthority.objects.select_related("region", "departement").filter(kind=kind, code=code).first()
    if authority is None:
        raise Http404
    projects = Project.objects.published().of_french_authority(authority)
    page_obj = Paginator(projects.for_listing().order_by("-start_year", "title", "pk"), PROJECTS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    with_listing_labels(page, page_obj.object_list)
    won = list(
        FundingLine.objects.filter(
            project__in=projects.values("pk"),
            call__isnull=False,
            call__live=True,
            project__french_authority_links__authority=authority,
            project__french_authority_links__role=ProjectFrenchAuthority.Role.LEAD,
        )
        .select_related("call", "laureate", "project")
        .order_by("-year", "pk")
        .distinct()
    )
    calls = localized_pages([line.call for line in won])
    for line in won:
        line.call_page = calls.get(line.call_id)
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
            "apd_figures": list(ApdFigure.objects.filter(authority=authority).order_by("-year")),
            "region_url": page.french_authority_url(authority.region)
            if authority.region_id and authority.region_id != authority.pk
            else "",
            "departement_url": page.french_authority_url(authority.departement)
            if authority.departement_id and authority.departement_id != authority.pk
            else "",
            "noindex": not page_obj.paginator.count or page_obj.number > 1,
        },
    )


@serves(AtlasIndexPage, "partner_authority")
def partner_authority_detail(request, page, pk):
    """A partner authority: its French partners and the projects they run together."""
    partner = PartnerAuthority.objects.select_related("country").filter(pk=pk).first()
    if partner is None:
        raise Http404
    projects = Project.objects.published().with_partner(partner)
    page_obj = Paginator(projects.for_listing().order_by("-start_year", "title", "pk"), PROJECTS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    with_listing_labels(page, page_obj.object_list)
    french_partners = list(
        FrenchAuthority.objects.filter(project_links__project__in=projects.values("pk"))
        .annotate(project_count=Count("project_links__project", distinct=True))
        .order_by("-project_count", "name")
    )
    for authority in french_partners:
        authority.public_url = page.french_authority_url(authority)
    return page.render(
        request,
        template="atlas/partner_authority_detail.html",
        context_overrides={
            "partner": partner,
            "country_name": partner.country.name,
            "french_partners": french_partners,
            "page_obj": page_obj,
            "projects": page_obj.object_list,
            "project_count": page_obj.paginator.count,
            "noindex": not page_obj.paginator.count or page_obj.number > 1,
        },
    )


def with_listing_labels(page, projects):
    """Attach to each project of a list its address, lead authority, partners and theme names."""
    attach_localized_themes(projects)
    for project in projects:
        project.public_url = page.project_url(project)
        project.theme_names = [theme.name for theme in project.localized_themes]
        lead = project.lead_link()
        project.lead_name = lead.display_name if lead else ""
        project.partner_names = [
            f"{link.display_name} ({link.country.name})" if link.country_id else link.display_name
            for link in project.partner_links.all()
        ]
    return projects


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
