"""One contract, two backends: the same services give the same hits and counts on each.

The database backend always runs. The Elasticsearch run needs a server: set ELASTICSEARCH_URL
(`make test-es` starts an emulator and does so); without it those cases are skipped.
"""

import datetime
import os
import uuid

import pytest
from django.test import override_settings

from search.contract import SearchQuery
from search.indexing import index_services, rebuild_ids
from search.service_search import search_services
from search.synonyms import synonym_entries

ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")

# Index writes and queries depend on the database: run again on PostgreSQL by `make test`.
pytestmark = pytest.mark.postgres
STAFFORD = {"latitude": 52.806, "longitude": -2.115, "postcode": "ST16 2DH"}
NEAR_STAFFORD = {"latitude": 52.83, "longitude": -2.14, "postcode": "ST16 1AA"}
STOKE = {"latitude": 53.0, "longitude": -2.18, "postcode": "ST1 1AF"}
TAMWORTH = {"latitude": 52.63, "longitude": -1.69, "postcode": "B79 7AA"}


@pytest.fixture
def services(make_service):
    """Five live services and a draft, covering every facet group and the county-wide rule."""
    made = {
        "aiming": make_service(
            "Aiming High short breaks",
            summary="Activities after school and in the holidays.",
            service_types=["short-breaks"],
            needs=["autism"],
            districts=["north"],
            min_age=5,
            max_age=18,
            cost_type="free",
            access_routes=["self-referral"],
            delivery_methods=["in-person"],
            provider_type="local-authority",
            without_parent=True,
            locations=[STAFFORD],
            opening_times=[{"weekday": 6, "opens": datetime.time(10), "closes": datetime.time(16)}],
        ),
        "respite": make_service(
            "Respite at Oak House",
            summary="Overnight stays for young people with learning disabilities.",
            service_types=["overnight-care"],
            needs=["learning-disability"],
            districts=["south"],
            min_age=8,
            max_age=25,
            cost_type="paid",
            access_routes=["social-care-assessment"],
            delivery_methods=["in-person"],
            provider_type="independent",
            locations=[TAMWORTH],
        ),
        "group": make_service(
            "Autism parent support group",
            summary="Parents meet monthly to share advice.",
            service_types=["support-group"],
            needs=["autism"],
            districts=[],
            county_wide=True,
            min_age=0,
            max_age=25,
            cost_type="free",
            access_routes=["self-referral"],
            delivery_methods=["online"],
            provider_type="voluntary",
            locations=[STOKE],
        ),
        "speech": make_service(
            "Early speech and language therapy",
            summary="Therapists help young children with talking and understanding.",
            service_types=["therapy"],
            needs=["speech-and-language"],
            districts=["north"],
            min_age=0,
            max_age=4,
            cost_type="funded",
            access_routes=["professional-referral"],
            delivery_methods=["in-person"],
            provider_type="nhs",
            locations=[NEAR_STAFFORD],
        ),
        "swimming": make_service(
            "Swimming club",
            summary="Relaxed swimming lessons.",
            description="<p>Quiet, autism-friendly sessions on Saturday mornings.</p>",
            service_types=["activity"],
            needs=["physical-disability"],
            districts=["south"],
            min_age=5,
            max_age=10,
            cost_type="paid",
            access_routes=["self-referral"],
            delivery_methods=["in-person"],
            provider_type="voluntary",
            without_parent=True,
            locations=[TAMWORTH],
        ),
        "draft": make_service(
            "Draft autism club", needs=["autism"], districts=["north"], live=False
        ),
    }
    return made


BACKENDS = [
    "database",
    pytest.param(
        "elasticsearch",
        marks=pytest.mark.skipif(
            not ELASTICSEARCH_URL,
            reason="ELASTICSEARCH_URL is not set: no Elasticsearch server to test against "
            "(`make test-es` starts one)",
        ),
    ),
]


@pytest.fixture(params=BACKENDS)
def backend(request, services):
    """Index the fixture services into the backend under test and search with it."""
    if request.param == "database":
        index_services(rebuild_ids())
        yield "database"
        return
    from search.backends import elasticsearch_index as es

    index = f"test-services-{uuid.uuid4().hex[:12]}"
    with override_settings(ELASTICSEARCH_URL=ELASTICSEARCH_URL, ELASTICSEARCH_INDEX=index):
        es.create_index(delete_existing=True)
        index_services(rebuild_ids())
        es.refresh_index()
        try:
            yield "elasticsearch"
        finally:
            es.client().indices.delete(index=index, ignore_unavailable=True)


