"""The Atlas of decentralised cooperation: projects (fiches-projets), SDGs, APD figures, and the
page that serves them.

A ``Project`` is one external action of French local authorities: decentralised cooperation
under an agreement, a twinning, or another action. It links French authorities (one lead, any
number of others) and foreign partner authorities from the referential of ``portal``; a name
that matched no authority with certainty is kept as typed. Its text is stored in the language it
was written in (``language``); pages mark it with ``lang`` when it differs from theirs. Only
published projects are public.

The French région and département of a project are those of its lead authority, stored on the
project (``region``, ``departement``) so that lists filter on them without joins.
"""

from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models, transaction
from django.db.models import Sum
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.models import Locale, Orderable, Page
from wagtail.search import index
from wagtail.search.queryset import SearchableQuerySetMixin

from calls.models import Laureate
from portal.models import BasePage, Country, Theme
from portal.pagecache import bump_content_version
from portal.routing import handler_for
from portal.search_text import country_words, taxonomy_text

# Languages a project can be written in: the portal's four and the partner languages the
# documents name. Names come from Django's language table, translated.
PROJECT_LANGUAGES = [
    ("fr", _("French")),
    ("en", _("English")),
    ("es", _("Spanish")),
    ("ar", _("Arabic")),
    ("pt", _("Portuguese")),
    ("de", _("German")),
    ("ru", _("Russian")),
    ("it", _("Italian")),
]
FIRST_YEAR = 1950
LAST_YEAR = 2100
year_validators = [MinValueValidator(FIRST_YEAR), MaxValueValidator(LAST_YEAR)]


class SustainableDevelopmentGoal(models.Model):
    """One of the 17 Sustainable Development Goals of the United Nations' 2030 Agenda, with its
    official short name in the portal's four languages (seeded by migration, not edited)."""

    number = models.PositiveSmallIntegerField(_("number"), primary_key=True)
    name_fr = models.CharField(max_length=120)
    name_en = models.CharField(max_length=120)
    name_es = models.CharField(max_length=120)
    name_ar = models.CharField(max_length=120)

    class Meta:
        verbose_name = _("Sustainable Development Goal")
        verbose_name_plural = _("Sustainable Development Goals")
        ordering = ["number"]

    def __str__(self):
        return f"{self.number}. {self.name}"

    @property
    def name(self):
        """The name in the active language (English for any other)."""
        return getattr(self, f"name_{translation.get_language() or 'en'}", None) or self.name_en


class ProjectQuerySet(SearchableQuerySetMixin, models.QuerySet):
    def published(self):
        return self.filter(status=Project.Status.PUBLISHED)

    def of_french_authority(self, authority):
        """Projects in which ``authority`` takes part (lead or not)."""
        return self.filter(french_authority_links__authority=authority).distinct()

    def with_partner(self, partner):
        return self.filter(partner_links__partner=partner).distinct()

    def for_listing(self):
        """With what a list row shows (lead authority, partners, themes), in a fixed number of queries."""
        return self.prefetch_related(*listing_prefetches())


def listing_prefetches():
    """The prefetches of a list row (``for_listing``; ``prefetch_related_objects`` on a page of
    projects already read)."""
    return [
        "themes",
        models.Prefetch(
            "french_authority_links",
            queryset=ProjectFrenchAuthority.objects.select_related("authority").order_by("role", "sort_order"),
        ),
        models.Prefetch(
            "partner_links",
            queryset=ProjectPartner.objects.select_related("partner", "country").order_by("sort_order"),
        ),
    ]


