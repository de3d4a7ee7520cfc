"""The database backend: our own denormalised index (search.models.index), plain SQL queries
and facet bitsets kept in memory (search.backends.bitsets).

Works the same on SQLite and PostgreSQL. A search runs a fixed number of queries whatever the
number of services: the index version; the services meeting the conditions other than facets
(text, ages, distance, ORUK filters), with their text scores, when there are any; the page of
hits; and the hits' locations when a postcode was placed. The total, every group's counts and
the ranking by name are arithmetic on the bitsets.

Ranking ("relevance"): when a district is selected, services based in a selected district come
before county-wide services that only cover it; then, with text, the text score (the sum of the
field weights of the matched words, so a title match beats a body match; when only some concepts
need to match, the number of concepts matched counts first); then the title.
"""

import heapq
import math
import uuid

from django.db import connection
from django.db.models import (
    F,
    Q,
    QuerySet,
)

from search.analysis import concepts
from search.backends import bitsets
from search.backends.common import (
    EARTH_RADIUS_MILES,
    facet_groups,
    nearest_miles,
    page_url,
)
from search.contract import FACET_GROUP_KEYS, SearchHit, SearchQuery, SearchResults
from search.indexing import unit_vector
from search.models import (
    ServiceDocument,
    ServiceDocumentLocation,
    ServiceDocumentOpening,
    ServiceFacetValue,
    ServiceTerm,
)


def _documents_with_terms(terms: list[str]) -> QuerySet:
    if len(terms) == 1:
        return ServiceTerm.objects.filter(term=terms[0]).values("document_id")
    return ServiceTerm.objects.filter(term__in=terms).values("document_id")


def text_filter(text: str, match_some: bool = False) -> tuple[Q, set[str]]:
    """Every concept of the text must match (any of its synonyms, each with all its words);
    with `match_some`, at least one concept."""
    condition = Q()
    all_terms: set[str] = set()
    for concept in concepts(text):
        single_words = [a[0] for a in concept.alternatives if len(a) == 1]
        # One subquery for all the one-word synonyms, one per multi-word alternative.
        any_alternative = Q(pk__in=_documents_with_terms(single_words)) if single_words else Q()
        for alternative in concept.alternatives:
            if len(alternative) > 1:
                every_word = Q()
                for term in alternative:
                    every_word &= Q(pk__in=_documents_with_terms([term]))
                any_alternative |= every_word
        condition = (condition | any_alternative) if match_some else (condition & any_alternative)
        all_terms |= concept.all_terms
    return condition, all_terms


def _chord_squared(location: tuple[float, float]):
    """Squared straight-line distance on the unit sphere, pure arithmetic (fast on SQLite)."""
    x0, y0, z0 = unit_vector(*location)
    return (
        (F("x") - x0) * (F("x") - x0)
        + (F("y") - y0) * (F("y") - y0)
        + (F("z") - z0) * (F("z") - z0)
    )


def _chord_squared_for_miles(miles: float) -> float:
    return (2 * math.sin(min(math.pi, miles / EARTH_RADIUS_MILES) / 2)) ** 2


def distance_filter(location: tuple[float, float], miles: float) -> Q:
    """Services with a location within `miles`: a bounding box the index can use, then exact."""
    lat, lon = location
    dlat = math.degrees(miles / EARTH_RADIUS_MILES)
    dlon = dlat / max(0.01, math.cos(math.radians(lat)))
    nearby = (
        ServiceDocumentLocation.objects.filter(
            latitude__range=(lat - dlat, lat + dlat), longitude__range=(lon - dlon, lon + dlon)
        )
        .alias(chord=_chord_squared(location))
        .filter(chord__lte=_chord_squared_for_miles(miles))
        .values("document_id")
    )
    return Q(pk__in=nearby)


