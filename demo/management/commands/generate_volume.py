"""Fill the demo site with a production-like volume of content, for load tests and benchmarks.

On top of the demo (``load_demo``, run first when its pages are missing), creates news items and
calls for projects spread over the four locale trees (fr 40 %, en/es/ar 20 % each), laureates on
the closed calls (one call gets a long list), and published partnership offers in the four
languages, with themes and countries from the taxonomy; then the Atlas at the documents' scale
(``load_atlas_demo`` for its pages, then ``generate_atlas_volume``: 13,000 projects linking 4,800
real French authorities and 10,000 partner authorities in 144 countries), unless ``--no-atlas``.

Generated pages have slugs starting with ``generated-`` and generated offers a contact address at
``volume.example.org``: a second run finds them. A kind already present in the requested number
is kept; in any other number it is replaced (the Atlas volume likewise, by its own command).
``--clean`` removes everything generated, the Atlas volume included.

Speed: pages are added with treebeard's ``add_child`` already live and their revisions written
a batch at a time (``PageBatch``); offers are inserted in bulk. Search and reference indexing
on save are switched off meanwhile (``demo.indexing``: they would cost more than the pages
themselves) and the generated objects are indexed in bulk at the end.
"""

import datetime
import random
import time
from decimal import Decimal

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.html import escape
from wagtail.models import Page, Revision
from wagtail.signals import page_published

from calls.models import CallIndexPage, CallPage, Laureate
from demo.indexing import indexing_deferred
from demo.loader import read, relax_sqlite_durability
from forms.models import PartnershipOffer, ReferenceCounter, StatusChange
from forms.pages import BourseIndexPage
from home.models import HomePage
from news.models import NewsIndexPage, NewsPage
from portal.indexing import index_in_bulk
from portal.models import Country, Theme
from portal.pagecache import bump_content_version
from portal.seeding import LANGUAGE_CODES, T

SLUG_PREFIX = "generated-"
OFFER_EMAIL_DOMAIN = "volume.example.org"
# Locale of the n-th generated item: French is the source language and has most of the content.
LOCALE_CYCLE = ("fr", "en", "fr", "es", "ar")
BATCH_SIZE = 100

# The words of the generated content (demo/data/volume.yaml).
WORDS = read("volume")
TOPICS = WORDS["topics"]
PLACES = [(place["country"], place["name"]) for place in WORDS["places"]]
NEWS_TITLES = WORDS["news_titles"]
NEWS_SUMMARY = WORDS["news_summary"]
BODY = WORDS["body"]
CALL_TITLE = WORDS["call_title"]
CALL_SUMMARY = WORDS["call_summary"]
OFFER_TITLE = WORDS["offer_title"]
OFFER_DESCRIPTION = WORDS["offer_description"]
OFFER_PARTNER = WORDS["offer_partner"]
OFFER_AUTHORITY = WORDS["offer_authority"]
WORKING_LANGUAGES = dict(WORDS["working_languages_by_language"])
# Places of the offers (the Bourse map): ISO code, region, latitude, longitude.
OFFER_PLACES = [
    (place["country"], place["region"], place["latitude"], place["longitude"]) for place in WORDS["offer_places"]
]
FRENCH_AUTHORITIES = WORDS["french_authorities"]


def fill(text, code, **values):
    """The ``code`` version of a ``T`` template with ``values`` (``T`` values in the same language)."""
    return text.get(code).format(**{k: v.get(code) if isinstance(v, T) else v for k, v in values.items()})


def capitalized(text):
    return text[:1].upper() + text[1:]


