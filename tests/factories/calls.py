"""Factories of the calls app: call list, calls (with traits by status) and laureates."""

import datetime

import factory
from django.utils import timezone

from calls.models import CallIndexPage, CallPage, Laureate, LaureatesPage
from tests.factories import PageFactory


class CallIndexPageFactory(PageFactory):
    class Meta:
        model = CallIndexPage

    title = "Appels à projets"
    slug = "appels-a-projets"
    intro = "Les appels à projets en soutien à la coopération décentralisée."
    show_in_menus = True


class LaureatesPageFactory(PageFactory):
    class Meta:
        model = LaureatesPage

    title = "Lauréats"
    slug = "laureats"


def today():
    return timezone.localdate()


class CallPageFactory(PageFactory):
    """A call open today for 30 more days by default; traits: ``upcoming``, ``closed``."""

    class Meta:
        model = CallPage
        skip_postgeneration_save = True

    class Params:
        upcoming = factory.Trait(
            opening_date=factory.LazyFunction(lambda: today() + datetime.timedelta(days=10)),
            closing_date=factory.LazyFunction(lambda: today() + datetime.timedelta(days=60)),
        )
        closed = factory.Trait(
            opening_date=factory.LazyFunction(lambda: today() - datetime.timedelta(days=90)),
            closing_date=factory.LazyFunction(lambda: today() - datetime.timedelta(days=10)),
        )

    title = factory.Sequence(lambda n: f"Appel à projets {n}")
    slug = factory.Sequence(lambda n: f"appel-{n}")
    call_type = CallPage.CallType.THEMATIC
    edition_year = factory.LazyFunction(lambda: today().year)
    opening_date = factory.LazyFunction(lambda: today() - datetime.timedelta(days=10))
    closing_date = factory.LazyFunction(lambda: today() + datetime.timedelta(days=30))
    summary = "Soutien aux projets de coopération décentralisée."
    application_method = CallPage.ApplicationMethod.ONLINE
    application_url = "https://www.example.org/candidater"

    @factory.post_generation
    def themes(self, create, extracted, **kwargs):
        if extracted:
            self.themes.set(extracted)
            self.save_revision().publish()


class LaureateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Laureate

    french_authority = factory.Sequence(lambda n: f"Commune française {n}")
    partner_authority = factory.Sequence(lambda n: f"Commune partenaire {n}")
    project_title = factory.Sequence(lambda n: f"Projet {n}")
    sort_order = factory.Sequence(lambda n: n)
