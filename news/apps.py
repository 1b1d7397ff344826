from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    name = "news"
    verbose_name = _("News and events")

    def ready(self):
        # Lazy: an app's models and what imports them load once the registry is ready.
        from news import listings  # noqa: F401 - @serves attaches the lists to the news index
        from news.models import NewsPage
        from portal.admin_forms import register_synchronised_taxonomy

        register_synchronised_taxonomy(NewsPage)
