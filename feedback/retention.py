"""Retention: personal data on feedback is erased after the configured number of months.

The comment, its public version and the moderation log stay (they identify no one by
themselves); the email address and the link to an account go. "What was missing?" answers,
raw public text, are deleted outright.
"""

import calendar
import datetime
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from feedback import moderation
from feedback.models import FeedbackItem, HelpfulnessComment
from feedback.safeguarding import current_feedback_settings


@dataclass(frozen=True)
class ErasureResult:
    cutoff: datetime.datetime
    item_ids: list[int]
    dry_run: bool
    # "What was missing?" answers deleted (raw public text, which may name someone).
    missing_answers: int = 0

    @property
    def count(self) -> int:
        return len(self.item_ids)


def months_before(moment: datetime.datetime, months: int) -> datetime.datetime:
    """The same day and time `months` calendar months earlier (clamped to the month's end)."""
    month_index = moment.year * 12 + (moment.month - 1) - months
    year, month = divmod(month_index, 12)
    day = min(moment.day, calendar.monthrange(year, month + 1)[1])
    return moment.replace(year=year, month=month + 1, day=day)


def items_due_for_erasure(cutoff: datetime.datetime) -> QuerySet[FeedbackItem]:
    """Items received before `cutoff` that still hold personal data."""
    return (
        FeedbackItem.objects.filter(submitted_at__lt=cutoff, personal_data_erased_at__isnull=True)
        .filter(~Q(email="") | Q(user__isnull=False))
        .order_by("pk")
    )


def erase_personal_data(
    *, now: datetime.datetime | None = None, months: int | None = None, dry_run: bool = False
) -> ErasureResult:
    """Erase email and account links on items older than the retention period; idempotent.

    `months` defaults to FeedbackSettings.retention_months (12 unless changed). Each erased item
    gets `personal_data_erased_at` and a log entry by the system.
    """
    now = now or timezone.now()
    months = months if months is not None else current_feedback_settings().retention_months
    cutoff = months_before(now, months)
    ids = list(items_due_for_erasure(cutoff).values_list("pk", flat=True))
    old_answers = HelpfulnessComment.objects.filter(submitted_at__lt=cutoff)
    if dry_run:
        return ErasureResult(cutoff, ids, dry_run, old_answers.count())
    answers_deleted, _ = old_answers.delete()
    if not ids:
        return ErasureResult(cutoff, ids, dry_run, answers_deleted)
    with transaction.atomic():
        FeedbackItem.objects.filter(pk__in=ids).update(
            email="", user=None, personal_data_erased_at=now
        )
        moderation.log_erasures(
            ids, reason=f"Older than the retention period ({months} months)", now=now
        )
    return ErasureResult(cutoff, ids, False, answers_deleted)
