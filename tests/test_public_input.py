"""Public input never gives a 500: the addresses found by trying the site as an attacker would,
each kept as a regression test, and Django's error views replaced by ones that cannot fail."""

import pytest
from django.test import Client

from directory.factories import InformationPageFactory

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]

LONG_NUMBER = "9" * 5000


@pytest.fixture
def content(site_root, directory_page, make_service):
    InformationPageFactory(parent=site_root, title="Autism support", summary="Help with autism.")
    return make_service("Autism family support", summary="Autism advice for families.")


@pytest.fixture
def client():
    return Client(raise_request_exception=False)


@pytest.mark.parametrize(
    "url",
    [
        "/search/?q=autism%22",
        '/search/?q="autism',
        "/search/?q=%00",
        "/search/?q=autism%00support",
        "/search/?q=autism*+OR+(",
        "/services/?q=autism%22",
        "/services/?q=%00",
        f"/services/?page={LONG_NUMBER}",
        f"/services/?age={LONG_NUMBER}",
        "/search/suggest/?q=%00aut",
        f"/shortlist/shared/?ids={LONG_NUMBER}",
        "/api/oruk/services?search=%00",
        "/api/oruk/services?search=autism%22%00",
        "/feedback/service/99999999999999999999999/",
        "/feedback/young-people/service/99999999999999999999999/",
    ],
)
def test_pages_answer_bad_input_without_a_server_error(client, content, url):
    response = client.get(url)
    assert response.status_code < 500, response.content[:300]


@pytest.mark.parametrize(
    "url",
    [
        "/api/oruk/services?day=%C2%B2",
        "/api/oruk/services?modified_after=9999-12-31T23:59:59-12:00",
        "/api/oruk/services?modified_after=0001-01-01T00:00:00%2B01:00",
        f"/api/oruk/services?page={LONG_NUMBER}",
        f"/api/oruk/services?per_page={LONG_NUMBER}",
        f"/api/oruk/service_at_locations?page={LONG_NUMBER}",
        f"/api/oruk/taxonomies?per_page={LONG_NUMBER}",
        "/api/oruk/services?minimum_age=%C2%B2",
    ],
)
def test_the_api_answers_bad_parameters_as_json_with_cors(client, content, url):
    response = client.get(url)
    assert response.status_code == 400, response.content[:300]
    assert response["Content-Type"] == "application/json"
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response.json()["message"]


def test_a_feedback_link_to_an_impossible_page_id_is_not_found(client, content):
    assert client.get("/feedback/service/99999999999999999999999/").status_code == 404


def test_a_form_posted_in_another_encoding_is_a_400_page_not_a_500(content):
    """Django's default 400 view re-ran the CSRF check, which read the undecodable body again."""
    client = Client(enforce_csrf_checks=True, raise_request_exception=False)
    client.get("/feedback/")
    token = client.cookies["csrftoken"].value
    response = client.post(
        "/feedback/",
        data=f"csrfmiddlewaretoken={token}&comment=caf%E9".encode(),
        content_type="application/x-www-form-urlencoded; charset=iso-8859-1",
        headers={"x-csrftoken": token},
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Sorry, we could not read that request" in html
    assert "govuk-heading-xl" in html


def test_an_api_request_that_cannot_be_read_is_json_with_cors(content):
    client = Client(raise_request_exception=False)
    response = client.get("/api/oruk/services", headers={"host": "bad host name"})
    assert response.status_code == 400
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response.json()["error"] == "bad_request"


def test_a_failed_csrf_check_is_a_govuk_page(content):
    client = Client(enforce_csrf_checks=True)
    response = client.post("/feedback/", {"comment": "Hello"})
    assert response.status_code == 403
    html = response.content.decode()
    assert "Sorry, your form could not be sent" in html
    assert 'class="govuk-heading-xl"' in html
