"""Every endpoint's output for the demo content, validated against the official ORUK 3.0 schemas."""

import pytest

from oruk.validation import schema_errors

pytestmark = pytest.mark.django_db

LIST_SCHEMAS = {
    "/api/oruk/services": "compiled/service_list.json",
    "/api/oruk/service_at_locations": "compiled/service_at_location_list.json",
    "/api/oruk/taxonomies": "taxonomy.json",
    "/api/oruk/taxonomy_terms": "taxonomy_term.json",
}
PAGE_KEYS = {
    "total_items",
    "total_pages",
    "page_number",
    "size",
    "first_page",
    "last_page",
    "empty",
}


def walk_pages(client, path: str) -> list[dict]:
    """Every item of a listing, page by page, checking the pagination envelope on the way."""
    items, number = [], 1
    while True:
        page = client.get(path, {"page": number, "per_page": 40}).json()
        assert set(page) == PAGE_KEYS | {"contents"}
        assert page["page_number"] == number
        assert page["size"] == len(page["contents"])
        items += page["contents"]
        if page["last_page"]:
            assert len(items) == page["total_items"]
            return items
        number += 1


def test_the_validator_catches_what_the_schema_forbids():
    """The checks above can fail: a broken service is reported field by field."""
    broken = {
        "id": "not-a-uuid",
        "name": "x",
        "status": "open",
        "url": "nowhere",
        "last_modified": "yesterday",
        "schedules": [{"id": "00000000-0000-0000-0000-000000000001", "freq": "DAILY"}],
    }
    assert schema_errors(broken, "compiled/service.json") == [
        "id: 'not-a-uuid' is not a 'uuid'",
        "last_modified: 'yesterday' is not a 'date-time'",
        "schedules/0/freq: 'DAILY' is not one of ['WEEKLY', 'MONTHLY']",
        "status: 'open' is not one of ['active', 'inactive', 'defunct', 'temporarily closed']",
        "url: 'nowhere' is not a 'uri'",
    ]
