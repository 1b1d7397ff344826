"""The portal's DSFR stylesheet (scripts/build_dsfr_css.py): in step with the templates, linked
instead of DSFR's whole dsfr.min.css and utility.min.css, its icons and fonts collected."""

import re
import sys
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import build_dsfr_css  # noqa: E402


@pytest.fixture(scope="module")
def built():
    return build_dsfr_css.build()


def test_committed_stylesheet_is_what_the_templates_need(built):
    """A `fr-` class added to a template without rebuilding the file fails here."""
    assert build_dsfr_css.OUTPUT.read_text(encoding="utf-8") == built, (
        "run .venv/bin/python scripts/build_dsfr_css.py and commit portal/static/portal/dsfr/dsfr-portal.min.css"
    )


def test_keeps_the_used_classes_and_drops_the_others(built):
    selectors = set(re.findall(r"\.(fr-[A-Za-z0-9_-]+)", built))
    # Used by the templates, by django-dsfr's header and forms, or added by DSFR's scripts.
    for used in (
        "fr-card",
        "fr-header__menu",
        "fr-checkbox-group--error",
        "fr-icon-download-line",
        "fr-collapse--expanded",
    ):
        assert used in selectors, used
    # Nowhere in the portal.
    for unused in ("fr-icon-bus-line", "fr-consent-banner", "fr-toggle", "fr-stepper", "fr-sidemenu", "fr-mt-15w"):
        assert unused not in selectors, unused
    size = len(built.encode())
    whole = sum(
        len(Path(finders.find(name)).read_bytes())
        for name in ("dsfr/dist/dsfr/dsfr.min.css", "dsfr/dist/utility/utility.min.css")
    )
    assert size < whole / 3, (size, whole)


def test_urls_lead_to_collected_files(built):
    urls = set(re.findall(r"url\((?!data:)([^)\"']+)\)", built))
    assert any("Marianne-Regular.woff2" in url for url in urls)
    assert any("/icons/" in url for url in urls)
    for url in urls:
        static_path = str(Path("portal/dsfr", url)).replace("portal/dsfr/../../", "")
        assert finders.find(static_path), url


def test_pages_link_the_portal_stylesheet_only(client, site_tree):
    html = client.get(site_tree["content"].url).content.decode()
    stylesheets = re.findall(r'<link rel="stylesheet" href="([^"]+)"', html)
    assert stylesheets[:2] == ["/static/portal/dsfr/dsfr-portal.min.css", "/static/css/dsfr-django-overrides.css"]
    assert not any("dsfr.min.css" in href or "utility.min.css" in href for href in stylesheets)
