"""Factories of the referential of authorities and of the Atlas."""

import factory
from wagtail.models import Locale

from atlas.models import AtlasIndexPage, FundingLine, Project, ProjectFrenchAuthority, ProjectPartner
from portal.authorities import FrenchAuthority, PartnerAuthority
from tests.factories import CountryFactory, PageFactory


class FrenchAuthorityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FrenchAuthority
        django_get_or_create = ("kind", "code")

    kind = FrenchAuthority.Kind.COMMUNE
    code = factory.Sequence(lambda n: f"{10000 + n}")
    name = factory.Sequence(lambda n: f"Commune {n}")
    population = 1000


def bretagne():
    """Région Bretagne, Finistère, Brest Métropole and Brest, linked as in the official code."""
    region = FrenchAuthorityFactory(kind="region", code="53", name="Bretagne", population=3453023)
    region.region = region
    region.save()
    finistere = FrenchAuthorityFactory(kind="departement", code="29", name="Finistère", region=region)
    finistere.departement = finistere
    finistere.save()
    epci = FrenchAuthorityFactory(
        kind="epci", code="242900314", siren="242900314", name="Brest Métropole", region=region, departement=finistere
    )
    brest = FrenchAuthorityFactory(
        kind="commune", code="29019", siren="212900195", name="Brest", region=region, departement=finistere
    )
    return {"region": region, "departement": finistere, "epci": epci, "commune": brest}


class PartnerAuthorityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PartnerAuthority

    name = factory.Sequence(lambda n: f"Municipio {n}")
    kind = PartnerAuthority.Kind.MUNICIPALITY
    country = factory.LazyFunction(lambda: CountryFactory(name="Mexique", iso_code="MX", zone="americas"))
    latitude = 19.53124
    longitude = -96.91589


class AtlasIndexPageFactory(PageFactory):
    class Meta:
        model = AtlasIndexPage

    title = "Atlas de la coopération décentralisée"
    slug = "atlas"
    intro = "Les actions internationales des collectivités françaises."


class ProjectFactory(factory.django.DjangoModelFactory):
    """A published project led by ``lead`` (a French authority) with ``partners``."""

    class Meta:
        model = Project
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Projet de coopération {n}")
    kind = Project.Kind.COOPERATION
    status = Project.Status.PUBLISHED
    start_year = 2020
    objectives = "Améliorer l’accès à l’eau potable."

    @factory.post_generation
    def lead(self, create, extracted, **kwargs):
        if extracted is not None:
            ProjectFrenchAuthority.objects.create(project=self, authority=extracted, role="lead")
            self.update_location()

    @factory.post_generation
    def partners(self, create, extracted, **kwargs):
        for index, partner in enumerate(extracted or []):
            ProjectPartner.objects.create(project=self, partner=partner, sort_order=index)

    @factory.post_generation
    def themes(self, create, extracted, **kwargs):
        if extracted:
            self.themes.set(extracted)
            self.save()  # parental many-to-many relations are written on save


class FundingLineFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FundingLine

    source = FundingLine.Source.OWN
    amount = 10000
    year = 2020


def default_locale():
    return Locale.get_default()
