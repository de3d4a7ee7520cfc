"""The ORUK list endpoints: filters (through the search contract), pagination and query counts."""

import datetime

import pytest
from django.http import QueryDict
from django.utils import timezone

from directory.models import Need, ServicePage, ServiceType
from oruk.params import parse_pagination
from oruk.validation import schema_errors
from oruk.vocabularies import VOCABULARY_BY_KEY
from search.indexing import index_services

pytestmark = pytest.mark.django_db


def index_all() -> None:
    index_services(list(ServicePage.objects.live().values_list("pk", flat=True)))


def listing(client, path="/api/oruk/services", status=200, **params):
    response = client.get(path, params)
    assert response.status_code == status, response.content[:300]
    return response.json()


def names(page: dict) -> list[str]:
    return [item["name"] for item in page["contents"]]


@pytest.fixture
def directory(make_service, full_service):
    """Four live services with different needs, ages, opening times and changes, and a draft."""
    now = timezone.now()
    make_service(
        "Autism outreach",
        needs=["autism"],
        service_types=["therapy"],
        min_age=0,
        max_age=4,
        opening_times=[{"weekday": 1, "opens": datetime.time(9), "closes": datetime.time(12)}],
        last_published_at=now - datetime.timedelta(days=30),
        locations=[{"name": "Outreach base"}],
    )
    make_service(
        "Youth club",
        needs=["learning-disability"],
        service_types=["activities"],
        min_age=11,
        max_age=25,
        opening_times=[{"weekday": 5, "opens": datetime.time(18), "closes": datetime.time(21)}],
        last_published_at=now - datetime.timedelta(days=1),
        locations=[],
    )
    make_service("Hidden draft", needs=["autism"], live=False)
    index_all()
    return full_service


def test_services_list_envelope_and_schema(client, directory):
    page = listing(client, per_page=2)
    assert {k: page[k] for k in page if k != "contents"} == {
        "total_items": 3,
        "total_pages": 2,
        "page_number": 1,
        "size": 2,
        "first_page": True,
        "last_page": False,
        "empty": False,
    }
    for item in page["contents"]:
        assert schema_errors(item, "compiled/service_list.json") == []
    second = listing(client, per_page=2, page=2)
    assert (second["size"], second["last_page"], second["first_page"]) == (1, True, False)
    assert names(page) + names(second) == [
        "Autism outreach",
        "Sunflower short breaks",
        "Youth club",
    ]
    beyond = listing(client, per_page=2, page=9)
    assert (beyond["empty"], beyond["contents"], beyond["total_items"]) == (True, [], 3)


def test_drafts_never_listed(client, directory):
    assert "Hidden draft" not in names(listing(client, per_page=100))


def test_search_text(client, directory):
    assert names(listing(client, search="youth")) == ["Youth club"]


def test_taxonomy_term_filters_are_anded(client, directory):
    autism = Need.objects.get(slug="autism")
    therapy = ServiceType.objects.get(slug="therapy")
    assert names(listing(client, taxonomy_term_id=str(autism.uuid))) == [
        "Autism outreach",
        "Sunflower short breaks",
    ]
    both = client.get(
        "/api/oruk/services", {"taxonomy_term_id": [str(autism.uuid), str(therapy.uuid)]}
    )
    assert names(both.json()) == ["Autism outreach"]


def test_taxonomy_id_means_any_term_of_the_vocabulary(client, directory, make_service):
    make_service("No provider type")
    index_all()
    provider_types = VOCABULARY_BY_KEY["provider_type"]
    assert names(listing(client, taxonomy_id=str(provider_types.uuid))) == [
        "Sunflower short breaks"
    ]


def test_age_filters(client, directory):
    assert names(listing(client, minimum_age=19)) == ["Youth club"]
    assert names(listing(client, maximum_age=4)) == ["Autism outreach"]
    assert names(listing(client, minimum_age=5, maximum_age=10)) == ["Sunflower short breaks"]


def test_day_and_times(client, directory):
    assert names(listing(client, day="FR")) == ["Youth club"]
    assert names(listing(client, day="monday", start_time="10:00", end_time="11:00")) == [
        "Autism outreach"
    ]
    assert names(listing(client, day="MO", start_time="13:00")) == []
    # Times without a day: open in that period on any day.
    assert names(listing(client, start_time="17:00", end_time="19:00")) == [
        "Sunflower short breaks",
        "Youth club",
    ]


def test_modified_after(client, directory):
    since = (timezone.now() - datetime.timedelta(days=2)).isoformat()
    assert names(listing(client, modified_after=since)) == ["Youth club"]
    assert names(listing(client, modified_after="2000-01-01")) == [
        "Autism outreach",
        "Sunflower short breaks",
        "Youth club",
    ]


