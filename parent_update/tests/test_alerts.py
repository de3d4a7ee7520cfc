"""Saved-search alerts through the search contract, with a fixed clock and a weekly cap."""

import datetime
import re
import time

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from feedback.spam import form_started_token
from parent_update.alerts import read_search, send_alerts
from parent_update.models import SearchAlert

pytestmark = pytest.mark.django_db

NOW = timezone.make_aware(datetime.datetime(2026, 12, 7, 9))


def test_saving_a_search_is_double_opt_in(client, make_service, directory_page):
    make_service("Saturday swimming club", service_types=["activities-clubs"])
    url = reverse("parent_update:new_alert") + "?q=swimming&type=activities-clubs&page=3"
    response = client.get(url)
    assert b"services matching \xe2\x80\x9cswimming\xe2\x80\x9d with 1 filter" in response.content
    response = client.post(
        reverse("parent_update:new_alert"),
        {
            "query": response.context["saved"].query_string,
            "email": "parent@example.org",
            "started": form_started_token(time.time() - 30),
        },
    )
    assert response.status_code == 302
    assert SearchAlert.objects.count() == 0
    link = re.search(r"http://testserver(/parent-update/confirm/\S+/)", mail.outbox[0].body).group(
        1
    )
    client.post(link)
    alert = SearchAlert.objects.get()
    assert alert.query_string == "q=swimming&type=activities-clubs"


@pytest.mark.parametrize(
    "query",
    ["", "page=2", "age=abc", "q=" + "x" * 3000, "postcode=%3Cscript%3Ex", "type=%00%01"],
)
def test_hostile_saved_searches_get_a_plain_message(client, site_root, query):
    response = client.get(reverse("parent_update:new_alert") + "?" + query)
    assert response.status_code == 400
    assert b"<script>x" not in response.content


def test_alerts_match_like_the_search_page_and_are_sent_at_most_weekly(make_service):
    old = NOW - datetime.timedelta(days=30)
    make_service("Swimming club", first_published_at=old, last_published_at=old)
    make_service("Chess club", first_published_at=old, last_published_at=old)
    alert = SearchAlert.objects.create(
        email="parent@example.org", query_string="q=swimming", confirmed_at=old
    )
    # The first email: what matches now, as the search page would show it.
    assert send_alerts(now=NOW) == 1
    assert "Swimming club" in mail.outbox[0].body
    assert "Chess club" not in mail.outbox[0].body
    assert "List-Unsubscribe" in mail.outbox[0].extra_headers
    alert.refresh_from_db()
    assert alert.last_sent_at == NOW
    # A new match three days later waits for the week to pass.
    fresh = NOW + datetime.timedelta(days=3)
    make_service("Swimming for beginners", first_published_at=fresh, last_published_at=fresh)
    assert send_alerts(now=NOW + datetime.timedelta(days=4)) == 0
    assert send_alerts(now=NOW + datetime.timedelta(days=8)) == 1
    assert "Swimming for beginners" in mail.outbox[1].body
    assert "Swimming club\n" not in mail.outbox[1].body
    # Nothing new: no email.
    assert send_alerts(now=NOW + datetime.timedelta(days=16)) == 0


def test_read_search_drops_unknown_filter_values(site_root):
    saved = read_search("q=play&type=no-such-type&age=7&sort=name&page=2")
    assert saved.query_string == "age=7&q=play"
    assert saved.query.filters == {}
