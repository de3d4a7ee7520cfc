"""Import (CSV template and ORUK feeds) and export of services."""

import csv
import functools
import http.server
import io
import json
import shutil
import threading
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse

from directory.models import Organisation, ServicePage
from oruk.exporting import export_services_csv
from oruk.feeds import csv_rows, rows_from
from oruk.importing import apply_import, plan_import
from oruk.spreadsheet import columns, service_row

pytestmark = pytest.mark.django_db

TEMPLATE = Path(__file__).resolve().parents[2] / "docs" / "services-import-template.csv"
EXAMPLE_FEED = Path(__file__).resolve().parent / "fixtures" / "service_full.json"


def export_text() -> str:
    output = io.StringIO()
    export_services_csv(output)
    return output.getvalue()


def import_text(text: str, directory_page, commit: bool = True):
    plan = plan_import(csv_rows(text.encode()).rows)
    if commit:
        apply_import(plan, parent=directory_page)
    return plan


def draft_rows() -> dict[str, dict[str, str]]:
    """Each service's row as its latest (draft) revision reads."""
    rows = {}
    for page in ServicePage.objects.all():
        row = service_row(page.get_latest_revision_as_object())
        rows[row["external_id"]] = {k: v for k, v in row.items() if v}
    return rows


def remove_all_services() -> None:
    for page in ServicePage.objects.all():
        page.delete()
    Organisation.objects.all().delete()


def test_template_has_every_column_and_its_example_imports(make_service, directory_page):
    # The example row's slugs must exist, as they would on a site with its vocabularies set up.
    make_service(
        "Vocabulary",
        service_types=["short-breaks", "activities-clubs"],
        needs=["autism", "learning-difficulties"],
        provider_type="commissioned",
        districts=["ankerton"],
        access_routes=["self-referral"],
        delivery_methods=["in-person"],
        languages=["en", "pl"],
    )
    with TEMPLATE.open(newline="", encoding="utf-8") as handle:
        header = next(csv.reader(handle))
    assert header == columns()
    plan = plan_import(rows_from(str(TEMPLATE), "csv").rows)
    assert [(row.action, row.problems) for row in plan.rows] == [("create", [])]


def test_import_creates_drafts_and_is_idempotent(directory_page, full_service):
    text = export_text()
    full_service.delete()
    Organisation.objects.all().delete()
    dry = import_text(text, directory_page, commit=False)
    assert dry.counts["create"] == 1
    assert dry.new_organisations == ["Westshire Parent Carer Forum"]
    assert not ServicePage.objects.exists()
    assert not Organisation.objects.exists()

    import_text(text, directory_page)
    page = ServicePage.objects.get()
    assert page.live is False
    assert page.get_parent().specific == directory_page
    assert page.external_id == "LA-0001"
    assert page.organisation.name == "Westshire Parent Carer Forum"
    assert page.latest_revision is not None
    revision_page = page.get_latest_revision_as_object()
    assert [c.name for c in revision_page.contacts.all()] == ["Bookings", "Website"]
    assert sorted(n.slug for n in revision_page.needs.all()) == ["autism", "learning-disability"]

    second = import_text(text, directory_page)
    assert second.counts == {"create": 0, "update": 0, "unchanged": 1, "reject": 0}
    assert ServicePage.objects.count() == 1


