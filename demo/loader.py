"""The one loader of the demo: builds the demo site from the data files of ``demo/data/``.

**Data files.** YAML (read with PyYAML's safe loader), chosen over TOML and JSON because the
content is deeply nested prose — pages holding blocks holding paragraphs, each in four
languages — which YAML writes as an indented outline with comments, one sentence per line, and
anchors for a text used twice (a summary that is also the meta description). JSON has no
comments and escapes everything; TOML cannot write a nested table across lines except as
``[[pages.children.body.items]]`` headers.

- A **text** is a mapping of language codes, ``{fr: …, en: …, es: …, ar: …}``: the French is
  the source, the others are its translations (read into ``portal.seeding.T``). A plain string
  is the same in every language (a proper name, a figure).
- A **page** is a mapping with ``type`` (``app.Model``), ``slug``, its fields by name and its
  ``children``. Each value is read according to the model's field: rich text is a list of
  paragraphs (a text each) or ``{list: [...]}`` for a bulleted list; a StreamField is a list
  of ``{block_name: value}`` written as the blocks are declared; a themes field lists theme
  slugs, a countries field ISO codes; a page field is the page's slug path under the home page
  (``appels-a-projets/laureats``); child rows (laureates) are a list of mappings. Dates are
  ``2024-01-22`` or relative to the day of loading, ``today+30``; date-times ``2024-02-08
  10:00`` or ``today+21 10:00`` (Paris time). ``year_of: closing_date`` replaces ``{year}`` in
  the page's strings with the year of that date. YAML merge keys (``<<: *call``) share defaults.
- **Records** (intake) are created as submitted, then moved to their ``status`` by a reviewer;
  in a record, a text gives the version in the record's ``language``, and strings may use the
  record's fields, ``{number}``, ``{country_code}`` and ``{country_name}``.

**Loading.** The French tree is built first, each page added and published as an editor would.
Fields that refer to pages created later (entry tiles, a news item's call) are set once the
tree is complete. Then every page is translated, parents first, through wagtail-localize
(``portal.seeding.translate_into``), the same real translations editors make; then the menu
and the footer. Idempotent: a page whose slug is there, a translation that exists, a record
with the same natural key (``key``) are kept as they are.
"""

import datetime
import re
from functools import cache
from pathlib import Path

import yaml
from django.apps import apps
from django.db import connection, transaction
from django.utils import timezone
from django.utils.html import escape
from wagtail import blocks
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Locale, Page, Site

from portal.seeding import LANGUAGE_CODES, T, collect_texts, translate_into

