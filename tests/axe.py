"""Run axe-core (the copy shipped by axe-playwright-python) in a Playwright page."""

from pathlib import Path

import axe_playwright_python

AXE_JS = Path(axe_playwright_python.__file__).with_name("axe.min.js")
AXE_SOURCE = AXE_JS.read_text()


def serious_violations(page):
    """axe-core violations of impact serious or critical on the page, as readable strings."""
    # Evaluated through the DevTools protocol, like a console command: the page's
    # Content-Security-Policy (no inline script without its nonce) rightly refuses a script tag.
    page.evaluate(AXE_SOURCE)
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]
