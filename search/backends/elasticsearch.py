"""The Elasticsearch backend: an `elasticsearch.dsl` Document for services and a FacetedSearch.

Chosen when `settings.ELASTICSEARCH_URL` is set. Text goes through an English analyzer (stemming,
stop words); the query is read by search.analysis, as for the database backend, so the
editor-managed synonym list (search.synonyms) expands it the same way on both. Facet groups are
keyword fields with multi-select semantics (FacetedSearch: post_filter plus one filtered
aggregation per group). Any connection or server error raises SearchUnavailable so that
search.service_search can fall back to the database backend.

Ranking ("relevance"), as in the database backend: services based in a selected district first
(a constant boost far above any text score), then the text score (title weighted highest), then
the title.
"""

import logging

from django.conf import settings
from elasticsearch.dsl import FacetedSearch, Q, TermsFacet

from search.analysis import concepts
from search.backends import SearchUnavailable
from search.backends.common import facet_groups, nearest_miles, page_url
from search.backends.elasticsearch_index import (
    SERVER_ERRORS,
    ServiceSearchDocument,
    connection_alias,
    index_name,
    minutes,
)
from search.contract import FACET_GROUP_KEYS, SearchHit, SearchQuery, SearchResults

logger = logging.getLogger(__name__)

DISTRICT_BOOST = 1_000_000
MAX_FACET_VALUES = 500
# Field boosts; the same order of importance as the database backend's FIELD_WEIGHTS.
TEXT_FIELDS = [
    "title^10",
    "keywords^4",
    "service_types_text^4",
    "needs_text^4",
    "summary^3",
    "organisation^2",
    "description",
]


class ServiceFacetedSearch(FacetedSearch):
    """Text, facets (OR within a group, AND across, counts without the group's own selection),
    and the filters that are not facets (age, distance, ORUK's terms, dates and opening days)."""

    doc_types = [ServiceSearchDocument]
    fields = TEXT_FIELDS
    facets = {key: TermsFacet(field=key, size=MAX_FACET_VALUES) for key in FACET_GROUP_KEYS}

    def __init__(self, query: SearchQuery, location: tuple[float, float] | None):
        self.contract_query = query
        self.location = location
        self.index = index_name()
        self.using = connection_alias()
        filters = {key: list(values) for key, values in query.filters.items() if values}
        super().__init__(query.text or "", filters=filters, sort=self._sort_order())

    def _sort_order(self) -> list:
        query, location = self.contract_query, self.location
        if query.sort == "distance" and location is not None:
            return [
                {
                    "_geo_distance": {
                        "locations": {"lat": location[0], "lon": location[1]},
                        "order": "asc",
                        "unit": "mi",
                        "mode": "min",
                        "ignore_unmapped": True,
                    }
                },
                {"title.sort": "asc"},
                {"page_id": "asc"},
            ]
        if query.sort == "name":
            return [{"title.sort": "asc"}, {"page_id": "asc"}]
        return [{"_score": "desc"}, {"title.sort": "asc"}, {"page_id": "asc"}]

    def query(self, search, query):
        """The text (see text_query); the non-facet filters narrow hits and counts alike; the
        district tier boosts."""
        text = self.contract_query.text
        main = (
            text_query(text, self.fields, self.contract_query.match_some)
            if text
            else Q("match_all")
        )
        should = []
        districts = self.contract_query.selected("district")
        if self.contract_query.sort == "relevance" and districts:
            should.append(
                Q(
                    "constant_score",
                    filter=Q("terms", district_based=list(districts)),
                    boost=DISTRICT_BOOST,
                )
            )
        return search.query(Q("bool", must=[main], should=should, filter=self.non_facet_filters()))

    def highlight(self, search):
        return search

    def search(self):
        return super().search().extra(track_total_hits=True)

    def non_facet_filters(self) -> list:
        """Age, ORUK's fields, opening days and distance: these apply to the counts too."""
        query, location = self.contract_query, self.location
        filters = []
        if query.age is not None:
            filters += [
                Q("range", min_age={"lte": query.age}),
                Q("range", max_age={"gte": query.age}),
            ]
        if query.min_age is not None:
            filters.append(Q("range", max_age={"gte": query.min_age}))
        if query.max_age is not None:
            filters.append(Q("range", min_age={"lte": query.max_age}))
        if query.modified_after is not None:
            filters.append(Q("range", last_published_at={"gt": query.modified_after}))
        if query.ids is not None:
            filters.append(Q("terms", uuid=[str(i) for i in query.ids]))
        for term_uuid in query.taxonomy_term_ids:
            filters.append(Q("term", term_uuids=str(term_uuid)))
        if query.open_day is not None:
            opening = Q("term", openings__weekday=query.open_day)
            if query.open_to is not None:
                opening &= Q("range", openings__opens={"lt": minutes(query.open_to)})
            if query.open_from is not None:
                opening &= Q("range", openings__closes={"gt": minutes(query.open_from)})
            filters.append(Q("nested", path="openings", query=opening))
        if location is not None and query.distance_miles is not None:
            filters.append(
                Q(
                    "geo_distance",
                    distance=f"{query.distance_miles}mi",
                    locations={"lat": location[0], "lon": location[1]},
                )
            )
        return filters


