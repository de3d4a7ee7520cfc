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
from django.db.models import Q

from search.analysis import Concept, concepts
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

HIT_COLUMNS = (
    "page_id",
    "uuid",
    "title",
    "url_path",
    "summary",
    "organisation",
    "service_types",
    "age_range",
    "area",
    "cost",
    "county_wide",
)
Candidates = dict[int, float | None]  # bit position -> text score or squared chord


def _fetch(sql: str, params: list) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def text_match(
    text_concepts: list[Concept], match_some: bool, bits: bitsets.FacetBits
) -> tuple[int, Candidates]:
    """The services matching the text and their text scores, from one query of narrow rows
    (term, service, weight) worked out on bitsets: every concept must match (any of its
    alternatives, each with all its words); with `match_some`, at least one concept, and each
    concept matched counts 1000 before the field weights. Remembered until the index changes,
    so a popular search needs no query for its text."""
    key = (tuple(concept.alternatives for concept in text_concepts), match_some)
    if (remembered := bits.remembered_text(key)) is not None:
        return remembered
    all_terms = sorted({t for concept in text_concepts for t in concept.all_terms})
    placeholders = ", ".join(["%s"] * len(all_terms))
    table = connection.ops.quote_name(ServiceTerm._meta.db_table)
    rows = _fetch(
        f"SELECT term, document_id, weight FROM {table} WHERE term IN ({placeholders})",  # noqa: S608
        all_terms,
    )
    positions = bits.positions
    postings: dict[str, list[int]] = {}
    scores: Candidates = {}
    for term, document_id, weight in rows:
        position = positions.get(document_id)
        if position is not None:
            postings.setdefault(term, []).append(position)
            scores[position] = scores.get(position, 0) + weight
    term_bits = {term: bits.from_positions(found) for term, found in postings.items()}
    matched = 0 if match_some else bits.every
    for concept in text_concepts:
        any_alternative = 0
        for alternative in concept.alternatives:
            every_word = bits.every
            for term in alternative:
                every_word &= term_bits.get(term, 0)
            any_alternative |= every_word
        matched = (matched | any_alternative) if match_some else (matched & any_alternative)
        if match_some:
            mentioned = 0
            for term in concept.all_terms:
                mentioned |= term_bits.get(term, 0)
            for position in bits.positions_in(mentioned):
                scores[position] += 1000
    bits.remember_text(key, matched, scores)
    return matched, scores


def nearby(
    location: tuple[float, float], miles: float | None, bits: bitsets.FacetBits
) -> tuple[int, Candidates]:
    """The services with a location within `miles` (any distance if None), with the squared
    chord to their nearest location: a bounding box the index can use, then exact."""
    x0, y0, z0 = unit_vector(*location)
    table = connection.ops.quote_name(ServiceDocumentLocation._meta.db_table)
    chord = "(x - %s) * (x - %s) + (y - %s) * (y - %s) + (z - %s) * (z - %s)"
    params: list = [x0, x0, y0, y0, z0, z0]
    where = "1 = 1"
    if miles is not None:
        lat, lon = location
        dlat = math.degrees(miles / EARTH_RADIUS_MILES)
        dlon = dlat / max(0.01, math.cos(math.radians(lat)))
        limit = (2 * math.sin(min(math.pi, miles / EARTH_RADIUS_MILES) / 2)) ** 2
        where = f"latitude BETWEEN %s AND %s AND longitude BETWEEN %s AND %s AND {chord} <= %s"
        params += [lat - dlat, lat + dlat, lon - dlon, lon + dlon, *params, limit]
    rows = _fetch(
        f"SELECT document_id, MIN({chord}) FROM {table} WHERE {where} "  # noqa: S608
        "GROUP BY document_id",
        params,
    )
    chords: Candidates = {}
    for document_id, squared in rows:
        position = bits.positions.get(document_id)
        if position is not None:
            chords[position] = squared
    return bits.from_positions(chords), chords


