"""Figures for editors: feedback waiting for a response, time to respond, responses by status
and team."""

import statistics

from django.db.models import Count, QuerySet
from django.utils import timezone

from feedback.models import FeedbackItem
from you_said_we_did.models import ResponseFeedback, ResponsePage, ResponseStatus


def feedback_waiting() -> QuerySet[FeedbackItem]:
    """Approved feedback no response cites yet, oldest first."""
    return (
        FeedbackItem.objects.filter(
            status=FeedbackItem.Status.APPROVED, response_links__isnull=True
        )
        .exclude(kind=FeedbackItem.Kind.CHECK_BACK)
        .select_related("subject_page")
        .prefetch_related("themes")
        .order_by("submitted_at", "pk")
    )


def median_days_to_first_response() -> float | None:
    """Median days from an item arriving to the first live response citing it."""
    first: dict[int, object] = {}
    links = ResponseFeedback.objects.filter(
        page__live=True, page__first_published_at__isnull=False
    ).values_list("feedback_item_id", "feedback_item__created_date", "page__first_published_at")
    for item_id, received, published in links:
        days = (timezone.localdate(published) - received).days
        first[item_id] = min(days, first.get(item_id, days))
    return statistics.median(first.values()) if first else None


def responses_by_status() -> list[tuple[str, int]]:
    counts = dict(
        ResponsePage.objects.live().values_list("status").annotate(n=Count("pk")).order_by()
    )
    return [(label, counts.get(value, 0)) for value, label in ResponseStatus.choices]


def responses_by_team() -> list[tuple[str, int]]:
    return list(
        ResponsePage.objects.live()
        .values_list("team")
        .annotate(n=Count("pk"))
        .order_by("-n", "team")
    )