def base_filter(query: SearchQuery, location: tuple[float, float] | None) -> tuple[Q, set[str]]:
    """Every condition except the facet selections; and the text's terms for scoring."""
    condition = Q()
    text_terms: set[str] = set()
    if query.text.strip():
        text_condition, text_terms = text_filter(query.text, query.match_some)
        condition &= text_condition
    if query.age is not None:
        condition &= Q(min_age__lte=query.age, max_age__gte=query.age)
    if query.min_age is not None:
        condition &= Q(max_age__gte=query.min_age)
    if query.max_age is not None:
        condition &= Q(min_age__lte=query.max_age)
    if query.modified_after is not None:
        condition &= Q(last_published_at__gt=query.modified_after)
    if query.ids is not None:
        condition &= Q(uuid__in=list(query.ids))
    for term_uuid in query.taxonomy_term_ids:
        condition &= Q(
            pk__in=ServiceFacetValue.objects.filter(term_uuid=term_uuid).values("document_id")
        )
    if query.open_day is not None:
        openings = ServiceDocumentOpening.objects.filter(weekday=query.open_day)
        if query.open_to is not None:
            openings = openings.filter(opens__lt=query.open_to)
        if query.open_from is not None:
            openings = openings.filter(closes__gt=query.open_from)
        condition &= Q(pk__in=openings.values("document_id"))
    if location is not None and query.distance_miles is not None:
        condition &= distance_filter(location, query.distance_miles)
    return condition, text_terms


def score_sql(query: SearchQuery, text_terms: set[str]) -> tuple[str, list]:
    """The text score of service `d` (see the module docstring) as SQL and its parameters."""
    if not text_terms:
        return "0", []
    terms_table = connection.ops.quote_name(ServiceTerm._meta.db_table)
    placeholders = ", ".join(["%s"] * len(text_terms))
    sql = (
        f"COALESCE((SELECT SUM(t.weight) FROM {terms_table} t "  # noqa: S608
        f"WHERE t.document_id = d.page_id AND t.term IN ({placeholders})), 0)"
    )
    params = sorted(text_terms)
    if query.match_some:
        # How many concepts a service matches counts first, then where the words are.
        matched = []
        for concept in concepts(query.text):
            placeholders = ", ".join(["%s"] * len(concept.all_terms))
            matched.append(
                f"CASE WHEN EXISTS (SELECT 1 FROM {terms_table} t "  # noqa: S608
                f"WHERE t.document_id = d.page_id AND t.term IN ({placeholders})) "
                "THEN 1000 ELSE 0 END"
            )
            params += sorted(concept.all_terms)
        sql = f"({' + '.join([sql, *matched])})"
    return sql, params


