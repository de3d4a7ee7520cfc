"""Pages a front-end cache may keep: public for anonymous visitors without a session, private for
anyone signed in or with a shortlist; small public actions refuse cross-site posts; publishing
purges the page and the pages listing it through a real HTTP PURGE."""

import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
from django.test import Client, override_settings

pytestmark = pytest.mark.django_db


@pytest.fixture
def service(make_service):
    return make_service("Aiming High short breaks")


def _anonymous_pages(site_root, directory_page, service):
    return [site_root.url, directory_page.url, f"{directory_page.url}?q=short+breaks", service.url]


def test_anonymous_pages_are_public_and_carry_no_csrf_token(
    client, site_root, directory_page, service
):
    for url in _anonymous_pages(site_root, directory_page, service):
        response = client.get(url)
        assert response.status_code == 200, url
        cache_control = response["Cache-Control"]
        assert "public" in cache_control and "s-maxage=300" in cache_control, url
        assert "Cookie" in response["Vary"], url
        assert not response.cookies, url
        assert "csrfmiddlewaretoken" not in response.content.decode(), url
        assert "Shortlist (0)" in response.content.decode(), url


def test_signed_in_pages_are_private(client, django_user_model, site_root, directory_page, service):
    client.force_login(django_user_model.objects.create_user("editor", "e@example.org", "x"))
    for url in _anonymous_pages(site_root, directory_page, service):
        cache_control = client.get(url)["Cache-Control"]
        assert "private" in cache_control and "no-store" in cache_control, url


def test_pages_with_a_shortlist_are_private_and_show_it(client, directory_page, service):
    assert client.post("/shortlist/add/", {"service": str(service.uuid)}).status_code == 302
    response = client.get(directory_page.url)
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
    assert "Shortlist (1)" in response.content.decode()
    assert "public" not in client.get(service.url)["Cache-Control"]


def test_a_page_showing_a_form_with_a_token_is_private(client, service):
    response = client.get(f"{service.url}?helpful=no")
    assert "csrfmiddlewaretoken" in response.content.decode()
    assert "private" in response["Cache-Control"]


def test_other_views_keep_their_own_headers(client, service):
    assert client.get("/search/suggest/", {"q": "aim"})["Cache-Control"] == "public, max-age=300"
    assert "Cache-Control" not in client.get("/search/", {"q": "aim"})


@pytest.mark.parametrize(
    ("headers", "status"),
    [
        ({"sec-fetch-site": "same-origin", "origin": "http://testserver"}, 302),
        ({"origin": "http://testserver"}, 302),
        ({}, 302),  # no browser page sent it (old browsers send Origin cross-site)
        ({"sec-fetch-site": "cross-site", "origin": "https://evil.example"}, 403),
        ({"sec-fetch-site": "same-site", "origin": "http://other.testserver"}, 403),
        ({"origin": "https://evil.example"}, 403),
    ],
)
def test_shortlist_add_refuses_cross_site_posts(service, headers, status):
    client = Client(enforce_csrf_checks=True)
    response = client.post("/shortlist/add/", {"service": str(service.uuid)}, headers=headers)
    assert response.status_code == status
    assert bool(client.session.get("shortlist")) is (status == 302)


@override_settings(CSRF_TRUSTED_ORIGINS=["https://localoffer.example"])
def test_a_trusted_origin_may_post(service):
    client = Client(enforce_csrf_checks=True)
    headers = {"sec-fetch-site": "cross-site", "origin": "https://localoffer.example"}
    response = client.post("/shortlist/add/", {"service": str(service.uuid)}, headers=headers)
    assert response.status_code == 302


class _PurgeRecorder(BaseHTTPRequestHandler):
    received: list[tuple[str, str]] = []

    def do_PURGE(self):  # noqa: N802 - the HTTP method's name
        self.received.append((self.headers["Host"], self.path))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def purge_server():
    _PurgeRecorder.received = []
    server = HTTPServer(("127.0.0.1", 0), _PurgeRecorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server, _PurgeRecorder.received
    server.shutdown()
    server.server_close()


def test_publishing_and_unpublishing_purge_the_page_and_its_listings(
    purge_server, site_root, directory_page, service
):
    server, received = purge_server
    location = f"http://127.0.0.1:{server.server_address[1]}"
    backends = {"http": {"BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend"}}
    backends["http"]["LOCATION"] = location
    with override_settings(WAGTAILFRONTENDCACHE=backends):
        service.title = "Aiming High short breaks and clubs"
        service.save_revision().publish()
        paths = {path for _host, path in received}
        assert {service.url, directory_page.url, site_root.url} <= paths
        received.clear()
        service.unpublish()
        assert {service.url, directory_page.url} <= {path for _host, path in received}


def test_no_purge_when_no_cache_is_configured(purge_server, service):
    _server, received = purge_server
    service.save_revision().publish()
    assert received == []


def test_a_section_published_later_is_in_the_cached_header_and_footer_at_once(
    client, site_root, directory_page
):
    from directory.factories import InformationPageFactory

    assert "Money and benefits" not in client.get(directory_page.url).content.decode()
    section = InformationPageFactory(
        parent=site_root, title="Money and benefits", show_in_menus=True, live=False
    )
    section.save_revision().publish()
    assert "Money and benefits" in client.get(directory_page.url).content.decode()
    section.refresh_from_db()  # publishing updated another copy of the page
    section.unpublish()
    assert "Money and benefits" not in client.get(directory_page.url).content.decode()


def test_the_cached_privacy_notice_link_goes_when_the_notice_is_restricted(client, site_root):
    from directory.factories import InformationPageFactory, restrict_page

    notice = InformationPageFactory(parent=site_root, title="Privacy notice", slug="privacy")
    assert 'href="/privacy/"' in client.get("/").content.decode()
    restriction = restrict_page(notice)
    assert 'href="/privacy/"' not in client.get("/").content.decode()
    restriction.delete()
    assert 'href="/privacy/"' in client.get("/").content.decode()