class ProjectAdminForm(WagtailAdminModelForm):
    """The project form: a funding line offers only the laureate rows of its own call (a list of
    every laureate of every call would weigh megabytes at the Atlas's volume)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Relations point at the source-language (French) themes and countries, as elsewhere.
        default = Locale.get_default()
        if "themes" in self.fields:
            self.fields["themes"].queryset = Theme.objects.filter(locale=default)
        partners = self.formsets.get("partner_links")
        if partners is not None and "country" in partners.form.base_fields:
            countries = Country.objects.all()
            partners.form.base_fields["country"].queryset = countries
            for form in partners.forms:
                form.fields["country"].queryset = countries
        formset = self.formsets.get("funding_lines")
        if formset is None or "laureate" not in formset.form.base_fields:
            return
        formset.form.base_fields["laureate"].queryset = Laureate.objects.none()  # the "add" template
        for form in formset.forms:
            call_id = (form.data.get(form.add_prefix("call")) if form.is_bound else None) or form.instance.call_id
            form.fields["laureate"].queryset = (
                Laureate.objects.filter(page_id=call_id).order_by("sort_order", "pk")
                if str(call_id or "").isdigit()
                else Laureate.objects.none()
            )


class Project(index.Indexed, ClusterableModel):
    """A cooperation project of French local authorities with foreign partners (a fiche-projet)."""

    class Kind(models.TextChoices):
        COOPERATION = "cooperation", _("Decentralised cooperation under an agreement")
        TWINNING = "twinning", _("Twinning")
        OTHER = "other", _("Other external action")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")

    class Origin(models.TextChoices):
        STAFF = "staff", _("entered by staff")
        IMPORT = "import", _("imported")
        DEMO = "demo", _("demo content")
        VOLUME = "volume", _("generated volume")

    reference = models.CharField(
        _("reference"),
        max_length=40,
        unique=True,
        null=True,
        blank=True,
        help_text=_("Stable identifier from the source (e.g. the former Atlas); imports update the project with it."),
    )
    title = models.CharField(_("title"), max_length=300)
    language = models.CharField(
        _("language of the text"),
        max_length=5,
        choices=PROJECT_LANGUAGES,
        default="fr",
        help_text=_("The language the title and texts are written in; they are shown as written."),
    )
    kind = models.CharField(_("kind of action"), max_length=20, choices=Kind.choices, default=Kind.COOPERATION)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT, db_index=True)
    themes = ParentalManyToManyField("portal.Theme", blank=True, related_name="+", verbose_name=_("themes"))
    goals = ParentalManyToManyField(
        SustainableDevelopmentGoal, blank=True, related_name="projects", verbose_name=_("Sustainable Development Goals")
    )
    objectives = models.TextField(_("objectives"), blank=True)
    description = models.TextField(_("description"), blank=True)
    history = models.TextField(_("history"), blank=True)
    context = models.TextField(_("context"), blank=True)
    start_year = models.PositiveSmallIntegerField(_("start year"), null=True, blank=True, validators=year_validators)
    end_year = models.PositiveSmallIntegerField(
        _("end year"), null=True, blank=True, validators=year_validators, help_text=_("Empty while it goes on.")
    )
    region = models.ForeignKey(
        "portal.FrenchAuthority",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("French region"),
    )
    departement = models.ForeignKey(
        "portal.FrenchAuthority",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("département"),
    )
    contact_organisation = models.CharField(
        _("contact service"),
        max_length=200,
        blank=True,
        help_text=_("The service to contact, e.g. “Direction des relations internationales”."),
    )
    contact_address = models.TextField(_("postal address"), blank=True)
    contact_email = models.EmailField(
        _("contact e-mail"), blank=True, help_text=_("A service address, not a person's, unless the person agreed.")
    )
    contact_url = models.URLField(_("web page"), blank=True)
    contact_person = models.CharField(
        _("contact person"),
        max_length=150,
        blank=True,
        help_text=_("Shown only if the person agreed to be named publicly."),
    )
    contact_person_consent = models.BooleanField(_("the person agreed to be named on the portal"), default=False)
    origin = models.CharField(_("origin"), max_length=10, choices=Origin.choices, default=Origin.STAFF)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)

    objects = ProjectQuerySet.as_manager()
    base_form_class = ProjectAdminForm

    panels = [
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("language")]),
        FieldPanel("reference"),
        FieldPanel("status", permission="atlas.publish_project"),
        FieldRowPanel([FieldPanel("start_year"), FieldPanel("end_year")]),
        FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
        InlinePanel(
            "french_authority_links",
            heading=_("French authorities"),
            label=_("French authority"),
            min_num=1,
            help_text=_("Choose the authority in the official referential; type its name only when it is not there."),
        ),
        InlinePanel("partner_links", heading=_("Partner authorities"), label=_("Partner authority")),
        InlinePanel("other_partners", heading=_("Other partners"), label=_("Other partner")),
        FieldPanel("objectives"),
        FieldPanel("description"),
        FieldPanel("history"),
        FieldPanel("context"),
        InlinePanel("funding_lines", heading=_("Funding"), label=_("Funding line")),
        FieldPanel("goals", widget=forms.CheckboxSelectMultiple),
        MultiFieldPanel(
            [
                FieldPanel("contact_organisation"),
                FieldPanel("contact_address"),
                FieldRowPanel([FieldPanel("contact_email"), FieldPanel("contact_url")]),
                FieldRowPanel([FieldPanel("contact_person"), FieldPanel("contact_person_consent")]),
            ],
            _("Public contact"),
            help_text=_("Published with the project: no personal data without the person's consent."),
        ),
    ]

    # The site search (registered in atlas/searching.py): the title above the texts, the
    # authorities' names, the names of its themes and partner countries in its language.
    search_fields = [
        index.SearchField("title", boost=3),
        index.AutocompleteField("title"),
        index.SearchField("search_authority_names", boost=2),
        index.SearchField("objectives"),
        index.SearchField("description"),
        index.SearchField("history"),
        index.SearchField("context"),
        index.SearchField("search_taxonomy"),
        index.FilterField("status"),
        index.FilterField("language"),  # matched with its language's analysis (search/engine.py)
    ]

    class Meta:
        verbose_name = _("Atlas project")
        verbose_name_plural = _("Atlas projects")
        ordering = ["-start_year", "title", "pk"]
        permissions = [("publish_project", "Can publish Atlas projects")]
        indexes = [models.Index(fields=["status", "start_year"])]

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        errors = {}
        if self.start_year and self.end_year and self.end_year < self.start_year:
            errors["end_year"] = _("The end year must not be before the start year.")
        if self.contact_person and not self.contact_person_consent:
            errors["contact_person_consent"] = _("Name a person only with their consent; otherwise leave the name out.")
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        if self.status == self.Status.PUBLISHED and self.published_at is None:
            self.published_at = timezone.now()
        super().save(*args, **kwargs)
        self.update_location()

    def update_location(self):
        """Store the région and département of the lead French authority (after the links are saved)."""
        lead = self.lead_link()
        authority = lead.authority if lead else None
        region_id = authority.region_id if authority else None
        departement_id = authority.departement_id if authority else None
        if (region_id, departement_id) != (self.region_id, self.departement_id):
            self.region_id, self.departement_id = region_id, departement_id
            type(self).objects.filter(pk=self.pk).update(region_id=region_id, departement_id=departement_id)

    # --- what pages and exports read --------------------------------------------------------
    def lead_link(self):
        links = sorted(
            self.french_authority_links.all(), key=lambda link: (link.role != link.Role.LEAD, link.sort_order or 0)
        )
        return links[0] if links else None

    @property
    def is_public(self):
        return self.status == self.Status.PUBLISHED

    @property
    def years_label(self):
        if self.start_year and self.end_year and self.end_year != self.start_year:
            return f"{self.start_year}–{self.end_year}"
        if self.start_year and not self.end_year:
            return _("since %(year)s") % {"year": self.start_year}
        return str(self.start_year or self.end_year or "")

    def total_funding(self):
        return sum((line.amount for line in self.funding_lines.all()), Decimal("0"))

    @classmethod
    def get_indexed_objects(cls):
        """What ``search_authority_names`` and ``search_taxonomy`` read, fetched with the
        projects (``update_index``, ``portal.indexing.index_in_bulk``), not per project."""
        return (
            super()
            .get_indexed_objects()
            .prefetch_related(
                "themes",
                models.Prefetch(
                    "french_authority_links", queryset=ProjectFrenchAuthority.objects.select_related("authority")
                ),
                models.Prefetch("partner_links", queryset=ProjectPartner.objects.select_related("partner", "country")),
            )
        )

    def search_authority_names(self):
        """The names of the French and partner authorities taking part (search)."""
        french = [link.authority.name if link.authority_id else link.name for link in self.french_authority_links.all()]
        partners = [link.partner.name if link.partner_id else link.name for link in self.partner_links.all()]
        return " ".join(name for name in [*french, *partners] if name)

    def search_taxonomy(self):
        """Its themes and partner countries in its language, with the countries' adjectives (search)."""
        countries = {link.country for link in self.partner_links.all() if link.country_id}
        words = [country_words(country, self.language) for country in sorted(countries, key=lambda c: c.iso_code)]
        return " ".join([taxonomy_text(self, self.language), *words])

    def text_is_in(self, language_code):
        return self.language == (language_code or "").split("-")[0]


