"""The demo county's services: demo/data/services.csv, loaded through the services import.

The file has the import template's columns (oruk/spreadsheet.py) plus two of the demo's own:
`slug`, the page's address, and `review_in_days`, when the service is due for review counted from
the day the demo is loaded (negative means overdue, so the editors' review report has work), so
the demo never goes stale. Every service has at least one value of each vocabulary.
"""

import datetime

from django.utils import timezone

from directory.models import DirectoryIndexPage, ServicePage
from oruk.importing import ImportPlan, apply_import, plan_import

from .places import read_csv


def review_dates(review_in_days: int, today: datetime.date) -> dict[str, str]:
    """The template's review columns for a service due for review in this many days."""
    review_due = today + datetime.timedelta(days=review_in_days)
    last_reviewed = min(review_due - datetime.timedelta(days=365), today)
    return {"last_reviewed": last_reviewed.isoformat(), "review_due": review_due.isoformat()}


def service_rows() -> list[dict[str, str]]:
    """The demo services as import rows, review dates counted from today."""
    today = timezone.localdate()
    rows = read_csv("services.csv")
    for row in rows:
        row.update(review_dates(int(row.pop("review_in_days")), today))
    return rows


def import_and_publish(
    rows: list[dict[str, str]], directory: DirectoryIndexPage, *, in_bulk: bool = False
) -> ImportPlan:
    """Import rows as new live services; any row the import rejects is an error in the data."""
    plan = plan_import(enumerate(rows, start=2))
    rejected = [line for row in plan.rows if row.action == "reject" for line in row.problems]
    if rejected:
        raise ValueError(f"The import rejected demo services: {rejected[:5]}")
    return apply_import(plan, parent=directory, publish=True, in_bulk=in_bulk)


def import_demo_services(directory: DirectoryIndexPage) -> int:
    """Import and publish each demo service missing from the directory; returns how many."""
    existing = set(ServicePage.objects.child_of(directory).values_list("slug", flat=True))
    rows = [row for row in service_rows() if row["slug"] not in existing]
    if not rows:
        return 0
    return import_and_publish(rows, directory).count("create")
