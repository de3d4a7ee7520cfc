"""The demo content through ORUK: it round-trips through export and import, and every endpoint's
output for it validates against the official ORUK 3.0 schemas."""

import pytest

from demo.content import load_demo_content
from directory.models import DirectoryIndexPage, ServicePage
from oruk.exporting import published_service_rows
from oruk.tests.test_import_export import draft_rows, export_text, import_text, remove_all_services
from oruk.tests.test_schema_validation import LIST_SCHEMAS, walk_pages
from oruk.validation import schema_errors

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo(module_transaction):
    """The directory's demo, loaded once for this module; each test's changes are rolled back."""
    return load_demo_content()


def test_demo_content_round_trips_through_an_empty_site(demo):
    exported = export_text()
    before = {
        row["external_id"]: {k: v for k, v in row.items() if v} for row in published_service_rows()
    }
    assert len(before) > 20
    remove_all_services()
    plan = import_text(exported, DirectoryIndexPage.objects.first())
    assert plan.counts == {"create": len(before), "update": 0, "unchanged": 0, "reject": 0}
    assert draft_rows() == before
    assert not ServicePage.objects.live().exists()
    # The services keep their ids, so ORUK consumers see the same services again.
    assert set(ServicePage.objects.values_list("external_id", flat=True)) == set(before)
    assert {str(u) for u in ServicePage.objects.values_list("uuid", flat=True)} == set(before)
    # Importing the same file again changes nothing.
    again = import_text(exported, DirectoryIndexPage.objects.first(), commit=False)
    assert again.counts["unchanged"] == len(before)


def test_demo_content_validates_against_the_profile_schemas(client, demo):
    services = ServicePage.objects.live()
    assert services.count() > 20

    failures = {}
    listed = {}
    for path, schema in LIST_SCHEMAS.items():
        listed[path] = walk_pages(client, path)
        assert listed[path], path
        for item in listed[path]:
            if errors := schema_errors(item, schema):
                failures[f"{path} {item['id']}"] = errors
    assert len(listed["/api/oruk/services"]) == services.count()

    for item in listed["/api/oruk/services"]:
        detail = client.get(f"/api/oruk/services/{item['id']}").json()
        for schema in ("compiled/service.json", "service.json"):
            if errors := schema_errors(detail, schema):
                failures[f"service {item['id']} ({schema})"] = errors
    for item in listed["/api/oruk/service_at_locations"]:
        detail = client.get(f"/api/oruk/service_at_locations/{item['id']}").json()
        for schema in ("compiled/service_at_location.json", "service_at_location.json"):
            if errors := schema_errors(detail, schema):
                failures[f"service_at_location {item['id']} ({schema})"] = errors
    for path, schema in (
        ("/api/oruk/taxonomies", "taxonomy.json"),
        ("/api/oruk/taxonomy_terms", "taxonomy_term.json"),
    ):
        for item in listed[path]:
            detail = client.get(f"{path}/{item['id']}").json()
            if errors := schema_errors(detail, schema):
                failures[f"{path}/{item['id']}"] = errors
    assert failures == {}
