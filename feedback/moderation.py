"""Moderation actions on feedback items: approve, redact, reject, flag, tag, and their log.

Each action checks the item's state, changes it, and writes one ModerationLogEntry saying who
did what and why, in one transaction. Views call these functions; nothing else changes an
item's moderation state. The submitter's own words (`comment`) are never changed here.
Every log entry, from any app, is written by `log` (or `log_erasures` for many at once).

The email to the safeguarding contact carries a link to the item in the admin and the matched
phrases, never the comment itself: email is copied, forwarded and kept in places this site cannot
protect, and the words of a child at risk belong behind the admin's login.
"""

import datetime
import logging
from collections.abc import Iterable
from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone
from wagtail.models import Site

from feedback.models import FeedbackItem, FeedbackSettings, ModerationLogEntry, Theme
from feedback.safeguarding import admin_url_for, current_feedback_settings
from notifications.models import OutgoingEmail
from notifications.outbox import deliver_email, queue_email

logger = logging.getLogger(__name__)

Action = ModerationLogEntry.Action
Status = FeedbackItem.Status
Reason = FeedbackItem.RejectionReason


class ModerationError(Exception):
    """An action that the item's state or the moderator's input does not allow."""


@dataclass(frozen=True)
class ComplaintsProcess:
    """Where to send someone whose feedback is about their own case (regulation 56(4))."""

    text: str
    url: str


@dataclass(frozen=True)
class RejectionOutcome:
    item: FeedbackItem
    complaints: ComplaintsProcess | None
    submitter_emailed: bool


def complaints_process(site: Site | None = None) -> ComplaintsProcess:
    """The configured complaints-process text and the URL of the complaints page."""
    config = FeedbackSettings.for_site(site) if site else current_feedback_settings()
    page = config.complaints_page
    url = page.specific.full_url if page and page.live else ""
    return ComplaintsProcess(text=config.complaints_text, url=url or "")


def log(
    item: FeedbackItem,
    user: AbstractBaseUser | None,
    action: str,
    *,
    reason: str = "",
    details: str = "",
    before: str = "",
    after: str = "",
) -> ModerationLogEntry:
    """Record one thing that happened to `item` (user None means the system did it)."""
    return ModerationLogEntry.objects.create(
        item=item,
        user=user if user is not None and user.is_authenticated else None,
        action=action,
        reason=reason,
        details=details,
        before=before,
        after=after,
    )


def log_erasures(item_ids: Iterable[int], *, reason: str, now: datetime.datetime) -> None:
    """Record, for each item, that the system erased the writer's email and account link."""
    ModerationLogEntry.objects.bulk_create(
        ModerationLogEntry(
            item_id=pk,
            timestamp=now,
            action=Action.PERSONAL_DATA_ERASED,
            reason=reason,
            details="Email address and account link deleted; the comment is kept.",
        )
        for pk in item_ids
    )


def _refuse_if_safeguarding(item: FeedbackItem, doing: str) -> None:
    if item.status == Status.SAFEGUARDING:
        raise ModerationError(
            f"This item is a safeguarding concern, so it cannot be {doing}. "
            "A safeguarding lead must remove the flag first."
        )


def _set_public_text(
    item: FeedbackItem, user: AbstractBaseUser, public_text: str, reason: str
) -> bool:
    """Change the public version, logging before and after; False if nothing changed."""
    before = item.public_text or item.comment
    if public_text == before.strip():
        return False
    item.public_text = public_text
    log(item, user, Action.REDACTED, reason=reason, before=before, after=public_text)
    return True


@transaction.atomic
def approve(
    item: FeedbackItem,
    user: AbstractBaseUser,
    *,
    public_text: str | None = None,
    reason: str = "",
) -> FeedbackItem:
    """Approve the item for publication, optionally with an edited (redacted) public version.

    Without `public_text` the public version is the existing one, or the comment itself.
    When the writer did not agree to publication of their words, the public version must be a
    moderator's own summary, not the comment word for word.
    """
    _refuse_if_safeguarding(item, "approved")
    text = (public_text if public_text is not None else item.public_text or item.comment).strip()
    if not text:
        raise ModerationError("Enter the public version of this feedback.")
    if not item.publish_consent and text == item.comment.strip():
        raise ModerationError(
            "The writer did not agree to their words being published. "
            "Write a short summary in your own words as the public version."
        )
    reason = reason.strip()
    if text != (item.public_text or item.comment).strip():
        if not reason and not item.publish_consent:
            reason = "A summary: the writer did not agree to their words being published"
        if not reason:
            raise ModerationError("Say why you changed the public version.")
        _set_public_text(item, user, text, reason)
    item.public_text = text
    previous = item.get_status_display()
    item.status = Status.APPROVED
    item.rejection_reason = ""
    item.rejection_note = ""
    item.save(update_fields=["public_text", "status", "rejection_reason", "rejection_note"])
    log(item, user, Action.APPROVED, reason=reason, before=previous, after=text)
    return item


