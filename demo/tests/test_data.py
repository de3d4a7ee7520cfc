"""The demo's data files: services in the import template's columns, review dates that never
go stale, and generated services that the import accepts."""

import datetime

from demo.places import read_csv
from demo.services import review_dates
from oruk.spreadsheet import columns


def test_services_file_has_the_import_templates_columns_plus_two_of_its_own():
    header = list(read_csv("services.csv")[0])
    template = [c for c in columns(1, 3) if c not in ("last_reviewed", "review_due")]
    assert [c for c in header if c in template] == template
    assert set(header) - set(template) == {"slug", "review_in_days"}


def test_review_dates_count_from_the_day_of_loading():
    today = datetime.date(2026, 1, 31)
    assert review_dates(-10, today) == {"last_reviewed": "2025-01-21", "review_due": "2026-01-21"}
    # A review due more than a year away was never in the future.
    assert review_dates(400, today) == {"last_reviewed": "2026-01-31", "review_due": "2027-03-07"}


def test_the_demo_has_services_young_people_can_go_to_without_a_parent_or_carer():
    alone = {row["title"] for row in read_csv("services.csv") if row["without_parent"] == "yes"}
    assert {
        "Friday Night Club for disabled young people, Rugford",
        "Include Sport football for all",
        "Spotlight inclusive drama group, Kidsbury",
        "Wheelchair basketball, Lymebrook",
        "1st Ankerton Scouts inclusive group",
        "Autistic teens online meet-up",
        "Cheadwell youth mental health drop-in",
    } == alone
