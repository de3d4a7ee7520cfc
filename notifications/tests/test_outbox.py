from datetime import timedelta
from unittest import mock

import pytest
from django.core import mail
from django.utils import timezone

from notifications.models import OutgoingEmail
from notifications.outbox import queue_email, send_pending_emails

pytestmark = pytest.mark.django_db(transaction=True)


def _queue(key="ack:1:person@example.org"):
    return queue_email(key=key, to="person@example.org", subject="Hello", body="Thanks")


def test_an_email_is_sent_once_however_often_it_is_queued():
    _queue()
    _queue()
    assert len(mail.outbox) == 1
    email = OutgoingEmail.objects.get()
    assert email.status == OutgoingEmail.Status.SENT
    assert email.attempts == 1
    send_pending_emails(now=timezone.now() + timedelta(days=1))
    assert len(mail.outbox) == 1


def test_a_failed_send_stays_pending_and_goes_once_the_server_is_back():
    with mock.patch(
        "django.core.mail.EmailMessage.send", side_effect=ConnectionRefusedError("down")
    ):
        _queue()
    email = OutgoingEmail.objects.get()
    assert email.status == OutgoingEmail.Status.PENDING
    assert "down" in email.last_error
    assert mail.outbox == []
    # Not due yet: nothing is tried.
    assert send_pending_emails() == 0
    assert send_pending_emails(now=timezone.now() + timedelta(minutes=2)) == 1
    email.refresh_from_db()
    assert email.status == OutgoingEmail.Status.SENT
    assert email.attempts == 2
    assert len(mail.outbox) == 1


def test_sent_emails_lose_their_address_and_text_after_the_retention_period_but_stay_sent():
    from notifications.outbox import erase_sent_emails

    _queue()
    assert erase_sent_emails() == 0  # sent today: kept
    later = timezone.now() + timedelta(days=31)
    assert erase_sent_emails(now=later) == 1
    email = OutgoingEmail.objects.get()
    assert (email.to, email.body, email.status) == ("", "", OutgoingEmail.Status.SENT)
    # The key still stands: asking again for the same event sends nothing.
    _queue()
    assert len(mail.outbox) == 1
    assert erase_sent_emails(now=later) == 0
