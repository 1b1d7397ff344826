"""Reference numbers stay unique when many submissions arrive at once (PostgreSQL)."""

import threading

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client

from forms.models import PartnershipOffer
from tests.factories.intake import build_intake_site
from tests.test_intake_forms import offer_data


@pytest.mark.django_db(transaction=True)
def test_twenty_concurrent_submissions_get_distinct_references(requires_postgresql):
    site = build_intake_site()
    cache.clear()
    url = site["offer_form"].url
    barrier = threading.Barrier(20)
    statuses, errors = [], []

    def submit(number):
        try:
            client = Client(REMOTE_ADDR=f"10.0.1.{number}")  # one address each: no rate limit
            barrier.wait(timeout=30)
            response = client.post(url, offer_data(project_title=f"Offre simultanée {number}"))
            statuses.append(response.status_code)
        except Exception as error:  # noqa: BLE001
            errors.append(repr(error))
        finally:
            connection.close()

    threads = [threading.Thread(target=submit, args=(n,)) for n in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    assert errors == []
    assert statuses == [302] * 20
    references = list(PartnershipOffer.objects.values_list("reference", flat=True))
    assert len(references) == 20 and len(set(references)) == 20
    numbers = sorted(int(reference.rsplit("-", 1)[1]) for reference in references)
    assert numbers == list(range(1, 21))
