"""Browser journeys: a real Chromium (Debian's package) driven by Playwright, with axe-core
checking every page a journey visits.

Run when /usr/bin/chromium exists; skipped with one line of reason when it does not, unless
TOGETHER_REQUIRE_BROWSER=1 (as in CI), which turns the skip into a failure.
"""

import json
import os
from pathlib import Path
from urllib.parse import urlsplit

import pytest

# Playwright's sync API runs an event loop in the test thread; Django would otherwise refuse
# database access from it. Only the browser tests set this.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = Path(os.environ.get("TOGETHER_CHROMIUM", "/usr/bin/chromium"))
AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# WCAG 2.2 A and AA, and axe's best practices.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


def pytest_collection_modifyitems(config, items):
    reason = None
    if not CHROMIUM.exists():
        reason = f"browser tests need Chromium at {CHROMIUM} (Debian package 'chromium')"
    elif not AXE.exists():
        reason = "browser tests need axe-core from npm (run make install)"
    if reason is None:
        return
    if os.environ.get("TOGETHER_REQUIRE_BROWSER") == "1":
        raise pytest.UsageError(f"TOGETHER_REQUIRE_BROWSER=1 but {reason}")
    for item in items:
        if item.get_closest_marker("browser"):
            item.add_marker(pytest.mark.skip(reason=reason))


@pytest.fixture(scope="session")
def chromium():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


# A phone held upright (390 CSS pixels wide, as many phones are).
PHONE = {"width": 390, "height": 844}
# The elements that reach past the right edge of the screen (the last five in the page's order), or
# an empty list when the page scrolls only up and down.
WIDER_THAN_SCREEN = """() => {
  const width = document.documentElement.clientWidth;
  if (document.documentElement.scrollWidth <= width) return [];
  const out = [];
  for (const el of document.body.querySelectorAll('*')) {
    const box = el.getBoundingClientRect();
    if (box.right > width + 1 && box.width > 0 && getComputedStyle(el).position !== 'fixed'
        && !el.closest('.govuk-visually-hidden, .govuk-skip-link')) {
      const classes = typeof el.className === 'string' ? el.className.trim() : '';
      const dotted = classes ? '.' + classes.split(/\\s+/).join('.') : '';
      const name = el.tagName.toLowerCase() + dotted;
      out.push(name + ' (' + Math.round(box.right) + ' px)');
    }
  }
  return out.slice(-5);
}"""


def _govuk_conditional_reveal(rule: str, node: dict) -> bool:
    """GOV.UK Frontend's radios with a conditional reveal put aria-expanded on the radio that
    reveals, which ARIA does not list for a radio. The Design System keeps it on purpose (screen
    readers announce it; govuk-frontend issues 979 and 1280 record it as a known issue), so
    that finding, and only that one on such a radio, is not a failure here."""
    html, summary = node.get("html", ""), node.get("failureSummary", "")
    return (
        rule == "aria-allowed-attr"
        and html.startswith('<input class="govuk-radios__input"')
        and "aria-controls=" in html
        and "aria-expanded" in summary
        and summary.count("aria-") == summary.count("aria-expanded")
    )


class Journey:
    """A person's way through the service. Each page it lands on is checked with axe-core."""

    def __init__(self, page, base_url):
        self.page = page
        self.base_url = base_url
        self.visited: list[str] = []
        self.checked: set[str] = set()
        page.on("framenavigated", self._navigated)

    def _navigated(self, frame):
        if frame == self.page.main_frame:
            self.visited.append(urlsplit(frame.url).path)

    def goto(self, path: str):
        self.page.goto(self.base_url + path)
        self.check_accessibility()

    def click(self, name: str, role: str = "button"):
        """Click a button or link by its visible name, then check the page it leads to."""
        self.page.get_by_role(role, name=name).click()
        self.page.wait_for_load_state()
        self.check_accessibility()

    def fill(self, label: str, value: str):
        self.page.get_by_label(label, exact=True).fill(value)

    def check_accessibility(self):
        """axe-core at desktop width and at a phone's (390 px), where the page must also fit
        without scrolling sideways."""
        path = urlsplit(self.page.url).path
        self.page.add_script_tag(path=str(AXE))
        self._axe(path, "desktop")
        desktop = self.page.viewport_size
        self.page.set_viewport_size(PHONE)
        try:
            overflow = self.page.evaluate(WIDER_THAN_SCREEN)
            assert not overflow, (
                f"{path} is wider than a {PHONE['width']} px phone screen; "
                f"these stick out: {overflow}"
            )
            self._axe(path, f"{PHONE['width']} px")
        finally:
            self.page.set_viewport_size(desktop)
        self.checked.add(path)

    def _axe(self, path, width):
        result = self.page.evaluate(
            "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS
        )
        violations = [
            {
                "rule": v["id"],
                "impact": v["impact"],
                "help": v["help"],
                "where": [n["target"] for n in nodes][:5],
            }
            for v in result["violations"]
            if (nodes := [n for n in v["nodes"] if not _govuk_conditional_reveal(v["id"], n)])
        ]
        assert not violations, f"axe found problems on {path} at {width}:\n" + json.dumps(
            violations, indent=2
        )

    def heading(self) -> str:
        return self.page.locator("h1").inner_text().strip()


@pytest.fixture
def journey(chromium, live_server, transactional_db):
    # bypass_csp lets axe-core's script into pages whose policy (rightly) forbids it.
    context = chromium.new_context(bypass_csp=True, locale="en-GB")
    page = context.new_page()
    page.set_default_timeout(15_000)
    trip = Journey(page, live_server.url)
    yield trip
    unchecked = set(trip.visited) - trip.checked
    context.close()
    assert not unchecked, f"pages visited without an accessibility check: {sorted(unchecked)}"


@pytest.fixture
def strict_page(chromium, live_server, transactional_db):
    """A page with the Content Security Policy enforced, collecting any console errors."""
    context = chromium.new_context(locale="en-GB")
    page = context.new_page()
    page.errors = []
    page.on("console", lambda m: m.type == "error" and page.errors.append(m.text))
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    yield page
    context.close()