def scored_rows(
    query: SearchQuery, base: Q, text_terms: set[str], location: tuple[float, float] | None
) -> list[tuple]:
    """(page id, text score, squared chord to the location or None) of every service meeting
    the base conditions, in one query."""
    documents = connection.ops.quote_name(ServiceDocument._meta.db_table)
    locations_table = connection.ops.quote_name(ServiceDocumentLocation._meta.db_table)
    score, params = score_sql(query, text_terms)
    chord = "NULL"
    if query.sort == "distance" and location is not None:
        x0, y0, z0 = unit_vector(*location)
        chord = (
            "(SELECT MIN((l.x - %s) * (l.x - %s) + (l.y - %s) * (l.y - %s) "  # noqa: S608
            f"+ (l.z - %s) * (l.z - %s)) FROM {locations_table} l "
            "WHERE l.document_id = d.page_id)"
        )
        params += [x0, x0, y0, y0, z0, z0]
    where = "1 = 1"
    if base:
        base_sql, base_params = (
            ServiceDocument.objects.filter(base).order_by().values("pk").query.sql_with_params()
        )
        where = f"d.page_id IN ({base_sql})"
        params += base_params
    sql = f"SELECT d.page_id, {score}, {chord} FROM {documents} d WHERE {where}"  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def ranked_page(
    query: SearchQuery,
    bits: bitsets.FacetBits,
    matched: int,
    rows: list[tuple] | None,
    by_distance: bool,
) -> list[tuple[int, float]]:
    """(page id, score) of the requested page of `matched`, ranked (see the module docstring)."""
    offset = (max(1, query.page) - 1) * query.per_page
    first_tier = 0
    if query.sort == "relevance" and not by_distance and query.selected("district"):
        for district in query.selected("district"):
            first_tier |= bits.based_in.get(district, 0)
        first_tier &= matched
    if rows is None or query.sort == "name" or not (by_distance or any(r[1] for r in rows)):
        # Bit positions are the name order: no scores to sort by.
        tiers = [first_tier, matched & ~first_tier]
        return [(page_id, 0.0) for page_id in bits.page_of(tiers, offset, query.per_page)]
    positions = bits.positions
    matched_bytes = matched.to_bytes(len(bits.page_ids) // 8 + 1, "little")
    first_bytes = first_tier.to_bytes(len(matched_bytes), "little")
    keyed = []
    for page_id, score, chord in rows:
        position = positions.get(page_id)
        if position is None or not matched_bytes[position >> 3] >> (position & 7) & 1:
            continue
        if by_distance:
            key = (chord is None, chord or 0.0, position)
        else:
            tier = 0 if first_bytes[position >> 3] >> (position & 7) & 1 else 1
            key = (tier, -float(score or 0), position)
        keyed.append((key, page_id, float(score or 0)))
    top = heapq.nsmallest(offset + query.per_page, keyed)[offset:]
    return [(page_id, score) for _key, page_id, score in top]


def search(query: SearchQuery, location: tuple[float, float] | None) -> SearchResults:
    """Run a search: the base conditions in SQL, facets and ranking on the bitsets, then the
    page of hits (see search.backends.bitsets)."""
    bits = bitsets.current()
    base, text_terms = base_filter(query, location)
    by_distance = query.sort == "distance" and location is not None
    rows = scored_rows(query, base, text_terms, location) if base or by_distance else None
    base_bits = bits.every if rows is None or not base else bits.bits_of(r[0] for r in rows)
    selections = {
        group: bits.any_of(group, query.selected(group))
        for group in FACET_GROUP_KEYS
        if query.selected(group)
    }
    total, counts = bits.counts(base_bits, selections, query.with_facets)
    matched = base_bits
    for selection in selections.values():
        matched &= selection
    page = ranked_page(query, bits, matched, rows, by_distance)
    documents = ServiceDocument.objects.in_bulk([page_id for page_id, _score in page])
    places: dict[int, list[tuple[float, float]]] = {}
    if location is not None and page:
        for doc_id, lat, lon in ServiceDocumentLocation.objects.filter(
            document_id__in=[page_id for page_id, _score in page]
        ).values_list("document_id", "latitude", "longitude"):
            places.setdefault(doc_id, []).append((lat, lon))
    hits = [
        SearchHit(
            page_id=page_id,
            title=d.title,
            url=page_url(d.url_path),
            summary=d.summary,
            score=score,
            distance_miles=nearest_miles(location, places.get(page_id, [])),
            uuid=uuid.UUID(str(d.uuid)),
            organisation=d.organisation,
            service_types=tuple(t for t in d.service_types.split(", ") if t),
            age_range=d.age_range,
            area=d.area,
            cost=d.cost,
            county_wide=bool(d.county_wide),
        )
        for page_id, score in page
        if (d := documents.get(page_id)) is not None
    ]
    facets = facet_groups(query, counts, bits.vocabulary) if query.with_facets else []
    return SearchResults(
        hits=hits,
        total=total,
        facets=facets,
        location=location,
        page=max(1, query.page),
        per_page=query.per_page,
        backend="database",
    )


def known_terms(candidates: set[str]) -> set[str]:
    """Which of these terms the index holds."""
    return set(
        ServiceTerm.objects.filter(term__in=sorted(candidates))
        .values_list("term", flat=True)
        .distinct()
    )


def vocabulary() -> list[str]:
    """Every indexed term (for spelling suggestions)."""
    return list(ServiceTerm.objects.order_by().values_list("term", flat=True).distinct())
