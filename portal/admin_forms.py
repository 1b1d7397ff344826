"""Page forms whose taxonomy choices follow the page's language.

A page is written in one locale, so its choosers offer the items of that locale only:

- **Themes** (translatable snippets): the copies in the page's locale, plus the French copy of a
  theme not translated into it yet (the page would otherwise lose it on saving). An editor can no
  longer tag a French page with the Spanish copy of a theme.
- **Countries** (one row per ISO code): each once, named in the page's language, sorted by that
  name.
- **Snippet choosers**: a theme chooser opens filtered on the page's locale. The laureate form of
  a call (``calls/views.py``) gets the call's themes and country names the same way.

Translations made with wagtail-localize get their themes mapped to the target locale's copies
automatically (``TaxonomyPageMixin.localize_taxonomy``, run on every save): the source's themes
and countries are synchronised (``register_synchronised_taxonomy``), then each theme is
replaced by its copy in the translation's locale.
"""

from django import forms
from django.utils.html import strip_tags
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.widgets.chooser import BaseChooser
from wagtail.blocks import StreamValue
from wagtail.rich_text import RichText

TAXONOMY_FIELDS = ("themes", "countries", "theme", "country", "partner_country")


def locale_themes(locale_id):
    """The themes an editor may choose on a page of ``locale_id``, sorted by name: its own copies
    and the default-locale copies of themes not translated into it."""
    from wagtail.models import Locale

    from portal.models import Theme
    from portal.taxonomy import sort_key

    default_id = Locale.get_default().pk
    candidates = Theme.objects.filter(locale_id__in={locale_id, default_id})
    best = {}
    for theme in candidates:
        if theme.locale_id == locale_id or theme.translation_key not in best:
            best[theme.translation_key] = theme
    return sorted(best.values(), key=lambda theme: sort_key(theme.name))


def country_choices_in(language_code):
    """``(pk, name in language_code)`` of every country, sorted by that name."""
    from portal.models import Country
    from portal.taxonomy import sort_key

    countries = Country.objects.only("pk", "iso_code", "name_fr", "name_en", "name_es", "name_ar")
    pairs = [(country.pk, country.name_in(language_code)) for country in countries]
    return sorted(pairs, key=lambda pair: sort_key(pair[1]))


class TaxonomyChoices:
    """The theme and country choices of one page form (computed once, shared by its formsets)."""

    def __init__(self, locale):
        self.locale_id = locale.pk
        self.language_code = locale.language_code
        self._themes = None
        self._countries = None

    @property
    def themes(self):
        if self._themes is None:
            self._themes = locale_themes(self.locale_id)
        return self._themes

    @property
    def countries(self):
        if self._countries is None:
            self._countries = country_choices_in(self.language_code)
        return self._countries

    def apply(self, form):
        from portal.models import Country, Theme

        for name, field in form.fields.items():
            if name not in TAXONOMY_FIELDS or not isinstance(field, forms.ModelChoiceField):
                continue
            if isinstance(field.widget, BaseChooser):
                if field.queryset.model is Theme:
                    # The chooser modal's locale filter, set to the page's locale.
                    url = f"{field.widget.get_chooser_modal_url()}?locale={self.language_code}"
                    field.widget.get_chooser_modal_url = lambda url=url: url
                continue
            if field.queryset.model is Theme:
                themes = self.themes
                field.queryset = Theme.objects.filter(pk__in=[theme.pk for theme in themes])
                choices = [(theme.pk, theme.name) for theme in themes]
            elif field.queryset.model is Country:
                choices = self.countries
            else:
                continue
            if not isinstance(field, forms.ModelMultipleChoiceField):
                choices = [("", field.empty_label or "---------"), *choices]
            field.choices = choices


class EditorPageForm(WagtailAdminPageForm):
    """The admin form of every page of the portal: a new page's ``body`` starts with an empty
    paragraph, ready to type; a paragraph left empty is dropped on saving."""

    def __init__(self, *args, **kwargs):
        instance = kwargs.get("instance")
        if instance is not None and not instance.pk and hasattr(instance, "body") and not instance.body:
            instance.body = [("paragraph", RichText(""))]
        super().__init__(*args, **kwargs)

    def clean(self):
        cleaned_data = super().clean()
        body = cleaned_data.get("body")
        if isinstance(body, StreamValue):
            kept = [
                (child.block_type, child.value, child.id)
                for child in body
                if not (child.block_type == "paragraph" and not strip_tags(child.value.source).strip())
            ]
            if len(kept) != len(body):
                cleaned_data["body"] = StreamValue(body.stream_block, kept)
        return cleaned_data


class TaxonomyPageForm(EditorPageForm):
    """The admin form of a page with themes or countries (see the module's docstring)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        locale = getattr(self.instance, "locale", None) if self.instance.locale_id else None
        if locale is None:
            return
        choices = TaxonomyChoices(locale)
        choices.apply(self)
        for formset in self.formsets.values():
            watch_formset(formset, choices)


def watch_formset(formset, choices):
    """Apply ``choices`` to every form of ``formset``, the empty form (a new one on each access)
    and forms built later included."""
    add_fields = formset.add_fields

    def add_fields_with_choices(form, index):
        add_fields(form, index)
        choices.apply(form)

    formset.add_fields = add_fields_with_choices
    if "forms" in formset.__dict__:
        for form in formset.forms:
            choices.apply(form)


class TaxonomyPageMixin:
    """For pages with ``themes``: their themes are the copies in the page's locale, when there are."""

    def localize_taxonomy(self):
        from portal.models import Theme

        if not self.locale_id or not hasattr(self, "themes"):
            return
        themes = list(self.themes.all())
        if not themes or all(theme.locale_id == self.locale_id for theme in themes):
            return
        copies = {
            theme.translation_key: theme
            for theme in Theme.objects.filter(
                locale_id=self.locale_id, translation_key__in=[theme.translation_key for theme in themes]
            )
        }
        self.themes = [copies.get(theme.translation_key, theme) for theme in themes]

    def full_clean(self, *args, **kwargs):
        self.localize_taxonomy()
        return super().full_clean(*args, **kwargs)

    def save(self, *args, **kwargs):
        self.localize_taxonomy()
        return super().save(*args, **kwargs)


def register_synchronised_taxonomy(*models):
    """Make wagtail-localize copy ``themes`` and ``countries`` (many-to-many fields, which it
    leaves alone by default) from a source page to its translations on every synchronisation."""
    from wagtail_localize.fields import SynchronizedField, get_translatable_fields

    for model in models:
        fields = list(get_translatable_fields(model))
        names = {field.field_name for field in fields}
        for name in ("themes", "countries"):
            if name not in names and any(field.name == name for field in model._meta.get_fields()):
                fields.append(SynchronizedField(name))
        model.translatable_fields = fields
