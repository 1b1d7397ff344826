"""Both intake forms completed with the keyboard only, in French and in Arabic, in Chromium (issue 15:
"the keyboard-only completion of both forms in Arabic and French passes with the audio captcha
available"). Tab and Shift+Tab move, text is typed, Space ticks boxes, arrow keys choose in lists and
Enter sends: no click, no fill. On the way: the "Content" skip link leads to the form's first field
in a few presses, every control of the form is reached once, in the order of the page, focus never
falls back to the page's body, and the captcha's audio version and "new code" button are on the
way to its field. The captcha's answer is read from the database, as a person reads the image."""

import shutil
from urllib.parse import urlsplit

import pytest
from captcha.models import CaptchaStore

from forms.models import ExpertiseLabelRequest, PartnershipOffer
from tests.factories import translate_page
from tests.factories.intake import build_intake_site

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SPACE = object()  # tick the box

# The visitor's answers by control id: a text to type, ("select", value) or SPACE.
OFFER_ANSWERS = {
    "fr": {
        "id_authority_name": "Commune de Saint-Louis",
        "id_project_title": "Assainissement des quartiers",
        "id_description": "Raccorder trois quartiers.",
        "id_partner_sought": "Une ville française.",
        "id_working_languages": "français",
        "id_embassy": "Ambassade de France au Sénégal",
        "id_contact_name": "Camille Exemple",
    },
    "ar": {
        "id_authority_name": "بلدية سان لوي",
        "id_project_title": "تطهير الأحياء",
        "id_description": "ربط ثلاثة أحياء.",
        "id_partner_sought": "مدينة فرنسية.",
        "id_working_languages": "العربية، الفرنسية",
        "id_embassy": "سفارة فرنسا في السنغال",
        "id_contact_name": "كاميل مثال",
    },
}
OFFER_COMMON = {
    "id_authority_type": ("select", "province"),
    "id_country": ("select", "SN"),
    "id_latitude": "16.03",
    "id_longitude": "-16.49",
    "id_themes_0": SPACE,
    "id_contact_email": "camille@example.org",
}
LABEL_ANSWERS = {
    "fr": {
        "id_authority_name": "Ville de La Rochelle",
        "id_competences": "Gestion des zones humides.",
        "id_supporting_elements": "Vingt ans de coopération.",
        "id_mobilisation_conditions": "Missions de deux semaines.",
        "id_contact_name": "Camille Exemple",
    },
    "ar": {
        "id_authority_name": "مدينة لا روشيل",
        "id_competences": "إدارة المناطق الرطبة.",
        "id_supporting_elements": "عشرون عامًا من التعاون.",
        "id_mobilisation_conditions": "بعثات لمدة أسبوعين.",
        "id_contact_name": "كاميل مثال",
    },
}
LABEL_COMMON = {
    "id_authority_type": ("select", "department"),
    "id_siren": "211703004",
    "id_themes_1": SPACE,
    "id_contact_email": "camille@example.org",
}
SKIP_CONTENT = {"fr": "Contenu", "ar": "المحتوى"}
AUDIO = {"fr": "Écouter les caractères (fichier audio)", "ar": "الاستماع إلى الأحرف (ملف صوتي)"}
THANKS = {"fr": "Merci, votre envoi a bien été reçu", "ar": "شكرًا، تم استلام إرسالكم"}

# What has the focus, as the walk needs it.
FOCUSED = """() => {
  const e = document.activeElement;
  return {
    key: e.id || (e.hasAttribute("data-captcha-audio") ? "audio"
      : e.hasAttribute("data-captcha-refresh") ? "refresh" : e.tagName.toLowerCase()),
    tag: e.tagName.toLowerCase(), type: e.type || "", text: e.innerText || "",
    checked: !!e.checked, value: e.value === undefined ? null : e.value,
  };
}"""
# The form's tab stops in the order of the page: what the walk must reach, each once.
TAB_STOPS = """() => [...document.querySelectorAll(
    "#intake-form :is(a[href], button, input, select, textarea)")]
  .filter(e => e.tabIndex >= 0 && !e.disabled && e.type !== "hidden" && e.getClientRects().length)
  .map(e => e.id || (e.hasAttribute("data-captcha-audio") ? "audio"
    : e.hasAttribute("data-captcha-refresh") ? "refresh" : e.tagName.toLowerCase()))"""


def focused(page):
    return page.evaluate(FOCUSED)


def choose_with_arrows(page, value):
    """Arrow down a closed list until ``value`` is chosen (as Chromium does on Linux and Windows)."""
    for _ in range(60):
        if focused(page)["value"] == value:
            return
        page.keyboard.press("ArrowDown")
    raise AssertionError(f"{value!r} cannot be reached with the arrow keys")


