"""A real local SMTP server (aiosmtpd) that is down, then refuses, then accepts: the response
email goes once it is back, and only once."""

import datetime
import socket

import pytest
from aiosmtpd.controller import Controller
from django.test import override_settings
from django.utils import timezone

from notifications.models import OutgoingEmail
from notifications.outbox import send_pending_emails
from you_said_we_did.tests.conftest import republish

pytestmark = pytest.mark.django_db


class RefusesOnceThenAccepts:
    def __init__(self):
        self.refusals_left = 1
        self.received: list[bytes] = []

    async def handle_DATA(self, server, session, envelope):
        if self.refusals_left:
            self.refusals_left -= 1
            return "451 Try again later"
        self.received.append(envelope.content)
        return "250 OK"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_the_response_email_survives_a_mail_server_outage_and_goes_once(make_item, make_response):
    port = _free_port()
    handler = RefusesOnceThenAccepts()
    asker = make_item(wants_response=True, email="parent@example.org")
    with override_settings(
        EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=port,
        EMAIL_TIMEOUT=5,
    ):
        page = make_response(items=[asker])  # nothing listening: connection refused
        email = OutgoingEmail.objects.get(key__startswith="yswd:")
        assert email.status == OutgoingEmail.Status.PENDING and email.attempts == 1

        controller = Controller(handler, hostname="127.0.0.1", port=port)
        controller.start()
        try:
            later = timezone.now() + datetime.timedelta(minutes=2)
            send_pending_emails(now=later)  # the server says 451
            email.refresh_from_db()
            assert email.status == OutgoingEmail.Status.PENDING and "451" in email.last_error

            send_pending_emails(now=later + datetime.timedelta(hours=1))
            email.refresh_from_db()
            assert email.status == OutgoingEmail.Status.SENT
            republish(page)
            send_pending_emails(now=later + datetime.timedelta(days=1))
        finally:
            controller.stop()
    assert len(handler.received) == 1
    assert b"We have responded to your feedback" in handler.received[0]
