"""The adult feedback forms: plain POST without JavaScript, validation messages, input kept."""

import pytest
from django.urls import reverse

from directory.models import District
from feedback.models import FeedbackItem, FeedbackSettings, ModerationLogEntry

pytestmark = pytest.mark.django_db

FORM_URL = "/feedback/"


def test_form_page_shows_the_reg_56_topics(site_root, client):
    response = client.get(FORM_URL)
    assert response.status_code == 200
    html = response.content.decode()
    for label in (
        "The services and support listed, and how good they are",
        "Something that is missing",
        "How easy the information is to find, read and use",
        "How the Local Offer was made or reviewed, and your part in it",
    ):
        assert label in html
    assert 'name="started"' in html
    assert 'class="feedback-honeypot" aria-hidden="true"' in html


def test_plain_post_stores_the_item_and_thanks(site_root, client, adult_data):
    response = client.post(FORM_URL, adult_data)
    assert response.status_code == 302
    assert response["Location"] == reverse("feedback:thank_you")
    item = FeedbackItem.objects.get()
    assert item.kind == "local_offer"
    assert item.topic == "content"
    assert item.writer == "parent_carer"
    assert item.rating == 4
    assert item.status == "new"
    assert item.suspected_spam is False
    assert item.email == ""
    assert item.log_entries.filter(action=ModerationLogEntry.Action.SUBMITTED).exists()
    thanks = client.get(response["Location"])
    assert "Thank you for your feedback" in thanks.content.decode()
    assert "What happens next" in thanks.content.decode()
    assert "The short breaks page helped us find a Saturday club." in thanks.content.decode()


def test_empty_post_shows_every_message_in_summary_and_next_to_fields(site_root, client):
    response = client.post(FORM_URL, {})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<title>Error: " in html
    assert 'class="govuk-error-summary"' in html
    for message in (
        "Select what your feedback is about",
        "Select what your feedback is mostly about",
        "Select who is writing",
        "Enter your feedback",
    ):
        # Once in the summary, once next to the field.
        assert html.count(message) == 2, message
    assert 'href="#id_comment"' in html
    assert 'aria-describedby="id_comment-hint id_comment-error"' in html
    assert FeedbackItem.objects.count() == 0


def test_input_is_kept_when_there_is_an_error(site_root, client, adult_data):
    adult_data["writer"] = ""
    adult_data["comment"] = "Kept text & more"
    response = client.post(FORM_URL, adult_data)
    html = response.content.decode()
    assert "Kept text &amp; more</textarea>" in html
    assert 'value="content" checked' in html


def test_only_spaces_is_not_feedback(site_root, client, adult_data):
    adult_data["comment"] = "   \r\n  "
    response = client.post(FORM_URL, adult_data)
    assert "Enter your feedback" in response.content.decode()
    assert FeedbackItem.objects.count() == 0


def test_comment_is_stored_exactly_as_given(site_root, client, adult_data):
    adult_data["comment"] = "  Two spaces first,\r\nand a new line.  "
    client.post(FORM_URL, adult_data)
    assert FeedbackItem.objects.get().comment == "  Two spaces first,\r\nand a new line.  "


def test_too_long_comment_has_a_clear_error_and_is_kept(site_root, client, adult_data):
    adult_data["comment"] = "a" * 5001
    response = client.post(FORM_URL, adult_data)
    html = response.content.decode()
    assert (
        "Your feedback must be 5,000 characters or fewer. You have written 5,001 characters."
        in html
    )
    assert "a" * 5001 in html
    assert FeedbackItem.objects.count() == 0


def test_comment_at_the_limit_is_accepted(site_root, client, adult_data):
    adult_data["comment"] = "a" * 4999 + "\r\n"  # a new line counts as one character
    assert client.post(FORM_URL, adult_data).status_code == 302


def test_response_wanted_needs_an_email(site_root, client, adult_data):
    adult_data["wants_response"] = "on"
    response = client.post(FORM_URL, adult_data)
    assert (
        "Enter your email address so we can tell you about a response" in response.content.decode()
    )
    assert FeedbackItem.objects.count() == 0


