"""A parent's first visit in a real browser: home page, directory, a service page.

Each page is checked with axe against WCAG 2.2 A and AA, and the skip link must take keyboard
users straight to the main content. One test walks the whole visit so the demo content is
loaded once.
"""

from tests.browser import BROWSER_TEST, assert_no_axe_violations

# Each worker loads the demo once for every test that uses it (tests/conftest.py: demo_content).
pytestmark = BROWSER_TEST


def check_page(page, heading: str | None = None) -> None:
    """One h1 (with the expected text), a main landmark, no axe violations, a working skip link."""
    h1 = page.locator("h1")
    assert h1.count() == 1, f"{page.url}: expected one h1"
    if heading is not None:
        assert h1.inner_text().strip() == heading, f"{page.url}: h1 is {h1.inner_text()!r}"
    assert page.locator("main#main-content").count() == 1, f"{page.url}: no main landmark"

    assert_no_axe_violations(page)

    page.keyboard.press("Tab")
    focused = page.evaluate(
        "() => ({text: document.activeElement.textContent.trim(),"
        " href: document.activeElement.getAttribute('href')})"
    )
    assert focused == {"text": "Skip to main content", "href": "#main-content"}, (
        f"{page.url}: first Tab focused {focused}"
    )
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "main-content", (
        f"{page.url}: Enter on the skip link did not move focus to the main content"
    )


def test_a_first_visit_is_accessible_and_keyboard_friendly(demo_content, page):
    page.goto(demo_content + "/")
    check_page(page, "Westshire Local Offer")

    page.goto(demo_content + "/services/")
    check_page(page)
    first_service = page.locator("main a[href^='/services/'][href$='/']").filter(
        has_not_text="Next"
    )
    assert first_service.count() > 1, "the directory lists the demo services"
    title = first_service.first.inner_text().strip()

    first_service.first.click()
    page.wait_for_load_state()
    check_page(page, title)
    assert "Last checked:" in page.locator("main").inner_text()
