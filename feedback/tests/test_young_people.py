"""The young person's form: age first, one question, five faces, no email for under 13s."""

import pytest
from django.urls import reverse

from feedback.models import FeedbackItem

pytestmark = pytest.mark.django_db

URL = "/feedback/young-people/"


def test_age_is_asked_first(site_root, client):
    html = client.get(URL).content.decode()
    assert "Are you under 13?" in html
    assert "What do you want to tell us?" not in html


def test_age_question_unanswered_shows_an_error(site_root, client):
    html = client.get(URL, {"step": "age"}).content.decode()
    assert "Choose yes or no" in html
    assert 'class="govuk-error-summary"' in html


def test_under_13_form_has_no_email_required_and_explains(site_root, client):
    html = client.get(URL, {"age": "under-13"}).content.decode()
    assert "What do you want to tell us?" in html
    assert "What happens to what you write" in html
    assert "A parent or carer is helping me" in html
    assert "You do not need to give us an email address." in html
    for words in ("Really bad", "Bad", "OK", "Good", "Really good"):
        assert f"</svg>{words}</label>" in html
    # The faces are drawings beside visible words, hidden from screen readers.
    assert (
        html.count(
            'class="feedback-faces__face" viewBox="0 0 40 40" width="36" height="36" aria-hidden="true"'
        )
        == 5
    )


def test_under_13_can_send_without_email(site_root, client, young_data):
    young_data.update(age="under-13", rating="2")
    response = client.post(f"{URL}?age=under-13", young_data)
    assert response.status_code == 302
    item = FeedbackItem.objects.get()
    assert item.kind == "young_person"
    assert item.writer == "young_person"
    assert item.under_13 is True
    assert item.rating == 2
    assert item.email == ""
    thanks = client.get(response["Location"]).content.decode()
    assert "We got what you wrote." in thanks


def test_under_13_email_needs_a_parent_or_carer(site_root, client, young_data):
    young_data.update(age="under-13", wants_response="on", email="kid@example.org")
    response = client.post(f"{URL}?age=under-13", young_data)
    html = response.content.decode()
    assert "ask a parent or carer to help you before you give an email address" in html
    assert FeedbackItem.objects.count() == 0
    young_data["helped_by_parent"] = "on"
    assert client.post(f"{URL}?age=under-13", young_data).status_code == 302
    item = FeedbackItem.objects.get()
    assert item.helped_by_parent is True
    assert item.email == "kid@example.org"


def test_13_or_over_not_asked_about_a_parent(site_root, client, young_data):
    html = client.get(URL, {"age": "13-or-over"}).content.decode()
    assert "A parent or carer is helping me" not in html
    young_data.update(wants_response="on", email="teen@example.org")
    assert client.post(f"{URL}?age=13-or-over", young_data).status_code == 302
    item = FeedbackItem.objects.get()
    assert item.under_13 is False
    assert item.email == "teen@example.org"


def test_young_person_messages_are_in_easy_words(site_root, client, young_data):
    young_data.update(comment="", wants_response="on")
    html = client.post(f"{URL}?age=13-or-over", young_data).content.decode()
    assert "Write what you want to tell us" in html
    assert "Write your email address so we can tell you what we did" in html
    assert 'value="5" checked' in html  # the chosen face is kept


def test_young_person_feedback_about_a_service(site_root, client, service, young_data):
    url = reverse("feedback:young_people_service", args=[service.pk])
    assert service.title in client.get(url).content.decode()
    client.post(f"{url}?age=13-or-over", young_data)
    assert FeedbackItem.objects.get().subject_page_id == service.pk


def test_bad_face_value_is_an_error(site_root, client, young_data):
    young_data["rating"] = "7"
    response = client.post(f"{URL}?age=13-or-over", young_data)
    assert response.status_code == 200
    assert "Choose one of the faces" in response.content.decode()
