from django.apps import AppConfig
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils.translation import gettext_lazy as _


class AtlasConfig(AppConfig):
    name = "atlas"
    verbose_name = _("Atlas")

    def ready(self):
        # Lazy: an app's models and what imports them load once the registry is ready.
        from atlas import views  # noqa: F401 - @serves attaches the Atlas page's routes
        from atlas.matching import active_atlas
        from portal.authorities import register_authority_pages

        register_authority_pages(active_atlas)  # laureate rows link to the Atlas's authority pages
        from atlas.searching import register_search_sources

        register_search_sources()  # projects and authorities in the site search
        connect_content_version_signals()


def connect_content_version_signals():
    """What visitors see of the Atlas changes: empty the page cache (portal/pagecache.py)."""
    # Lazy: called from ready(), once the models are loaded.
    from atlas.models import ApdFigure, FundingLine, Project, ProjectFrenchAuthority, ProjectPartner
    from portal.models import FrenchAuthority, PartnerAuthority
    from portal.pagecache import bump_content_version

    uid = "atlas-content-version"
    for model in (
        Project,
        ProjectFrenchAuthority,
        ProjectPartner,
        FundingLine,
        ApdFigure,
        FrenchAuthority,
        PartnerAuthority,
    ):
        post_save.connect(bump_content_version, sender=model, dispatch_uid=uid)
        post_delete.connect(bump_content_version, sender=model, dispatch_uid=uid)
    m2m_changed.connect(bump_content_version, sender=Project.themes.through, dispatch_uid=uid)
    from atlas.stats import forget_figures

    for model in (Project, ProjectFrenchAuthority, ProjectPartner):
        post_save.connect(forget_figures, sender=model, dispatch_uid="atlas-figures")
        post_delete.connect(forget_figures, sender=model, dispatch_uid="atlas-figures")