def other_conditions(query: SearchQuery) -> Q:
    """The conditions on a service's own fields: ages and the ORUK filters."""
    condition = Q()
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
    return condition


def ranked_page(
    query: SearchQuery,
    bits: bitsets.FacetBits,
    matched: int,
    scores: Candidates | None,
    chords: Candidates | None,
) -> list[tuple[int, float]]:
    """(page id, score) of the requested page of `matched`, ranked (see the module docstring):
    bit positions are the name order, so without scores or distances a page is a bit scan."""
    offset = (max(1, query.page) - 1) * query.per_page
    wanted = offset + query.per_page
    first_tier = 0
    if query.sort == "relevance" and query.selected("district"):
        first_tier = matched & bits.any_of_districts_based_in(query.selected("district"))
    if chords is not None:
        # Nearest first; services without a location last, by name.
        keyed = [(chords[p], p) for p in bits.positions_in(matched) if p in chords]
        top = [p for _chord, p in heapq.nsmallest(wanted, keyed)]
        if len(top) < wanted:
            top += bits.positions_in(matched & ~bits.from_positions(chords))[: wanted - len(top)]
    elif not scores or query.sort == "name":
        tiers = [first_tier, matched & ~first_tier] if first_tier else [matched]
        top = bits.first_positions(tiers, wanted)
    else:
        in_first_tier = set(bits.positions_in(first_tier)) if first_tier else set()
        keyed = [(p not in in_first_tier, -scores[p], p) for p in bits.positions_in(matched)]
        top = [p for _tier, _score, p in heapq.nsmallest(wanted, keyed)]
    return [(bits.page_ids[p], float((scores or {}).get(p) or 0)) for p in top[offset:]]


def search(query: SearchQuery, location: tuple[float, float] | None) -> SearchResults:
    """Run a search: the text, distance and other conditions each give a bitset (one query
    each, only when asked for); facet counts and ranking are arithmetic on the bitsets; then
    the page of hits."""
    bits = bitsets.current()
    base, scores, chords = bits.every, None, None
    if text_concepts := concepts(query.text):
        text_bits, scores = text_match(text_concepts, query.match_some, bits)
        base &= text_bits
    if location is not None and (query.distance_miles is not None or query.sort == "distance"):
        near_bits, near = nearby(location, query.distance_miles, bits)
        if query.distance_miles is not None:
            base &= near_bits
        if query.sort == "distance":
            chords = near
    if condition := other_conditions(query):
        ids = ServiceDocument.objects.filter(condition).values_list("pk", flat=True)
        base &= bits.from_positions(bits.positions_of(ids))
    selections = {
        group: bits.any_of(group, query.selected(group))
        for group in FACET_GROUP_KEYS
        if query.selected(group)
    }
    total, counts, matched = bits.counts(base, selections, query.with_facets)
    page = ranked_page(query, bits, matched, scores, chords)
    documents = {
        row[0]: dict(zip(HIT_COLUMNS, row, strict=True))
        for row in ServiceDocument.objects.filter(
            pk__in=[page_id for page_id, _score in page]
        ).values_list(*HIT_COLUMNS)
    }
    places: dict[int, list[tuple[float, float]]] = {}
    if location is not None and page:
        for doc_id, lat, lon in ServiceDocumentLocation.objects.filter(
            document_id__in=[page_id for page_id, _score in page]
        ).values_list("document_id", "latitude", "longitude"):
            places.setdefault(doc_id, []).append((lat, lon))
    hits = [
        SearchHit(
            page_id=page_id,
            title=d["title"],
            url=page_url(d["url_path"]),
            summary=d["summary"],
            score=score,
            distance_miles=nearest_miles(location, places.get(page_id, [])),
            uuid=uuid.UUID(str(d["uuid"])),
            organisation=d["organisation"],
            service_types=tuple(t for t in d["service_types"].split(", ") if t),
            age_range=d["age_range"],
            area=d["area"],
            cost=d["cost"],
            county_wide=bool(d["county_wide"]),
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
