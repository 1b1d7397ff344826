"""Generated alert subscribers for the digest benchmark (``manage.py generate_alert_subscribers``).

Mixed preferences: every frequency and language, one to five topics, all themes or one to three,
all countries or one to four. Addresses are ``subscriber-N@volume.example.org`` (``--clean``
removes them). Written in bulk: a few dozen statements for 20,000 subscribers.
"""

import random

from django.db import transaction
from django.utils import timezone

from alerts.models import TOPIC_FIELDS, Subscription
from portal.models import Country, Theme

DOMAIN = "volume.example.org"


def clean():
    return Subscription.objects.filter(email__endswith=f"@{DOMAIN}").delete()[0]


def generate(count, seed=20):
    rng = random.Random(seed)  # noqa: S311 - invented data, not secrets
    themes = list(Theme.objects.filter(locale__language_code="fr").values_list("pk", flat=True))
    countries = list(Country.objects.values_list("pk", flat=True))
    languages = ["fr", "fr", "en", "es", "ar"]
    frequencies = ["immediate", "daily", "daily", "weekly"]
    now = timezone.now()
    with transaction.atomic():
        clean()
        rows = []
        for number in range(count):
            topics = rng.sample(list(TOPIC_FIELDS.values()), rng.randint(1, 5))
            rows.append(
                Subscription(
                    email=f"subscriber-{number}@{DOMAIN}",
                    language=rng.choice(languages),
                    frequency=rng.choice(frequencies),
                    status=Subscription.Status.ACTIVE,
                    confirmed_at=now,
                    all_themes=not themes or rng.random() < 0.3,
                    all_countries=not countries or rng.random() < 0.4,
                    **{field: field in topics for field in TOPIC_FIELDS.values()},
                )
            )
        created = Subscription.objects.bulk_create(rows, batch_size=2000)
        theme_links, country_links = [], []
        for subscription in created:
            if not subscription.all_themes:
                for theme_id in rng.sample(themes, min(len(themes), rng.randint(1, 3))):
                    theme_links.append(Subscription.themes.through(subscription_id=subscription.pk, theme_id=theme_id))
            if not subscription.all_countries:
                for country_id in rng.sample(countries, min(len(countries), rng.randint(1, 4))):
                    country_links.append(
                        Subscription.countries.through(subscription_id=subscription.pk, country_id=country_id)
                    )
        Subscription.themes.through.objects.bulk_create(theme_links, batch_size=5000)
        Subscription.countries.through.objects.bulk_create(country_links, batch_size=5000)
    return len(created)
