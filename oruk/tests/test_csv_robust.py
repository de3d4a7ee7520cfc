"""Spreadsheet uploads that used to give a 500 or garbled text: Windows and UTF-16 files, NUL
bytes, absurd numbers and values, too many rows. Each is a message naming the row or field."""

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from directory.models import ServicePage
from oruk import feeds
from oruk.feeds import SourceError, csv_rows, decode_csv
from oruk.importing import plan_import
from oruk.spreadsheet import columns

pytestmark = pytest.mark.django_db


def sheet(*rows: dict, extra_columns: tuple[str, ...] = ()) -> str:
    output = io.StringIO()
    writer = csv.DictWriter(output, fieldnames=[*columns(), *extra_columns], restval="")
    writer.writeheader()
    for row in rows:
        writer.writerow(row)
    return output.getvalue()


def service(**fields) -> dict:
    return {
        "external_id": "LA-1",
        "title": "Café crèche",
        "summary": "Play sessions for under fives.",
        "service_types": "short-breaks",
        "contact_1_name": "Bookings",
        "contact_1_phone": "01785 654321",
        **fields,
    }


def upload(client, content: bytes):
    return client.post(
        reverse("oruk_import"),
        {"file": SimpleUploadedFile("services.csv", content, content_type="text/csv")},
    )


@pytest.fixture
def short_breaks(directory_page):
    from directory.models import ServiceType

    return ServiceType.objects.get_or_create(slug="short-breaks", defaults={"name": "Short breaks"})


def test_a_windows_file_keeps_its_accents_from_preview_to_drafts(admin_client, short_breaks):
    content = sheet(service()).encode("cp1252")
    html = upload(admin_client, content).content.decode()
    assert "Café crèche" in html
    assert "Create drafts" in html
    admin_client.post(reverse("oruk_import"), {"action": "commit"})
    assert ServicePage.objects.get().title == "Café crèche"


def test_a_utf16_file_is_read(short_breaks):
    content = sheet(service()).encode("utf-16")
    plan = plan_import(csv_rows(content).rows)
    assert [row.title for row in plan.rows] == ["Café crèche"]
    assert plan.count("create") == 1


def test_nul_bytes_are_refused_with_a_message(admin_client, short_breaks):
    content = sheet(service(title="Café\x00 crèche")).encode()
    response = upload(admin_client, content)
    assert response.status_code == 200
    assert "The file contains NUL characters" in response.content.decode()
    assert not ServicePage.objects.exists()


@pytest.mark.parametrize("value", ["²", "9" * 5000, "-1", "1.5", "٣"])
def test_a_bad_age_is_a_message_on_its_field(short_breaks, value):
    plan = plan_import(csv_rows(sheet(service(min_age=value)).encode()).rows)
    row = plan.rows[0]
    assert row.action == "reject"
    assert [p.field for p in row.problems] == ["min_age"]


def test_a_huge_column_number_is_not_a_crash(short_breaks):
    name = f"contact_{'9' * 5000}_name"
    plan = plan_import(csv_rows(sheet(service(**{name: "x"}), extra_columns=(name,))).rows)
    assert plan.rows[0].action == "create"


def test_a_value_longer_than_csv_allows_names_its_row(admin_client, short_breaks):
    content = sheet(service(), service(external_id="LA-2", description="x" * 140_000)).encode()
    html = upload(admin_client, content).content.decode()
    assert "Row 3: a value is longer than 131,072 characters" in html


def test_too_many_rows_are_refused_and_the_limit_is_said(monkeypatch, short_breaks):
    monkeypatch.setattr(feeds, "MAX_CSV_ROWS", 3)
    rows = [service(external_id=f"LA-{n}") for n in range(4)]
    with pytest.raises(SourceError, match="more than 3 services"):
        csv_rows(sheet(*rows).encode())


def test_absurd_sizes_are_refused(monkeypatch):
    monkeypatch.setattr(feeds, "MAX_CSV_BYTES", 100)
    with pytest.raises(SourceError, match="smaller than"):
        decode_csv(b"x" * 101)


def test_bytes_no_codec_can_read_are_a_message():
    with pytest.raises(SourceError, match="not UTF-8, UTF-16 or Windows text"):
        decode_csv(b"external_id\n\x81\x8d\n")


def planned_with_queries(rows: int):
    content = sheet(*(service(external_id=f"LA-{n}", title=f"Club {n}") for n in range(rows)))
    with CaptureQueriesContext(connection) as queries:
        plan = plan_import(csv_rows(content.encode()).rows)
    return plan, len(queries)


def test_a_preview_of_5000_rows_plans_every_row_in_as_many_queries_as_50(short_breaks):
    """No work per row in the database: a full preview asks what 50 rows ask. (Its time is
    measured by `make bench`, scripts/bench-oruk: under 5 s for 5,000 rows.)"""
    planned_with_queries(1)  # the first plan also fills caches every later one reads
    small, small_queries = planned_with_queries(50)
    plan, queries = planned_with_queries(5000)
    assert small.count("create") == 50
    assert plan.count("create") == 5000
    assert queries == small_queries
