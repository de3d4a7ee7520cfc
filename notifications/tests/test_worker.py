"""The task worker waits out a database outage and then works the queue (no restart needed)."""

import signal
import socket
import threading
from unittest import mock

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import OperationalError, connection
from django.test import override_settings
from django_tasks_db.management.commands.db_worker import Command as UpstreamCommand

from notifications.models import OutgoingEmail
from notifications.outbox import queue_email

DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def restore_signals():
    """The worker installs its own SIGINT/SIGTERM handlers; put pytest's back afterwards."""
    saved = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM)}
    yield
    for sig, handler in saved.items():
        signal.signal(sig, handler)


@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True)
@override_settings(TASKS=DB_TASKS)
def test_the_worker_survives_postgresql_being_unreachable_and_then_sends_the_email(
    restore_signals,
):
    queue_email(key="outage:1", to="parent@example.org", subject="Thank you", body="Received")
    # PostgreSQL goes away: the worker's connection is closed and every new one is refused.
    real_port = connection.settings_dict["PORT"]
    connection.close()
    connection.settings_dict["PORT"] = _closed_port()
    # It comes back after 2 seconds, as after a restart.
    back = threading.Timer(2.0, connection.settings_dict.__setitem__, ("PORT", real_port))
    back.start()
    try:
        call_command(
            "db_worker",
            max_tasks=1,
            interval=0.1,
            startup_delay=False,
            reload=False,
            verbosity=0,
        )
    finally:
        back.cancel()
        connection.settings_dict["PORT"] = real_port
    assert [m.to for m in mail.outbox] == [["parent@example.org"]]
    assert OutgoingEmail.objects.get().status == OutgoingEmail.Status.SENT


@override_settings(TASKS=DB_TASKS)
def test_the_worker_waits_longer_each_time_and_a_batch_run_still_stops_on_the_error():
    refused = OperationalError("connection refused")
    with (
        mock.patch.object(UpstreamCommand, "handle", side_effect=[refused, refused, None]) as run,
        mock.patch("time.sleep") as sleep,
    ):
        call_command("db_worker", startup_delay=False, reload=False, verbosity=0)
    assert run.call_count == 3
    assert [c.args[0] for c in sleep.call_args_list] == [1.0, 2.0]
    with (
        mock.patch.object(UpstreamCommand, "handle", side_effect=refused),
        pytest.raises(OperationalError),
    ):
        call_command("db_worker", batch=True, startup_delay=False, reload=False, verbosity=0)
