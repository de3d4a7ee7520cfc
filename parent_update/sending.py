"""Send a Parent Update to its subscribers: one outbox email each, queued in batches by a task.

Each batch queues the emails of the next `BATCH_SIZE` subscribers (by id) and records how far it
got, then enqueues the next batch. If anything stops it, `manage.py send_parent_updates` resumes
every unfinished sending. The outbox key per update and subscriber makes a repeat harmless.
"""

import html

from django.db import transaction
from django.tasks import task
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.html import strip_tags

from notifications.outbox import queue_email
from parent_update.links import absolute, unsubscribe_headers, unsubscribe_url
from parent_update.models import ParentUpdatePage, Sending, Subscriber
from parent_update.subscriptions import unsubscribe_token

BATCH_SIZE = 200


def render_update(page: ParentUpdatePage, unsubscribe: str) -> tuple[str, str, str]:
    """The subject, text and HTML of an update's email."""
    context = {
        "page": page,
        "page_url": absolute(page.url or ""),
        "body_text": html.unescape(strip_tags(page.body.replace("</p>", "</p>\n\n"))).strip(),
        "unsubscribe_url": unsubscribe,
    }
    return (
        f"SEND Parent Update: {page.title}",
        render_to_string("parent_update/emails/update.txt", context),
        render_to_string("parent_update/emails/update.html", context),
    )


def update_key(page: ParentUpdatePage, subscriber: Subscriber) -> str:
    return f"parent-update:{page.pk}:{subscriber.pk}"


def send_test(page: ParentUpdatePage, email: str) -> None:
    """Send the update to an editor to check it; a new key each time, it is their own address."""
    subject, body, html_body = render_update(page, unsubscribe_url("test"))
    queue_email(
        key=f"parent-update-test:{page.pk}:{email}:{timezone.now().timestamp()}",
        to=email,
        subject=f"[Test] {subject}",
        body=body,
        html_body=html_body,
    )


def audience(page: ParentUpdatePage):
    """Confirmed subscribers who want this update's topic (an empty choice means everything)."""
    return [s for s in Subscriber.objects.all() if s.wants(page.topic)]


def start_sending(page: ParentUpdatePage, user=None) -> Sending:
    """Record a sending and queue its first batch (from a task, after this transaction)."""
    sending = Sending.objects.create(page=page, started_by=user)
    transaction.on_commit(lambda: send_batch.enqueue(sending.pk))
    return sending


def queue_batch(sending: Sending, size: int | None = None) -> bool:
    """Queue the next batch of emails; True when there were no more subscribers."""
    page = sending.page.specific
    subscribers = list(
        Subscriber.objects.filter(pk__gt=sending.last_subscriber_id).order_by("pk")[
            : size or BATCH_SIZE
        ]
    )
    if not subscribers:
        sending.finished_at = timezone.now()
        sending.save(update_fields=["finished_at"])
        return True
    queued = 0
    with transaction.atomic():
        for subscriber in subscribers:
            if not subscriber.wants(page.topic):
                continue
            token = unsubscribe_token(subscriber)
            subject, body, html_body = render_update(page, unsubscribe_url(token))
            email = queue_email(
                key=update_key(page, subscriber),
                to=subscriber.email,
                subject=subject,
                body=body,
                html_body=html_body,
                headers=unsubscribe_headers(token),
            )
            if email.created_at >= sending.started_at:
                queued += 1
        sending.last_subscriber_id = subscribers[-1].pk
        sending.recipients += queued
        sending.save(update_fields=["last_subscriber_id", "recipients"])
    return False


@task()
def send_batch(sending_id: int) -> str:
    """Queue one batch of a sending, then enqueue the next until every subscriber is done."""
    sending = Sending.objects.filter(pk=sending_id, finished_at__isnull=True).first()
    if sending is None:
        return "finished"
    if queue_batch(sending):
        return "finished"
    send_batch.enqueue(sending_id)
    return "batch queued"


def resume_unfinished() -> int:
    """Carry on every sending that stopped part-way. Returns how many there were."""
    pending = list(Sending.objects.filter(finished_at__isnull=True).values_list("pk", flat=True))
    for pk in pending:
        send_batch.enqueue(pk)
    return len(pending)