def run(backend: str, **kwargs):
    results = search_services(SearchQuery(**kwargs))
    assert results.backend == backend, "the search fell back to another backend"
    return results


def titles(results) -> list[str]:
    return [hit.title for hit in results.hits]


def counts(results, group: str) -> dict[str, int]:
    return {v.value: v.count for v in results.facet(group).values if v.count}


def test_browse_lists_live_services_by_name(backend):
    results = run(backend)
    assert results.total == 5
    assert titles(results) == [
        "Aiming High short breaks",
        "Autism parent support group",
        "Early speech and language therapy",
        "Respite at Oak House",
        "Swimming club",
    ]
    assert "Draft autism club" not in titles(results)


def test_values_within_a_group_are_ored(backend):
    results = run(backend, filters={"need": ("autism", "learning-disability")})
    assert set(titles(results)) == {
        "Aiming High short breaks",
        "Autism parent support group",
        "Respite at Oak House",
    }


def test_groups_are_anded(backend):
    results = run(backend, filters={"need": ("autism",), "type": ("short-breaks",)})
    assert titles(results) == ["Aiming High short breaks"]


def test_each_groups_counts_ignore_its_own_selection(backend):
    results = run(backend, filters={"need": ("autism",), "cost": ("free",)})
    assert results.total == 2
    # Need counts apply the cost selection but not the need selection.
    assert counts(results, "need") == {"autism": 2}
    # Cost counts apply the need selection only.
    assert counts(results, "cost") == {"free": 2}
    # Other groups apply both selections.
    assert counts(results, "type") == {"short-breaks": 1, "support-group": 1}
    selected = [v.value for v in results.facet("need").values if v.selected]
    assert selected == ["autism"]


def test_counts_show_what_ticking_another_value_would_add(backend):
    results = run(backend, filters={"need": ("autism",)})
    assert counts(results, "need") == {
        "autism": 2,
        "learning-disability": 1,
        "speech-and-language": 1,
        "physical-disability": 1,
    }
    assert counts(results, "district") == {"north": 2, "south": 1}


def test_age_bands_overlap_the_service_age_range(backend):
    results = run(backend, filters={"age": ("0-4",)})
    assert set(titles(results)) == {
        "Autism parent support group",
        "Early speech and language therapy",
    }
    assert counts(results, "age") == {"0-4": 2, "5-10": 4, "11-15": 3, "16-18": 3, "19-25": 2}


def test_young_people_can_find_what_they_can_go_to_without_a_parent_or_carer(backend):
    results = run(backend, filters={"alone": ("yes",)})
    assert titles(results) == ["Aiming High short breaks", "Swimming club"]
    assert counts(results, "alone") == {"yes": 2}
    assert counts(results, "need") == {"autism": 1, "physical-disability": 1}
    with_need = run(backend, filters={"alone": ("yes",), "need": ("autism",)})
    assert titles(with_need) == ["Aiming High short breaks"]
    assert counts(run(backend, filters={"cost": ("paid",)}), "alone") == {"yes": 1}


def test_an_age_keeps_services_whose_range_contains_it(backend):
    results = run(backend, age=8)
    assert set(titles(results)) == {
        "Aiming High short breaks",
        "Autism parent support group",
        "Respite at Oak House",
        "Swimming club",
    }


def test_county_wide_services_appear_in_district_searches_after_local_ones(backend):
    results = run(backend, filters={"district": ("north",)})
    assert titles(results) == [
        "Aiming High short breaks",
        "Early speech and language therapy",
        "Autism parent support group",
    ]
    assert counts(results, "district") == {"north": 3, "south": 3}
    assert results.hits[2].county_wide


def test_postcode_distance_filters_and_sorts_nearest_first(backend):
    results = run(backend, postcode="st16 2dh", distance_miles=5, sort="distance")
    assert titles(results) == ["Aiming High short breaks", "Early speech and language therapy"]
    assert results.location == pytest.approx((52.806, -2.115), abs=0.01)
    assert results.hits[0].distance_miles < results.hits[1].distance_miles < 5
    wider = run(backend, postcode="ST16 2DH", distance_miles=20, sort="distance")
    assert titles(wider)[-1] == "Autism parent support group"
    assert 10 < wider.hits[-1].distance_miles < 20


