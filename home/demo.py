"""Build the French site tree (home, reference pages, site map) and its translations."""

from django.utils.html import escape
from wagtail.models import Page, Site

from home import demo_content as content
from home.models import ContentPage, HomePage, SitemapPage
from portal.demo import TRANSLATED_LANGUAGES, T, collect_texts, translate


def paragraphs(texts):
    return "".join(f"<p>{escape(text.fr)}</p>" for text in texts)


def body_stream(blocks):
    """Turn the demo blocks of ``demo_content`` into StreamField data (French)."""
    stream = []
    for kind, value in blocks:
        if kind == "heading":
            stream.append(("heading", {"text": value["text"].fr, "level": f"h{value['level']}"}))
        elif kind == "paragraph":
            stream.append(("paragraph", paragraphs(value)))
        elif kind == "list":
            stream.append(("paragraph", "<ul>" + "".join(f"<li>{escape(t.fr)}</li>" for t in value) + "</ul>"))
        elif kind == "callout":
            stream.append(
                ("callout", {"title": value["title"].fr, "text": value["text"].fr, "link_page": None, "link_label": ""})
            )
        elif kind == "quote":
            stream.append(("quote", {"text": value["text"].fr, "source": value["source"].fr}))
        elif kind == "accordion":
            items = [{"title": i["title"].fr, "body": paragraphs(i["body"])} for i in value["items"]]
            stream.append(("accordion", {"title": value["title"].fr, "items": items}))
        elif kind == "table":
            cell = lambda c: c.fr if isinstance(c, T) else str(c)  # noqa: E731
            stream.append(
                (
                    "table",
                    {
                        "caption": value["caption"].fr,
                        "header": [cell(c) for c in value["header"]],
                        "rows": [[cell(c) for c in row] for row in value["rows"]],
                    },
                )
            )
        else:
            raise ValueError(f"Unknown demo block {kind!r}")
    return stream


def child_by_slug(parent, slug):
    return parent.get_children().filter(slug=slug).specific().first()


def add_child(parent, page):
    """Add and publish ``page`` under ``parent`` unless a page with its slug is already there."""
    existing = child_by_slug(parent, page.slug)
    if existing:
        return existing
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def ensure_home():
    """The French home page, made the root of the default site (Wagtail's welcome page goes)."""
    site = Site.objects.filter(is_default_site=True).first()
    root = Page.get_first_root_node()
    home = HomePage.objects.filter(depth=2, locale__language_code="fr").first()
    if home is None:
        data = content.HOME
        home = HomePage(
            title=data["title"].fr,
            slug="accueil",
            seo_title=data["seo_title"].fr,
            search_description=data["search_description"].fr,
            hero_title=data["hero_title"].fr,
            hero_text=data["hero_text"].fr,
            intro=paragraphs(data["intro"]),
            key_figures=[("figure", {"value": f["value"], "label": f["label"].fr}) for f in data["key_figures"]],
        )
        root.add_child(instance=home)
        home.save_revision().publish()
    if site is None:
        site = Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    if site.root_page_id != home.pk:
        old_root = site.root_page
        site.root_page = home
        site.site_name = "Coopération décentralisée"
        site.save()
        if not isinstance(old_root.specific, HomePage):
            old_root.delete()
    return home


def set_entry_points(home, pages_by_key):
    """Point the home page's entry tiles at the index pages the apps created."""
    entries = [
        ("entry_point", {"title": e["title"].fr, "text": e["text"].fr, "page": pages_by_key[e["key"]]})
        for e in content.HOME["entry_points"]
        if e["key"] in pages_by_key
    ]
    if entries and len(home.entry_points) != len(entries):
        home.entry_points = entries
        home.save_revision().publish()


def build_reference_pages(parent, specs):
    pages = []
    for spec in specs:
        page = add_child(
            parent,
            ContentPage(
                title=spec["title"].fr,
                slug=spec["slug"],
                search_description=spec["search_description"].fr,
                intro=spec["intro"].fr,
                body=body_stream(spec["body"]),
                show_in_menus=spec.get("menu", False),
            ),
        )
        pages.append((page, spec))
        pages += build_reference_pages(page, spec.get("children", []))
    return pages


def load():
    """Build the French tree and translate it; returns the French home and the pages by role."""
    home = ensure_home()
    reference_pages = build_reference_pages(home, content.REFERENCE_PAGES)
    site_map = add_child(home, SitemapPage(title="Plan du site", slug="plan-du-site", exclude_from_sitemap=False))
    by_slug = {page.slug: page for page, _ in reference_pages}
    roles = {role: by_slug[slug] for role, slug in content.SLUGS.items() if slug in by_slug}
    roles["site_map"] = site_map
    return home, roles


SITE_MAP_TITLE = T("Plan du site", en="Site map", es="Mapa del sitio", ar="خريطة الموقع")


def translate_tree(home, language_codes=TRANSLATED_LANGUAGES):
    """Translate the home page, the translated reference pages and the site map."""
    home_texts = list(collect_texts(content.HOME))
    for code in language_codes:
        translate(home, code, home_texts)
    for spec in flatten(content.REFERENCE_PAGES):
        if not spec.get("translated"):
            continue
        page = ContentPage.objects.get(slug=spec["slug"], locale__language_code="fr")
        texts = list(collect_texts(spec))
        for code in language_codes:
            translate(page, code, texts)
    site_map = SitemapPage.objects.get(locale__language_code="fr")
    for code in language_codes:
        translate(site_map, code, [SITE_MAP_TITLE])


def flatten(specs):
    for spec in specs:
        yield spec
        yield from flatten(spec.get("children", []))
