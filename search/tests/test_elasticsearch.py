"""The Elasticsearch backend without a server: mapping, query bodies, response handling, sync
calls, and the fallback to the database when the server cannot be reached."""

import datetime
import logging
from unittest import mock

import pytest
from django.test import override_settings

from directory.vocabularies import VOCABULARIES
from search.backends import elasticsearch as es
from search.backends import elasticsearch_index as es_index
from search.contract import SearchQuery
from search.indexing import index_services, rebuild_ids, service_document_data
from search.service_search import search_services

STAFFORD = (52.806, -2.115)
CLOSED_PORT_URL = "http://127.0.0.1:9"  # discard port: nothing listens, the connection is refused


def mapping() -> dict:
    return es_index.ServiceSearchDocument._index.to_dict()


def test_text_fields_stem_english_and_leave_synonyms_to_the_shared_query_reading():
    body = mapping()
    analysis = body["settings"]["analysis"]
    index_filters = analysis["analyzer"]["service_text"]["filter"]
    assert "english_stemmer" in index_filters
    # The editor-managed synonyms expand the query in Python, the same for both backends.
    assert not any(f.get("type") == "synonym_graph" for f in analysis.get("filter", {}).values())
    assert analysis["filter"]["english_stemmer"] == {"type": "stemmer", "language": "english"}
    title = body["mappings"]["properties"]["title"]
    assert title["analyzer"] == "service_text"
    assert "search_analyzer" not in title
    assert title["fields"]["sort"]["type"] == "keyword"


def test_facets_are_keywords_locations_geo_points_and_titles_complete():
    properties = mapping()["mappings"]["properties"]
    for group in ("type", "need", "age", "district", "cost", "access", "delivery", "provider"):
        assert properties[group] == {"type": "keyword"}
    for vocabulary in VOCABULARIES:  # a new vocabulary needs its keyword field
        assert properties[vocabulary.key] == {"type": "keyword"}
    assert properties["locations"] == {"type": "geo_point"}
    assert properties["suggest"]["type"] == "completion"
    assert properties["openings"]["type"] == "nested"
    assert properties["url_path"] == {"type": "keyword", "index": False}


def test_going_without_a_parent_or_carer_filters_and_is_counted():
    body = body_for(SearchQuery(filters={"alone": ("yes",), "need": ("autism",)}))
    assert {"terms": {"alone": ["yes"]}} in body["post_filter"]["bool"]["must"]
    assert body["aggs"]["_filter_alone"]["filter"] == {"terms": {"need": ["autism"]}}
    assert body["aggs"]["_filter_need"]["filter"] == {"terms": {"alone": ["yes"]}}
    assert body["aggs"]["_filter_alone"]["aggs"]["alone"] == {
        "terms": {"field": "alone", "size": es.MAX_FACET_VALUES}
    }


def body_for(query: SearchQuery, location=None) -> dict:
    return es.build_search(query, location)._s.to_dict()


def test_facet_selections_filter_hits_and_the_other_groups_counts():
    body = body_for(SearchQuery(filters={"need": ("autism", "adhd"), "cost": ("free",)}))
    assert body["post_filter"] == {
        "bool": {"must": [{"terms": {"need": ["autism", "adhd"]}}, {"terms": {"cost": ["free"]}}]}
    }
    # The need counts apply the cost selection only; cost counts the need selection only.
    assert body["aggs"]["_filter_need"]["filter"] == {"terms": {"cost": ["free"]}}
    assert body["aggs"]["_filter_cost"]["filter"] == {"terms": {"need": ["autism", "adhd"]}}
    assert body["aggs"]["_filter_type"]["filter"]["bool"]["must"] == [
        {"terms": {"need": ["autism", "adhd"]}},
        {"terms": {"cost": ["free"]}},
    ]
    assert body["aggs"]["_filter_district"]["aggs"]["district"] == {
        "terms": {"field": "district", "size": es.MAX_FACET_VALUES}
    }
    assert body["sort"] == [{"_score": "desc"}, {"title.sort": "asc"}, {"page_id": "asc"}]
    assert body["track_total_hits"] is True


@pytest.mark.django_db  # the editors' search words live in the database
def test_text_query_needs_every_word_and_expands_shared_synonyms():
    body = body_for(SearchQuery(text="short breaks Stafford"))
    must = body["query"]["bool"]["must"][0]["bool"]["must"]
    assert len(must) == 2
    short_breaks = must[0]["bool"]
    assert short_breaks["minimum_should_match"] == 1
    alternatives = short_breaks["should"]
    assert alternatives[1] == {"multi_match": {"query": "respite", "fields": es.TEXT_FIELDS}}
    assert [m["multi_match"]["query"] for m in alternatives[0]["bool"]["must"]] == [
        "short",
        "break",
    ]
    assert must[1] == {"multi_match": {"query": "stafford", "fields": es.TEXT_FIELDS}}
    assert es.TEXT_FIELDS[0] == "title^10"


