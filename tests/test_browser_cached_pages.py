"""A page a front-end cache may keep (no session, no CSRF token) still saves to the shortlist,
on a phone, with and without JavaScript; the browser's own origin headers let the post in."""

import pytest
from playwright.sync_api import expect

from tests.browser import BROWSER_TEST, PHONE, assert_no_axe_violations

pytestmark = BROWSER_TEST


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_saving_from_a_cacheable_service_page_on_a_phone(
    live_server, new_page, make_service, javascript
):
    service = make_service("Aiming High short breaks")
    page = new_page(java_script_enabled=javascript, viewport=PHONE, is_mobile=True)
    first = page.goto(f"{live_server.url}{service.url}")
    assert "public" in first.headers["cache-control"]
    assert "csrfmiddlewaretoken" not in page.content()
    page.get_by_role("button", name="Save Aiming High short breaks to shortlist").click()
    expect(page.get_by_role("alert")).to_contain_text(
        "‘Aiming High short breaks’ was saved to your shortlist"
    )
    remove = page.get_by_role("button", name="Remove Aiming High short breaks from shortlist")
    expect(remove).to_be_visible()
    if javascript:
        page.get_by_role("button", name="Menu").click()
    expect(page.get_by_role("link", name="Shortlist (1)")).to_be_visible()
    assert "private" in page.reload().headers["cache-control"]
    if javascript:  # axe runs as a script: a context without JavaScript cannot run it
        assert_no_axe_violations(page)
