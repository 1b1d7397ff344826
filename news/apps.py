from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    name = "news"
    verbose_name = _("News and events")

    def ready(self):
        from news.models import NewsPage
        from portal.admin_forms import register_synchronised_taxonomy

        register_synchronised_taxonomy(NewsPage)
