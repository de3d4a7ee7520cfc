"""The shortlist: save from results and service pages without JavaScript, review, remove, share
by link or email, with a constant number of queries."""

import re
from html import unescape

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext

from search import shortlist

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("empty_cache")]


@pytest.fixture
def two_services(make_service):
    return [
        make_service(
            "Aiming High short breaks",
            contacts=[
                {
                    "name": "Short breaks team",
                    "phone": "01785 123456",
                    "email": "breaks@example.org",
                }
            ],
        ),
        make_service("Sunflower sensory play", service_types=["activities"]),
    ]


def save(client, service, next_url="/services/"):
    return client.post("/shortlist/add/", {"service": str(service.uuid), "next": next_url})


def test_saving_posts_and_comes_back_with_a_banner(client, two_services):
    service = two_services[0]
    response = save(client, service, next_url=service.url)
    assert response.status_code == 302
    assert response["Location"] == service.url
    html = client.get(service.url).content.decode()
    assert "govuk-notification-banner--success" in html
    assert "‘Aiming High short breaks’ was saved to your shortlist" in html
    assert (
        'Remove <span class="govuk-visually-hidden">Aiming High short breaks </span>from shortlist'
        in html
    )
    assert "Shortlist (1)" in html
    # The banner is shown once.
    assert "was saved to your shortlist" not in client.get(service.url).content.decode()


def test_service_page_has_a_save_form_without_a_per_visitor_token(client, two_services):
    html = client.get(two_services[0].url).content.decode()
    form = re.search(
        r'<form class="localoffer-shortlist-form[^"]*" method="post" action="/shortlist/add/".*?</form>',
        html,
        re.S,
    )
    assert form, "a POST form under the title"
    # The page is cached for everyone: the add view checks the request's origin instead.
    assert 'name="csrfmiddlewaretoken"' not in form.group(0)
    assert f'value="{two_services[0].uuid}"' in form.group(0)
    assert "Shortlist (0)" in html


def test_saving_twice_changes_nothing(client, two_services):
    save(client, two_services[0])
    save(client, two_services[0])
    assert client.session[shortlist.SESSION_KEY] == [str(two_services[0].uuid)]
    assert (
        client.session["shortlist_notice"]
        == "‘Aiming High short breaks’ is already in your shortlist"
    )


def test_saving_an_unknown_service_is_harmless(client, two_services):
    response = client.post("/shortlist/add/", {"service": "not-a-uuid"})
    assert response.status_code == 302
    assert client.session.get(shortlist.SESSION_KEY, []) == []


def test_next_must_be_on_this_site(client, two_services):
    response = save(client, two_services[0], next_url="https://evil.example/")
    assert response["Location"] == "/shortlist/"


def test_saving_asks_for_post(client, two_services):
    assert client.get("/shortlist/add/", {"service": str(two_services[0].uuid)}).status_code == 405


def test_json_response_for_scripts(client, two_services):
    response = client.post(
        "/shortlist/add/",
        {"service": str(two_services[0].uuid)},
        headers={"accept": "application/json"},
    )
    assert response.json() == {
        "message": "‘Aiming High short breaks’ was saved to your shortlist",
        "count": 1,
    }


def test_shortlist_page_shows_cards_and_removes(client, two_services):
    for service in two_services:
        save(client, service)
    html = client.get("/shortlist/").content.decode()
    assert "You have saved 2 services" in html
    assert "Aiming High short breaks" in html and "Sunflower sensory play" in html
    assert "01785 123456" in html, "key facts include how to contact the service"
    assert 'href="/static/search/print.css" media="print"' in html
    response = client.post(
        "/shortlist/remove/", {"service": str(two_services[0].uuid), "next": "/shortlist/"}
    )
    assert response["Location"] == "/shortlist/"
    html = client.get("/shortlist/").content.decode()
    assert "‘Aiming High short breaks’ was removed from your shortlist" in html
    assert "You have saved 1 service." in html
    assert "Shortlist (1)" in html


