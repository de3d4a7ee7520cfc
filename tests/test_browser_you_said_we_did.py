"""You said, we did in a real browser: the index with a filter, a response page, the register.

Each page is checked with axe (WCAG 2.2 A and AA); the filter works without JavaScript.
"""

from tests.browser import BROWSER_TEST, assert_no_axe_violations

# Each worker loads the demo once for every test that uses it (tests/conftest.py: demo_content).
pytestmark = BROWSER_TEST


def test_index_response_and_register_are_accessible(demo_content, page):
    page.goto(demo_content + "/you-said-we-did/")
    assert page.locator("h1").inner_text().strip() == "You said, we did"
    assert "6 responses" in page.locator("main").inner_text()
    assert_no_axe_violations(page)

    page.get_by_label("Done (1)").check()
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_load_state()
    main = page.locator("main").inner_text()
    assert "1 response" in main and "The same school bus driver every day" in main
    assert_no_axe_violations(page)
    page.get_by_role("link", name="Remove filter: Status: Done").click()
    page.wait_for_load_state()
    assert "6 responses" in page.locator("main").inner_text()

    page.get_by_role("link", name="The same school bus driver every day").click()
    page.wait_for_load_state()
    main = page.locator("main").inner_text()
    assert "New contracts signed" in main and "SEND transport team" in main
    assert_no_axe_violations(page)

    page.goto(demo_content + "/you-said-we-did/register/")
    main = page.locator("main").inner_text()
    assert "Comments and responses" in main and "left out as vexatious" in main
    assert_no_axe_violations(page)