def refresh_planner_statistics():
    """On PostgreSQL, refresh the statistics of the page table after each batch.

    ``add_child`` asks for the parent's last child, sorted by path; with thousands of pages added
    faster than autovacuum analyses the table, PostgreSQL's estimate of a parent's children stays
    at the few it had, and it sorts them all instead of reading the path index backwards (10 ms
    a page at 2,000 children, against 0.03 ms).
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f"ANALYZE {Page._meta.db_table}")


class PageBatch:
    """New pages under one parent, live at once, their revisions written a batch at a time.

    Each page is added with treebeard's ``add_child`` (its tree path, the parent's child count)
    already live, then ``flush()`` writes the batch's revisions in one query and makes each the
    page's latest and live revision — what ``save_revision().publish()`` leaves in the
    database, for a fraction of its queries — and sends ``page_published`` for each page
    (caches forget what they hold). No log entries are written. Run it inside
    ``demo.indexing.indexing_deferred()`` and index the pages in bulk afterwards.
    """

    def __init__(self, parent):
        self.parent = parent
        self.pages = []
        self.base_content_type = ContentType.objects.get_for_model(Page)

    def add(self, page, published_at, before_revision=None):
        """Add ``page`` as the parent's last child, live since ``published_at``.

        ``before_revision(page)`` adds rows that the revision should hold (inline children).
        """
        page.locale_id = self.parent.locale_id
        page.draft_title = page.title
        page.live, page.has_unpublished_changes = True, False
        page.first_published_at = page.last_published_at = page.latest_revision_created_at = published_at
        self.parent.add_child(instance=page)
        if before_revision:
            before_revision(page)
        self.pages.append(page)
        return page

    def flush(self):
        if not self.pages:
            return
        revisions = Revision.objects.bulk_create(
            Revision(
                content_type=ContentType.objects.get_for_model(page),
                base_content_type=self.base_content_type,
                object_id=str(page.pk),
                created_at=page.latest_revision_created_at,
                content=page.serializable_data(),
                object_str=str(page),
            )
            for page in self.pages
        )
        for page, revision in zip(self.pages, revisions, strict=True):
            page.latest_revision = page.live_revision = revision
        Page.objects.bulk_update(self.pages, ["latest_revision", "live_revision"])
        for page in self.pages:
            page_published.send(sender=type(page), instance=page, revision=page.live_revision)
        self.pages = []


class Command(BaseCommand):
    help = "Add a large volume of generated news, calls, laureates and partnership offers to the demo site."

    def add_arguments(self, parser):
        parser.add_argument("--news", type=int, default=5000, help="News items (default 5000).")
        parser.add_argument("--calls", type=int, default=500, help="Calls for projects (default 500).")
        parser.add_argument("--laureates", type=int, default=10000, help="Laureates in all (default 10000).")
        parser.add_argument(
            "--big-call", type=int, default=500, help="Laureates of the call with the longest list (default 500)."
        )
        parser.add_argument("--offers", type=int, default=2000, help="Published partnership offers (default 2000).")
        parser.add_argument("--seed", type=int, default=7, help="Random seed (the same seed gives the same content).")
        atlas = parser.add_argument_group("Atlas (generate_atlas_volume)")
        atlas.add_argument("--projects", type=int, default=13000, help="Atlas projects (default 13000).")
        atlas.add_argument(
            "--french-authorities", type=int, default=4800, help="French authorities engaged (default 4800)."
        )
        atlas.add_argument("--partners", type=int, default=10000, help="Partner authorities (default 10000).")
        atlas.add_argument(
            "--countries", type=int, default=144, help="Countries of the partners, at most (default 144)."
        )
        atlas.add_argument("--no-atlas", action="store_true", help="Leave the Atlas as it is.")
        parser.add_argument("--clean", action="store_true", help="Remove the generated content and stop.")

    def handle(self, *args, **options):
        if settings.PRODUCTION:
            raise CommandError("generate_volume adds invented content: it is refused in production mode.")
        for name in (
            "news",
            "calls",
            "laureates",
            "big_call",
            "offers",
            "projects",
            "french_authorities",
            "partners",
            "countries",
        ):
            if options[name] < 0:
                raise CommandError(f"--{name.replace('_', '-')} cannot be negative.")
        started = time.monotonic()
        self.verbosity = options["verbosity"]
        relax_sqlite_durability()
        if options["clean"]:
            self.remove_news()
            self.remove_calls()
            self.remove_offers()
            if not options["no_atlas"]:
                call_command("generate_atlas_volume", "--clean", stdout=self.stdout)
            self.stdout.write(self.style.SUCCESS(f"Generated content removed ({time.monotonic() - started:.0f} s)."))
            return
        self.ensure_demo()
        self.random = random.Random(options["seed"])  # noqa: S311 - invented content, not secrets
        self.today = timezone.localdate()
        self.taxonomy = {
            code: (
                list(Theme.objects.filter(locale__language_code=code).order_by("slug")),
                {country.iso_code: country for country in Country.objects.all()},
            )
            for code in LANGUAGE_CODES
        }
        created = {}
        with indexing_deferred():
            created["news"] = self.generate_news(options["news"])
            created["calls"] = self.generate_calls(options["calls"], options["laureates"], options["big_call"])
            created["offers"] = self.generate_offers(options["offers"])
        indexed_at = time.monotonic()
        count = index_in_bulk(created["news"] + created["calls"] + created["offers"])
        if count:
            self.stdout.write(f"Indexed {count} objects for search ({time.monotonic() - indexed_at:.0f} s).")
        bump_content_version()  # the offers were bulk-inserted, without the signals that do it
        big = CallPage.objects.filter(slug__startswith=SLUG_PREFIX).annotate(n=Count("laureates")).order_by("-n")
        big = big.first()
        if big is not None:
            self.stdout.write(f"Call with the most laureates ({big.n}): {big.url}")
        if not options["no_atlas"]:
            self.generate_atlas(options)
        self.stdout.write(self.style.SUCCESS(f"Volume content is ready ({time.monotonic() - started:.0f} s)."))

    # --- the demo underneath ------------------------------------------------------------------
    def index_pages(self, model):
        """The live ``model`` page of each locale (child of its home page)."""
        return {
            page.locale.language_code: page
            for page in model.objects.filter(depth=3).live().select_related("locale").order_by("path")
        }

    def ensure_demo(self):
        """The home, news list, call list and Bourse of every locale; the demo loader makes them."""
        needed = (HomePage, NewsIndexPage, CallIndexPage, BourseIndexPage)
        missing = [
            model
            for model in needed
            if model.objects.live().filter(locale__language_code__in=LANGUAGE_CODES).values("locale").distinct().count()
            < len(LANGUAGE_CODES)
        ]
        if missing:
            names = ", ".join(model.__name__ for model in missing)
            self.stdout.write(f"The demo site is incomplete ({names} missing in some locale): running load_demo.")
            call_command("load_demo", stdout=self.stdout)
        self.news_indexes = self.index_pages(NewsIndexPage)
        self.call_indexes = self.index_pages(CallIndexPage)
        if not set(LANGUAGE_CODES) <= set(self.news_indexes) & set(self.call_indexes):
            raise CommandError("The news and call lists must exist in fr, en, es and ar: check load_demo's output.")

    # --- the Atlas ----------------------------------------------------------------------------------
    def generate_atlas(self, options):
        """The Atlas's pages and demo (``load_atlas_demo``, which skips what is there and loads the
        referential of French authorities when missing), then its volume by its own command
        (kept when there in the same counts, replaced otherwise), then the links of laureates and
        offers to the referential (``link_authorities``)."""
        started = time.monotonic()
        call_command("load_atlas_demo", stdout=self.stdout)
        call_command(
            "generate_atlas_volume",
            "--projects",
            str(options["projects"]),
            "--french",
            str(options["french_authorities"]),
            "--partners",
            str(options["partners"]),
            "--countries",
            str(options["countries"]),
            stdout=self.stdout,
        )
        # The generated laureates and offers were written in bulk, without the save that links
        # them to the referential and the partners generated just now.
        call_command("link_authorities", stdout=self.stdout)
        self.stdout.write(f"  Atlas ready ({time.monotonic() - started:.0f} s)")

    # --- pages ------------------------------------------------------------------------------------
    def locale_for(self, number):
        return LOCALE_CYCLE[number % len(LOCALE_CYCLE)]

    def pick_themes(self, code, count):
        themes, _ = self.taxonomy[code]
        return self.random.sample(themes, min(count, len(themes)))

    def remove_pages(self, model, label):
        pages = Page.objects.type(model).filter(slug__startswith=SLUG_PREFIX, depth=4)
        count = pages.count()
        if count:
            # Children first would not matter: generated pages have none. treebeard's delete
            # fixes the parents' child counts; Wagtail unpublishes each page and unindexes it.
            pages.delete()
            self.stdout.write(f"Removed {count} generated {label}.")

    # --- news -------------------------------------------------------------------------------------
    def generated_news(self):
        return NewsPage.objects.filter(slug__startswith=SLUG_PREFIX)

    def remove_news(self):
        self.remove_pages(NewsPage, "news items")

    def generate_news(self, total):
        existing = self.generated_news().count()
        if existing == total:
            self.stdout.write(f"{total} generated news items are there already.")
            return []
        self.remove_news()
        started = time.monotonic()
        categories = [value for value, _label in NewsPage.Category.choices]
        span = 8 * 365  # eight years of news
        created = []
        batches = {code: PageBatch(index) for code, index in self.news_indexes.items()}
        for start in range(0, total, BATCH_SIZE):
            with transaction.atomic():
                for number in range(start, min(start + BATCH_SIZE, total)):
                    code = self.locale_for(number)
                    created.append(self.build_news_item(batches[code], code, number, categories, span))
                for batch in batches.values():
                    batch.flush()
            refresh_planner_statistics()
            self.progress("news items", len(created), total, started)
        return created

    def build_news_item(self, batch, code, number, categories, span):
        rng = self.random
        topic, (iso, place) = rng.choice(TOPICS), rng.choice(PLACES)
        category = categories[number % len(categories)]
        day = self.today - datetime.timedelta(days=rng.randrange(span))
        summary = fill(NEWS_SUMMARY, code, topic=topic, place=place)
        event = {}
        if category == NewsPage.Category.EVENT:
            # A third of the events are still to come; the others make the agenda's archive.
            offset = rng.randrange(-span, 120) if number % 3 else rng.randrange(1, 120)
            start = timezone.make_aware(
                datetime.datetime.combine(self.today + datetime.timedelta(days=offset), datetime.time(10))
            )
            event = {"event_start": start, "event_end": start + datetime.timedelta(hours=2), "event_online": True}
            day = min(day, start.date())
        page = NewsPage(
            title=capitalized(fill(rng.choice(NEWS_TITLES), code, topic=topic, place=place))[:255],
            slug=f"{SLUG_PREFIX}{number:05d}",
            date=day,
            category=category,
            summary=summary,
            search_description=summary,
            body=[("paragraph", "".join(f"<p>{escape(fill(text, code, topic=topic))}</p>" for text in BODY))],
            **event,
        )
        _themes, countries = self.taxonomy[code]
        page.themes = self.pick_themes(code, rng.choice((1, 1, 2)))
        page.countries = [countries[iso]] if iso in countries else []
        published = timezone.make_aware(datetime.datetime.combine(day, datetime.time(9, rng.randrange(60))))
        return batch.add(page, published)

    # --- calls and laureates -------------------------------------------------------------------------
    def generated_calls(self):
        return CallPage.objects.filter(slug__startswith=SLUG_PREFIX)

    def remove_calls(self):
        self.remove_pages(CallPage, "calls for projects")

    @staticmethod
    def call_status(number):
        """The status of the n-th call: out of ten, one upcoming, two open, one closed awaiting
        its results and six closed with their laureates."""
        return {1: "upcoming", 2: "open", 5: "open", 3: "closed"}.get(number % 10, "results")

    def laureate_counts(self, calls, total, big_call):
        """How many laureates each call gets: one long list, the rest spread over the other calls
        with results."""
        with_results = [number for number in range(calls) if self.call_status(number) == "results"]
        counts = dict.fromkeys(range(calls), 0)
        if not with_results or not total:
            return counts
        counts[with_results[0]] = min(big_call, total) if len(with_results) > 1 else total
        rest = with_results[1:]
        if rest:
            share, extra = divmod(total - counts[with_results[0]], len(rest))
            for position, number in enumerate(rest):
                counts[number] = share + (1 if position < extra else 0)
        return counts

    def generate_calls(self, total, laureates, big_call):
        calls = self.generated_calls()
        existing = calls.count()
        existing_laureates = Laureate.objects.filter(page__in=calls).count()
        if existing == total and existing_laureates == (laureates if total else 0):
            self.stdout.write(f"{total} generated calls with {existing_laureates} laureates are there already.")
            return []
        self.remove_calls()
        started = time.monotonic()
        counts = self.laureate_counts(total, laureates, big_call)
        created = []
        batches = {code: PageBatch(index) for code, index in self.call_indexes.items()}
        for start in range(0, total, BATCH_SIZE // 4):
            with transaction.atomic():
                for number in range(start, min(start + BATCH_SIZE // 4, total)):
                    # The long list goes to a French call: the benchmark's "call page with many laureates".
                    code = "fr" if number == 0 else self.locale_for(number)
                    created.append(self.build_call(batches[code], code, number, counts[number]))
                for batch in batches.values():
                    batch.flush()
            refresh_planner_statistics()
            self.progress("calls", len(created), total, started)
        return created

    def call_dates(self, number):
        """Opening and closing dates that give the call its status (see ``call_status``)."""
        rng, today, days = self.random, self.today, datetime.timedelta
        status = self.call_status(number)
        if status == "upcoming":
            opening = today + days(rng.randrange(5, 90))
            return opening, opening + days(rng.randrange(45, 90))
        if status == "open":
            return today - days(rng.randrange(10, 60)), today + days(rng.randrange(1, 90))
        closing = today - days(rng.randrange(1, 60) if status == "closed" else rng.randrange(60, 10 * 365))
        return closing - days(rng.randrange(45, 120)), closing

    def build_call(self, batch, code, number, laureate_count):
        rng = self.random
        themes, countries = self.taxonomy[code]
        theme = rng.choice(themes)
        opening, closing = self.call_dates(number)
        call_type = [value for value, _label in CallPage.CallType.choices][number % len(CallPage.CallType.choices)]
        iso, place = rng.choice(PLACES)
        summary = fill(CALL_SUMMARY, code, theme=theme.name)
        page = CallPage(
            title=fill(CALL_TITLE, code, theme=theme.name, year=closing.year),
            slug=f"{SLUG_PREFIX}{number:05d}",
            summary=summary,
            search_description=summary,
            body=[("paragraph", "".join(f"<p>{escape(fill(text, code, topic=theme.name))}</p>" for text in BODY))],
            call_type=call_type,
            edition_year=closing.year,
            opening_date=opening,
            closing_date=closing,
            committee_date=closing + datetime.timedelta(days=45),
            application_url="https://www.example.org/cncd/candidater",
            partner_country=countries.get(iso) if call_type == CallPage.CallType.BILATERAL else None,
            eligible_zone=place.get(code) if call_type == CallPage.CallType.GEOGRAPHIC else "",
            contact_name="Secrétariat de la délégation (démo)",
            contact_email="appels-a-projets@example.org",
        )
        page.themes = [theme]
        page.countries = [countries[iso]] if iso in countries and call_type != CallPage.CallType.GENERALIST else []

        def laureates(call):
            Laureate.objects.bulk_create(
                Laureate(
                    page=call,
                    sort_order=position,
                    french_authority=rng.choice(FRENCH_AUTHORITIES),
                    partner_authority=fill(OFFER_AUTHORITY, "fr", place=rng.choice(PLACES)[1]),
                    country=countries.get(rng.choice(PLACES)[0]),
                    project_title=capitalized(fill(OFFER_TITLE, "fr", topic=rng.choice(TOPICS))),
                    theme=rng.choice(themes),
                    amount=Decimal(rng.randrange(10, 200) * 500),
                )
                for position in range(laureate_count)
            )

        published = timezone.make_aware(datetime.datetime.combine(opening, datetime.time(9)))
        published = min(published - datetime.timedelta(days=14), timezone.now())
        return batch.add(page, published, laureates if laureate_count else None)

    # --- partnership offers -----------------------------------------------------------------------------
    def generated_offers(self):
        return PartnershipOffer.objects.filter(contact_email__endswith=f"@{OFFER_EMAIL_DOMAIN}")

    def remove_offers(self):
        count, _ = self.generated_offers().delete()
        if count:
            self.stdout.write("Removed the generated partnership offers.")

    def generate_offers(self, total):
        existing = self.generated_offers().filter(status=PartnershipOffer.Status.PUBLIC).count()
        if existing == total:
            self.stdout.write(f"{total} generated partnership offers are there already.")
            return []
        self.remove_offers()
        started = time.monotonic()
        rng = self.random
        themes, countries = self.taxonomy["fr"]
        now = timezone.now()
        moments = sorted(now - datetime.timedelta(minutes=rng.randrange(3 * 365 * 24 * 60)) for _ in range(total))
        by_year = {}
        for moment in moments:
            by_year.setdefault(timezone.localtime(moment).year, []).append(moment)
        prefix = PartnershipOffer.reference_prefix
        references = {
            year: iter(ReferenceCounter.next_references(prefix, len(items), year=year))
            for year, items in by_year.items()
        }
        offers, theme_rows, history = [], [], []
        for number, moment in enumerate(moments):
            code = self.locale_for(number)
            iso, region, latitude, longitude = rng.choice(OFFER_PLACES)
            topic = rng.choice(TOPICS)
            authority = fill(OFFER_AUTHORITY, code, place=region)
            offers.append(
                PartnershipOffer(
                    reference=next(references[timezone.localtime(moment).year]),
                    language=code,
                    status=PartnershipOffer.Status.PUBLIC,
                    created_at=moment - datetime.timedelta(days=20),
                    status_changed_at=moment,
                    published_at=moment,
                    consent_at=moment - datetime.timedelta(days=20),
                    authority_name=authority,
                    authority_type=rng.choice(PartnershipOffer.AuthorityType.values),
                    country=countries[iso],
                    region=region,
                    population=rng.randrange(5, 2000) * 1000,
                    latitude=Decimal(f"{latitude + rng.uniform(-0.6, 0.6):.5f}"),
                    longitude=Decimal(f"{longitude + rng.uniform(-0.6, 0.6):.5f}"),
                    project_title=capitalized(fill(OFFER_TITLE, code, topic=topic))[:200],
                    description=fill(OFFER_DESCRIPTION, code, authority=authority, topic=topic),
                    partner_sought=OFFER_PARTNER.get(code),
                    working_languages=WORKING_LANGUAGES[code],
                    embassy=f"Ambassade de France — service de coopération ({countries[iso].name_fr})",
                    embassy_email=f"cooperation.{iso.lower()}@example.org",
                    contact_name=f"Personne de contact {number + 1}",
                    contact_role="Attaché de coopération",
                    contact_email=f"offre{number + 1}@{OFFER_EMAIL_DOMAIN}",
                )
            )
        with transaction.atomic():
            PartnershipOffer.objects.bulk_create(offers, batch_size=500)
            through = PartnershipOffer.themes.through
            for offer in offers:
                for theme in rng.sample(themes, rng.choice((1, 2, 2, 3))):
                    theme_rows.append(through(partnershipoffer_id=offer.pk, theme_id=theme.pk))
                for status, moment in (
                    (PartnershipOffer.Status.SUBMITTED, offer.created_at),
                    (PartnershipOffer.Status.PUBLIC, offer.published_at),
                ):
                    history.append(
                        StatusChange(record=offer, status=status, comment="Données générées", created_at=moment)
                    )
            through.objects.bulk_create(theme_rows, batch_size=2000)
            StatusChange.objects.bulk_create(history, batch_size=1000)
        self.progress("partnership offers", total, total, started)
        return offers

    def progress(self, label, done, total, started):
        if self.verbosity > 1 or (self.verbosity and done == total):
            elapsed = time.monotonic() - started
            self.stdout.write(f"  {label}: {done}/{total} ({elapsed:.0f} s)")