def answer(page, control, what):
    if what is SPACE:
        assert not control["checked"]
        page.keyboard.press("Space")
        assert focused(page)["checked"], f"Space does not tick {control['key']}"
    elif isinstance(what, tuple):
        choose_with_arrows(page, what[1])
    else:
        page.keyboard.type(what)
        assert focused(page)["value"] == what, f"{control['key']} did not take what was typed"


def intake_page(language, kind):
    site = build_intake_site()
    if kind == "offer":
        parent, form, titles = site["bourse"], site["offer_form"], ("بورصة الشراكات", "اقتراح عرض")
    else:
        parent, form, titles = site["labelled"], site["label_form"], ("علامة EXPE-CT", "طلب العلامة")
    if language == "ar":
        translate_page(parent, "ar", title=titles[0])
        form = translate_page(form, "ar", title=titles[1])
    return form


@pytest.mark.parametrize("language", ["fr", "ar"])
@pytest.mark.parametrize("kind", ["offer", "label"])
def test_form_completed_with_the_keyboard_only(kind, language, live_server, browser_page, settings):
    assert shutil.which("flite"), "the captcha's audio needs flite (make system-deps installs it)"
    settings.CAPTCHA_FLITE_PATH = shutil.which("flite")
    form_page = intake_page(language, kind)
    answers = (OFFER_ANSWERS if kind == "offer" else LABEL_ANSWERS)[language] | (
        OFFER_COMMON if kind == "offer" else LABEL_COMMON
    )
    page = browser_page
    page.goto(live_server.url + form_page.url)
    assert page.locator("html").get_attribute("lang") == language

    # The first Tab reaches the skip links; "Content" then leads to the form in a few presses.
    page.keyboard.press("Tab")
    assert focused(page)["text"] == SKIP_CONTENT[language]
    page.keyboard.press("Enter")
    before_form = []
    while (control := focused(page))["key"] != "id_authority_name":
        assert len(before_form) < 6, f"the form's first field is not reached from the skip link: {before_form}"
        page.keyboard.press("Tab")
        before_form.append(focused(page)["key"])

    # The form, control after control, with Tab.
    stops = page.evaluate(TAB_STOPS)
    key = page.locator("#id_captcha_0").get_attribute("value")
    answers["id_captcha_1"] = CaptchaStore.objects.get(hashkey=key).response
    answers["id_consent"] = SPACE
    visited = []
    while True:
        assert control["tag"] != "body", f"focus lost after {visited}"
        assert control["key"] not in visited, f"focus goes round in circles: {visited + [control['key']]}"
        visited.append(control["key"])
        if control["type"] == "submit":
            break
        if control["key"] == "audio":
            assert control["text"] == AUDIO[language]
        if control["key"] in answers:
            answer(page, control, answers[control["key"]])
        assert len(visited) <= len(stops)
        page.keyboard.press("Tab")
        control = focused(page)
    assert visited == stops  # every control reached once, in the order of the page
    assert set(answers) <= set(visited)
    assert visited.index("audio") < visited.index("refresh") < visited.index("id_captcha_1")
    # Shift+Tab goes back to the captcha's field with its answer, Tab returns to the button.
    page.keyboard.press("Shift+Tab")
    control = focused(page)
    assert (control["key"], control["value"]) == ("id_captcha_1", answers["id_captcha_1"])
    page.keyboard.press("Tab")
    assert focused(page)["type"] == "submit"

    with page.expect_navigation():
        page.keyboard.press("Enter")
    errors = page.locator("#form-errors")
    assert not errors.count(), errors.inner_text()
    # The skip link's #content follows the redirection: the thanks page with its main part in view.
    assert urlsplit(page.url).path == form_page.url + "merci/"
    assert page.locator("html").get_attribute("lang") == language
    assert page.locator("h1").inner_text() == THANKS[language]
    model = PartnershipOffer if kind == "offer" else ExpertiseLabelRequest
    record = model.objects.get()
    assert record.reference in page.locator(".fr-alert--success h2").inner_text()
    assert record.language == language
    assert record.authority_name == answers["id_authority_name"]
    assert record.contact_email == "camille@example.org"
    assert record.consent_at is not None
    if kind == "offer":
        assert (record.authority_type, record.country.iso_code) == ("province", "SN")
        assert (str(record.latitude), str(record.longitude)) == ("16.03000", "-16.49000")
        assert record.description == answers["id_description"]
        assert [theme.slug for theme in record.themes.all()] == ["eau-assainissement"]
    else:
        assert (record.authority_type, record.siren) == ("department", "211703004")
        assert record.mobilisation_conditions == answers["id_mobilisation_conditions"]
        assert [theme.slug for theme in record.themes.all()] == ["patrimoine"]