@transaction.atomic
def redact(
    item: FeedbackItem, user: AbstractBaseUser, *, public_text: str, reason: str
) -> FeedbackItem:
    """Edit the public version (for example to remove a name); the original is kept."""
    _refuse_if_safeguarding(item, "redacted")
    public_text = public_text.strip()
    reason = reason.strip()
    if not public_text:
        raise ModerationError("Enter the public version of this feedback.")
    if not reason:
        raise ModerationError("Say why you changed the public version.")
    if _set_public_text(item, user, public_text, reason):
        item.save(update_fields=["public_text"])
    return item


@transaction.atomic
def reject(
    item: FeedbackItem,
    user: AbstractBaseUser,
    *,
    reason: str,
    note: str = "",
    site: Site | None = None,
) -> RejectionOutcome:
    """Reject the item with a reason (regulation 56(4)); it will never be published.

    An item about an individual case is routed to the complaints process: the outcome carries
    the complaints text for the moderator, and the writer is emailed it if they asked for a reply.
    """
    _refuse_if_safeguarding(item, "rejected")
    if reason not in Reason.values:
        raise ModerationError("Choose why this feedback is rejected.")
    note = note.strip()
    if reason == Reason.OTHER and not note:
        raise ModerationError("Say why this feedback is rejected.")
    previous = item.get_status_display()
    item.status = Status.REJECTED
    item.rejection_reason = reason
    item.rejection_note = note
    item.save(update_fields=["status", "rejection_reason", "rejection_note"])
    rejection = log(
        item,
        user,
        Action.REJECTED,
        reason=f"{Reason(reason).label}" + (f": {note}" if note else ""),
        before=previous,
        after=item.get_status_display(),
    )
    complaints = None
    emailed = False
    if reason == Reason.INDIVIDUAL_CASE:
        complaints = complaints_process(site)
        if item.wants_response and item.email:
            _email_complaints_process(item, complaints, rejection)
            emailed = True
            log(item, user, Action.NOTE, details="Emailed the writer how to make a complaint.")
    return RejectionOutcome(item=item, complaints=complaints, submitter_emailed=emailed)


def _email_complaints_process(
    item: FeedbackItem, complaints: ComplaintsProcess, rejection: ModerationLogEntry
) -> None:
    lines = [
        "Thank you for your feedback.",
        "",
        "What you told us is about your own situation, so we cannot answer it through the "
        "Local Offer feedback. You can get it looked at properly through our complaints process.",
        "",
        complaints.text,
    ]
    if complaints.url:
        lines += ["", f"How to make a complaint: {complaints.url}"]
    queue_email(
        key=f"feedback-complaints-process:{item.pk}:{rejection.pk}",
        to=item.email,
        subject="Your feedback: how to make a complaint",
        body="\n".join(lines),
    )


