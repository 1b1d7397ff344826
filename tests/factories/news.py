"""Factories of the news app: the news index of a locale and news items (events with a trait)."""

import datetime

import factory
from django.utils import timezone

from news.models import NewsIndexPage, NewsPage
from tests.factories import PageFactory


def paris(year, month, day, hour=0, minute=0):
    """An aware datetime in Europe/Paris (the portal's time zone)."""
    return timezone.make_aware(datetime.datetime(year, month, day, hour, minute))


class NewsIndexPageFactory(PageFactory):
    class Meta:
        model = NewsIndexPage

    title = "Actualités"
    slug = "actualites"
    intro = "Les actualités de la coopération décentralisée."


class NewsPageFactory(PageFactory):
    """A published news item; pass ``parent`` (the news index). ``event=True`` makes it an event."""

    class Meta:
        model = NewsPage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Actualité {n}")
    slug = factory.Sequence(lambda n: f"actualite-{n}")
    date = datetime.date(2024, 1, 16)
    category = NewsPage.Category.INSTITUTIONAL
    summary = "Un résumé de l’actualité."
    body = factory.LazyFunction(lambda: [("paragraph", "<p>Le texte de l’actualité.</p>")])

    class Params:
        event = factory.Trait(
            category=NewsPage.Category.EVENT,
            event_start=factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=10)),
            event_end=factory.LazyAttribute(lambda o: o.event_start + datetime.timedelta(hours=2)),
            event_online=True,
            registration_url="https://example.org/inscription",
        )

    @factory.post_generation
    def themes(self, create, extracted, **kwargs):
        if create and extracted:
            self.themes.set(extracted)
            self.save_revision().publish()

    @factory.post_generation
    def countries(self, create, extracted, **kwargs):
        if create and extracted:
            self.countries.set(extracted)
            self.save_revision().publish()