def test_an_unknown_postcode_is_flagged_and_does_not_filter(backend):
    results = run(backend, postcode="ZZ99 9ZZ", distance_miles=5, sort="distance")
    assert results.postcode_unknown
    assert results.location is None
    assert results.total == 5


def test_text_and_facets_together(backend):
    results = run(backend, text="autism", filters={"cost": ("free",)})
    assert set(titles(results)) == {"Aiming High short breaks", "Autism parent support group"}
    assert counts(results, "cost") == {"free": 2, "paid": 1}


def test_a_title_match_beats_a_body_match(backend):
    results = run(backend, text="autism")
    found = titles(results)
    assert found[0] == "Autism parent support group"
    assert found.index("Autism parent support group") < found.index("Swimming club")


def test_synonyms_find_the_other_words(backend):
    both = {"Aiming High short breaks", "Respite at Oak House"}
    assert set(titles(run(backend, text="short breaks"))) == both
    assert set(titles(run(backend, text="respite"))) == both
    assert set(titles(run(backend, text="ASD"))) == set(titles(run(backend, text="autism")))
    assert titles(run(backend, text="SALT")) == ["Early speech and language therapy"]


def test_a_misspelling_is_corrected_when_nothing_matches(backend):
    results = run(backend, text="autsim")
    assert results.suggestion == "autism"
    assert results.corrected
    assert "Autism parent support group" in titles(results)


def test_pagination(backend):
    results = run(backend, per_page=2, page=2)
    assert results.total == 5
    assert results.num_pages == 3
    assert titles(results) == ["Early speech and language therapy", "Respite at Oak House"]


def test_oruk_filters(backend, services):
    autism = services["aiming"].needs.get(slug="autism").uuid
    north = services["aiming"].districts.get(slug="north").uuid
    results = run(backend, taxonomy_term_ids=(autism, north))
    assert set(titles(results)) == {"Aiming High short breaks", "Autism parent support group"}
    assert set(titles(run(backend, min_age=19, max_age=30))) == {
        "Autism parent support group",
        "Respite at Oak House",
    }
    assert titles(
        run(backend, open_day=6, open_from=datetime.time(9), open_to=datetime.time(11))
    ) == ["Aiming High short breaks"]
    assert titles(run(backend, open_day=6, open_from=datetime.time(17))) == []
    assert titles(run(backend, ids=(services["swimming"].uuid,))) == ["Swimming club"]


# One query for the index version, one for the page of hits; text adds its postings and the
# spelling check, a placed postcode the nearby services and the hits' locations, an age the
# services of that age. Counts and the name order come from the facet bitsets (test_bitsets.py).
@pytest.mark.parametrize(
    ("query", "expected_queries"),
    [
        (SearchQuery(), 2),
        (
            SearchQuery(
                text="autism", filters={"need": ("autism",), "cost": ("free",), "age": ("5-10",)}
            ),
            4,
        ),
        (SearchQuery(postcode="ST16 2DH", distance_miles=10, sort="distance"), 4),
        (SearchQuery(filters={"district": ("north",)}, age=8), 3),
    ],
    ids=["browse", "text+facets", "postcode", "district+age"],
)
def test_database_search_runs_the_same_number_of_queries_however_many_services(
    query, expected_queries, services, make_service, django_assert_num_queries
):
    from wagtail.models import Site

    Site.get_site_root_paths()  # cached site roots and search words, as on any warm server
    synonym_entries()
    index_services(rebuild_ids())
    search_services(SearchQuery())  # this index version's facet bitsets, as on a warm server
    with django_assert_num_queries(expected_queries):
        search_services(query)
    for n in range(12):
        make_service(
            f"Autism club {n}",
            needs=["autism"],
            districts=["north", "south"][n % 2 :],
            min_age=5,
            max_age=10,
        )
    search_services(SearchQuery())
    with django_assert_num_queries(expected_queries):
        results = search_services(query)
    assert results.total >= 1


def test_when_no_service_matches_every_word_the_best_partial_matches_come_first(backend):
    results = run(backend, text="autism support group xylophone")
    assert results.partial
    assert titles(results)[0] == "Autism parent support group"
    assert "Swimming club" in titles(results)  # "autism-friendly": one word of four
    assert not run(backend, text="autism support group").partial
