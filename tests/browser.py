"""Browser-test helpers: the marks every browser test carries, a phone's screen, and
accessibility checks with axe-core (WCAG 2.2 A and AA).

A browser test module starts `pytestmark = BROWSER_TEST`; pages come from the `page` and
`new_page` fixtures in tests/conftest.py.
"""

import pytest
from axe_playwright_python.base import AXE_SCRIPT, AxeResults
from playwright.sync_api import Page

# Deselected by `-m "not browser"`. The live server needs committed data, so tests run in real
# transactions; the root conftest puts the migration data back after each one.
BROWSER_TEST = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PHONE = {"width": 390, "height": 844}
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def axe_violations(page: Page, context: str | dict | list | None = None) -> list[dict]:
    """Run axe on the page (or the `context` selector/object) and return its violations."""
    page.evaluate(AXE_SCRIPT)
    results = page.evaluate(
        """([context, tags]) => axe.run(context || document, {
            runOnly: {type: "tag", values: tags},
            resultTypes: ["violations"],
        })""",
        [context, WCAG_TAGS],
    )
    return results["violations"]


def format_violations(violations: list[dict]) -> str:
    """A readable list: rule, impact, help text and the offending elements."""
    return AxeResults({"violations": violations}).generate_report()


def assert_no_axe_violations(page: Page, context: str | dict | list | None = None) -> None:
    """Fail with a readable report if axe finds any WCAG 2.2 A/AA violation on the page."""
    violations = axe_violations(page, context)
    assert not violations, f"{page.url}\n{format_violations(violations)}"
