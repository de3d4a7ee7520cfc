"""The ORUK read API: what each endpoint returns, its headers, and its answers to bad requests."""

import datetime
import uuid

import pytest
from django.urls import reverse

from directory.models import ServiceType
from oruk.validation import schema_errors
from oruk.vocabularies import VOCABULARY_BY_KEY, derived_uuid

pytestmark = pytest.mark.django_db


def get_json(client, url, status=200, **params):
    response = client.get(url, params)
    assert response.status_code == status, response.content[:500]
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["Content-Type"] == "application/json"
    return response.json()


def test_api_info_points_at_the_served_openapi_document(client, api_paths):
    info = get_json(client, reverse("oruk:api_info"))
    assert info["version"] == "3.0"
    assert info["openapi_url"] == "http://testserver/api/oruk/openapi.json"
    document = get_json(client, "/api/oruk/openapi.json")
    assert set(document["paths"]) >= api_paths
    assert document["servers"] == [
        {"url": "http://testserver/api/oruk", "description": "This Local Offer"}
    ]
    ref = document["paths"]["/services/{id}"]["get"]["responses"]["200"]["content"][
        "application/json"
    ]["schema"]["$ref"]
    assert ref == "http://testserver/api/oruk/schema/compiled/service.json"
    # ... and that address serves the schema the reference names.
    compiled = get_json(client, ref.removeprefix("http://testserver"))
    assert compiled["required"] == ["id", "name", "status"]


def test_service_detail_maps_every_field(client, full_service):
    data = get_json(client, reverse("oruk:service_detail", args=[full_service.uuid]))
    assert schema_errors(data, "compiled/service.json") == []
    assert data["id"] == str(full_service.uuid)
    assert data["name"] == "Sunflower short breaks"
    assert data["description"] == (
        "Saturday clubs and holiday play schemes for disabled children.\n\n"
        "Play, arts and trips.\n\nStaff are trained in autism support."
    )
    assert data["url"] == full_service.get_full_url()
    assert data["email"] == "bookings@sunflower.example"
    assert data["status"] == "active"
    assert (data["minimum_age"], data["maximum_age"]) == (5, 18)
    assert data["assured_date"] == "2026-09-01"
    assert data["last_modified"].endswith("Z")
    assert data["organization"]["id"] == str(full_service.organisation.uuid)
    assert data["organization"]["name"] == "Westshire Parent Carer Forum"
    assert data["organization_id"] == str(full_service.organisation.uuid)
    assert [(s["byday"], s["opens_at"], s["closes_at"]) for s in data["schedules"]] == [
        ("WE", "16:00:00", "18:30:00"),
        ("SA", "10:00:00", "15:00:00"),
    ]
    assert data["schedules"][0]["notes"] == "Term time only"
    assert data["schedules"][0]["attending_type"] == "In person"
    areas = {a["name"] for a in data["service_areas"]}
    assert areas == {"County-wide", "Stafford", "Cannock"}
    assert [sal["location"]["name"] for sal in data["service_at_locations"]] == [
        "Sunflower Centre",
        "Cannock Library",
    ]
    address = data["service_at_locations"][0]["location"]["addresses"][0]
    assert address["address_1"] == "2 Mill Lane, Riverside"
    assert (address["city"], address["postal_code"], address["country"]) == (
        "Stafford",
        "ST16 2DH",
        "GB",
    )
    accessibility = data["service_at_locations"][1]["location"]["accessibility"]
    assert [a["description"] for a in accessibility] == ["Easy-read leaflets and a quiet room."]
    assert {lang["code"] for lang in data["languages"]} == {"en", "pl"}
    assert data["cost_options"][0]["option"] == "Families pay"
    assert data["cost_options"][0]["amount_description"] == "£5 a session"
    assert data["contacts"][0]["phones"][0]["number"] == "01785 654321"
    terms = {
        (a["taxonomy_term"]["taxonomy"], a["taxonomy_term"]["code"]) for a in data["attributes"]
    }
    assert terms == {
        ("Local Offer service types", "short-breaks"),
        ("Local Offer service types", "activities"),
        ("SEND needs", "autism"),
        ("SEND needs", "learning-disability"),
        ("Districts", "stafford"),
        ("Districts", "cannock"),
        ("Provider types", "voluntary-sector"),
        ("Ways to access", "self-referral"),
        ("Delivery methods", "in-person"),
    }
    short_breaks = ServiceType.objects.get(slug="short-breaks")
    attribute = next(a for a in data["attributes"] if a["taxonomy_term"]["code"] == "short-breaks")
    assert attribute["taxonomy_term_id"] == str(short_breaks.uuid)
    assert attribute["taxonomy_term"]["taxonomy_id"] == str(VOCABULARY_BY_KEY["service_types"].uuid)


def test_ids_are_stable_between_requests(client, full_service):
    url = reverse("oruk:service_detail", args=[full_service.uuid])
    assert get_json(client, url) == get_json(client, url)


