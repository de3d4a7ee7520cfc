"""Send an email once per person and event, from a task, retried with backoff until it goes.

`queue_email()` records the email in the outbox (a second call with the same key changes
nothing) and, once the surrounding transaction commits, enqueues `deliver_email`. The task sends
it through Django's email backend and marks it sent; if the mail server is down the email stays
pending with a later `next_attempt_at`, and `manage.py send_pending_emails` (run on a timer)
tries again. Nothing is lost, and a sent email is never sent again.
"""

from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.tasks import task
from django.utils import timezone

from notifications.models import OutgoingEmail

# Minutes to wait after the first, second, ... failed attempt; the last repeats.
BACKOFF_MINUTES = (1, 5, 15, 60, 240)


def queue_email(
    *,
    key: str,
    to: str,
    subject: str,
    body: str,
    html_body: str = "",
    headers: dict[str, str] | None = None,
) -> OutgoingEmail:
    """Promise to send this email once. The same `key` again returns the first promise."""
    try:
        with transaction.atomic():
            email = OutgoingEmail.objects.create(
                key=key,
                to=to,
                subject=subject,
                body=body,
                html_body=html_body,
                headers=headers or {},
            )
    except IntegrityError:
        return OutgoingEmail.objects.get(key=key)
    transaction.on_commit(lambda: deliver_email.enqueue(email.pk))
    return email


@task()
def deliver_email(email_id: int) -> str:
    """Send one outbox email if it is still pending; on failure, schedule the next try."""
    with transaction.atomic():
        email = (
            OutgoingEmail.objects.select_for_update()
            .filter(pk=email_id, status=OutgoingEmail.Status.PENDING)
            .first()
        )
        if email is None:
            return "not pending"
        message = EmailMultiAlternatives(
            subject=email.subject,
            body=email.body,
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[email.to],
            headers=email.headers,
        )
        if email.html_body:
            message.attach_alternative(email.html_body, "text/html")
        email.attempts += 1
        try:
            message.send()
        except Exception as error:  # noqa: BLE001 - any failure of the mail server is retried
            step = BACKOFF_MINUTES[min(email.attempts, len(BACKOFF_MINUTES)) - 1]
            email.next_attempt_at = timezone.now() + timedelta(minutes=step)
            email.last_error = f"{type(error).__name__}: {error}"[:2000]
            email.save(update_fields=["attempts", "next_attempt_at", "last_error"])
            return "failed"
        email.status = OutgoingEmail.Status.SENT
        email.sent_at = timezone.now()
        email.last_error = ""
        email.save(update_fields=["attempts", "status", "sent_at", "last_error"])
        return "sent"


def send_pending_emails(now=None) -> int:
    """Try again every pending email whose next attempt is due. Returns how many were tried."""
    due = OutgoingEmail.objects.filter(
        status=OutgoingEmail.Status.PENDING, next_attempt_at__lte=now or timezone.now()
    ).values_list("pk", flat=True)
    count = 0
    for pk in due:
        deliver_email.enqueue(pk)
        count += 1
    return count


# How long a sent email's address and text are kept, for answering "did you send it?".
SENT_EMAIL_RETENTION_DAYS = 30


def erase_sent_emails(now=None, days: int = SENT_EMAIL_RETENTION_DAYS) -> int:
    """Blank the address and text of emails sent more than `days` ago; returns how many.

    The row and its key stay, so the event is still known to be done and is never sent again.
    """
    cutoff = (now or timezone.now()) - timedelta(days=days)
    return (
        OutgoingEmail.objects.filter(status=OutgoingEmail.Status.SENT, sent_at__lt=cutoff)
        .exclude(to="")
        .update(to="", body="", html_body="", headers={})
    )
