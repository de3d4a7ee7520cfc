"""The services export is safe to open in a spreadsheet, and imports back to the same text."""

import csv
import io

import pytest
from django.urls import reverse

from directory.models import ServicePage
from oruk.feeds import csv_rows
from oruk.importing import apply_import, plan_import
from oruk.spreadsheet import service_row

pytestmark = pytest.mark.django_db

PAYLOADS = {
    "summary": '=HYPERLINK("http://evil.example","Click")',
    "keywords": "+1+cmd|' /C calc'!A0",
    "cost_details": "-2+3",
    "access_details": "@SUM(A1:A9)",
    "accessibility_information": "\t=1+1",
    "opening_times_note": "\r=2+2",
}


@pytest.fixture
def risky_service(make_service):
    return make_service(
        "Formula club",
        external_id="LA-FORMULA",
        contacts=[{"name": "Main line", "phone": "+44 1785 654321"}],
        locations=[{"name": "Hall", "postcode": "ST16 2DH", "longitude": -2.115}],
        **PAYLOADS,
    )


def exported_rows(admin_client) -> list[dict[str, str]]:
    response = admin_client.get(reverse("oruk_export"))
    assert response.status_code == 200
    return list(csv.DictReader(io.StringIO(response.content.decode())))


def test_services_export_escapes_every_formula_payload(admin_client, risky_service):
    [row] = exported_rows(admin_client)
    for column, payload in PAYLOADS.items():
        assert row[column] == "'" + payload, column
    assert row["contact_1_phone"] == "'+44 1785 654321"
    assert row["location_1_longitude"] == "-2.115"  # a plain number is no formula
    assert row["title"] == "Formula club"


def test_export_then_import_restores_the_original_text(admin_client, risky_service, directory_page):
    response = admin_client.get(reverse("oruk_export"))
    before = service_row(risky_service)
    risky_service.delete()
    plan = plan_import(csv_rows(response.content).rows)
    assert plan.counts["create"] == 1, plan.rows[0].problems
    apply_import(plan, parent=directory_page)
    draft = ServicePage.objects.get(external_id="LA-FORMULA").get_latest_revision_as_object()
    after = service_row(draft)
    for column, payload in PAYLOADS.items():
        # The import trims every cell (as the editor's forms do): a leading tab or CR goes.
        assert after[column] == payload.strip(), column
    assert after["contact_1_phone"] == "+44 1785 654321"
    assert after == {**before, **{column: text.strip() for column, text in PAYLOADS.items()}}
