"""With production's database task queue, work waits for the worker and runs exactly once."""

from unittest import mock

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from django_tasks_db.models import DBTaskResult

from directory.models import ServiceType
from notifications.models import OutgoingEmail
from notifications.outbox import queue_email, send_pending_emails
from search.models import ServiceDocument

DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


def _work_the_queue():
    call_command("db_worker", batch=True, startup_delay=False, verbosity=0, reload=False)


@pytest.mark.django_db(transaction=True)
@override_settings(TASKS=DB_TASKS)
def test_an_email_waits_for_the_worker_and_goes_once_even_after_a_mail_outage():
    queue_email(key="ack:1", to="parent@example.org", subject="Thank you", body="Received")
    queue_email(key="ack:1", to="parent@example.org", subject="Thank you", body="Received")
    assert mail.outbox == []  # queued, not sent inside the request
    assert DBTaskResult.objects.ready().count() == 1
    with mock.patch("django.core.mail.EmailMessage.send", side_effect=ConnectionRefusedError()):
        _work_the_queue()
    assert OutgoingEmail.objects.get().status == OutgoingEmail.Status.PENDING
    # The timer's send_pending_emails queues it again once due; the worker sends it.
    OutgoingEmail.objects.update(next_attempt_at="2000-01-01T00:00Z")
    assert send_pending_emails() == 1
    _work_the_queue()
    _work_the_queue()
    assert len(mail.outbox) == 1
    assert OutgoingEmail.objects.get().status == OutgoingEmail.Status.SENT


@pytest.mark.django_db(transaction=True)
@override_settings(TASKS=DB_TASKS)
def test_renaming_a_service_type_reindexes_its_services_in_the_worker(make_service):
    service = make_service(title="Riverside club", service_types=["short-breaks"])
    _work_the_queue()  # whatever making the service queued
    service_type = ServiceType.objects.get(slug="short-breaks")
    service_type.name = "Respite and short breaks"
    service_type.save()
    paths = set(DBTaskResult.objects.ready().values_list("task_path", flat=True))
    assert "search.tasks.reindex_services" in paths
    assert ServiceDocument.objects.get(page=service).service_types != service_type.name
    _work_the_queue()
    assert ServiceDocument.objects.get(page=service).service_types == service_type.name
