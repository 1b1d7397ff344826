"""Template tags of the layout: language versions, menus and footer links of the locale."""

import functools
import re

from django import template
from django.conf import settings
from django.utils import timezone, translation
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from wagtail.models import Locale, Page

from portal import i18n, page_routing
from portal.i18n import active_locale, language_versions, localized_pages
from portal.models import NavigationMenu, PortalSettings
from portal.pagecache import per_content_version

register = template.Library()


@register.simple_tag(takes_context=True)
def get_language_versions(context):
    request = context["request"]
    page = context.get("page")
    if not isinstance(page, Page):
        page = None
    return language_versions(request, page)


@register.simple_tag(takes_context=True)
def page_ancestors(context, page):
    """The page's ancestors below the tree's root, for the breadcrumb (``portal.page_routing``:
    no query for the page being served)."""
    return page_routing.ancestors(context.get("request"), page)


@register.simple_tag
def get_untranslated_original(versions):
    """The original language's version when this page is shown untranslated (``portal.i18n``)."""
    return i18n.untranslated_original(versions)


@register.filter
def version_in(versions, language_code):
    """The version of this page (or record) in ``language_code`` if it is another portal language."""
    return i18n.version_in(versions, language_code)


@register.filter
def language_name(code):
    """The name of language ``code`` in the active language (CLDR)."""
    return i18n.language_name(code)


def cached_per_locale(name, request, build):
    """``build()`` once per process, content version, locale and host: menus and footer links
    change only when content is published (``portal.pagecache.per_content_version``)."""
    return per_content_version(name, (active_locale().language_code, request.get_host()), build)


def menu_links(request, placement):
    """The links of the locale's menu (``main`` or ``footer``), falling back to the French one:
    ``{label, url, is_page, children}``, a drop-down having children."""
    locale = active_locale()
    menus = {m.locale_id: m for m in NavigationMenu.objects.filter(placement=placement)}
    menu = menus.get(locale.pk) or menus.get(Locale.get_default().pk) or next(iter(menus.values()), None)
    if menu is None:
        return []
    items = [item.value for item in menu.items]
    every_link = items + [child for item in items for child in item.get("children") or []]
    localized = localized_pages(link["page"] for link in every_link)

    def resolve(link):
        page = localized.get(link["page"].pk) if link["page"] else None
        url = page.get_url(request) if page else link["url"]
        return {"label": link["label"] or (page.title if page else url), "url": url, "is_page": bool(page)}

    links = []
    for item in items:
        link = resolve(item)
        link["children"] = [child for child in map(resolve, item.get("children") or []) if child["url"]]
        if link["url"] or link["children"]:
            links.append(link)
    return links


@register.simple_tag(takes_context=True)
def get_menu(context, placement):
    """The menu's links (see ``menu_links``), each marked ``is_current`` (this page) and
    ``is_active`` (this page is under it) for the request."""
    request = context["request"]

    def mark(link):
        url = link["url"]
        return link | {
            "is_current": bool(url) and url == request.path,
            "is_active": link["is_page"] and request.path.startswith(url) and url.count("/") > 2,
        }

    links = []
    for link in cached_per_locale(f"menu-{placement}", request, lambda: menu_links(request, placement)):
        link = mark(link)
        link["children"] = [mark(child) for child in link["children"]]
        link["is_active"] = link["is_active"] or any(c["is_active"] or c["is_current"] for c in link["children"])
        links.append(link)
    # One aria-current="page" per menu: a page both at the top level and in a drop-down is marked
    # once, at the top level (or in its first drop-down).
    current_seen = any(link["is_current"] for link in links)
    for link in links:
        for child in link["children"]:
            if child["is_current"]:
                child["is_current"] = not current_seen
                current_seen = True
    return links


@register.simple_tag(takes_context=True)
def get_footer_links(context):
    """The legal links of the footer, each pointing at the active locale's version."""
    request = context["request"]

    def build():
        portal_settings = PortalSettings.load(request_or_site=request)
        roles = ["legal_notice_page", "accessibility_page", "personal_data_page", "site_map_page"]
        chosen = {role: getattr(portal_settings, role) for role in roles}
        localized = localized_pages(chosen.values())
        return {
            role.removesuffix("_page"): localized[page.pk].get_url(request)
            for role, page in chosen.items()
            if page is not None
        } | {"accessibility_status": str(portal_settings.get_accessibility_status_display())}

    return cached_per_locale("footer-links", request, build)


class LocaleFragmentNode(template.Node):
    def __init__(self, name, nodelist):
        self.name, self.nodelist = name, nodelist

    def render(self, context):
        request = context.get("request")
        if request is None:
            return self.nodelist.render(context)
        return cached_per_locale(f"fragment-{self.name}", request, lambda: self.nodelist.render(context))


