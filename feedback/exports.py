"""CSV export of feedback items, with or without personal data, safe to open in a spreadsheet."""

from collections.abc import Iterable, Iterator

from django.utils import timezone

from directory.exports import csv_lines
from feedback.models import FeedbackItem

COLUMNS: list[tuple[str, str]] = [
    ("ID", "pk"),
    ("Received", "received"),
    ("Form", "kind"),
    ("Service", "service"),
    ("Topic", "topic"),
    ("Who is writing", "writer"),
    ("District", "district"),
    ("Rating (1 to 5)", "rating"),
    ("Comment", "comment"),
    ("Public version", "public_text"),
    ("Status", "status"),
    ("Rejection reason", "rejection_reason"),
    ("Rejection note", "rejection_note"),
    ("Themes", "themes"),
    ("Wants a reply", "wants_response"),
    ("May publish their words", "publish_consent"),
]
PERSONAL_COLUMNS: list[tuple[str, str]] = [
    ("Email", "email"),
    ("Account", "account"),
]


def _yes_no(value: bool) -> str:
    return "yes" if value else "no"


def item_values(item: FeedbackItem, *, include_personal_data: bool) -> dict[str, object]:
    """One item's export values by column key (personal data only when asked for)."""
    values: dict[str, object] = {
        "pk": item.pk,
        "received": timezone.localtime(item.submitted_at).strftime("%Y-%m-%d %H:%M"),
        "kind": item.get_kind_display(),
        "service": item.subject_page.title if item.subject_page else "",
        "topic": item.get_topic_display(),
        "writer": item.get_writer_display(),
        "district": item.district.name if item.district else "",
        "rating": item.rating or "",
        "comment": item.comment,
        "public_text": item.public_text,
        "status": item.get_status_display(),
        "rejection_reason": item.get_rejection_reason_display(),
        "rejection_note": item.rejection_note,
        "themes": ", ".join(theme.name for theme in item.themes.all()),
        "wants_response": _yes_no(item.wants_response),
        "publish_consent": _yes_no(item.publish_consent),
    }
    if include_personal_data:
        values["email"] = item.email
        values["account"] = item.user.get_username() if item.user_id and item.user else ""
    return values


def feedback_csv_rows(
    items: Iterable[FeedbackItem], *, include_personal_data: bool
) -> Iterator[str]:
    """CSV lines (header first) for `items`; every cell escaped against formula injection."""
    columns = COLUMNS + (PERSONAL_COLUMNS if include_personal_data else [])
    values = (item_values(item, include_personal_data=include_personal_data) for item in items)
    rows = ([row[key] for _, key in columns] for row in values)
    lines = csv_lines([heading for heading, _ in columns], rows)
    # A byte order mark makes Excel read the file as UTF-8.
    yield "\ufeff" + next(lines)
    yield from lines
