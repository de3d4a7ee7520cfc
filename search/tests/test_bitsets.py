"""The facet bitsets each process keeps are never stale: an editor's publish, unpublish or
taxonomy edit shows on the very next search. And the benchmark's peer and floor count as we do."""

import pytest

from directory.models import Need
from search.backends import bitsets
from search.bench_peers import Floor, peer_search
from search.contract import SearchQuery
from search.service_search import search_services

pytestmark = pytest.mark.postgres


def autism_count(results) -> int:
    return {v.value: v.count for v in results.facet("need").values}.get("autism", 0)


def test_a_publish_and_an_unpublish_show_on_the_next_search(make_service):
    make_service("Aiming High", needs=["autism"], districts=["north"])
    before = search_services(SearchQuery())
    assert (before.total, autism_count(before)) == (1, 1)

    club = make_service("Autism club", needs=["autism"], districts=["south"])
    after = search_services(SearchQuery())
    assert (after.total, autism_count(after)) == (2, 2)
    assert [h.title for h in after.hits] == ["Aiming High", "Autism club"]
    filtered = search_services(SearchQuery(filters={"district": ("south",)}))
    assert [h.title for h in filtered.hits] == ["Autism club"]

    club.unpublish()
    again = search_services(SearchQuery())
    assert (again.total, autism_count(again)) == (1, 1)
    assert [h.title for h in again.hits] == ["Aiming High"]


def test_a_new_need_shows_in_the_facets_at_once(make_service):
    make_service("Aiming High", needs=["autism"])
    search_services(SearchQuery())
    Need.objects.create(slug="sight-loss", name="Sight loss")
    labels = [v.label for v in search_services(SearchQuery()).facet("need").values]
    assert "Sight loss" in labels


def test_after_an_index_change_one_search_rebuilds_in_three_more_queries(
    make_service, django_assert_num_queries
):
    make_service("Aiming High", needs=["autism"])
    search_services(SearchQuery())
    make_service("Autism club", needs=["autism"])
    # The version, the services in name order, their facet values, the labels; the hits.
    with django_assert_num_queries(5):
        search_services(SearchQuery())
    with django_assert_num_queries(2):
        search_services(SearchQuery())
    assert bitsets.current().every.bit_count() == 2


def test_the_peer_and_the_floor_count_what_we_count(make_service):
    make_service("Aiming High short breaks", needs=["autism"], districts=["north"], min_age=5)
    make_service("Swimming club", needs=["adhd"], county_wide=True, cost_type="paid")
    make_service("Autism parent support", needs=["autism"], districts=["south"], max_age=4)
    floor = Floor()
    for query in (
        SearchQuery(),
        SearchQuery(text="autism"),
        SearchQuery(filters={"need": ("autism", "adhd"), "district": ("north",)}),
        SearchQuery(text="club", filters={"age": ("5-10",), "cost": ("paid",)}),
    ):
        ours = search_services(query)
        our_counts = {f.key: {v.value: v.count for v in f.values if v.count} for f in ours.facets}
        peer_total, peer_counts, _titles = peer_search(query)
        floor_total, floor_counts = floor.search(query)
        assert peer_total == floor_total == ours.total, query
        for group, counts in our_counts.items():
            assert floor_counts[group] == peer_counts[group] == counts, (query, group)