class ProjectFrenchAuthority(Orderable):
    """A French authority taking part in a project: the lead or another one. ``authority`` is
    the referential row; ``name`` keeps the name as typed when no row matched with certainty."""

    class Role(models.TextChoices):
        LEAD = "lead", _("Lead authority")
        PARTNER = "partner", _("Partner authority")

    project = ParentalKey(Project, on_delete=models.CASCADE, related_name="french_authority_links")
    authority = models.ForeignKey(
        "portal.FrenchAuthority",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="project_links",
        verbose_name=_("authority"),
    )
    name = models.CharField(
        _("name as typed"),
        max_length=200,
        blank=True,
        help_text=_("Only when the authority is not in the referential."),
    )
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.LEAD)

    panels = [FieldRowPanel([FieldPanel("authority"), FieldPanel("name"), FieldPanel("role")])]

    class Meta(Orderable.Meta):
        verbose_name = _("French authority of a project")
        verbose_name_plural = _("French authorities of a project")

    def __str__(self):
        return self.display_name

    @property
    def display_name(self):
        return self.authority.name if self.authority_id else self.name

    def clean(self):
        super().clean()
        if not self.authority_id and not self.name.strip():
            raise ValidationError({"authority": _("Choose an authority or type its name.")})


class ProjectPartner(Orderable):
    """A foreign partner authority of a project, from the referential or as typed, with its country."""

    project = ParentalKey(Project, on_delete=models.CASCADE, related_name="partner_links")
    partner = models.ForeignKey(
        "portal.PartnerAuthority",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="project_links",
        verbose_name=_("partner authority"),
    )
    name = models.CharField(
        _("name as typed"),
        max_length=200,
        blank=True,
        help_text=_("Only when the authority is not in the referential."),
    )
    country = models.ForeignKey(
        "portal.Country",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("country"),
        help_text=_("Taken from the partner authority when one is chosen."),
    )

    panels = [FieldRowPanel([FieldPanel("partner"), FieldPanel("name"), FieldPanel("country")])]

    class Meta(Orderable.Meta):
        verbose_name = _("partner authority of a project")
        verbose_name_plural = _("partner authorities of a project")

    def __str__(self):
        return self.display_name

    @property
    def display_name(self):
        return self.partner.name if self.partner_id else self.name

    def clean(self):
        super().clean()
        if not self.partner_id and not self.name.strip():
            raise ValidationError({"partner": _("Choose a partner authority or type its name.")})

    def save(self, *args, **kwargs):
        if self.partner_id:
            self.country_id = self.partner.country_id
        super().save(*args, **kwargs)


