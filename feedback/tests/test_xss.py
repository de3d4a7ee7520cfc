"""Script and HTML payloads through every public text field: stored as given, shown escaped."""

import pytest
from django.utils.html import escape

from feedback.models import FeedbackItem, HelpfulnessComment
from feedback.tests.xss_payloads import PAYLOADS

pytestmark = pytest.mark.django_db

MARKUP = set("<>\"'")


def assert_shown_escaped(html: str, payload: str) -> None:
    """The payload appears only as text: its escaped form is there, the raw markup is not."""
    assert escape(payload) in html
    if MARKUP & set(payload):
        assert payload not in html
    assert "<script>alert(1)" not in html
    assert 'href="javascript:' not in html.lower()
    assert "onerror=alert" not in html.replace("onerror=alert(1)&gt;", "")


@pytest.mark.postgres
@pytest.mark.parametrize("payload", PAYLOADS)
def test_adult_comment_is_stored_as_given_and_escaped_on_thank_you(
    site_root, client, adult_data, payload
):
    adult_data["comment"] = payload
    response = client.post("/feedback/", adult_data)
    assert response.status_code == 302
    assert FeedbackItem.objects.get().comment == payload
    assert_shown_escaped(client.get(response["Location"]).content.decode(), payload)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_comment_is_escaped_when_the_form_is_shown_again(site_root, client, adult_data, payload):
    adult_data.update(comment=payload, writer="")
    html = client.post("/feedback/", adult_data).content.decode()
    assert "Select who is writing" in html
    assert_shown_escaped(html, payload)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_email_field_payload_is_rejected_and_escaped(site_root, client, adult_data, payload):
    adult_data.update(wants_response="on", email=payload)
    html = client.post("/feedback/", adult_data).content.decode()
    assert "Enter an email address in the correct format" in html
    assert_shown_escaped(html, payload)
    assert FeedbackItem.objects.count() == 0


@pytest.mark.parametrize("payload", PAYLOADS)
def test_choice_and_hidden_fields_reflect_payloads_escaped(site_root, client, adult_data, payload):
    adult_data.update(topic=payload, writer=payload, about=payload, started=payload)
    html = client.post("/feedback/", adult_data).content.decode()
    assert "Select a valid choice" in html
    assert escape(payload) in html
    if MARKUP & set(payload):
        assert payload not in html
    assert FeedbackItem.objects.count() == 0


@pytest.mark.parametrize("payload", PAYLOADS)
def test_honeypot_payload_is_never_shown(site_root, client, adult_data, payload):
    adult_data.update(website=payload, comment="")
    html = client.post("/feedback/", adult_data).content.decode()
    assert payload not in html or not (MARKUP & set(payload))
    assert escape(payload) not in html.split('class="feedback-honeypot"')[1].split("</div>")[0]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_young_person_comment_is_stored_as_given_and_escaped(
    site_root, client, young_data, payload
):
    young_data["comment"] = payload
    response = client.post("/feedback/young-people/?age=13-or-over", young_data)
    assert FeedbackItem.objects.get().comment == payload
    assert_shown_escaped(client.get(response["Location"]).content.decode(), payload)
    young_data["comment"] = payload + "x" * 5000  # too long: shown again
    assert_shown_escaped(
        client.post("/feedback/young-people/?age=13-or-over", young_data).content.decode(),
        payload,
    )


@pytest.mark.parametrize("payload", PAYLOADS)
def test_age_parameter_payload_is_harmless(site_root, client, payload):
    html = client.get("/feedback/young-people/", {"step": "age", "age": payload}).content.decode()
    assert "Choose yes or no" in html
    if MARKUP & set(payload):
        assert payload not in html


@pytest.mark.parametrize("payload", PAYLOADS)
def test_what_was_missing_is_stored_as_given_and_escaped(site_root, client, service, payload):
    client.post("/feedback/helpful/missing/", {"page": service.pk, "comment": payload})
    assert HelpfulnessComment.objects.get().comment == payload
    too_long = payload + "y" * 1000
    html = client.post(
        "/feedback/helpful/missing/", {"page": service.pk, "comment": too_long}
    ).content.decode()
    assert_shown_escaped(html, payload)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_helpful_query_parameter_payload_is_ignored(site_root, client, service, payload):
    html = client.get(service.url, {"helpful": payload}).content.decode()
    assert "Was this page helpful?" in html
    if MARKUP & set(payload):
        assert payload not in html
