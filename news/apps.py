from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    name = "news"
    verbose_name = _("News and events")

    def ready(self):
        # Lazy: what imports the models loads once the registry is ready.
        from news import listings  # noqa: F401 - @serves attaches the lists to the news index
