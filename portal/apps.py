from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Portal")

    def ready(self):
        # The e-mail task, the retry of failed tasks.
        from portal import mail, tasks  # noqa: F401
        from portal.exports import protect_admin_exports

        # Every app's tasks, in every process: their labels for staff and their periodic jobs.
        autodiscover_modules("tasks")

        protect_admin_exports()
        connect_content_version_signals()


def connect_content_version_signals():
    """What visitors see changes: bump the content version (portal/pagecache.py) so that cached
    pages, menus and footers are rendered afresh."""
    from django.db.models.signals import post_delete, post_save
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Locale, Page, Site
    from wagtail.signals import page_published, page_unpublished, post_page_move

    from calls.models import Laureate
    from forms.models import ExpertiseLabelRequest, PartnershipOffer
    from portal.models import Country, NavigationMenu, PortalSettings, Theme
    from portal.pagecache import bump_content_version

    uid = "portal-content-version"
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(bump_content_version, dispatch_uid=uid)
    models = [Laureate, ExpertiseLabelRequest, PartnershipOffer, Country, NavigationMenu, PortalSettings, Theme]
    models += [Locale, Site, get_document_model(), get_image_model()]
    for model in models:
        post_save.connect(bump_content_version, sender=model, dispatch_uid=uid)
        post_delete.connect(bump_content_version, sender=model, dispatch_uid=uid)

    def page_deleted(sender, instance, **kwargs):
        if isinstance(instance, Page):
            bump_content_version()

    post_delete.connect(page_deleted, weak=False, dispatch_uid="portal-content-version-page")