def notify_safeguarding_contact(
    item: FeedbackItem, *, user=None, manual: bool = False, event: str = ""
) -> bool:
    """Email the named safeguarding contact about `item` now, and log it. True if sent.

    The email names the matched phrases and links to the item in the admin; it does not carry
    the comment (see the module docstring). Used by the automatic screen and by moderators.
    It goes through the outbox (once per item and `event`; retried if the mail server is down)
    but is sent at once, here, rather than waiting for the task worker.
    """
    feedback_settings = current_feedback_settings()
    recipient = feedback_settings.safeguarding_contact_email
    if not recipient:
        logger.error("Feedback %s flagged for safeguarding but no contact is set.", item.pk)
        return False
    how = "by a moderator" if manual else "automatically"
    terms = ", ".join(item.safeguarding_terms) or "none (flagged by a person)"
    event = event or (f"manual-{timezone.now():%Y%m%d%H%M%S%f}" if manual else "auto")
    email = queue_email(
        key=f"safeguarding-alert:{item.pk}:{event}",
        to=recipient,
        subject=f"Urgent: feedback {item.pk} flagged as a safeguarding concern",
        body=(
            f"Feedback {item.pk} was flagged {how} as a possible safeguarding concern.\n\n"
            f"Received: {timezone.localtime(item.submitted_at):%d %B %Y at %H:%M}\n"
            f"Form: {item.get_kind_display()}\n"
            f"Matched words: {terms}\n"
            f"The person asked for a reply: {'yes' if item.wants_response else 'no'}\n\n"
            f"Read it in the admin (sign in needed):\n{admin_url_for(item)}\n\n"
            "The comment is not included in this email to keep it safe.\n"
        ),
    )
    deliver_email.call(email.pk)
    email.refresh_from_db(fields=["status"])
    if email.status != OutgoingEmail.Status.SENT:
        # The item is already stored and flagged, and the outbox tries again; never a 500.
        logger.error("Could not email the safeguarding contact about feedback %s", item.pk)
        return False
    item.safeguarding_notified_at = timezone.now()
    item.save(update_fields=["safeguarding_notified_at"])
    log(item, user, Action.SAFEGUARDING_NOTIFIED, details=f"Emailed {recipient}")
    return True


@transaction.atomic
def flag_safeguarding(item: FeedbackItem, user: AbstractBaseUser, *, reason: str) -> FeedbackItem:
    """Flag the item as a safeguarding concern: out of the queue, never published, contact emailed.

    The safeguarding contact is emailed at once, even if the item was flagged before.
    """
    reason = reason.strip()
    if not reason:
        raise ModerationError("Say why this is a safeguarding concern.")
    previous = item.get_status_display()
    item.status = Status.SAFEGUARDING
    if not item.safeguarding_flag:
        item.safeguarding_flag = FeedbackItem.SafeguardingFlag.MANUAL
    item.save(update_fields=["status", "safeguarding_flag"])
    flagged = log(
        item, user, Action.FLAGGED, reason=reason, before=previous, after=item.get_status_display()
    )
    notify_safeguarding_contact(item, user=user, manual=True, event=f"flag-{flagged.pk}")
    return item


@transaction.atomic
def unflag_safeguarding(item: FeedbackItem, user: AbstractBaseUser, *, reason: str) -> FeedbackItem:
    """Return a flagged item to the queue (for example a false alarm from the word list)."""
    reason = reason.strip()
    if item.status != Status.SAFEGUARDING:
        raise ModerationError("This item is not flagged as a safeguarding concern.")
    if not reason:
        raise ModerationError("Say why this is not a safeguarding concern.")
    item.status = Status.NEW
    item.save(update_fields=["status"])
    log(
        item,
        user,
        Action.UNFLAGGED,
        reason=reason,
        before=Status.SAFEGUARDING.label,
        after=item.get_status_display(),
    )
    return item


@transaction.atomic
def reopen(item: FeedbackItem, user: AbstractBaseUser, *, reason: str = "") -> FeedbackItem:
    """Put an approved or rejected item back in the queue as new."""
    _refuse_if_safeguarding(item, "returned to the queue")
    if item.status == Status.NEW:
        raise ModerationError("This item is already in the queue.")
    previous = item.get_status_display()
    item.status = Status.NEW
    item.save(update_fields=["status"])
    log(item, user, Action.REOPENED, reason=reason, before=previous, after=Status.NEW.label)
    return item


@transaction.atomic
def set_themes(item: FeedbackItem, user: AbstractBaseUser, themes: Iterable[Theme]) -> bool:
    """Tag the item with exactly these themes; logs the change. False if nothing changed."""
    new = sorted(set(themes), key=lambda theme: theme.name)
    old = sorted(item.themes.all(), key=lambda theme: theme.name)
    if [t.pk for t in new] == [t.pk for t in old]:
        return False
    item.themes.set(new)
    log(
        item,
        user,
        Action.THEMES_CHANGED,
        before=", ".join(t.name for t in old),
        after=", ".join(t.name for t in new),
    )
    return True


@transaction.atomic
def add_note(item: FeedbackItem, user: AbstractBaseUser, *, note: str) -> ModerationLogEntry:
    """A moderator's note on the item, kept in its log."""
    note = note.strip()
    if not note:
        raise ModerationError("Enter a note.")
    return log(item, user, Action.NOTE, details=note)