def test_changed_rows_update_as_a_draft_revision_leaving_the_live_page(
    directory_page, full_service
):
    rows = list(csv.DictReader(io.StringIO(export_text())))
    rows[0]["title"] = "Sunflower Saturday club"
    rows[0]["max_age"] = "16"
    output = io.StringIO()
    writer = csv.DictWriter(output, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    plan = import_text(output.getvalue(), directory_page)
    assert plan.counts["update"] == 1
    full_service.refresh_from_db()
    assert full_service.title == "Sunflower short breaks"  # live version untouched
    assert full_service.has_unpublished_changes
    draft = full_service.get_latest_revision_as_object()
    assert (draft.title, draft.max_age) == ("Sunflower Saturday club", 16)


def test_rejections_name_the_row_and_field(directory_page, full_service):
    header = columns()
    good = service_row(full_service)
    rows = [
        {**good, "external_id": "A-1", "title": ""},
        {**good, "external_id": "A-2", "needs": "autism; made-up-need"},
        {**good, "external_id": "A-3", "contact_1_phone": "12345", "location_2_postcode": "XYZ"},
        {**good, "external_id": "A-4", "min_age": "12", "max_age": "6", "county_wide": "maybe"},
        {**good, "external_id": "A-4", "opening_times": "Someday 9-5"},
        {**good, "external_id": "A-5", "cost_type": "cheap", "last_reviewed": "31/12/2025"},
    ]
    output = io.StringIO()
    writer = csv.DictWriter(output, fieldnames=header, extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    plan = import_text(output.getvalue(), directory_page, commit=False)
    problems = {row.row_number: [p.field for p in row.problems] for row in plan.rows}
    assert problems == {
        2: ["title"],
        3: ["needs"],
        4: ["contact_1_phone", "location_2_postcode"],
        5: ["county_wide", "max_age"],
        6: ["external_id", "opening_times"],
        7: ["cost_type", "last_reviewed"],
    }
    assert "made-up-need" in str(plan.rows[1].problems[0])
    assert plan.counts["reject"] == 6


def test_import_command_dry_run_then_commit(directory_page, full_service, tmp_path):
    path = tmp_path / "services.csv"
    call_command("export_services", output=str(path))
    full_service.delete()
    out = io.StringIO()
    call_command("import_services", str(path), stdout=out, stderr=io.StringIO())
    assert "Row 2: create - Sunflower short breaks [LA-0001]" in out.getvalue()
    assert "Dry run: nothing was saved" in out.getvalue()
    assert not ServicePage.objects.exists()
    out = io.StringIO()
    call_command("import_services", str(path), commit=True, stdout=out, stderr=io.StringIO())
    assert "Created 1 draft service, updated 0" in out.getvalue()
    assert ServicePage.objects.filter(live=False).count() == 1


def test_oruk_feed_from_our_own_api_imports_the_same_service(
    client, directory_page, full_service, tmp_path
):
    feed = client.get(reverse("oruk:service_detail", args=[full_service.uuid])).json()
    before = service_row(full_service)
    (tmp_path / "feed.json").write_text(json.dumps([feed]))
    full_service.delete()
    Organisation.objects.all().delete()
    plan = plan_import(rows_from(str(tmp_path / "feed.json"), "oruk").rows)
    assert [(r.action, r.problems) for r in plan.rows] == [("create", [])]
    apply_import(plan, parent=directory_page)
    after = service_row(ServicePage.objects.get().get_latest_revision_as_object())
    # What an ORUK feed does not carry; the external id becomes the feed's id.
    not_carried = {
        "external_id",
        "keywords",
        "access_details",
        "accessibility_information",
        "opening_times_note",
        "review_due",
        "location_1_address_1",
        "location_1_address_2",
        "location_1_accessibility_notes",
        "location_2_accessibility_notes",
    }
    assert set(after) == set(before)
    assert {k: v for k, v in after.items() if k not in not_carried} == {
        k: v for k, v in before.items() if k not in not_carried
    }
    assert after["external_id"] == str(feed["id"])


@pytest.fixture
def feed_server(tmp_path):
    """Python's own HTTP server serving a folder of feed files, on a free loopback port."""
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield tmp_path, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_oruk_feed_by_url_reports_what_the_local_offer_cannot_take(feed_server, directory_page):
    folder, base = feed_server
    shutil.copy(EXAMPLE_FEED, folder / "service_full.json")
    out = io.StringIO()
    call_command("import_services", f"{base}/service_full.json", stdout=out, stderr=io.StringIO())
    report = out.getvalue()
    # The profile's example is American: its postcode and latitude are not usable here.
    assert "Row 1: reject - Community Counselling [ac148810-d857-441c-9679-408f346de14b]" in report
    assert "location_1_postcode: Enter a real UK postcode" in report
    assert "location_1_latitude: must be a number from -90 to 90" in report
    assert "is not a Local Offer vocabulary" in report
    assert not ServicePage.objects.exists()


def test_unreachable_source_is_a_clear_error(db, directory_page):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="Could not fetch"):
        call_command("import_services", "http://127.0.0.1:9/none.json", stdout=io.StringIO())
    with pytest.raises(CommandError, match="Could not read"):
        call_command("import_services", "/nonexistent/services.csv", stdout=io.StringIO())
