"""The statutory register (regulation 56): comments received in a period and the responses.

`build_register()` makes an edition's contents from approved feedback only, identifying no one:
only the moderated `public_text` of people who agreed to be quoted, never a name, an email
address, the original words or a safeguarding item. A district, theme or group of writers with
fewer items than the small-numbers threshold is not shown apart. Vexatious and individual-case
items are left out, and only counted.
"""

import datetime
from collections import Counter, defaultdict

from django.db.models import Q
from django.utils import timezone

from directory.exports import csv_text
from feedback.models import FeedbackItem
from you_said_we_did.models import RegisterEditionPage, ResponsePage

NOT_GIVEN = "Not given"
OTHER_THEMES = "Other comments"
WARN_AFTER_DAYS = 334  # about 11 months
OVERDUE_AFTER_DAYS = 365


def _period_items(start: datetime.date, end: datetime.date):
    return FeedbackItem.objects.filter(created_date__gte=start, created_date__lte=end).exclude(
        kind=FeedbackItem.Kind.CHECK_BACK
    )


def _breakout(counter: Counter, threshold: int, other_label: str) -> list[dict]:
    """Groups at or above the threshold by name; the rest merged (never named)."""
    shown = [
        {"name": name, "count": n}
        for name, n in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))
        if n >= threshold
    ]
    rest = sum(n for n in counter.values() if n < threshold)
    if rest:
        shown.append({"name": other_label, "count": rest})
    return shown


def _responses_for(items: list[FeedbackItem]) -> list[dict]:
    responses = (
        ResponsePage.objects.live()
        .filter(feedback_links__feedback_item__in=items)
        .distinct()
        .order_by("title")
    )
    return [
        {
            "title": r.title,
            "url": r.url or "",
            "status": r.get_status_display(),
            "we_did": r.we_did,
            "expected": r.expected_on.isoformat() if r.expected_on else "",
        }
        for r in responses
    ]


def build_register(start: datetime.date, end: datetime.date, threshold: int = 5) -> dict:
    """An edition's contents as plain data (kept as a snapshot on the page)."""
    threshold = max(1, threshold)
    period = _period_items(start, end)
    rejected = period.filter(status=FeedbackItem.Status.REJECTED)
    excluded = {
        "vexatious": rejected.filter(
            rejection_reason=FeedbackItem.RejectionReason.VEXATIOUS
        ).count(),
        "individual_case": rejected.filter(
            rejection_reason=FeedbackItem.RejectionReason.INDIVIDUAL_CASE
        ).count(),
        "other": rejected.filter(
            ~Q(
                rejection_reason__in=[
                    FeedbackItem.RejectionReason.VEXATIOUS,
                    FeedbackItem.RejectionReason.INDIVIDUAL_CASE,
                ]
            )
        ).count(),
    }
    items = list(
        period.filter(status=FeedbackItem.Status.APPROVED)
        .select_related("district")
        .prefetch_related("themes")
        .order_by("submitted_at", "pk")
    )
    topics = []
    topic_labels = [(value, label) for value, label in FeedbackItem.Topic.choices]
    topic_labels.append(("", NOT_GIVEN))
    for value, label in topic_labels:
        in_topic = [item for item in items if item.topic == value]
        if not in_topic:
            continue
        by_theme: dict[str, list[FeedbackItem]] = defaultdict(list)
        for item in in_topic:
            names = sorted(theme.name for theme in item.themes.all()) or [OTHER_THEMES]
            by_theme[names[0]].append(item)
        groups: dict[str, list[FeedbackItem]] = defaultdict(list)
        for name, members in by_theme.items():
            groups[name if len(members) >= threshold else OTHER_THEMES].extend(members)
        themes = []
        for name in sorted(groups, key=lambda n: (n == OTHER_THEMES, n)):
            members = groups[name]
            themes.append(
                {
                    "name": name,
                    "count": len(members),
                    "comments": [
                        item.public_text.strip()
                        for item in members
                        if item.publish_consent and item.public_text.strip()
                    ],
                    "responses": _responses_for(members),
                }
            )
        topics.append({"key": value, "label": label, "count": len(in_topic), "themes": themes})
    return {
        "period_start": start.isoformat(),
        "period_end": end.isoformat(),
        "threshold": threshold,
        "total": len(items),
        "excluded": excluded,
        "topics": topics,
        "districts": _breakout(
            Counter(item.district.name if item.district else NOT_GIVEN for item in items),
            threshold,
            "Other districts",
        ),
        "writers": _breakout(
            Counter(item.get_writer_display() or NOT_GIVEN for item in items),
            threshold,
            "Others",
        ),
    }


def register_csv(edition: RegisterEditionPage) -> str:
    """The edition as CSV: one row per comment or response, every cell formula-safe."""
    rows = []
    for topic in edition.content.get("topics", []):
        for theme in topic["themes"]:
            base = [topic["label"], theme["name"], theme["count"]]
            rows += [[*base, "Comment", comment, "", ""] for comment in theme["comments"]]
            rows += [
                [*base, "Response", f"{r['title']}: {r['we_did']}", r["status"], r["expected"]]
                for r in theme["responses"]
            ]
            if not theme["comments"] and not theme["responses"]:
                rows.append([*base, "", "", "", ""])
    headings = ["Topic", "Theme", "Comments in group", "Kind", "Text", "Status", "Expected"]
    return csv_text(headings, rows)


def last_published_edition() -> RegisterEditionPage | None:
    return (
        RegisterEditionPage.objects.live()
        .filter(first_published_at__isnull=False)
        .order_by("-first_published_at")
        .first()
    )


def register_staleness(now: datetime.datetime | None = None) -> dict | None:
    """A warning for the dashboard from 11 months after the last edition; None when fresh."""
    now = now or timezone.now()
    last = last_published_edition()
    if last is None:
        return {"level": "overdue", "days": None, "edition": None}
    days = (now - last.first_published_at).days
    if days < WARN_AFTER_DAYS:
        return None
    level = "overdue" if days >= OVERDUE_AFTER_DAYS else "due"
    return {"level": level, "days": days, "edition": last, "overdue_by": days - OVERDUE_AFTER_DAYS}
