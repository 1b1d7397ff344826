from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Portal")

    def ready(self):
        # Lazy (here and below): modules that use the models load once the registry is ready.
        # The e-mail task, the retry of failed tasks.
        from portal import mail, tasks  # noqa: F401
        from portal.exports import protect_admin_exports

        # Every app's tasks, in every process: their labels for staff and their periodic jobs.
        autodiscover_modules("tasks")

        from portal import locales

        protect_admin_exports()
        connect_content_version_signals()
        # Locales read once per process, not at every use (portal/locales.py).
        locales.install()


def connect_content_version_signals():
    """What visitors see changes: bump the content version (portal/pagecache.py) so that cached
    pages, menus and footers are rendered afresh."""
    # Lazy: called from ready(), once the models are loaded.
    from django.db.models.signals import post_delete
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Locale, Page, PageViewRestriction, Site
    from wagtail.signals import page_published, page_unpublished, post_page_move

    from portal.models import Country, NavigationMenu, PortalSettings, Theme
    from portal.pagecache import bump_content_version, page_changed, register_content_models

    uid = "portal-content-version"
    # A publication refreshes the pages that show the page; a move changes many URLs.
    for signal in (page_published, page_unpublished):
        signal.connect(page_changed, dispatch_uid=uid)
    post_page_move.connect(bump_content_version, dispatch_uid=uid)
    # The other apps register their own models (their AppConfig.ready).
    register_content_models(Country, NavigationMenu, PortalSettings, Theme)
    register_content_models(Locale, Site, get_document_model(), get_image_model())
    # Restricted paths are cached on the content version (portal/visibility.py).
    register_content_models(PageViewRestriction)

    def page_deleted(sender, instance, **kwargs):
        if isinstance(instance, Page):
            bump_content_version()

    post_delete.connect(page_deleted, weak=False, dispatch_uid="portal-content-version-page")