def text_query(text: str, fields: list[str], match_some: bool = False) -> Q:
    """Every concept of the text must match in some field, as in the database backend; with
    `match_some`, any concept may, and services matching more concepts score higher.

    A concept is a word or a phrase from the shared synonym list with its alternatives
    (search.analysis.concepts); an alternative matches when each of its words is in some field.
    Word by word `multi_match` keeps the match term-centric across fields, with field boosts.
    """
    must = []
    for concept in concepts(text):
        alternatives = [
            Q("bool", must=[Q("multi_match", query=word, fields=fields) for word in phrase])
            if len(phrase) > 1
            else Q("multi_match", query=phrase[0], fields=fields)
            for phrase in concept.phrases
        ]
        must.append(
            alternatives[0]
            if len(alternatives) == 1
            else Q("bool", should=alternatives, minimum_should_match=1)
        )
    if not must:
        return Q("match_all")
    if match_some:
        return Q("bool", should=must, minimum_should_match=1)
    return Q("bool", must=must)


def build_search(query: SearchQuery, location: tuple[float, float] | None) -> ServiceFacetedSearch:
    """The FacetedSearch for one contract query, sliced to the requested page."""
    faceted = ServiceFacetedSearch(query, location)
    start = (max(1, query.page) - 1) * query.per_page
    faceted = faceted[start : start + query.per_page]
    if not query.with_facets:
        faceted._s.aggs._params.pop("aggs", None)
    return faceted


def results_from_response(
    query: SearchQuery,
    location: tuple[float, float] | None,
    response,
    vocabulary: dict | None = None,
) -> SearchResults:
    """Turn an executed FacetedSearch response into the contract's SearchResults."""
    hits = []
    for hit in response:
        places = [(p["lat"], p["lon"]) for p in (hit.to_dict().get("locations") or [])]
        hits.append(
            SearchHit(
                page_id=int(hit.page_id),
                title=hit.title,
                url=page_url(hit.url_path),
                summary=hit.summary or "",
                score=float(hit.meta.score or 0.0),
                distance_miles=nearest_miles(location, places),
                uuid=hit.uuid,
                organisation=hit.organisation or "",
                service_types=tuple(hit.service_types or ()),
                age_range=hit.age_range or "",
                area=hit.area or "",
                cost=hit.cost_label or "",
                county_wide=bool(hit.county_wide),
            )
        )
    facets = []
    if query.with_facets:
        counts = {
            key: {value: count for value, count, _selected in response.facets[key]}
            for key in FACET_GROUP_KEYS
        }
        facets = facet_groups(query, counts, vocabulary)
    return SearchResults(
        hits=hits,
        total=int(response.hits.total.value),
        facets=facets,
        location=location,
        page=max(1, query.page),
        per_page=query.per_page,
        backend="elasticsearch",
    )


def search(query: SearchQuery, location: tuple[float, float] | None) -> SearchResults:
    """Run a search on Elasticsearch; SearchUnavailable if the server cannot answer. With
    `settings.ELASTICSEARCH_PROFILE` the server profiles the query and the log gets the times
    (docs/search-elasticsearch.md)."""
    faceted = build_search(query, location)
    profiling = getattr(settings, "ELASTICSEARCH_PROFILE", False)
    if profiling:
        faceted._s = faceted._s.extra(profile=True)
    try:
        response = faceted.execute()
    except SERVER_ERRORS as error:
        raise SearchUnavailable(str(error)) from error
    if profiling:
        logger.info(
            "Elasticsearch profile: took %s ms, %s",
            response.took,
            profile_summary(response.to_dict().get("profile", {})),
        )
    return results_from_response(query, location, response)


def profile_summary(profile: dict) -> dict[str, float]:
    """Milliseconds per part of a profiled search, summed over shards: the query, collecting,
    and each aggregation by name (the facet groups' filters and terms)."""
    summary: dict[str, float] = {}

    def add(name: str, nanos: int) -> None:
        summary[name] = round(summary.get(name, 0.0) + nanos / 1e6, 3)

    for shard in profile.get("shards", []):
        for one_search in shard.get("searches", []):
            for part in one_search.get("query", []):
                add("query", part.get("time_in_nanos", 0))
            for collector in one_search.get("collector", []):
                add("collect", collector.get("time_in_nanos", 0))
        for aggregation in shard.get("aggregations", []):
            add(f"aggregation {aggregation.get('description', '')}", aggregation["time_in_nanos"])
    return summary
