"""The Atlas in the site search: published projects, and the authorities taking part in them
(``search.sources``; registered by ``AtlasConfig.ready``). Their public addresses are the routes
of the Atlas page of the active language."""

from atlas.matching import active_atlas
from atlas.models import Project, ProjectFrenchAuthority, ProjectPartner
from portal.indexing import index_in_bulk
from portal.models import FrenchAuthority, PartnerAuthority
from search.sources import Source, register


def published_projects():
    return Project.objects.published()


def french_authorities():
    """The French authorities of the referential that take part in a published project."""
    links = ProjectFrenchAuthority.objects.filter(project__status=Project.Status.PUBLISHED, authority__isnull=False)
    return FrenchAuthority.objects.filter(pk__in=links.values("authority_id"))


def partner_authorities():
    links = ProjectPartner.objects.filter(project__status=Project.Status.PUBLISHED, partner__isnull=False)
    return PartnerAuthority.objects.filter(pk__in=links.values("partner_id"))


def index_for_search(projects):
    """Index ``projects`` and every authority taking part in a published project, for Atlas
    content written in bulk (``bulk_create`` skips the per-save index update, and a project saved
    before its links were written was indexed without them). Returns how many were indexed."""
    objects = [*projects, *french_authorities(), *partner_authorities()]
    return index_in_bulk(objects)


def _urls(address):
    """``urls(objects)``: each object's address on the Atlas page (one query), "" without one."""

    def urls(objects):
        page = active_atlas()
        return [address(page, obj) if page is not None else "" for obj in objects]

    return urls


def register_search_sources():
    register(
        Source(
            "atlas.Project",
            published_projects,
            _urls(lambda page, project: page.project_url(project)),
            year_field="start_year",
            country_field="partner_links__country",
        )
    )
    register(
        Source("portal.FrenchAuthority", french_authorities, _urls(lambda page, obj: page.french_authority_url(obj)))
    )
    register(
        Source("portal.PartnerAuthority", partner_authorities, _urls(lambda page, obj: page.partner_authority_url(obj)))
    )
