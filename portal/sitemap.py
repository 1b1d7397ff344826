"""sitemap.xml over every locale, each page listing its translations as hreflang alternates."""

from collections import defaultdict

from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class LocalizedSitemap(Sitemap):
    """Wagtail's sitemap only walks the default site root; a locale's home is a sibling of it."""

    def items(self):
        root = self.get_wagtail_site().root_page
        homes = Page.objects.filter(translation_key=root.translation_key)
        in_any_locale = Q()
        for home in homes:
            in_any_locale |= Q(path__startswith=home.path)
        return Page.objects.live().public().filter(in_any_locale).order_by("path").defer_streamfields().specific()

    def _urls(self, page, protocol, domain):
        object_list = list(self.paginator.page(page).object_list)
        versions = defaultdict(list)
        for translation in (
            Page.objects.live()
            .public()
            .filter(translation_key__in={p.translation_key for p in object_list})
            .select_related("locale")
        ):
            versions[translation.translation_key].append(
                {"lang_code": translation.locale.language_code, "location": translation.get_full_url(self.request)}
            )
        urls, last_mods = [], set()
        for item in object_list:
            for url_info in item.get_sitemap_urls(self.request):
                alternates = versions[item.translation_key]
                if len(alternates) > 1:
                    url_info["alternates"] = alternates
                urls.append(url_info)
                last_mods.add(url_info.get("lastmod"))
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls
