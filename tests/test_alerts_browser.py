"""Issue 20, done when: in Chromium a visitor subscribes in Spanish to water and Mexico, confirms
from the e-mail, an editor publishes a matching call, the worker sends exactly one Spanish
e-mail whose one-click unsubscribe works; axe-core finds nothing serious."""

import re

import pytest
from django.core import mail

from alerts.models import Subscription
from tests.axe import serious_violations
from tests.factories import CountryFactory, ThemeFactory, build_site
from tests.factories.calls import CallIndexPageFactory, CallPageFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_visitor_subscribes_in_spanish_confirms_and_gets_one_alert(live_server, browser_page, settings):
    settings.WAGTAILADMIN_BASE_URL = live_server.url
    build_site()
    water = ThemeFactory(slug="eau", name="Eau et assainissement")
    ThemeFactory(slug="jeunesse", name="Jeunesse")
    mexico = CountryFactory(iso_code="MX", name="Mexique", name_es="México")
    CountryFactory(iso_code="SN", name="Sénégal", name_es="Senegal")

    page = browser_page
    page.goto(f"{live_server.url}/es/alertas/")
    assert page.get_by_role("heading", level=1).inner_text() == "Alertas por correo electrónico"
    assert serious_violations(page) == []
    page.get_by_label("Correo electrónico").fill("lucia@example.org")
    page.get_by_label("Apertura de convocatorias").check(force=True)
    page.get_by_label("Eau et assainissement").check(force=True)
    page.get_by_label("Países").select_option("MX")
    page.get_by_label("De inmediato").check(force=True)
    assert page.get_by_label("Idioma de los correos").input_value() == "es"
    page.get_by_label("Código de seguridad").fill("PASSED")
    page.get_by_role("button", name="Suscribirse").click()
    page.wait_for_url("**/es/alertas/enviado/")
    assert page.get_by_role("heading", level=1).inner_text() == "Consulte su correo"

    assert len(mail.outbox) == 1
    confirm_url = re.search(r"http://\S+/es/alertas/confirmar/\S+", mail.outbox[0].body).group(0)
    page.goto(confirm_url)
    assert serious_violations(page) == []
    page.get_by_role("button", name="Confirmar mi suscripción").click()
    page.wait_for_url("**/es/alertas/gestionar/**")
    assert serious_violations(page) == []
    subscription = Subscription.objects.get()
    assert subscription.status == Subscription.Status.ACTIVE

    # An editor publishes a matching call (and one that does not match).
    index = CallIndexPageFactory()
    call = CallPageFactory(parent=index, title="Agua potable en México", live=False)
    call.themes.set([water])
    call.countries.set([mexico])
    call.save_revision().publish()
    CallPageFactory(parent=index, title="Juventud", themes=[ThemeFactory(slug="jeunesse")])

    alerts = mail.outbox[1:]
    assert len(alerts) == 1
    alert = alerts[0]
    assert alert.to == ["lucia@example.org"]
    assert "Agua potable en México" in alert.subject
    assert "Apertura de convocatorias" in alert.body and "Darse de baja" in alert.body
    unsubscribe = alert.extra_headers["List-Unsubscribe"].strip("<>")
    assert alert.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    # The mail client's one-click request: a POST without cookie nor CSRF token.
    response = page.request.post(unsubscribe, form={"List-Unsubscribe": "One-Click"})
    assert response.status == 200
    subscription.refresh_from_db()
    assert subscription.status == Subscription.Status.UNSUBSCRIBED
    page.goto(unsubscribe)
    assert page.get_by_role("heading", level=1).inner_text() == "Se ha dado de baja"
    assert serious_violations(page) == []
