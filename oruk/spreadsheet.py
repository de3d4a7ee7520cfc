"""The services spreadsheet: one row per service, the same columns for import and export.

Designed for council officers editing in a spreadsheet: taxonomy values are the slugs shown in
Snippets, several separated by `;`; contacts and locations are numbered column groups
(`contact_1_phone`, `location_2_postcode`); opening times read like
`Monday 09:00-17:00; Saturday 10:00-12:00 Term time only`. See docs/import-export.md.
"""

import io
from collections.abc import Iterable

from directory.exports import write_csv_dicts
from directory.models import ServicePage

from .richtext import rich_text_to_plain
from .vocabularies import VOCABULARIES

SERVICE_COLUMNS: list[str] = [
    "external_id",
    "title",
    "summary",
    "description",
    "keywords",
    "organisation",
    "service_types",
    "needs",
    "provider_type",
    "districts",
    "county_wide",
    "outside_area",
    "min_age",
    "max_age",
    "without_parent",
    "cost_type",
    "cost_details",
    "access_routes",
    "access_details",
    "delivery_methods",
    "languages",
    "accessibility_information",
    "opening_times",
    "opening_times_note",
    "last_reviewed",
    "review_due",
]
CONTACT_FIELDS: list[str] = ["name", "phone", "email", "website"]
LOCATION_FIELDS: list[str] = [
    "name",
    "address_1",
    "address_2",
    "town",
    "postcode",
    "latitude",
    "longitude",
    "accessibility_notes",
]
# The template offers this many contact and location column groups; export adds more if needed.
TEMPLATE_GROUPS = 2
MANY_TAXONOMY_COLUMNS = tuple(v.key for v in VOCABULARIES if v.many)
SEPARATOR = ";"

DAY_NAMES = {
    1: "Monday",
    2: "Tuesday",
    3: "Wednesday",
    4: "Thursday",
    5: "Friday",
    6: "Saturday",
    7: "Sunday",
}


def contact_columns(number: int) -> list[str]:
    return [f"contact_{number}_{field}" for field in CONTACT_FIELDS]


def location_columns(number: int) -> list[str]:
    return [f"location_{number}_{field}" for field in LOCATION_FIELDS]


def columns(contacts: int = TEMPLATE_GROUPS, locations: int = TEMPLATE_GROUPS) -> list[str]:
    """Every column, with this many contact and location groups."""
    names = list(SERVICE_COLUMNS)
    for number in range(1, contacts + 1):
        names += contact_columns(number)
    for number in range(1, locations + 1):
        names += location_columns(number)
    return names


def yes_no(value: bool) -> str:
    return "yes" if value else "no"


def _number(value: float | None) -> str:
    return "" if value is None else repr(float(value))


def format_opening_times(openings: Iterable) -> str:
    """`Monday 09:00-17:00; Wednesday 16:00-18:30 Term time only`."""
    parts = []
    for opening in sorted(openings, key=lambda o: (o.weekday, o.opens, o.closes)):
        part = f"{DAY_NAMES[opening.weekday]} {opening.opens:%H:%M}-{opening.closes:%H:%M}"
        parts.append(f"{part} {opening.note}" if opening.note else part)
    return f"{SEPARATOR} ".join(parts)


def service_row(page: ServicePage) -> dict[str, str]:
    """A service as one spreadsheet row (every value a string, empty when not set)."""
    row = {
        "external_id": page.external_id or str(page.uuid),
        "title": page.title,
        "summary": page.summary,
        "description": rich_text_to_plain(page.description),
        "keywords": page.keywords,
        "organisation": page.organisation.name if page.organisation else "",
        "provider_type": page.provider_type.slug if page.provider_type else "",
        "county_wide": yes_no(page.county_wide),
        "outside_area": yes_no(page.outside_area),
        "min_age": str(page.min_age),
        "max_age": str(page.max_age),
        "without_parent": yes_no(page.without_parent),
        "cost_type": page.cost_type,
        "cost_details": page.cost_details,
        "access_details": page.access_details,
        "languages": f"{SEPARATOR} ".join(sorted(lang.code for lang in page.languages.all())),
        "accessibility_information": page.accessibility_information,
        "opening_times": format_opening_times(page.opening_times.all()),
        "opening_times_note": page.opening_times_note,
        "last_reviewed": page.last_reviewed.isoformat() if page.last_reviewed else "",
        "review_due": page.review_due.isoformat() if page.review_due else "",
    }
    for column in MANY_TAXONOMY_COLUMNS:
        slugs = sorted(value.slug for value in getattr(page, column).all())
        row[column] = f"{SEPARATOR} ".join(slugs)
    for number, contact in enumerate(page.contacts.all(), start=1):
        for field in CONTACT_FIELDS:
            row[f"contact_{number}_{field}"] = getattr(contact, field) or ""
    for number, place in enumerate(page.locations.all(), start=1):
        for field in LOCATION_FIELDS:
            value = getattr(place, field)
            row[f"location_{number}_{field}"] = (
                _number(value) if field in ("latitude", "longitude") else (value or "")
            )
    return row


def write_rows(rows: list[dict[str, str]], output: io.TextIOBase) -> None:
    """Write rows as formula-safe CSV with enough contact and location groups for every row."""
    contacts = max([TEMPLATE_GROUPS, *(_groups(row, "contact") for row in rows)])
    locations = max([TEMPLATE_GROUPS, *(_groups(row, "location") for row in rows)])
    # Every cell formula-safe (an imported summary "=HYPERLINK(...)" must not run); the import
    # undoes the escaping (`oruk.feeds.csv_rows`).
    write_csv_dicts(output, columns(contacts, locations), rows)


def _groups(row: dict[str, str], prefix: str) -> int:
    numbers = [int(key.split("_")[1]) for key in row if key.startswith(f"{prefix}_")]
    return max(numbers, default=0)
