"""Double opt-in and one-click unsubscribe for the Parent Update."""

import re
import time
from unittest import mock

import pytest
from django.core import mail, signing
from django.urls import reverse

from feedback.spam import form_started_token
from parent_update.models import Subscriber
from parent_update.tokens import CONFIRM_MAX_AGE, make_unsubscribe

pytestmark = pytest.mark.django_db


def _subscribe(client, email="parent@example.org", topics=("news",)):
    started = form_started_token(time.time() - 30)
    return client.post(
        reverse("parent_update:subscribe"),
        {"email": email, "topics": list(topics), "started": started, "website": ""},
    )


def _link(message, name="confirm") -> str:
    match = re.search(rf"http://testserver(/parent-update/{name}/[^\s]+/)", message.body)
    assert match, message.body
    return match.group(1)


def test_subscribe_page_tells_under_13s_and_what_we_keep(client, site_root):
    response = client.get(reverse("parent_update:subscribe"))
    assert b"under 13, please ask a parent or carer" in response.content
    assert b"only while you are subscribed" in response.content


def test_nothing_is_stored_until_the_link_is_followed(client, site_root):
    response = _subscribe(client)
    assert response.status_code == 302
    assert Subscriber.objects.count() == 0
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["parent@example.org"]
    confirm = _link(mail.outbox[0])
    # GET shows a button (link scanners must not confirm); POST confirms.
    assert client.get(confirm).status_code == 200
    assert Subscriber.objects.count() == 0
    response = client.post(confirm)
    assert b"You are subscribed" in response.content
    subscriber = Subscriber.objects.get()
    assert subscriber.email == "parent@example.org"
    assert subscriber.topics == ["news"]


def test_a_confirmation_link_used_twice_says_so(client, site_root):
    _subscribe(client)
    confirm = _link(mail.outbox[0])
    client.post(confirm)
    response = client.post(confirm)
    assert response.status_code == 200
    assert b"already subscribed" in response.content
    assert Subscriber.objects.count() == 1


def test_an_expired_or_tampered_confirmation_link_is_a_plain_message(client, site_root):
    _subscribe(client)
    confirm = _link(mail.outbox[0])
    with mock.patch(
        "django.core.signing.time.time", return_value=time.time() + CONFIRM_MAX_AGE + 60
    ):
        response = client.post(confirm)
    assert response.status_code == 400
    assert b"expired" in response.content
    response = client.post(confirm.replace("/confirm/", "/confirm/x"))
    assert response.status_code == 400
    assert b"not complete" in response.content
    assert Subscriber.objects.count() == 0


def test_subscribing_twice_sends_no_second_confirmation_the_same_day(client, site_root):
    _subscribe(client)
    _subscribe(client, email="Parent@Example.org ")
    assert len(mail.outbox) == 1


def test_an_already_subscribed_address_is_told_not_subscribed_again(client, site_root):
    Subscriber.objects.create(email="parent@example.org")
    response = _subscribe(client)
    assert response.status_code == 302
    assert Subscriber.objects.count() == 1
    assert "already get" in mail.outbox[0].subject


def test_a_bot_filling_the_honeypot_gets_no_email(client, site_root):
    client.post(
        reverse("parent_update:subscribe"),
        {"email": "victim@example.org", "started": form_started_token(), "website": "spam"},
    )
    assert mail.outbox == []


def test_a_bad_address_gets_a_message_next_to_the_field(client, site_root):
    response = _subscribe(client, email="not an address")
    assert response.status_code == 400
    assert b"Enter an email address in the correct format" in response.content
    assert b"govuk-error-summary" in response.content


def test_unsubscribe_deletes_the_address_and_a_second_time_is_harmless(client, site_root):
    subscriber = Subscriber.objects.create(email="parent@example.org")
    url = reverse("parent_update:unsubscribe", args=[make_unsubscribe("update", subscriber.pk)])
    assert client.get(url).status_code == 200
    assert Subscriber.objects.exists()
    # RFC 8058 one-click: a mail client POSTs without a CSRF token.
    client_without_csrf = client.__class__(enforce_csrf_checks=True)
    response = client_without_csrf.post(url, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert not Subscriber.objects.exists()
    response = client.post(url)
    assert b"not subscribed" in response.content


def test_a_tampered_unsubscribe_link_is_a_plain_message(client, site_root):
    subscriber = Subscriber.objects.create(email="parent@example.org")
    token = make_unsubscribe("update", subscriber.pk)
    for bad in (token[:-2] + "xx", signing.dumps(["update", subscriber.pk + 1], salt="other"), "x"):
        url = reverse("parent_update:unsubscribe", args=[bad])
        assert client.get(url).status_code == 400
        assert client.post(url).status_code == 400
    assert Subscriber.objects.exists()