def test_bare_service_still_matches_the_schema(client, bare_service):
    data = get_json(client, reverse("oruk:service_detail", args=[bare_service.uuid]))
    assert schema_errors(data, "compiled/service.json") == []
    assert "organization" not in data
    assert data["service_at_locations"] == []
    assert "assured_date" not in data


def test_drafts_are_not_published(client, make_service):
    draft = make_service("Not ready yet", live=False)
    get_json(client, reverse("oruk:service_detail", args=[draft.uuid]), status=404)


def test_service_at_location_detail(client, full_service):
    place = full_service.locations.first()
    data = get_json(client, reverse("oruk:service_at_location_detail", args=[place.uuid]))
    assert schema_errors(data, "compiled/service_at_location.json") == []
    assert data["service"]["id"] == str(full_service.uuid)
    assert data["location"]["id"] == str(derived_uuid("location", place.uuid))
    assert data["location_id"] == data["location"]["id"]
    # What the official validator (reading the service schema for this path) requires too.
    assert (data["name"], data["status"]) == (full_service.title, "active")


def test_taxonomies_list_and_detail(client, full_service):
    listing = get_json(client, reverse("oruk:taxonomy_list"))
    assert listing["total_items"] == 7  # six vocabularies, and "without a parent or carer"
    for item in listing["contents"]:
        assert schema_errors(item, "taxonomy.json") == []
    needs = VOCABULARY_BY_KEY["needs"]
    detail = get_json(client, reverse("oruk:taxonomy_detail", args=[needs.uuid]))
    assert schema_errors(detail, "taxonomy.json") == []
    assert {t["code"] for t in detail["taxonomy_terms"]} == {"autism", "learning-disability"}


def test_taxonomy_terms_paginate_across_vocabularies(client, full_service):
    everything = get_json(client, reverse("oruk:taxonomy_term_list"), per_page=100)
    # 2 types, 2 needs, 2 districts, 1 provider type, 1 access route, 1 delivery method, and
    # the one term of "young people can go without a parent or carer"
    assert everything["total_items"] == 10
    pages = [
        get_json(client, reverse("oruk:taxonomy_term_list"), per_page=4, page=n) for n in (1, 2, 3)
    ]
    assert [p["size"] for p in pages] == [4, 4, 2]
    assert [p["last_page"] for p in pages] == [False, False, True]
    assert [t["id"] for p in pages for t in p["contents"]] == [
        t["id"] for t in everything["contents"]
    ]
    for term in everything["contents"]:
        assert schema_errors(term, "taxonomy_term.json") == []
    one = everything["contents"][0]
    assert get_json(client, reverse("oruk:taxonomy_term_detail", args=[one["id"]])) == one


@pytest.mark.parametrize(
    ("url", "parameter"),
    [
        ("/api/oruk/services/not-a-uuid", "id"),
        ("/api/oruk/taxonomies/123", "id"),
        ("/api/oruk/taxonomy_terms?page=abc", "page"),
        ("/api/oruk/taxonomy_terms?per_page=-1", "per_page"),
        ("/api/oruk/taxonomies?page=0", "page"),
        ("/api/oruk/taxonomy_terms?taxonomy_id=nope", "taxonomy_id"),
    ],
)
def test_bad_parameters_get_a_400_naming_them(client, url, parameter):
    response = client.get(url)
    assert response.status_code == 400
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response.json()["parameter"] == parameter


@pytest.mark.parametrize(
    "url",
    [
        f"/api/oruk/services/{uuid.UUID(int=1)}",
        f"/api/oruk/service_at_locations/{uuid.UUID(int=1)}",
        f"/api/oruk/taxonomies/{uuid.UUID(int=1)}",
        f"/api/oruk/taxonomy_terms/{uuid.UUID(int=1)}",
        "/api/oruk/no-such-endpoint",
    ],
)
def test_unknown_ids_get_a_json_404(client, url):
    response = client.get(url)
    assert response.status_code == 404
    assert response.json()["error"] == "not_found"


def test_only_get_is_allowed(client):
    response = client.post("/api/oruk/taxonomies")
    assert response.status_code == 405
    assert response.json()["error"] == "method_not_allowed"


def test_conditional_get_answers_304(client, full_service):
    url = reverse("oruk:service_detail", args=[full_service.uuid])
    first = client.get(url)
    assert first["Cache-Control"] == "public, max-age=300"
    assert first["Last-Modified"]
    again = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    assert again["Access-Control-Allow-Origin"] == "*"
    since = client.get(url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert since.status_code == 304
    full_service.title = "Sunflower Saturday club"
    full_service.last_published_at += datetime.timedelta(days=1)
    full_service.save()
    changed = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert changed.status_code == 200
    assert changed["ETag"] != first["ETag"]


def test_cors_preflight_is_answered(client):
    response = client.options("/api/oruk/services")
    assert response.status_code == 204
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "GET" in response["Access-Control-Allow-Methods"]