@register.tag
def locale_fragment(parser, token):
    """``{% locale_fragment "footer" %}…{% endlocale_fragment %}``: the enclosed part of the layout
    rendered once per process, content version, language and host (``cached_per_locale``), then
    reused as text. Only for a part that depends on nothing else of the request (no current page,
    no user, no CSRF token, no nonce): the footer."""
    bits = token.split_contents()
    if len(bits) != 2 or bits[1][0] not in "'\"" or bits[1][0] != bits[1][-1]:
        raise template.TemplateSyntaxError(f"{bits[0]} takes one quoted name")
    nodelist = parser.parse(("endlocale_fragment",))
    parser.delete_first_token()
    return LocaleFragmentNode(bits[1][1:-1], nodelist)


@register.simple_tag
def titled_embed(embed_value, title):
    """The embed's HTML with a ``title`` on its frame (RGAA 2.1); nothing if the provider is down."""
    html = getattr(embed_value, "html", "") or ""
    html = re.sub(r"<iframe(?![^>]*\btitle=)", lambda _m: f'<iframe title="{escape(title)}"', html, count=1)
    return mark_safe(html)  # noqa: S308 - provider HTML from Wagtail's embed finder, title escaped


@register.simple_tag(takes_context=True)
def query_with(context, **changes):
    """The current query string with some parameters replaced (filters survive pagination)."""
    query = context["request"].GET.copy()
    for key, value in changes.items():
        query[key] = value
    return query.urlencode()


@register.filter
def ltr_isolate(value):
    """Keep a left-to-right code (a reference like BP-2026-00042) in one piece inside right-to-left
    text, with Unicode isolate marks: plain text, so it can go inside a translated sentence."""
    return f"\u2066{value}\u2069"


@register.filter
def lang_attrs(language_code):
    """`` lang="fr" dir="ltr"`` for an element holding content in ``language_code`` when the page
    is in another language, nothing otherwise (WCAG 3.1.2, RGAA 8.7): screen readers switch voice
    and the browser lays out punctuation in the content's direction. atlas_tags registers it too."""
    code = (language_code or "").split("-")[0]
    current = (translation.get_language() or "").split("-")[0]
    if not code or code == current:
        return ""
    try:
        bidi = translation.get_language_info(code)["bidi"]
    except KeyError:
        bidi = False
    return format_html(' lang="{}" dir="{}"', code, "rtl" if bidi else "ltr")


@register.filter
def join_list(items, attribute=""):
    """Items (or their ``attribute``) joined as the active language joins a list, by CLDR through
    Babel rather than a hand-made ", ": "Eau, Culture et Jeunesse", "Agua, Cultura y Juventud",
    Arabic "الماء والثقافة والشباب"."""
    values = [str(getattr(item, attribute) if attribute else item) for item in items or ()]
    values = [value for value in values if value]
    if not values:
        return ""
    return _format_list(tuple(values), translation.to_locale(translation.get_language() or settings.LANGUAGE_CODE))


@functools.lru_cache(maxsize=1024)
def _format_list(values, locale):
    """Babel's list formatting (a quarter of a millisecond a call), kept for the lists of names
    shown again and again (the themes of each card of a list)."""
    from babel.lists import format_list

    return format_list(list(values), locale=locale)


@register.filter
def datetime_text(value, date_length="long"):
    """A date and time in the active language's CLDR pattern (Babel), in Paris time: "10 décembre
    2026, 23:59", "10 de diciembre de 2026, 23:59", "10 ديسمبر 2026، 11:59 م". Django's own
    formats have no DATETIME_FORMAT in Arabic; dates alone use ``date:"DATE_FORMAT"``.
    ``date_length`` "full" adds the weekday."""
    if not value:
        return ""
    from babel import dates

    locale = translation.to_locale(translation.get_language() or settings.LANGUAGE_CODE)
    value = timezone.localtime(value) if timezone.is_aware(value) else value
    return dates.format_datetime(value, _datetime_pattern(locale, date_length), locale=_babel_locale(locale))


@functools.lru_cache(maxsize=16)
def _babel_locale(locale):
    from babel import Locale

    return Locale.parse(locale)


@functools.lru_cache(maxsize=64)
def _datetime_pattern(locale, date_length):
    """The CLDR date-and-time pattern of ``locale``: looked up once per process (the lookup cost
    most of ``datetime_text``'s millisecond, on every card of a list)."""
    from babel import dates

    return (
        str(dates.get_datetime_format(date_length, locale=locale))
        .replace("{1}", dates.get_date_format(date_length, locale=locale).pattern)
        .replace("{0}", dates.get_time_format("short", locale=locale).pattern)
    )


@register.simple_tag(takes_context=True)
def public_url(context, path_or_page=None):
    """The page's (or path's, or the request's) address under the site's configured root URL
    (``portal.i18n.public_url``), for canonical and og:url."""
    from portal.i18n import public_url as build

    if path_or_page is None:
        path_or_page = context["request"].path
    if hasattr(path_or_page, "get_url"):
        path_or_page = path_or_page.get_url(context.get("request")) or ""
    return build(path_or_page)
