"""The page explorer at a fixed number of queries, whatever the number of rows.

wagtail-localize adds "Translate this page" and "Sync translated pages" to the "More" menu of
each row, and decides whether to show them with two or three queries per row (is there a locale
not translated into yet; is the page the source of enabled translations). The explorer of the
news list (50 rows a page) took 192 queries. Here the same two answers are read from the explorer's
queryset, annotated once (``construct_explorer_page_queryset``), and wagtail-localize's listing
hook is replaced by one that reads the annotations. Its page header hook (one page) is kept.

The listings of translatable snippets (themes, menus) had the same two queries per row
(wagtail-localize's "Translate" and "Sync translated snippets"): their index view annotates its
queryset the same way (``annotate_snippet_translation_state``, portal/wagtail_hooks.py) and
wagtail-localize's snippet listing hook is replaced likewise.
"""

from django.contrib.admin.utils import quote
from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, OuterRef, Subquery
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import ListingButton
from wagtail.admin.widgets.button import Button as SnippetListingButton
from wagtail.models import Locale, Page
from wagtail_localize import wagtail_hooks as localize_hooks
from wagtail_localize.models import TranslationSource

CAN_TRANSLATE = "_portal_has_locale_to_translate_to"
SOURCE_ID = "_portal_translation_source_id"


def annotate_translation_state(parent_page, pages, request):
    """``construct_explorer_page_queryset``: whether each row has a locale not translated into
    yet (alias pages do not count, as in wagtail-localize) and the id of the translation source it
    is the source of, when that source has enabled translations."""
    translated_locales = Page.objects.filter(
        translation_key=OuterRef(OuterRef("translation_key")), alias_of__isnull=True
    ).values("locale_id")
    sources = TranslationSource.objects.filter(
        object_id=OuterRef("translation_key"),
        object__content_type=ContentType.objects.get_for_model(Page),
        locale_id=OuterRef("locale_id"),
        translations__enabled=True,
    ).values("pk")[:1]
    return pages.annotate(
        **{CAN_TRANSLATE: Exists(Locale.objects.exclude(id__in=translated_locales)), SOURCE_ID: Subquery(sources)}
    )


def page_listing_more_buttons(page, user, view_name=None, next_url=None):
    """wagtail-localize's "Translate this page" and "Sync translated pages", from the annotations
    (wagtail-localize's own per-page queries for a page that was not loaded by the explorer)."""
    if not hasattr(page, CAN_TRANSLATE):
        yield from localize_hooks.page_listing_more_buttons(page, user, view_name=view_name, next_url=next_url)
        return
    if page.is_root() or not user.has_perm("wagtail_localize.submit_translation"):
        return
    if getattr(page, CAN_TRANSLATE):
        url = reverse("wagtail_localize:submit_page_translation", args=[page.alias_of_id or page.id])
        yield ListingButton(_("Translate this page"), url, priority=60, icon_name="wagtail-localize-language")
    source_id = getattr(page, SOURCE_ID)
    if source_id is not None:
        url = reverse("wagtail_localize:update_translations", args=[source_id])
        if next_url is not None:
            url += "?" + urlencode({"next": next_url})
        yield ListingButton(_("Sync translated pages"), url, priority=60, icon_name="resubmit")


def annotate_snippet_translation_state(snippets):
    """The annotations of ``annotate_translation_state`` on a queryset of translatable snippets:
    whether each has a locale not translated into yet, and the id of the translation source it
    is the source of, when that source has enabled translations."""
    model = snippets.model
    translated_locales = model.objects.filter(translation_key=OuterRef(OuterRef("translation_key"))).values("locale_id")
    sources = TranslationSource.objects.filter(
        object_id=OuterRef("translation_key"),
        object__content_type=ContentType.objects.get_for_model(model.get_translation_model()),
        locale_id=OuterRef("locale_id"),
        translations__enabled=True,
    ).values("pk")[:1]
    return snippets.annotate(
        **{CAN_TRANSLATE: Exists(Locale.objects.exclude(id__in=translated_locales)), SOURCE_ID: Subquery(sources)}
    )


def snippet_listing_buttons(snippet, user, next_url=None):
    """wagtail-localize's "Translate" and "Sync translated snippets", from the annotations (its
    own per-row queries for a snippet that was not loaded by an annotated listing)."""
    if not hasattr(snippet, CAN_TRANSLATE):
        yield from localize_hooks.register_snippet_listing_buttons(snippet, user, next_url=next_url)
        return
    if not user.has_perm("wagtail_localize.submit_translation"):
        return
    model = type(snippet)
    if getattr(snippet, CAN_TRANSLATE):
        url = reverse(
            "wagtail_localize:submit_snippet_translation",
            args=[model._meta.app_label, model._meta.model_name, quote(snippet.pk)],
        )
        label = _("Translate '%(title)s'") % {"title": str(snippet)}
        yield SnippetListingButton(
            _("Translate"), url, attrs={"aria-label": label}, icon_name="wagtail-localize-language", priority=100
        )
    source_id = getattr(snippet, SOURCE_ID)
    if source_id is not None:
        url = reverse("wagtail_localize:update_translations", args=[source_id])
        if next_url is not None:
            url += "?" + urlencode({"next": next_url})
        label = _("Sync translations of '%(title)s'") % {"title": str(snippet)}
        yield SnippetListingButton(
            _("Sync translated snippets"), url, attrs={"aria-label": label}, icon_name="resubmit", priority=106
        )


def replace_localize_listing_hook():
    """Put ``page_listing_more_buttons`` in the place of wagtail-localize's listing hook
    (importing ``wagtail_localize.wagtail_hooks`` above registered it already)."""
    registered = hooks._hooks.get("register_page_listing_more_buttons", [])
    hooks._hooks["register_page_listing_more_buttons"] = [
        (page_listing_more_buttons if fn is localize_hooks.page_listing_more_buttons else fn, order)
        for fn, order in registered
    ]
    registered = hooks._hooks.get("register_snippet_listing_buttons", [])
    hooks._hooks["register_snippet_listing_buttons"] = [
        (snippet_listing_buttons if fn is localize_hooks.register_snippet_listing_buttons else fn, order)
        for fn, order in registered
    ]