def test_bad_email_has_a_clear_error(site_root, client, adult_data):
    adult_data.update(wants_response="on", email="not an email")
    response = client.post(FORM_URL, adult_data)
    assert "Enter an email address in the correct format, like name@example.com" in (
        response.content.decode()
    )


def test_email_is_kept_only_when_a_response_is_wanted(site_root, client, adult_data):
    adult_data.update(email="parent@example.org")
    client.post(FORM_URL, adult_data)
    assert FeedbackItem.objects.get().email == ""
    adult_data.update(wants_response="on")
    client.post(FORM_URL, adult_data)
    item = FeedbackItem.objects.order_by("-pk").first()
    assert item.email == "parent@example.org"
    assert item.wants_response is True


def test_publish_consent_and_district(site_root, client, adult_data):
    north = District.objects.create(name="North Westshire", slug="north")
    adult_data.update(publish_consent="on", district=str(north.pk))
    client.post(FORM_URL, adult_data)
    item = FeedbackItem.objects.get()
    assert item.publish_consent is True
    assert item.district == north


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("rating", "9", "Select a rating from Very poor to Very good"),
        ("district", "999999", "Select a district from the list"),
        ("topic", "nonsense", "Select a valid choice"),
    ],
)
def test_tampered_choices_are_errors_not_500s(site_root, client, adult_data, field, value, message):
    adult_data[field] = value
    response = client.post(FORM_URL, adult_data)
    assert response.status_code == 200
    assert message in response.content.decode()


@pytest.mark.postgres  # PostgreSQL cannot store a null character at all
def test_null_character_is_an_error_not_a_500(site_root, client, adult_data):
    adult_data["comment"] = "bad\x00byte"
    response = client.post(FORM_URL, adult_data)
    assert response.status_code == 200
    assert FeedbackItem.objects.count() == 0


def test_service_feedback_is_linked_to_the_service(site_root, client, service, adult_data):
    del adult_data["about"]
    url = reverse("feedback:service", args=[service.pk])
    page = client.get(url)
    assert service.title in page.content.decode()
    assert "What is your feedback about?" not in page.content.decode()
    client.post(url, adult_data)
    item = FeedbackItem.objects.get()
    assert item.kind == "service"
    assert item.subject_page_id == service.pk


def test_service_feedback_for_a_missing_or_draft_page_is_404(site_root, client, make_service):
    draft = make_service("Draft service", live=False)
    assert client.get(reverse("feedback:service", args=[draft.pk])).status_code == 404
    assert client.get(reverse("feedback:service", args=[999999])).status_code == 404


def test_every_service_page_links_to_its_feedback_form(site_root, client, service):
    html = client.get(service.url).content.decode()
    assert "Tell us what you think of this service" in html
    assert reverse("feedback:service", args=[service.pk]) in html


def test_signed_in_user_is_linked(site_root, client, adult_data, django_user_model):
    user = django_user_model.objects.create_user("parent", "p@example.org", "pw")
    client.force_login(user)
    client.post(FORM_URL, adult_data)
    assert FeedbackItem.objects.get().user == user


def test_thank_you_without_a_submission_is_generic(site_root, client):
    response = client.get(reverse("feedback:thank_you"))
    assert response.status_code == 200
    assert "What you sent us" not in response.content.decode()


def test_thank_you_forgets_the_words_after_half_an_hour(site_root, client, adult_data, monkeypatch):
    import time

    response = client.post(FORM_URL, adult_data)
    assert adult_data["comment"] in client.get(response["Location"]).content.decode()
    later = time.time() + 31 * 60
    monkeypatch.setattr("feedback.views.time.time", lambda: later)
    html = client.get(response["Location"]).content.decode()
    assert adult_data["comment"] not in html
    assert "Thank you for your feedback" in html


def test_thank_you_links_to_the_complaints_page(site_root, client, adult_data):
    from directory.factories import InformationPageFactory

    complaints = InformationPageFactory(parent=site_root, title="Complaints and appeals")
    config = FeedbackSettings.for_site(site_root.get_site())
    config.complaints_page = complaints
    config.save()
    response = client.post(FORM_URL, adult_data)
    html = client.get(response["Location"]).content.decode()
    assert f'<a class="govuk-link" href="{complaints.url}">make a complaint</a>' in html
