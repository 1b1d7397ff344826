"""sitemap.xml over every locale, each page listing its translations as hreflang alternates."""

from collections import defaultdict

from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from portal.models import in_sitemaps
from portal.page_routing import find_site
from portal.visibility import public


class LocalizedSitemap(Sitemap):
    """Wagtail's sitemap only walks the default site root; a locale's home is a sibling of it."""

    def items(self):
        # The site and its root's translation key as routing keeps them (no query), the public
        # pages without the query of Wagtail's public(), and the tree as plain rows (in_sitemaps).
        _site, root = find_site(self.request)
        if root is None:  # no site at all
            return Page.objects.none()
        homes = Page.objects.filter(translation_key=root[1]).values_list("path", flat=True)
        in_any_locale = Q()
        for path in homes:
            in_any_locale |= Q(path__startswith=path)
        return in_sitemaps(public(Page.objects.live()).filter(in_any_locale)).order_by("path")

    def _urls(self, page, protocol, domain):
        object_list = list(self.paginator.page(page).object_list)
        versions = defaultdict(list)
        for translation in (
            public(Page.objects.live())
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