def test_age_postcode_distance_and_district_ranking_rule():
    body = body_for(
        SearchQuery(age=8, distance_miles=5, filters={"district": ("north",)}), STAFFORD
    )
    query = body["query"]["bool"]
    assert {"range": {"min_age": {"lte": 8}}} in query["filter"]
    assert {"range": {"max_age": {"gte": 8}}} in query["filter"]
    assert {
        "geo_distance": {"distance": "5mi", "locations": {"lat": 52.806, "lon": -2.115}}
    } in query["filter"]
    assert query["must"] == [{"match_all": {}}]
    assert query["should"] == [
        {
            "constant_score": {
                "filter": {"terms": {"district_based": ["north"]}},
                "boost": es.DISTRICT_BOOST,
            }
        }
    ]


def test_distance_sort_and_pagination():
    body = body_for(SearchQuery(sort="distance", page=3, per_page=10), STAFFORD)
    assert body["sort"][0]["_geo_distance"]["locations"] == {"lat": 52.806, "lon": -2.115}
    assert body["sort"][0]["_geo_distance"]["mode"] == "min"
    assert (body["from"], body["size"]) == (20, 10)
    # Distance sort without a placed postcode falls back to relevance.
    assert body_for(SearchQuery(sort="distance"))["sort"][0] == {"_score": "desc"}


def test_oruk_filters_in_the_query():
    term = "6f1c1d3e-0000-4000-8000-000000000001"
    body = body_for(
        SearchQuery(
            taxonomy_term_ids=(term,),
            min_age=3,
            max_age=7,
            open_day=6,
            open_from=datetime.time(10),
            open_to=datetime.time(12),
        )
    )
    filters = body["query"]["bool"]["filter"]
    assert {"term": {"term_uuids": term}} in filters
    assert {"range": {"max_age": {"gte": 3}}} in filters
    assert {"range": {"min_age": {"lte": 7}}} in filters
    nested = next(f["nested"] for f in filters if "nested" in f)
    assert nested["path"] == "openings"
    assert {"range": {"openings.opens": {"lt": 720}}} in nested["query"]["bool"]["must"]
    assert {"range": {"openings.closes": {"gt": 600}}} in nested["query"]["bool"]["must"]


RESPONSE = {
    "took": 3,
    "timed_out": False,
    "_shards": {"total": 1, "successful": 1, "skipped": 0, "failed": 0},
    "hits": {
        "total": {"value": 42, "relation": "eq"},
        "max_score": 1000012.5,
        "hits": [
            {
                "_index": "localoffer-services",
                "_id": "7",
                "_score": 1000012.5,
                "_source": {
                    "page_id": 7,
                    "uuid": "0b4f6b7e-6a59-4b7c-9f3c-2a9d8c1e5f00",
                    "title": "Aiming High short breaks",
                    "summary": "Activities after school.",
                    "url_path": "/home/services/aiming-high/",
                    "organisation": "Westshire Council",
                    "service_types": ["Short breaks"],
                    "age_range": "5 to 18 years",
                    "area": "North",
                    "cost_label": "Free",
                    "county_wide": False,
                    "locations": [{"lat": 52.83, "lon": -2.14}],
                },
                "sort": [1000012.5, "aiming high short breaks", 7],
            }
        ],
    },
    "aggregations": {
        f"_filter_{group}": {
            "doc_count": 42,
            group: {
                "doc_count_error_upper_bound": 0,
                "sum_other_doc_count": 0,
                "buckets": buckets,
            },
        }
        for group, buckets in {
            "type": [{"key": "short-breaks", "doc_count": 30}],
            "need": [{"key": "autism", "doc_count": 42}, {"key": "adhd", "doc_count": 5}],
            "age": [{"key": "5-10", "doc_count": 40}],
            "district": [{"key": "north", "doc_count": 42}],
            "cost": [{"key": "free", "doc_count": 42}],
            "access": [],
            "delivery": [],
            "provider": [],
            "alone": [{"key": "yes", "doc_count": 12}],
        }.items()
    },
}


def test_a_real_shaped_response_becomes_search_results(site_root):
    query = SearchQuery(text="short breaks", filters={"need": ("autism",)}, postcode="ST16 2DH")
    faceted = es.build_search(query, STAFFORD)
    response = faceted._s._response_class(faceted._s, RESPONSE)
    response._faceted_search = faceted
    vocabulary = {
        "type": [("short-breaks", "Short breaks")],
        "need": [("adhd", "ADHD"), ("autism", "Autism"), ("hearing", "Hearing")],
        "age": [("0-4", "0 to 4 years"), ("5-10", "5 to 10 years")],
        "district": [("north", "North"), ("south", "South")],
        "cost": [("free", "Free")],
        "alone": [("yes", "Young people can go without a parent or carer")],
    }
    results = es.results_from_response(query, STAFFORD, response, vocabulary)
    assert results.total == 42
    assert results.backend == "elasticsearch"
    hit = results.hits[0]
    assert (hit.page_id, hit.title, hit.url) == (
        7,
        "Aiming High short breaks",
        "/services/aiming-high/",
    )
    assert hit.service_types == ("Short breaks",)
    assert hit.distance_miles == pytest.approx(1.96, abs=0.05)
    need = results.facet("need")
    assert [(v.value, v.label, v.count, v.selected) for v in need.values] == [
        ("adhd", "ADHD", 5, False),
        ("autism", "Autism", 42, True),
        ("hearing", "Hearing", 0, False),
    ]
    assert [v.count for v in results.facet("district").values] == [42, 0]
    assert [(v.value, v.count) for v in results.facet("alone").values] == [("yes", 12)]


