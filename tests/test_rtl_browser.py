"""Arabic pages mirrored, measured in Chromium: what axe does not see (issue 15, item 1).

The DSFR places checkbox boxes, icons and accent bars with physical left/right; portal.css mirrors
them under ``dir="rtl"``. These tests measure where the box is drawn relative to its label's text
and which way each arrow points, in French (left-to-right) and in Arabic (right-to-left)."""

import pytest

from tests.factories import ContentPageFactory, translate_page
from tests.factories.intake import build_intake_site, translate_snippet
from tests.factories.news import NewsIndexPageFactory, NewsPageFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Each measure at a desktop's width and at a phone's (DSFR's layout changes below 576 px).
WIDTHS = pytest.mark.parametrize("width", [1280, 375], ids=["desktop", "mobile"])

# Where the DSFR box of a checkbox label is drawn (its ::before, absolutely positioned) and where
# the label's own text is, in viewport pixels.
BOX_AND_TEXT = """(label) => {
  const style = getComputedStyle(label, '::before');
  const rect = label.getBoundingClientRect();
  const width = parseFloat(style.width);
  // Chromium resolves left to its used value; the label is the containing block.
  const left = rect.left + parseFloat(style.left) + parseFloat(style.marginLeft);
  const range = document.createRange();
  range.selectNodeContents(label);
  const text = range.getBoundingClientRect();
  return {boxLeft: left, boxRight: left + width, textLeft: text.left, textRight: text.right};
}"""

# Which way an arrow icon (a ::before or ::after mask of the DSFR) points on screen: the icon's
# own direction, reversed when it is mirrored by a transform.
ARROW_DIRECTION = """([element, pseudo]) => {
  const style = getComputedStyle(element, pseudo);
  if (style.content === 'none' || style.display === 'none') return null;  // not drawn
  const mask = style.maskImage || style.webkitMaskImage;
  let direction = /-left-|arrow-go-back/.test(mask) ? 'left' : /-right-|arrow-right/.test(mask) ? 'right' : null;
  if (direction && style.transform !== 'none' && new DOMMatrix(style.transform).a < 0) {
    direction = direction === 'left' ? 'right' : 'left';
  }
  return direction;
}"""


def arrow(page, selector, pseudo):
    """The direction of the arrow drawn by ``pseudo`` of the first ``selector``; ``"any"``: by
    whichever of ``::before`` and ``::after`` draws one (the DSFR moves the "next" icon from
    after its label to before it on a phone, where the label is hidden)."""
    element = page.locator(selector).first
    for name in ("::before", "::after") if pseudo == "any" else (pseudo,):
        direction = element.evaluate(f"(element) => ({ARROW_DIRECTION})([element, '{name}'])")
        if direction:
            return direction
    return None


def assert_boxes_beside_their_labels(page, selector, rtl):
    labels = page.locator(selector)
    assert labels.count() > 0
    for index in range(labels.count()):
        label = labels.nth(index)
        box = label.evaluate(BOX_AND_TEXT)
        name = label.inner_text()
        if rtl:  # box right of the text, a few pixels away
            gap = box["boxLeft"] - box["textRight"]
        else:
            gap = box["textLeft"] - box["boxRight"]
        assert 0 <= gap <= 12, f"{name!r}: box {box} is {gap:.0f} px from its text"


@pytest.fixture
def arabic_site():
    site = build_intake_site()
    for theme, name in ((site["themes"]["water"], "الماء والصرف الصحي"), (site["themes"]["heritage"], "التراث")):
        translate_snippet(theme, "ar", name=name)
    translate_page(site["bourse"], "ar", title="بورصة الشراكات")
    site["offer_form_ar"] = translate_page(site["offer_form"], "ar", title="اقتراح عرض")
    news_index = NewsIndexPageFactory(parent=site["homes"]["fr"])
    items = [NewsPageFactory(parent=news_index, title=f"Actualité {n}") for n in range(11)]
    site["news_index"] = news_index
    site["news_index_ar"] = translate_page(news_index, "ar", title="الأخبار")
    water = ContentPageFactory(title="Eau et assainissement", intro="La loi Oudin-Santini.")
    translate_page(water, "ar", title="الماء والصرف الصحي", intro="قانون أودان-سانتيني.")
    site["news_ar"] = [translate_page(item, "ar", title=f"خبر {n}") for n, item in enumerate(items)]
    return site


@WIDTHS
def test_checkboxes_sit_beside_their_labels_in_french_and_arabic(live_server, browser_page, arabic_site, width):
    page = browser_page
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(live_server.url + arabic_site["offer_form_ar"].url)
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert_boxes_beside_their_labels(page, ".fr-checkbox-group input[type=checkbox] + label", rtl=True)
    page.goto(live_server.url + arabic_site["offer_form"].url)
    assert page.locator("html").get_attribute("dir") == "ltr"
    assert_boxes_beside_their_labels(page, ".fr-checkbox-group input[type=checkbox] + label", rtl=False)
    # The search facets: the boxes stay in the facet column, beside their labels.
    page.goto(f"{live_server.url}/ar/search/?q=الماء")
    facets = ".fr-checkbox-group input[type=checkbox] + label"
    assert_boxes_beside_their_labels(page, facets, rtl=True)
    column = page.locator("#search-facets").bounding_box()
    box = page.locator(facets).first.evaluate(BOX_AND_TEXT)
    assert column["x"] <= box["boxLeft"] and box["boxRight"] <= column["x"] + column["width"] + 1


@WIDTHS
def test_select_chevron_and_callout_bar_are_on_the_reading_end(live_server, browser_page, arabic_site, width):
    page = browser_page
    page.set_viewport_size({"width": width, "height": 900})
    for url, rtl in ((arabic_site["offer_form_ar"].url, True), (arabic_site["offer_form"].url, False)):
        page.goto(live_server.url + url)
        select = page.locator("select.fr-select").first
        # The chevron is a background image 1rem from the end of the reading direction.
        position = select.evaluate("(e) => getComputedStyle(e).backgroundPositionX")
        padding = select.evaluate("(e) => [getComputedStyle(e).paddingLeft, getComputedStyle(e).paddingRight]")
        if rtl:
            assert position == "16px" and padding == ["40px", "16px"]
        else:
            assert position == "calc(100% - 16px)" and padding == ["16px", "40px"]
        callout = page.locator(".fr-callout").first
        assert callout.evaluate("(e) => getComputedStyle(e).backgroundPositionX") == ("100%" if rtl else "0px")


@WIDTHS
def test_arrows_point_the_reading_way(live_server, browser_page, arabic_site, width):
    page = browser_page
    page.set_viewport_size({"width": width, "height": 900})
    for index, rtl in ((arabic_site["news_index_ar"], True), (arabic_site["news_index"], False)):
        forward, backward = ("left", "right") if rtl else ("right", "left")
        page.goto(live_server.url + index.url)
        assert arrow(page, ".fr-card__title a", "::after") == forward
        assert arrow(page, ".fr-pagination__link--next", "any") == forward
        assert arrow(page, ".fr-pagination__link--last", "any") == forward
        page.goto(live_server.url + index.url + "?page=2")
        assert arrow(page, ".fr-pagination__link--prev", "any") == backward
        # The icon keeps its gap to the text on its own side.
        link = page.locator(".fr-pagination__link--prev")
        side = "marginLeft" if rtl else "marginRight"
        assert link.evaluate(f"(e) => getComputedStyle(e, '::before').{side}") == "8px"
    # The "all news" link of a news item goes back: its arrow points against the reading way.
    page.goto(live_server.url + arabic_site["news_ar"][0].url)
    back = page.locator("a.fr-icon-arrow-left-line").first
    assert back.count() == 1
    assert arrow(page, "a.fr-icon-arrow-left-line", "::before") == "right"
