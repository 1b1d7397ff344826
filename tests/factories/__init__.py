"""Factories for the test suite. Pages are added under a ``parent`` and published."""

import factory
from wagtail.models import Locale, Page, Site

from home.models import ContentPage, HomePage, SitemapPage
from portal.models import Country, NavigationMenu, PortalSettings, Theme


class PageFactory(factory.django.DjangoModelFactory):
    """Add the page under ``parent`` (default: the French home) and publish it."""

    class Meta:
        abstract = True

    title = factory.Sequence(lambda n: f"Page {n}")

    @classmethod
    def _create(cls, model_class, *args, parent=None, live=True, **kwargs):
        page = model_class(*args, **kwargs)
        if parent is None:
            parent = HomePage.objects.get(locale__language_code="fr")
        parent.add_child(instance=page)
        revision = page.save_revision()
        if live:
            revision.publish()
        else:
            page.live = False
            page.save()
        return page


class HomePageFactory(PageFactory):
    class Meta:
        model = HomePage

    title = "Accueil"
    slug = "accueil"
    hero_title = "La coopération décentralisée"
    hero_text = "Appels à projets, actualités et partenariats."
    key_figures = factory.LazyFunction(lambda: [("figure", {"value": "13 000", "label": "projets de coopération"})])

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        kwargs.setdefault("parent", Page.get_first_root_node())
        return super()._create(model_class, *args, **kwargs)


class ContentPageFactory(PageFactory):
    class Meta:
        model = ContentPage

    slug = factory.Sequence(lambda n: f"page-{n}")
    intro = "Une page de référence."
    body = factory.LazyFunction(lambda: [("paragraph", "<p>Le cadre juridique de la coopération.</p>")])


class SitemapPageFactory(PageFactory):
    class Meta:
        model = SitemapPage

    title = "Plan du site"
    slug = "plan-du-site"


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Theme
        django_get_or_create = ("slug", "locale")

    name = factory.Sequence(lambda n: f"Thème {n}")
    slug = factory.Sequence(lambda n: f"theme-{n}")
    locale = factory.LazyFunction(Locale.get_default)


class CountryFactory(factory.django.DjangoModelFactory):
    """A country of the reference table; ``name`` is its French name (``name_en``… optional)."""

    class Meta:
        model = Country
        django_get_or_create = ("iso_code",)

    class Params:
        name = "Sénégal"

    iso_code = "SN"
    name_fr = factory.SelfAttribute("name")


def translate_page(page, language_code, **fields):
    """A published translation of ``page`` (same translation key), with some fields changed."""
    locale, _ = Locale.objects.get_or_create(language_code=language_code)
    translation = page.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    translation.refresh_from_db()
    return translation


def build_site():
    """A small site: French home translated into en/es/ar, a content page translated into
    English only, a site map page, a main menu and the footer settings."""
    for code in ("fr", "en", "es", "ar"):
        Locale.objects.get_or_create(language_code=code)
    Page.objects.filter(depth=2).delete()
    home = HomePageFactory()
    Site.objects.update_or_create(is_default_site=True, defaults={"hostname": "localhost", "root_page": home})
    homes = {"fr": home}
    for code, title in (("en", "Home"), ("es", "Inicio"), ("ar", "الصفحة الرئيسية")):
        homes[code] = translate_page(home, code, title=title, hero_title=title)
    content = ContentPageFactory(title="Cadre juridique", slug="cadre-juridique", show_in_menus=True)
    content_en = translate_page(content, "en", title="Legal framework")
    accessibility = ContentPageFactory(title="Déclaration d’accessibilité", slug="accessibilite")
    site_map = SitemapPageFactory()
    NavigationMenu.objects.create(
        placement="main", locale=home.locale, items=[("link", {"page": content, "url": "", "label": ""})]
    )
    portal_settings = PortalSettings.load()
    portal_settings.accessibility_page = accessibility
    portal_settings.site_map_page = site_map
    portal_settings.save()
    return {"homes": homes, "content": content, "content_en": content_en, "site_map": site_map}
