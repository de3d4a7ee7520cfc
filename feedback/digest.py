"""The weekly feedback digest: one email per service owner (the page owner) and per moderator.

Owners get the new items about the services they own; moderators get every new item. Each
person gets at most one digest a week (recorded in FeedbackDigest, and keyed by week and person
in the outbox), so running the command twice sends nothing new. The email lists when, where and
what kind, with a link to each item in the admin; it never carries the comment itself (email is
copied and kept beyond our control).
Safeguarding concerns are never in a digest: their contact is told at once.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from feedback.dashboard import week_start
from feedback.models import FeedbackDigest, FeedbackItem
from feedback.permissions import moderators
from notifications.outbox import queue_email


@dataclass
class DigestResult:
    week_start: datetime.date
    sent_to: list[str] = field(default_factory=list)
    skipped_already_sent: list[str] = field(default_factory=list)


def items_for_digest(now: datetime.datetime) -> list[FeedbackItem]:
    """Feedback received in the 7 days before `now`, safeguarding concerns left out."""
    return list(
        FeedbackItem.objects.filter(
            submitted_at__gte=now - datetime.timedelta(days=7), submitted_at__lt=now
        )
        .exclude(status=FeedbackItem.Status.SAFEGUARDING)
        .select_related("subject_page__owner")
        .order_by("submitted_at", "pk")
    )


def recipients_for(items: list[FeedbackItem]) -> dict:
    """Each recipient user with the items they should hear about."""
    by_user: dict = defaultdict(list)
    for moderator in moderators():
        by_user[moderator] = list(items)
    for item in items:
        owner = item.subject_page.owner if item.subject_page else None
        if owner is not None and owner.is_active and item not in by_user[owner]:
            by_user[owner].append(item)
    return {
        user: sorted(found, key=lambda i: (i.submitted_at, i.pk))
        for user, found in by_user.items()
        if found
    }


def _count(items: list[FeedbackItem]) -> str:
    return f"{len(items)} new feedback item{'' if len(items) == 1 else 's'}"


def _admin_link(item: FeedbackItem) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
        "feedback_admin:item", args=[item.pk]
    )


def digest_body(user, items: list[FeedbackItem]) -> str:
    """The plain-text email for one person."""
    name = user.get_full_name() or user.get_username()
    lines = [
        f"Hello {name},",
        "",
        f"{_count(items)} arrived in the last 7 days.",
        "",
    ]
    for item in items:
        about = item.subject_page.title if item.subject_page else item.get_kind_display()
        rating = f", rating {item.rating} of 5" if item.rating else ""
        lines.append(
            f"- {timezone.localtime(item.submitted_at):%a %d %b}: {about}"
            f" ({item.get_topic_display() or 'no topic'}{rating})"
        )
        lines.append(f"  {_admin_link(item)}")
    lines += ["", "Sign in to the admin to read them."]
    return "\n".join(lines)


def send_weekly_digests(
    now: datetime.datetime | None = None, dry_run: bool = False
) -> DigestResult:
    """Send this week's digests to everyone who has not had one yet; return who got one."""
    now = now or timezone.now()
    week = week_start(timezone.localdate(now))
    result = DigestResult(week_start=week)
    recipients = recipients_for(items_for_digest(now))
    already = set(
        FeedbackDigest.objects.filter(week_start=week, recipient__in=list(recipients)).values_list(
            "recipient_id", flat=True
        )
    )
    for user, items in recipients.items():
        if not user.email:
            continue
        if user.pk in already:
            result.skipped_already_sent.append(user.email)
            continue
        if dry_run:
            result.sent_to.append(user.email)
            continue
        try:
            with transaction.atomic():
                # Record first: a second run at the same moment cannot send it again.
                FeedbackDigest.objects.create(
                    recipient=user, week_start=week, sent_at=now, item_count=len(items)
                )
                queue_email(
                    key=f"feedback-digest:{week.isoformat()}:{user.pk}",
                    to=user.email,
                    subject=f"Feedback this week: {_count(items)}",
                    body=digest_body(user, items),
                )
        except IntegrityError:
            result.skipped_already_sent.append(user.email)
            continue
        result.sent_to.append(user.email)
    return result