@pytest.fixture
def indexed_service(make_service):
    service = make_service(
        "Aiming High short breaks", needs=["autism"], districts=["north"], county_wide=True
    )
    index_services(rebuild_ids(), elasticsearch=False)
    return service


def test_a_dead_server_falls_back_to_the_database_and_logs_it(indexed_service, caplog):
    with override_settings(ELASTICSEARCH_URL=CLOSED_PORT_URL), caplog.at_level(logging.WARNING):
        results = search_services(SearchQuery(text="autism"))
    assert results.backend == "database"
    assert [hit.title for hit in results.hits] == ["Aiming High short breaks"]
    assert "Elasticsearch unavailable" in caplog.text


def test_publishing_with_a_dead_server_still_publishes(indexed_service, caplog):
    with override_settings(ELASTICSEARCH_URL=CLOSED_PORT_URL), caplog.at_level(logging.WARNING):
        indexed_service.save_revision().publish()
    assert "Could not update the Elasticsearch index" in caplog.text
    indexed_service.refresh_from_db()
    assert indexed_service.live


def test_document_carries_facets_county_wide_districts_and_card_fields(indexed_service):
    from directory.models import District

    District.objects.create(name="South", slug="south")
    data = service_document_data(indexed_service, list(District.objects.all()))
    document = es_index.to_document(data).to_dict(include_meta=True)
    source = document["_source"]
    assert document["_id"] == indexed_service.pk
    assert source["need"] == ["autism"]
    assert sorted(source["district"]) == ["north", "south"]
    assert source["district_based"] == ["north"]
    assert source["age"] == ["0-4", "5-10", "11-15", "16-18", "19-25"]
    assert source["locations"] == [{"lat": 52.806, "lon": -2.115}]
    assert source["url_path"] == indexed_service.url_path
    assert not source.get("alone")
    indexed_service.without_parent = True
    alone = es_index.to_document(service_document_data(indexed_service, [])).to_dict()
    assert alone["alone"] == ["yes"]


@override_settings(ELASTICSEARCH_URL=CLOSED_PORT_URL, ELASTICSEARCH_INDEX="services-test")
def test_publish_and_unpublish_send_bulk_index_and_delete(make_service):
    draft = make_service("Swimming club", live=False)
    with mock.patch.object(es_index, "bulk") as bulk:
        draft.save_revision().publish()
    actions = list(bulk.call_args.args[1])
    assert [(a.get("_op_type", "index"), a["_index"], a["_id"]) for a in actions] == [
        ("index", "services-test", draft.pk)
    ]
    assert actions[0]["_source"]["title"] == "Swimming club"
    draft.refresh_from_db()
    with mock.patch.object(es_index, "bulk") as bulk:
        draft.unpublish()
    assert list(bulk.call_args.args[1]) == [
        {"_op_type": "delete", "_index": "services-test", "_id": draft.pk}
    ]


@override_settings(ELASTICSEARCH_URL=CLOSED_PORT_URL)
def test_saving_a_draft_sends_nothing(make_service):
    service = make_service("Swimming club")
    with mock.patch.object(es_index, "bulk") as bulk:
        service.title = "Swimming club (new times)"
        service.save_revision()
    bulk.assert_not_called()


def test_a_profiled_search_is_summed_by_part_over_shards():
    shard = {
        "searches": [
            {
                "query": [{"time_in_nanos": 1_500_000}],
                "collector": [{"time_in_nanos": 500_000}],
            }
        ],
        "aggregations": [{"description": "_filter_need", "time_in_nanos": 250_000}],
    }
    assert es.profile_summary({"shards": [shard, shard]}) == {
        "query": 3.0,
        "collect": 1.0,
        "aggregation _filter_need": 0.5,
    }


def test_with_profiling_on_the_search_asks_the_server_to_profile_it(settings):
    settings.ELASTICSEARCH_PROFILE = True
    sent = {}

    def execute(self):
        sent.update(self._s.to_dict())
        raise RuntimeError("no server here")

    with (
        mock.patch.object(es.ServiceFacetedSearch, "execute", execute),
        pytest.raises(RuntimeError),
    ):
        es.search(SearchQuery(), None)
    assert sent["profile"] is True
    assert set(sent["aggs"]) == {f"_filter_{group}" for group in es.FACET_GROUP_KEYS}
