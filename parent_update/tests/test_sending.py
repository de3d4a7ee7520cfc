"""Sending an update: batches, resume after a failure, never twice to one address, the archive."""

import datetime
from unittest import mock

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from notifications.models import OutgoingEmail
from notifications.outbox import send_pending_emails
from parent_update import sending
from parent_update.models import Sending, Subscriber

pytestmark = pytest.mark.django_db


def _subscribers(count, **fields):
    return Subscriber.objects.bulk_create(
        [Subscriber(email=f"parent{i}@example.org", **fields) for i in range(count)]
    )


def test_an_update_goes_in_batches_once_to_each_subscriber_with_unsubscribe_headers(
    make_update, monkeypatch
):
    monkeypatch.setattr(sending, "BATCH_SIZE", 3)
    _subscribers(7)
    Subscriber.objects.create(email="other@example.org", topics=["forum"])
    page = make_update(topic="news")
    batches = []
    real_queue_batch = sending.queue_batch
    monkeypatch.setattr(
        sending,
        "queue_batch",
        lambda s: batches.append(s.last_subscriber_id) or real_queue_batch(s),
    )
    record = sending.start_sending(page)
    record.refresh_from_db()
    assert len(batches) == 4  # 3 + 3 + 2 subscribers, then "no more"
    assert record.recipients == 7
    assert record.finished_at is not None
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        f"parent{i}@example.org" for i in range(7)
    )
    message = mail.outbox[0]
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    unsubscribe = message.extra_headers["List-Unsubscribe"].strip("<>")
    assert unsubscribe in message.body
    # Sending again (or resuming) sends nothing new.
    sending.start_sending(page)
    assert sending.resume_unfinished() == 0
    assert len(mail.outbox) == 7
    assert Sending.objects.order_by("pk").last().recipients == 0


def test_a_mail_failure_part_way_is_retried_without_duplicates(make_update, monkeypatch):
    monkeypatch.setattr(sending, "BATCH_SIZE", 2)
    _subscribers(5)
    page = make_update()
    real_send = mail.EmailMessage.send
    calls = {"n": 0}

    def flaky(self, *args, **kwargs):
        calls["n"] += 1
        if calls["n"] in (2, 4):
            raise ConnectionRefusedError("mail server down")
        return real_send(self, *args, **kwargs)

    with mock.patch("django.core.mail.EmailMessage.send", flaky):
        sending.start_sending(page)
    assert len(mail.outbox) == 3
    assert OutgoingEmail.objects.filter(status=OutgoingEmail.Status.PENDING).count() == 2
    send_pending_emails(now=timezone.now() + datetime.timedelta(minutes=2))
    send_pending_emails(now=timezone.now() + datetime.timedelta(days=1))
    addresses = [m.to[0] for m in mail.outbox]
    assert sorted(addresses) == sorted(f"parent{i}@example.org" for i in range(5))


def test_an_interrupted_sending_resumes_where_it_stopped(make_update, monkeypatch):
    monkeypatch.setattr(sending, "BATCH_SIZE", 2)
    _subscribers(5)
    page = make_update()
    # The worker died after the first batch: the next batch never ran.
    record = sending.Sending.objects.create(page=page)
    sending.queue_batch(record)
    assert len(mail.outbox) == 2
    assert sending.resume_unfinished() == 1
    record.refresh_from_db()
    assert record.finished_at is not None
    assert record.recipients == 5
    assert len({m.to[0] for m in mail.outbox}) == len(mail.outbox) == 5


def test_the_admin_previews_sends_a_test_and_records_the_sending(client, make_update, admin_user):
    admin_user.email = "editor@example.org"
    admin_user.save()
    _subscribers(2)
    page = make_update(title="Spring news")
    client.force_login(admin_user)
    url = reverse("parent_update_admin_send", args=[page.pk])
    response = client.get(url)
    assert b"Spring news" in response.content
    assert b"2</strong> subscribers" in response.content
    client.post(url, {"action": "test"})
    assert [m.to for m in mail.outbox] == [["editor@example.org"]]
    assert mail.outbox[0].subject.startswith("[Test]")
    client.post(url, {"action": "send"})
    assert len(mail.outbox) == 3
    assert page.sendings.get().recipients == 2


def test_someone_who_cannot_publish_cannot_send(client, make_update, django_user_model):
    page = make_update()
    user = django_user_model.objects.create_user("viewer", password="x", is_staff=True)
    from django.contrib.auth.models import Permission

    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    response = client.post(reverse("parent_update_admin_send", args=[page.pk]), {"action": "send"})
    assert response.status_code in (302, 403)
    assert not Sending.objects.exists()


def test_the_archive_and_atom_feed_list_live_updates_only(client, make_update, update_index):
    make_update(title="Published news")
    draft = make_update(title="Secret draft")
    draft.unpublish()
    response = client.get(update_index.url)
    assert b"Published news" in response.content
    assert b"Secret draft" not in response.content
    feed = client.get(update_index.url + "feed/")
    assert feed["Content-Type"].startswith("application/atom+xml")
    assert b"<title>Published news</title>" in feed.content
    assert b"Secret draft" not in feed.content