class OtherPartner(Orderable):
    """Another partner of a project: association, hospital, university, company…"""

    class Kind(models.TextChoices):
        ASSOCIATION = "association", _("Association")
        HOSPITAL = "hospital", _("Hospital")
        UNIVERSITY = "university", _("University or school")
        COMPANY = "company", _("Company")
        PUBLIC_BODY = "public", _("Public body")
        OTHER = "other", _("Other")

    project = ParentalKey(Project, on_delete=models.CASCADE, related_name="other_partners")
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.OTHER)

    panels = [FieldRowPanel([FieldPanel("name"), FieldPanel("kind")])]

    class Meta(Orderable.Meta):
        verbose_name = _("other partner")
        verbose_name_plural = _("other partners")

    def __str__(self):
        return self.name


class FundingLine(Orderable):
    """An amount in euros given to a project for a year by one source. A line from a ministry call
    links the call and, when known, its laureate row."""

    class Source(models.TextChoices):
        OWN = "own", _("Own funds")
        MINISTRY = "ministry", _("Ministry call for projects")
        AFD = "afd", _("AFD (FICOL)")
        EU = "eu", _("European Union")
        OTHER = "other", _("Other funding")

    project = ParentalKey(Project, on_delete=models.CASCADE, related_name="funding_lines")
    source = models.CharField(_("source"), max_length=10, choices=Source.choices)
    amount = models.DecimalField(
        _("amount (€)"), max_digits=14, decimal_places=2, validators=[MinValueValidator(Decimal("0"))]
    )
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True, validators=year_validators)
    call = models.ForeignKey(
        "calls.CallPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("call for projects"),
    )
    laureate = models.ForeignKey(
        "calls.Laureate",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("laureate row"),
        help_text=_(
            "The row of the call's laureate list for this project, when there is one (the rows of the call "
            "chosen above are offered once the project is saved)."
        ),
    )
    note = models.CharField(_("funder or note"), max_length=255, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("source"), FieldPanel("amount"), FieldPanel("year")]),
        FieldRowPanel([FieldPanel("call"), FieldPanel("laureate")]),
        FieldPanel("note"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("funding line")
        verbose_name_plural = _("funding lines")
        # The list's funding filter (projects with a line of a source): read from the index alone.
        indexes = [models.Index(fields=["source", "project"], name="atlas_funding_source_project")]

    def __str__(self):
        return f"{self.get_source_display()} {self.year or ''} {self.amount} €"

    def clean(self):
        super().clean()
        errors = {}
        if (self.call_id or self.laureate_id) and self.source != self.Source.MINISTRY:
            errors["call"] = _("Only a line from a ministry call links a call.")
        if self.laureate_id and self.call_id and self.laureate.page_id != self.call_id:
            errors["laureate"] = _("This laureate row belongs to another call.")
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        if self.laureate_id and not self.call_id:
            self.call_id = self.laureate.page_id
        super().save(*args, **kwargs)


class ApdFigure(models.Model):
    """The official development aid (APD) of a French authority for a year, in euros.

    Entered by staff for now; the yearly APD declarations will write the same rows
    (``source`` "declaration")."""

    class Source(models.TextChoices):
        STAFF = "staff", _("entered by staff")
        DECLARATION = "declaration", _("yearly declaration")
        VOLUME = "volume", _("generated volume")

    authority = models.ForeignKey(
        "portal.FrenchAuthority",
        on_delete=models.CASCADE,
        related_name="apd_figures",
        verbose_name=_("French authority"),
    )
    year = models.PositiveSmallIntegerField(_("year"), validators=year_validators)
    amount = models.DecimalField(
        _("amount (€)"), max_digits=14, decimal_places=2, validators=[MinValueValidator(Decimal("0"))]
    )
    source = models.CharField(_("source"), max_length=12, choices=Source.choices, default=Source.STAFF)
    note = models.CharField(_("note"), max_length=255, blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    panels = [FieldPanel("authority"), FieldRowPanel([FieldPanel("year"), FieldPanel("amount")]), FieldPanel("note")]

    class Meta:
        verbose_name = _("APD figure")
        verbose_name_plural = _("APD figures")
        ordering = ["authority", "-year"]
        constraints = [models.UniqueConstraint(fields=["authority", "year"], name="atlas_unique_apd_year")]

    def __str__(self):
        return f"{self.authority.name} {self.year}: {self.amount} €"


class ApdFlowFigureQuerySet(models.QuerySet):
    def publish(self, authority_id, year, amounts, *, total, note=""):
        """Publish the declared APD of ``authority_id`` for ``year``: ``amounts`` is
        ``{country pk or None: Decimal}``, ``total`` the authority's yearly total. Replaces what
        was published for them (never adds to it): their ``ApdFlowFigure`` rows, their
        ``ApdFigure`` (source "declaration") and the yearly summary (``ApdCountryTotal``,
        ``ApdYearTotal``), in the caller's transaction (the validation's)."""
        with transaction.atomic():
            lock_year(year)
            rows = self.filter(authority_id=authority_id, year=year)
            touched = set(rows.values_list("country", flat=True))
            rows.delete()
            self.bulk_create(
                ApdFlowFigure(authority_id=authority_id, year=year, country_id=country, amount=amount)
                for country, amount in amounts.items()
            )
            ApdFigure.objects.update_or_create(
                authority_id=authority_id,
                year=year,
                defaults={"amount": total, "source": ApdFigure.Source.DECLARATION, "note": note},
            )
            ApdCountryTotal.objects.refresh(year, touched | set(amounts))

    def withdraw(self, authority_id, year):
        """Take back the declared APD of ``authority_id`` for ``year`` (its declaration is no
        longer validated): its ``ApdFlowFigure`` rows, its yearly total if a declaration wrote
        it (a total staff entered stays, unless a validation had replaced it) and their part of
        the yearly summary."""
        with transaction.atomic():
            lock_year(year)
            rows = self.filter(authority_id=authority_id, year=year)
            touched = set(rows.values_list("country", flat=True))
            rows.delete()
            ApdFigure.objects.filter(authority_id=authority_id, year=year, source=ApdFigure.Source.DECLARATION).delete()
            ApdCountryTotal.objects.refresh(year, touched)

    @transaction.atomic
    def republish_all(self, amounts, totals):
        """Replace every published declared figure: ``amounts`` is ``{(authority pk, year,
        country pk or None): Decimal}``, ``totals`` ``{(authority pk, year): (Decimal, note)}``
        (``manage.py rebuild_apd_figures``, from the validated declarations). A row keeps the
        source it had (the generated volume's stay "volume"); yearly totals that a declaration
        wrote and that no longer have one are removed, staff's stay. Then the summary is rebuilt."""
        list(ApdYearTotal.objects.select_for_update())
        declared = ApdFigure.Source.DECLARATION
        sources = {
            (authority, year): source
            for authority, year, source in self.order_by()
            .values_list("authority", "year")
            .annotate(source=models.Max("source"))
        }
        self.all().delete()
        self.bulk_create(
            (
                ApdFlowFigure(
                    authority_id=authority,
                    year=year,
                    country_id=country,
                    amount=amount,
                    source=sources.get((authority, year), declared),
                )
                for (authority, year, country), amount in amounts.items()
            ),
            batch_size=2000,
        )
        stale = ApdFigure.objects.filter(source=declared).values_list("pk", "authority", "year")
        ApdFigure.objects.filter(pk__in=[pk for pk, *key in stale if tuple(key) not in totals]).delete()
        ApdFigure.objects.bulk_create(
            (
                ApdFigure(
                    authority_id=authority,
                    year=year,
                    amount=total,
                    note=note,
                    source=sources.get((authority, year), declared),
                )
                for (authority, year), (total, note) in totals.items()
            ),
            batch_size=2000,
            update_conflicts=True,
            unique_fields=["authority", "year"],
            update_fields=["amount", "note", "source"],
        )
        ApdCountryTotal.objects.rebuild()


def lock_year(year):
    """Serialise the writers of one year's figures (``SELECT … FOR UPDATE`` on its
    ``ApdYearTotal``): two validations of the same year at once each recompute the summary from
    what the other committed, never from a stale read."""
    ApdYearTotal.objects.get_or_create(year=year, defaults={"amount": Decimal("0.00")})
    ApdYearTotal.objects.select_for_update().get(year=year)


class ApdFlowFigure(models.Model):
    """The official development aid of a French authority for a year towards one country (or
    "several countries / unallocated" when ``country`` is empty), in euros: the published part
    of the validated yearly declarations, by country.

    The Atlas reads these rows for the open-data file of a year; the pages read their sums by
    year and country (``ApdCountryTotal``). The declaring app publishes them (one row per
    authority, year and country) with ``ApdFlowFigure.objects.publish`` when the ministry
    validates a declaration, and ``withdraw`` takes them back. The Atlas knows nothing of that
    app: the rows are its own figures, like ``ApdFigure`` (the authority's yearly total, written
    at the same time)."""

    authority = models.ForeignKey(
        "portal.FrenchAuthority",
        on_delete=models.CASCADE,
        related_name="apd_flow_figures",
        verbose_name=_("French authority"),
    )
    year = models.PositiveSmallIntegerField(_("year"), validators=year_validators)
    country = models.ForeignKey(
        "portal.Country",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("beneficiary country"),
        help_text=_("Empty: several countries or unallocated."),
    )
    amount = models.DecimalField(
        _("amount (€)"), max_digits=14, decimal_places=2, validators=[MinValueValidator(Decimal("0"))]
    )
    source = models.CharField(
        _("source"), max_length=12, choices=ApdFigure.Source.choices, default=ApdFigure.Source.DECLARATION
    )

    class Meta:
        verbose_name = _("APD figure by country")
        verbose_name_plural = _("APD figures by country")
        ordering = ["authority", "-year", "country"]
        indexes = [models.Index(fields=["year", "country"], name="atlas_apdflow_year_country")]

    objects = ApdFlowFigureQuerySet.as_manager()

    def __str__(self):
        return f"{self.authority_id} {self.year} {self.country_id or '-'}: {self.amount} €"


class ApdCountryTotalQuerySet(models.QuerySet):
    def refresh(self, year, countries):
        """Recompute the totals of ``year`` towards ``countries`` (pks, None for "several /
        unallocated") and the year's total from ``ApdFlowFigure``: a few hundred rows read
        through the (year, country) index. The caller holds the year's lock (``lock_year``)."""
        if not countries:
            return
        places = models.Q(country__in=[pk for pk in countries if pk is not None])
        if None in countries:
            places |= models.Q(country__isnull=True)
        sums = ApdFlowFigure.objects.filter(places, year=year).order_by().values_list("country").annotate(Sum("amount"))
        self.filter(places, year=year).delete()
        self.bulk_create(ApdCountryTotal(year=year, country_id=country, amount=amount) for country, amount in sums)
        total = self.filter(year=year).aggregate(total=Sum("amount"))["total"] or Decimal("0.00")
        ApdYearTotal.objects.filter(year=year).update(amount=total)
        transaction.on_commit(bump_content_version)

    @transaction.atomic
    def rebuild(self):
        """Recompute the whole summary from ``ApdFlowFigure`` (after a bulk load, or to check
        it: ``manage.py rebuild_apd_figures``). Two aggregate queries."""
        list(ApdYearTotal.objects.select_for_update())
        self.all().delete()
        ApdYearTotal.objects.all().delete()
        sums = ApdFlowFigure.objects.order_by().values_list("year", "country").annotate(Sum("amount"))
        rows = self.bulk_create(
            (ApdCountryTotal(year=year, country_id=country, amount=amount) for year, country, amount in sums),
            batch_size=2000,
        )
        years = {}
        for row in rows:
            years[row.year] = years.get(row.year, Decimal("0.00")) + row.amount
        ApdYearTotal.objects.bulk_create(ApdYearTotal(year=year, amount=amount) for year, amount in years.items())
        transaction.on_commit(bump_content_version)


class ApdCountryTotal(models.Model):
    """The declared APD of a year towards one country (empty: several countries / unallocated),
    all French authorities together: the sums of ``ApdFlowFigure`` by year and country, kept
    up to date when a declaration is published or withdrawn. The World, continent and country
    pages read these few thousand rows instead of summing every authority's figures."""

    year = models.PositiveSmallIntegerField(_("year"), validators=year_validators)
    country = models.ForeignKey("portal.Country", null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    amount = models.DecimalField(_("amount (€)"), max_digits=16, decimal_places=2)

    objects = ApdCountryTotalQuerySet.as_manager()

    class Meta:
        verbose_name = _("declared APD by year and country")
        ordering = ["-year", "country"]
        constraints = [
            models.UniqueConstraint(
                fields=["year", "country"], condition=models.Q(country__isnull=False), name="atlas_apd_year_country"
            ),
            models.UniqueConstraint(
                fields=["year"], condition=models.Q(country__isnull=True), name="atlas_apd_year_unallocated"
            ),
        ]

    def __str__(self):
        return f"{self.year} {self.country_id or '-'}: {self.amount} €"


class ApdYearTotal(models.Model):
    """The declared APD of a year, all French authorities and countries together (the sum of
    its ``ApdCountryTotal``); its row is also the lock of the year's writers (``lock_year``)."""

    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    amount = models.DecimalField(_("amount (€)"), max_digits=16, decimal_places=2)

    class Meta:
        verbose_name = _("declared APD by year")
        ordering = ["-year"]

    def __str__(self):
        return f"{self.year}: {self.amount} €"


class AtlasIndexPage(RoutablePageMixin, BasePage):
    """The Atlas of one locale, and the public page of each project, French authority and
    partner authority (served by its routes: ``projets/42/``, ``collectivites/commune/29019/``,
    ``partenaires/17/``)."""

    intro = models.TextField(_("lead paragraph"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    template = "atlas/atlas_index_page.html"

    class Meta:
        verbose_name = _("Atlas page")

    @path("")
    def index_route(self, request):
        return handler_for(self, "index")(request, self)

    @path("projets/", name="projects")
    def projects_route(self, request):
        return handler_for(self, "projects")(request, self)

    @re_path(r"^projets/export/(?P<fmt>csv|xlsx|json|pdf)/$", name="projects_export")
    def projects_export_route(self, request, fmt):
        return handler_for(self, "projects_export")(request, self, fmt)

    @path("donnees/", name="open_data")
    def open_data_route(self, request):
        return handler_for(self, "open_data")(request, self)

    @re_path(r"^donnees/(?P<fmt>csv|json)/$", name="open_data_file")
    def open_data_file_route(self, request, fmt):
        return handler_for(self, "open_data_file")(request, self, fmt)

    @re_path(r"^donnees/apd/(?P<year>[0-9]{4})/$", name="apd_open_data")
    def apd_open_data_route(self, request, year):
        return handler_for(self, "apd_open_data")(request, self, int(year))

    @path("monde/", name="world")
    def world_route(self, request):
        return handler_for(self, "world")(request, self)

    @re_path(r"^monde/(?P<code>[0-9]{3})/$", name="continent")
    def continent_route(self, request, code):
        return handler_for(self, "continent")(request, self, code)

    @re_path(r"^pays/(?P<iso>[A-Z]{2})/$", name="country")
    def country_route(self, request, iso):
        return handler_for(self, "country")(request, self, iso)

    @path("carte/donnees/", name="map_data")
    def map_data_route(self, request):
        return handler_for(self, "map_data")(request, self)

    @re_path(r"^projets/(?P<pk>\d+)/$", name="project")
    def project_route(self, request, pk):
        return handler_for(self, "project")(request, self, int(pk))

    @re_path(r"^collectivites/(?P<kind>[a-z]+)/(?P<code>[0-9AB]{2,9})/$", name="french_authority")
    def french_authority_route(self, request, kind, code):
        return handler_for(self, "french_authority")(request, self, kind, code)

    @re_path(r"^partenaires/(?P<pk>\d+)/$", name="partner_authority")
    def partner_authority_route(self, request, pk):
        return handler_for(self, "partner_authority")(request, self, int(pk))

    def project_url(self, project):
        return self.url + self.reverse_subpage("project", kwargs={"pk": project.pk})

    def french_authority_url(self, authority):
        return self.url + self.reverse_subpage(
            "french_authority", kwargs={"kind": authority.kind, "code": authority.code}
        )

    def continent_url(self, code):
        return self.url + self.reverse_subpage("continent", kwargs={"code": code})

    def country_url(self, country):
        return self.url + self.reverse_subpage("country", kwargs={"iso": country.iso_code})

    def partner_authority_url(self, partner):
        return self.url + self.reverse_subpage("partner_authority", kwargs={"pk": partner.pk})


def language_name(code):
    """The translated name of a project language."""
    return dict(PROJECT_LANGUAGES).get(code, code)
