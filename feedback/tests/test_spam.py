"""Spam defences that never lose a real submission: honeypot, time check, rate limit."""

import pytest
from django.core.signing import dumps
from django.test import Client

from feedback.models import FeedbackItem, FeedbackSettings
from feedback.spam import form_started_token, seconds_to_submit, spam_signals

pytestmark = pytest.mark.django_db

FORM_URL = "/feedback/"


def test_a_person_who_took_their_time_is_not_suspected(site_root, client, adult_data):
    client.post(FORM_URL, adult_data)
    item = FeedbackItem.objects.get()
    assert item.suspected_spam is False
    assert item.spam_reasons == []


def test_honeypot_filled_is_kept_but_marked_for_the_moderator(site_root, client, adult_data):
    adult_data["website"] = "http://spam.example"
    response = client.post(FORM_URL, adult_data)
    assert response.status_code == 302
    item = FeedbackItem.objects.get()
    assert item.suspected_spam is True
    assert "The hidden field that people cannot see was filled in." in item.spam_reasons
    assert "spam.example" not in item.comment


def test_honeypot_is_hidden_from_people_keyboards_and_screen_readers(site_root, client):
    html = client.get(FORM_URL).content.decode()
    start = html.index('class="feedback-honeypot"')
    honeypot = html[start : html.index("</div>", start)]
    assert 'aria-hidden="true"' in honeypot
    assert 'tabindex="-1"' in honeypot
    assert 'autocomplete="off"' in honeypot


def test_too_fast_submission_is_kept_but_marked(site_root, client, adult_data):
    adult_data["started"] = form_started_token()  # sent the moment the form was shown
    response = client.post(FORM_URL, adult_data)
    assert response.status_code == 302
    item = FeedbackItem.objects.get()
    assert item.suspected_spam is True
    assert len(item.spam_reasons) == 1
    assert item.spam_reasons[0].startswith("Sent ")
    assert item.spam_reasons[0].endswith(" after the form was opened.")


@pytest.mark.parametrize(
    "token", ["", "garbage", dumps(12, salt="another.salt")], ids=["empty", "garbage", "forged"]
)
def test_missing_or_forged_start_time_is_kept_but_marked(site_root, client, adult_data, token):
    adult_data["started"] = token
    assert client.post(FORM_URL, adult_data).status_code == 302
    assert FeedbackItem.objects.get().spam_reasons == ["The form had no valid start time."]


def test_min_seconds_comes_from_settings(site_root, client, adult_data):
    settings = FeedbackSettings.for_site(site_root.get_site())
    settings.min_seconds_to_submit = 120
    settings.save()
    client.post(FORM_URL, adult_data)  # started 60 seconds ago
    assert FeedbackItem.objects.get().suspected_spam is True


def test_start_time_is_kept_through_error_redisplay(site_root, client, adult_data):
    token = adult_data["started"]
    adult_data["comment"] = ""
    html = client.post(FORM_URL, adult_data).content.decode()
    assert f'value="{token}"' in html


def test_seconds_to_submit_measures_from_the_token():
    token = form_started_token(now=1000)
    assert seconds_to_submit(token, now=1007) == 7
    assert spam_signals(honeypot="", started_token=token, min_seconds=3, now=1007) == []
    assert spam_signals(honeypot="", started_token=token, min_seconds=3, now=1001) == [
        "Sent 1 second after the form was opened."
    ]


def test_burst_from_one_ip_is_limited_and_another_ip_is_not(site_root, adult_data):
    limit = FeedbackSettings.for_site(site_root.get_site()).rate_limit_count
    burst = Client(REMOTE_ADDR="203.0.113.7")
    for n in range(limit):
        adult_data["comment"] = f"Burst comment {n}"
        assert burst.post(FORM_URL, adult_data).status_code == 302
    adult_data["comment"] = "One too many, but my words must not be lost"
    limited = burst.post(FORM_URL, adult_data)
    assert limited.status_code == 429
    html = limited.content.decode()
    assert "You have sent a lot of feedback in a short time" in html
    assert "What you wrote is still here." in html
    assert "One too many, but my words must not be lost</textarea>" in html
    assert FeedbackItem.objects.count() == limit

    other = Client(REMOTE_ADDR="198.51.100.20")
    adult_data["comment"] = "A different parent right after"
    assert other.post(FORM_URL, adult_data).status_code == 302
    assert FeedbackItem.objects.filter(comment="A different parent right after").exists()


def test_forms_with_errors_do_not_use_up_the_limit(site_root, adult_data):
    limit = FeedbackSettings.for_site(site_root.get_site()).rate_limit_count
    person = Client(REMOTE_ADDR="203.0.113.8")
    for _ in range(limit + 3):
        person.post(FORM_URL, {**adult_data, "comment": ""})
    assert person.post(FORM_URL, adult_data).status_code == 302


def test_ip_address_is_never_stored(site_root, adult_data):
    Client(REMOTE_ADDR="192.0.2.199").post(FORM_URL, adult_data)
    item = FeedbackItem.objects.get()
    stored = " ".join(str(getattr(item, f.attname)) for f in FeedbackItem._meta.concrete_fields)
    stored += " ".join(str(e.__dict__) for e in item.log_entries.all())
    assert "192.0.2.199" not in stored


def test_rate_limit_window_expires(site_root, adult_data):
    from django.core.cache import cache

    limit = FeedbackSettings.for_site(site_root.get_site()).rate_limit_count
    person = Client(REMOTE_ADDR="203.0.113.9")
    for _ in range(limit):
        person.post(FORM_URL, adult_data)
    assert person.post(FORM_URL, adult_data).status_code == 429
    cache.clear()  # what the window's expiry does
    assert person.post(FORM_URL, adult_data).status_code == 302
