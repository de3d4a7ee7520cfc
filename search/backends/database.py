"""The database backend: our own denormalised index (search.models.index), plain ORM queries.

Works the same on SQLite and PostgreSQL. A search runs a fixed number of queries whatever the
number of services: the matching page of hits, the total, one UNION of one GROUP BY per facet
group, the facet labels, and the hits' locations when a postcode was placed.

Ranking ("relevance"): when a district is selected, services based in a selected district come
before county-wide services that only cover it; then, with text, the text score (the sum of the
field weights of the matched words, so a title match beats a body match); then the title.
"""

import math

from django.db.models import (
    Case,
    Count,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce

from search.analysis import concepts
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

HIT_FIELDS = (
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


def _documents_with_facet(group: str, values) -> QuerySet:
    return ServiceFacetValue.objects.filter(group=group, value__in=values).values("document_id")


def _documents_with_term(term: str) -> QuerySet:
    return ServiceTerm.objects.filter(term=term).values("document_id")


def text_filter(text: str) -> tuple[Q, set[str]]:
    """Every concept of the text must match (any of its synonyms, each with all its words)."""
    condition = Q()
    all_terms: set[str] = set()
    for concept in concepts(text):
        any_alternative = Q()
        for alternative in concept.alternatives:
            every_word = Q()
            for term in alternative:
                every_word &= Q(pk__in=_documents_with_term(term))
            any_alternative |= every_word
        condition &= any_alternative
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
        text_condition, text_terms = text_filter(query.text)
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


def facet_filters(query: SearchQuery) -> dict[str, Q]:
    """One condition per facet group with a selection: OR within the group."""
    return {
        group: Q(pk__in=_documents_with_facet(group, query.selected(group)))
        for group in FACET_GROUP_KEYS
        if query.selected(group)
    }


def facet_counts(base: Q, filters: dict[str, Q]) -> dict[str, dict[str, int]]:
    """Each group's value counts with every other group's selection applied, in one query."""
    parts = []
    for group in FACET_GROUP_KEYS:
        others = Q(base)
        for other_group, condition in filters.items():
            if other_group != group:
                others &= condition
        rows = ServiceFacetValue.objects.filter(group=group)
        if others:
            rows = rows.filter(document_id__in=ServiceDocument.objects.filter(others).values("pk"))
        parts.append(rows.order_by().values("group", "value").annotate(n=Count("id")))
    counts: dict[str, dict[str, int]] = {group: {} for group in FACET_GROUP_KEYS}
    for row in parts[0].union(*parts[1:], all=True):
        counts[row["group"]][row["value"]] = row["n"]
    return counts


def _ordering(query: SearchQuery, documents: QuerySet, text_terms: set[str], location):
    order: list = []
    if query.sort == "distance" and location is not None:
        nearest = (
            ServiceDocumentLocation.objects.filter(document_id=OuterRef("pk"))
            .annotate(chord=_chord_squared(location))
            .order_by("chord")
            .values("chord")[:1]
        )
        documents = documents.annotate(chord=Subquery(nearest))
        order.append(F("chord").asc(nulls_last=True))
    elif query.sort != "name":
        districts = query.selected("district")
        if districts:
            based_here = ServiceFacetValue.objects.filter(
                group="district", value__in=districts, based_here=True
            ).values("document_id")
            documents = documents.annotate(
                tier=Case(When(pk__in=based_here, then=Value(0)), default=Value(1))
            )
            order.append("tier")
        if text_terms:
            order.append(F("score").desc())
    order += ["title_sort", "pk"]
    return documents.order_by(*order)


def search(query: SearchQuery, location: tuple[float, float] | None) -> SearchResults:
    """Run a search against the database index."""
    base, text_terms = base_filter(query, location)
    filters = facet_filters(query)
    documents = ServiceDocument.objects.filter(base)
    for condition in filters.values():
        documents = documents.filter(condition)
    if text_terms:
        score = (
            ServiceTerm.objects.filter(document_id=OuterRef("pk"), term__in=sorted(text_terms))
            .order_by()
            .values("document_id")
            .annotate(total=Sum("weight"))
            .values("total")[:1]
        )
        documents = documents.annotate(
            score=Coalesce(Subquery(score, output_field=IntegerField()), 0)
        )
    total = documents.count()
    page = max(1, query.page)
    offset = (page - 1) * query.per_page
    ordered = _ordering(query, documents, text_terms, location)
    rows = list(
        ordered.values(*HIT_FIELDS, *(["score"] if text_terms else []))[
            offset : offset + query.per_page
        ]
    )
    places: dict[int, list[tuple[float, float]]] = {}
    if location is not None and rows:
        for doc_id, lat, lon in ServiceDocumentLocation.objects.filter(
            document_id__in=[r["page_id"] for r in rows]
        ).values_list("document_id", "latitude", "longitude"):
            places.setdefault(doc_id, []).append((lat, lon))
    hits = [
        SearchHit(
            page_id=r["page_id"],
            title=r["title"],
            url=page_url(r["url_path"]),
            summary=r["summary"],
            score=float(r.get("score", 0)),
            distance_miles=nearest_miles(location, places.get(r["page_id"], [])),
            uuid=r["uuid"],
            organisation=r["organisation"],
            service_types=tuple(t for t in r["service_types"].split(", ") if t),
            age_range=r["age_range"],
            area=r["area"],
            cost=r["cost"],
            county_wide=r["county_wide"],
        )
        for r in rows
    ]
    facets = facet_groups(query, facet_counts(base, filters)) if query.with_facets else []
    return SearchResults(
        hits=hits,
        total=total,
        facets=facets,
        location=location,
        page=page,
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