DATA_DIR = Path(__file__).resolve().parent / "data"
# The page trees, in the order their pages are added under the home page.
PAGE_FILES = ("site", "news", "calls", "intake")
DEMO_COMMENT = "Données de démonstration"

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml (in PyYAML's wheels): ten times faster


def as_text(value):
    """Mappings of language codes become ``T``; everything else is walked through."""
    if isinstance(value, dict):
        if "fr" in value and set(value) <= set(LANGUAGE_CODES):
            return T(**value)
        return {key: as_text(item) for key, item in value.items()}
    if isinstance(value, list):
        return [as_text(item) for item in value]
    return value


@cache
def read(name):
    """The data file ``demo/data/<name>.yaml``, texts read as ``T``. Do not mutate the result."""
    with open(DATA_DIR / f"{name}.yaml", encoding="utf-8") as file:
        return as_text(yaml.load(file, Loader=Loader))  # noqa: S506 - a safe loader


def relax_sqlite_durability():
    """On SQLite, stop syncing the disk at each commit for the rest of this connection.

    The demo commands commit a thousand times or more, and each commit waits for the disk (10 ms
    on a busy machine): more than a tenth of ``make run``. Without the sync, a crash of the
    command still leaves a consistent database (SQLite's journal is still written); only a
    power cut or a crash of the system during the load could damage the file — a demo database
    that ``make run`` rebuilds. PostgreSQL is left as it is.
    """
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA synchronous = OFF")


class DataError(ValueError):
    """A data file says something the loader cannot build."""


class NotYetBuilt(Exception):
    """A page reference to a page that is not built yet (set once the tree is complete)."""


RELATIVE_DATE = re.compile(r"^(?:today(?P<offset>[+-]\d+)?|(?P<date>\d{4}-\d{2}-\d{2}))(?: (?P<time>\d{1,2}:\d{2}))?$")


def with_year(value, year):
    """``value`` with ``{year}`` replaced in its strings and texts."""
    if isinstance(value, T | str):
        return value.format(year=year)
    if isinstance(value, dict):
        return {key: with_year(item, year) for key, item in value.items()}
    if isinstance(value, list):
        return [with_year(item, year) for item in value]
    return value


class DemoLoader:
    """Builds the demo site; ``load()`` does everything in order."""

    def __init__(self):
        self.today = timezone.localdate()
        self.french = Locale.objects.get(language_code="fr")
        self.pages = {}  # slug path under the home page -> page
        self.built = []  # (page, its texts) in the order of the tree
        self.deferred = []  # (page, {field: value}) to set once every page is built
        self.created = []  # what this run created, to index in bulk (see demo.indexing)
        self._themes = {}
        self._countries = {}

    # --- the taxonomy, by slug and ISO code: one lookup each ------------------------------------
    def theme(self, slug):
        if slug not in self._themes:
            self._themes[slug] = self.taxonomy_object("portal.Theme", slug=slug, locale=self.french)
        return self._themes[slug]

    def country(self, iso_code):
        if iso_code not in self._countries:
            self._countries[iso_code] = self.taxonomy_object("portal.Country", iso_code=iso_code)
        return self._countries[iso_code]

    @staticmethod
    def taxonomy_object(label, **lookup):
        try:
            return apps.get_model(label).objects.get(**lookup)
        except apps.get_model(label).DoesNotExist:
            raise DataError(f"No {label} with {lookup}: is it in seed_taxonomy?") from None

    # --- the whole site -----------------------------------------------------------------------------
    def load(self):
        site = read("site")
        home = self.ensure_home(site["home"], site["site_name"])
        for name in PAGE_FILES:
            data = read(name)
            nodes = data["home"].get("children", []) if name == "site" else data.get("pages", [])
            self.build_children(home, "", nodes)
            for records in data.get("records", []):
                self.load_records(records)
        self.set_deferred_fields()
        for page, texts in sorted(self.built, key=lambda item: item[0].depth):  # parents first
            self.created += translate_into(page, texts).values()
        self.build_menu(site["menu"])
        self.set_footer(site["footer"])
        return home

    def ensure_home(self, node, site_name):
        """The French home page, made the root of the default site (Wagtail's welcome page goes)."""
        home = Page.objects.filter(depth=2, locale=self.french).type(apps.get_model(node["type"])).first()
        if home is None:
            home = self.create_page(Page.get_first_root_node(), "", node)
        else:
            home = home.specific
        self.built.append((home, list(collect_texts(self.own_fields(node)))))
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            Site.objects.create(
                hostname="localhost", port=80, root_page=home, is_default_site=True, site_name=site_name
            )
        elif site.root_page_id != home.pk:
            old_root = site.root_page
            site.root_page, site.site_name = home, site_name
            site.save()
            if not issubclass(old_root.specific_class, type(home)):
                old_root.delete()
        return home

    # --- pages -------------------------------------------------------------------------------------
    @staticmethod
    def own_fields(node):
        return {key: value for key, value in node.items() if key not in ("type", "slug", "children", "year_of")}

    def build_children(self, parent, parent_path, nodes):
        existing = {page.slug: page for page in parent.get_children().specific()}
        for node in nodes:
            if "year_of" in node:
                year = self.value_for(apps.get_model(node["type"]), node["year_of"], node[node["year_of"]]).year
                node = with_year(node, year)
            slug = node["slug"]
            path = f"{parent_path}/{slug}".lstrip("/")
            page = existing.get(slug) or self.create_page(parent, path, node)
            self.pages[path] = page
            self.built.append((page, list(collect_texts(self.own_fields(node)))))
            self.build_children(page, path, node.get("children", []))

    def create_page(self, parent, path, node):
        model = apps.get_model(node["type"])
        page, deferred = model(slug=node["slug"]), {}
        for name, value in self.own_fields(node).items():
            try:
                setattr(page, name, self.value_for(model, name, value))
            except NotYetBuilt:
                deferred[name] = value
        with transaction.atomic():
            parent.add_child(instance=page)
            page.save_revision().publish()
        if deferred:
            self.deferred.append((page, deferred))
        self.created.append(page)
        return page

    def set_deferred_fields(self):
        for page, fields in self.deferred:
            for name, value in fields.items():
                try:
                    setattr(page, name, self.value_for(type(page), name, value))
                except NotYetBuilt as missing:
                    raise DataError(f"{page.slug}: no demo page at {missing}") from None
            with transaction.atomic():
                page.save_revision().publish()
        self.deferred = []

    def page_at(self, path):
        if path not in self.pages:
            raise NotYetBuilt(path)
        return self.pages[path]

    # --- values, read according to the model's field ---------------------------------------------
    def value_for(self, model, name, value):
        field = model._meta.get_field(name)
        if isinstance(field, StreamField):
            stream = field.to_python(self.block_value(field.stream_block, value))
            list(stream)  # read every block now: saved in Wagtail's current form (with ids), as the editor saves
            return stream
        if isinstance(field, RichTextField):
            return self.rich_text(value)
        if field.one_to_many:  # child rows (laureates)
            child_model = field.related_model
            return [
                child_model(sort_order=number, **{key: self.value_for(child_model, key, v) for key, v in row.items()})
                for number, row in enumerate(value)
            ]
        if field.many_to_many:
            return [self.related(field.related_model, key) for key in value]
        if field.is_relation:
            return None if value is None else self.related(field.related_model, value)
        if field.get_internal_type() == "DateTimeField":
            return self.moment(value)
        if field.get_internal_type() == "DateField":
            return self.moment(value).date() if isinstance(value, str) else value
        return field.to_python(self.text(value))

    def related(self, model, key):
        if issubclass(model, Page):
            return self.page_at(key)
        if model._meta.label == "portal.Theme":
            return self.theme(key)
        if model._meta.label == "portal.Country":
            return self.country(key)
        raise DataError(f"The demo data cannot refer to {model._meta.label} objects")

    @staticmethod
    def text(value):
        return value.fr if isinstance(value, T) else value

    def moment(self, value):
        """A date-time (Paris time) from ``2024-02-08 10:00`` or ``today+21 10:00``; the time
        defaults to midnight."""
        match = RELATIVE_DATE.match(str(value))
        if match is None:
            raise DataError(f"Not a date: {value!r} (2024-01-22, today+30, 'today-5 10:00')")
        if match["date"]:
            day = datetime.date.fromisoformat(match["date"])
        else:
            day = self.today + datetime.timedelta(days=int(match["offset"] or 0))
        hour, minute = map(int, (match["time"] or "0:00").split(":"))
        return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))

    def rich_text(self, value):
        """Paragraphs (texts) and bulleted lists (``{list: [texts]}``) as rich text HTML."""
        parts = []
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, dict):
                parts.append("<ul>" + "".join(f"<li>{escape(self.text(i))}</li>" for i in item["list"]) + "</ul>")
            else:
                parts.append(f"<p>{escape(self.text(item))}</p>")
        return "".join(parts)

    def block_value(self, block, value):
        """The raw (JSON) form of ``value`` for ``block``, walking the block's declaration."""
        if isinstance(block, blocks.StreamBlock):
            stream = []
            for item in value:
                ((name, child_value),) = item.items()
                if name not in block.child_blocks:
                    raise DataError(f"No block {name!r} here: {', '.join(block.child_blocks)}")
                stream.append({"type": name, "value": self.block_value(block.child_blocks[name], child_value)})
            return stream
        if isinstance(block, blocks.StructBlock):
            unknown = set(value) - set(block.child_blocks)
            if unknown:
                raise DataError(f"No field {', '.join(sorted(unknown))} in a {block.name or 'block'}")
            return {
                name: self.block_value(child, value[name]) if name in value else self.empty_block_value(child)
                for name, child in block.child_blocks.items()
            }
        if isinstance(block, blocks.ListBlock):
            return [self.block_value(block.child_block, item) for item in value]
        if isinstance(block, blocks.RichTextBlock):
            return self.rich_text(value)
        if isinstance(block, blocks.PageChooserBlock):
            return self.page_at(value).pk
        return self.text(value)

    @staticmethod
    def empty_block_value(block):
        """What the editor's form saves for a block left empty (text blocks: an empty string)."""
        if isinstance(block, blocks.CharBlock | blocks.TextBlock | blocks.URLBlock | blocks.RichTextBlock):
            return ""
        return block.get_prep_value(block.get_default())

    # --- records (intake) --------------------------------------------------------------------------
    def load_records(self, spec):
        model = apps.get_model(spec["model"])
        key = spec["key"]
        existing = set(model.objects.values_list(*key))
        for number, item in enumerate(spec["items"], 1):
            values = {**spec.get("defaults", {}), **item}
            status = values.pop("status")
            language = values.get("language", "fr")
            values = {name: value.get(language) if isinstance(value, T) else value for name, value in values.items()}
            if tuple(values[name] for name in key) in existing:
                continue
            country = self.country(values["country"]) if "country" in values else None
            context = {
                **values,
                "number": number,
                "country_code": values.get("country", "").lower(),
                "country_name": country.name_fr if country else "",
            }
            fields = {
                name: self.value_for(model, name, value.format(**context) if isinstance(value, str) else value)
                for name, value in values.items()
            }
            self.created.append(self.create_record(model, status, **fields))

    @staticmethod
    def create_record(model, status, **fields):
        """A record as if submitted, then moved to ``status`` by a reviewer (history included)."""
        reference_counter = apps.get_model("intake.ReferenceCounter")
        status_change = apps.get_model("intake.StatusChange")
        themes = fields.pop("themes", [])
        with transaction.atomic():
            record = model(status=model.Status.SUBMITTED, consent_at=timezone.now(), **fields)
            record.reference = reference_counter.next_reference(model.reference_prefix)
            record.save()
            record.themes.set(themes)
            status_change.objects.create(record=record, status=record.status, comment=DEMO_COMMENT)
            if status == "under_review":
                record.change_status(model.Status.UNDER_REVIEW, comment=DEMO_COMMENT)
            elif status in ("published", "labelled"):
                extra = {"label_valid_until": model.default_validity_end()} if status == "labelled" else {}
                record.change_status(model.Status.PUBLIC, comment=DEMO_COMMENT, **extra)
            elif status != "submitted":
                raise DataError(f"Unknown record status {status!r}")
        return record

    # --- menu and footer ---------------------------------------------------------------------------
    def build_menu(self, node):
        """The main menu of the French site, translated into every locale (its links follow the
        visitor's language)."""
        model = apps.get_model("portal.NavigationMenu")
        menu = model.objects.filter(placement=node["placement"], locale=self.french).first()
        if menu is None:
            menu = model(placement=node["placement"], locale=self.french)
            menu.items = self.value_for(model, "items", node["items"])
            menu.save()
            self.created.append(menu)
        self.created += translate_into(menu, list(collect_texts(node))).values()

    def set_footer(self, roles):
        portal_settings = apps.get_model("portal.PortalSettings").load()
        for role, path in roles.items():
            if getattr(portal_settings, f"{role}_page_id") is None:
                setattr(portal_settings, f"{role}_page", self.page_at(path))
        portal_settings.save()