def test_unpublished_services_disappear_gracefully(client, two_services):
    for service in two_services:
        save(client, service)
    two_services[1].unpublish()
    html = client.get("/shortlist/").content.decode()
    cards = html.split('<ol class="govuk-list localoffer-service-list')[1].split("</ol>")[0]
    assert "Aiming High short breaks" in cards
    assert "Sunflower sensory play" not in cards
    assert "You have saved 1 service." in html
    assert client.session[shortlist.SESSION_KEY] == [str(two_services[0].uuid)]


def test_empty_shortlist_explains_what_to_do(client, directory_page):
    html = client.get("/shortlist/").content.decode()
    assert "You have not saved any services yet" in html
    assert 'href="/services/"' in html


def test_share_link_is_a_read_only_view_of_the_same_services(client, two_services):
    for service in two_services:
        save(client, service)
    html = client.get("/shortlist/").content.decode()
    share_url = unescape(
        re.search(r'id="share-link" type="text" readonly value="([^"]+)"', html).group(1)
    )
    assert (
        share_url
        == f"http://testserver/shortlist/shared/?ids={two_services[0].uuid},{two_services[1].uuid}"
    )

    other = client.__class__()
    shared = other.get(share_url.removeprefix("http://testserver")).content.decode()
    assert "Someone shared 2 services" in shared
    assert "Aiming High short breaks" in shared and "Sunflower sensory play" in shared
    assert "/shortlist/remove/" not in shared, "read only"
    assert "csrfmiddlewaretoken" not in shared.split('id="main-content"')[1].split("</main>")[0]


def test_shared_view_ignores_junk_and_missing_services(client, two_services):
    two_services[1].unpublish()
    html = client.get(
        "/shortlist/shared/",
        {"ids": f"junk,{two_services[0].uuid},{two_services[1].uuid},{two_services[0].uuid}"},
    ).content.decode()
    assert "Someone shared 1 service " in html
    assert "Some services in this list are no longer in the directory" in html
    assert client.get("/shortlist/shared/", {"ids": "<script>"}).status_code == 200


def test_email_sends_the_list_and_keeps_no_address(
    client, two_services, django_capture_on_commit_callbacks
):
    for service in two_services:
        save(client, service)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/shortlist/", {"email": "parent@example.org"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["parent@example.org"]
    assert "Aiming High short breaks" in message.body and "Sunflower sensory play" in message.body
    assert f"/shortlist/shared/?ids={two_services[0].uuid},{two_services[1].uuid}" in message.body
    assert "parent@example.org" not in str(dict(client.session.items()))
    assert "We have emailed your shortlist" in client.get("/shortlist/").content.decode()


def test_email_address_is_validated(client, two_services):
    save(client, two_services[0])
    html = client.post("/shortlist/", {"email": "not an address"}).content.decode()
    assert "Enter an email address in the correct format, like name@example.com" in html
    assert "<title>Error: Your shortlist" in html
    assert mail.outbox == []


def test_email_is_rate_limited(client, two_services, django_capture_on_commit_callbacks):
    save(client, two_services[0])
    for _ in range(shortlist.EMAIL_LIMIT_PER_SESSION):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post("/shortlist/", {"email": "parent@example.org"})
        assert response.status_code == 302
    html = client.post("/shortlist/", {"email": "parent@example.org"}).content.decode()
    assert "You have sent a lot of emails" in html
    assert len(mail.outbox) == shortlist.EMAIL_LIMIT_PER_SESSION


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_shortlist_page_query_count_is_constant(client, two_services, make_service):
    for service in two_services:
        save(client, service)
    client.get("/shortlist/")
    before = _queries(client, "/shortlist/")
    for n in range(4):
        save(client, make_service(f"Extra service {n}", contacts=[{"phone": "01785 000000"}]))
    client.get("/shortlist/")
    after = _queries(client, "/shortlist/")
    assert after == before


def test_header_count_reads_no_database(rf, two_services):
    from search.wagtail_hooks import shortlist_header_link

    request = rf.get("/")
    request.session = {shortlist.SESSION_KEY: [str(two_services[0].uuid)]}
    with CaptureQueriesContext(connection) as ctx:
        html = shortlist_header_link(request, None)
    assert "Shortlist (1)" in html and 'href="/shortlist/"' in html
    assert len(ctx.captured_queries) == 0
