"""CSV export: permissions decide personal data; cells are safe from formula injection."""

import csv
import io

import pytest
from django.urls import reverse

from directory.exports import csv_safe
from feedback.exports import feedback_csv_rows
from feedback.tests.moderation_support import *  # noqa: F403

EXPORT = reverse("feedback_admin:export")


def read_csv(response) -> list[dict]:
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


def test_moderator_export_has_no_email_addresses(moderator_client, make_item):
    make_item(comment="Hello", wants_response=True, email="parent@example.org")
    response = moderator_client.get(EXPORT)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = read_csv(response)
    assert [row["Comment"] for row in rows] == ["Hello"]
    assert "Email" not in rows[0]
    assert "parent@example.org" not in str(rows)


def test_moderator_cannot_ask_for_personal_data(moderator_client, make_item):
    make_item(email="parent@example.org")
    assert moderator_client.get(EXPORT + "?personal_data=1").status_code == 403


def test_personal_data_export_with_permission(lead_client, make_item):
    make_item(comment="Hello", wants_response=True, email="parent@example.org")
    rows = read_csv(lead_client.get(EXPORT + "?personal_data=1"))
    assert rows[0]["Email"] == "parent@example.org"


def test_export_leaves_out_safeguarding_and_follows_filters(moderator_client, make_item):
    make_item(comment="Kept", kind="service")
    make_item(comment="Other kind", kind="general")
    make_item(comment="Secret", status="safeguarding", kind="service")
    rows = read_csv(moderator_client.get(EXPORT + "?kind=service"))
    assert [row["Comment"] for row in rows] == ["Kept"]


def test_non_moderator_gets_403(client, editor):
    client.force_login(editor)
    assert client.get(EXPORT).status_code == 403


@pytest.mark.parametrize(
    "value", ['=HYPERLINK("http://evil")', "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"]
)
def test_formula_cells_are_escaped(value):
    assert csv_safe(value) == "'" + value


def test_ordinary_cells_are_unchanged():
    assert csv_safe("Good service") == "Good service"
    assert csv_safe(4) == "4"
    assert csv_safe(None) == ""


def test_injection_escaped_in_every_text_column(make_item):
    item = make_item(comment="=cmd|' /C calc'!A0", public_text="@SUM(1)", rejection_note="+x")
    rows = list(
        csv.reader(
            io.StringIO(
                "".join(feedback_csv_rows([item], include_personal_data=False)).lstrip("\ufeff")
            )
        )
    )
    header, row = rows
    values = dict(zip(header, row, strict=True))
    assert values["Comment"] == "'=cmd|' /C calc'!A0"
    assert values["Public version"] == "'@SUM(1)"
    assert values["Rejection note"] == "'+x"