def test_postcode_and_proximity(client, directory):
    # The fixture places are in Stafford (ST16 2DH); 2 km around it finds them, not elsewhere.
    near = listing(client, postcode="ST16 2DH", proximity="2000")
    assert "Sunflower short breaks" in names(near)
    assert "Youth club" not in names(near)  # no locations at all
    far = listing(client, postcode="TR1 1AA", proximity="2000")
    assert names(far) == []


def test_service_at_locations_list(client, directory):
    page = listing(client, "/api/oruk/service_at_locations", per_page=100)
    pairs = [(item["service"]["name"], item["location"]["name"]) for item in page["contents"]]
    assert pairs == [
        ("Autism outreach", "Outreach base"),
        ("Sunflower short breaks", "Sunflower Centre"),
        ("Sunflower short breaks", "Cannock Library"),
    ]
    assert page["total_items"] == 3
    for item in page["contents"]:
        assert schema_errors(item, "compiled/service_at_location_list.json") == []
    autism = Need.objects.get(slug="autism")
    filtered = listing(
        client, "/api/oruk/service_at_locations", taxonomy_term_id=str(autism.uuid), per_page=2
    )
    assert filtered["total_items"] == 3
    assert filtered["total_pages"] == 2
    second = listing(
        client,
        "/api/oruk/service_at_locations",
        taxonomy_term_id=str(autism.uuid),
        per_page=2,
        page=2,
    )
    assert [i["location"]["name"] for i in second["contents"]] == ["Cannock Library"]


@pytest.mark.parametrize(
    ("params", "parameter"),
    [
        ({"page": "abc"}, "page"),
        ({"per_page": "-1"}, "per_page"),
        ({"per_page": "0"}, "per_page"),
        ({"minimum_age": "x"}, "minimum_age"),
        ({"maximum_age": "nan"}, "maximum_age"),
        ({"minimum_age": "10", "maximum_age": "5"}, "maximum_age"),
        ({"modified_after": "notadate"}, "modified_after"),
        ({"day": "Funday"}, "day"),
        ({"start_time": "25:00"}, "start_time"),
        ({"end_time": "noon"}, "end_time"),
        ({"taxonomy_term_id": "not-a-uuid"}, "taxonomy_term_id"),
        ({"taxonomy_id": "1234"}, "taxonomy_id"),
        ({"postcode": "NOT A POSTCODE"}, "postcode"),
        ({"postcode": "ST16 2DH", "proximity": "far"}, "proximity"),
        ({"proximity": "1000"}, "proximity"),
        ({"postcode": "ZZ99 9ZZ"}, "postcode"),
    ],
)
@pytest.mark.parametrize("path", ["/api/oruk/services", "/api/oruk/service_at_locations"])
def test_malformed_parameters_get_a_400(client, db, path, params, parameter):
    response = client.get(path, params)
    assert response.status_code == 400
    assert response.json()["parameter"] == parameter


def test_per_page_is_capped(client, make_service, directory_page):
    for n in range(3):
        make_service(f"Service {n}")
    index_all()
    page = listing(client, per_page=5000)
    assert page["total_items"] == 3
    assert page["size"] == 3
    assert parse_pagination(QueryDict("per_page=5000")).per_page == 100


def test_unknown_taxonomy_gives_an_empty_page(client, directory):
    page = listing(client, taxonomy_id="00000000-0000-0000-0000-000000000001")
    assert (page["total_items"], page["empty"]) == (0, True)


def test_query_count_does_not_grow_with_the_page(
    client, make_service, django_assert_max_num_queries
):
    def count_queries(path):
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as captured:
            assert client.get(path).status_code == 200
        return len(captured)

    for n in range(2):
        make_service(f"First {n}", needs=["autism"], opening_times=[{"weekday": 2}])
    index_all()
    for path in ("/api/oruk/services", "/api/oruk/service_at_locations"):
        client.get(path)  # warm the site's cached root paths
    small = {p: count_queries(p) for p in ("/api/oruk/services", "/api/oruk/service_at_locations")}
    for n in range(12):
        make_service(
            f"More {n}",
            needs=["autism", "adhd"],
            districts=["stafford"],
            contacts=[{}, {}],
            locations=[{}, {}],
            opening_times=[{"weekday": 2}, {"weekday": 3}],
        )
    index_all()
    for path in small:
        client.get(path)  # the first search after a change rebuilds the search's bitsets
    for path, queries in small.items():
        assert count_queries(path) == queries
    with django_assert_max_num_queries(12):
        client.get("/api/oruk/services?per_page=50")


def test_listing_revalidates_after_a_service_is_unpublished(client, directory, admin_user):
    first = client.get("/api/oruk/services")
    assert first["Last-Modified"]
    assert client.get("/api/oruk/services", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    youth = ServicePage.objects.get(title="Youth club")
    youth.unpublish(user=admin_user)
    again = client.get(
        "/api/oruk/services",
        HTTP_IF_NONE_MATCH=first["ETag"],
        HTTP_IF_MODIFIED_SINCE=first["Last-Modified"],
    )
    assert again.status_code == 200
    assert "Youth club" not in names(again.json())
