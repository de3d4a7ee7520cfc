"""No Content-Security-Policy violation in a real browser, on every public page type and on the
Wagtail admin (dashboard, page explorer, the service editor with its widgets, snippets)."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from directory.models import DirectoryIndexPage, InformationPage, ServicePage
from tests.browser import BROWSER_TEST

# Each worker loads the demo once for every test that uses it (tests/conftest.py: demo_content).
pytestmark = BROWSER_TEST

# Registered before any page script runs; CSP does not apply to scripts the browser injects.
LISTEN = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__csp.push(`${e.violatedDirective} blocked ${e.blockedURI || "inline"} (${e.sourceFile}:${e.lineNumber})`);
});
"""


def violations_on(page, base: str, paths: list[str], console: list[str]) -> list[str]:
    """Every CSP violation reported on each page, as "address: what was blocked"."""
    found = []
    for url in (base + path for path in paths):
        console.clear()
        response = page.goto(url)
        assert response is not None and response.status < 500, url
        assert response.headers.get("content-security-policy"), url
        page.wait_for_load_state("networkidle")
        seen = page.evaluate("window.__csp") + [m for m in console if "Content Security" in m]
        found += [f"{url}: {v}" for v in seen]
    return found


@pytest.fixture
def watched(page):
    console: list[str] = []
    page.add_init_script(LISTEN)
    page.on("console", lambda message: console.append(message.text))
    return page, console


def test_no_violation_on_public_pages(live_server, demo_content, watched):
    page, console = watched
    directory = DirectoryIndexPage.objects.live().first()
    service = ServicePage.objects.live().first()
    guide = InformationPage.objects.live().first()
    urls = [
        "/",
        directory.url,
        f"{directory.url}?q=short+breaks&postcode=ST16+2DH",
        service.url,
        guide.url,
        "/search/?q=autism",
        "/shortlist/",
        "/feedback/",
        f"/feedback/service/{service.pk}/",
        "/feedback/young-people/",
        "/no-such-page/",
    ]
    found = violations_on(page, live_server.url, urls, console)
    assert found == [], "\n".join(found)


def test_no_violation_in_the_admin(live_server, demo_content, watched):
    page, console = watched
    admin = get_user_model().objects.create_superuser("csp-admin", "csp@example.org", "x" * 20)
    client = Client()
    client.force_login(admin)
    page.context.add_cookies(
        [
            {
                "name": "sessionid",
                "value": client.cookies["sessionid"].value,
                "url": live_server.url,
            }
        ]
    )
    service = ServicePage.objects.live().first()
    urls = [
        "/admin/",
        f"/admin/pages/{service.get_parent().pk}/",
        f"/admin/pages/{service.pk}/edit/",
        "/admin/snippets/",
        "/admin/reports/",
    ]
    found = violations_on(page, live_server.url, urls, console)
    assert page.locator("h1").count() >= 1
    assert found == [], "\n".join(found)
