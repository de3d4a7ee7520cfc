"""The database backend: our own denormalised index (search.models.index), plain ORM queries.

Works the same on SQLite and PostgreSQL. A search runs a fixed number of queries whatever the
number of services: the matching page of hits, the total, one UNION of one GROUP BY per facet
group, the facet labels, and the hits' locations when a postcode was placed.

Ranking ("relevance"): when a district is selected, services based in a selected district come
before county-wide services that only cover it; then, with text, the text score (the sum of the
field weights of the matched words, so a title match beats a body match; when only some concepts
need to match, the number of concepts matched counts first); then the title.
"""

import math
import uuid

from django.db import connection
from django.db.models import (
    F,
    Q,
    QuerySet,
)

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


def facet_selections(query: SearchQuery) -> dict[str, tuple[str, list]]:
    """Per facet group with a selection, the SQL of the services having any selected value."""
    quote = connection.ops.quote_name
    facets_table = quote(ServiceFacetValue._meta.db_table)
    selections: dict[str, tuple[str, list]] = {}
    for group in FACET_GROUP_KEYS:
        values = query.selected(group)
        if values:
            placeholders = ", ".join(["%s"] * len(values))
            selections[group] = (
                f"SELECT document_id FROM {facets_table} "  # noqa: S608
                f"WHERE {quote('group')} = %s AND value IN ({placeholders})",
                [group, *values],
            )
    return selections


def _selected_elsewhere(
    selections: dict[str, tuple[str, list]], column: str, skip: str | None = None
) -> tuple[list[str], list]:
    sql, params = [], []
    for group, (selection_sql, selection_params) in selections.items():
        if group != skip:
            sql.append(f"{column} IN ({selection_sql})")
            params += selection_params
    return sql, params


def total_and_facet_counts(
    compiled_base: tuple[str, list],
    has_base: bool,
    selections: dict[str, tuple[str, list]],
    with_facets: bool,
) -> tuple[int, dict[str, dict[str, int]]]:
    """The total, and each group's value counts with every other group's selection applied,
    in one query: the base conditions as a CTE, then one GROUP BY per group.

    Written as SQL because composing eight ORM subqueries costs more Python time than running
    them. Only our own table and column names are formatted into it; every value is a parameter.
    """
    quote = connection.ops.quote_name
    facets_table = quote(ServiceFacetValue._meta.db_table)
    group_column = f"f.{quote('group')}"
    base_sql, base_params = compiled_base
    conditions, params = _selected_elsewhere(selections, "page_id")
    # `matched`: the services that are hits. Groups without a selection count over them.
    ctes = [
        f"base (page_id) AS MATERIALIZED ({base_sql})",
        "matched (page_id) AS MATERIALIZED (SELECT page_id FROM base "  # noqa: S608
        f"WHERE {' AND '.join(conditions) or '1 = 1'})",
    ]
    all_params = [*base_params, *params]
    parts = ["SELECT '', '', COUNT(*) FROM matched"]
    if with_facets:
        unselected = [group for group in FACET_GROUP_KEYS if group not in selections]
        if unselected:
            placeholders = ", ".join(["%s"] * len(unselected))
            source = (
                f"matched JOIN {facets_table} f ON f.document_id = matched.page_id"
                if has_base or selections
                else f"{facets_table} f"  # every indexed service: scan the values
            )
            parts.append(
                f"SELECT {group_column}, f.value, COUNT(*) FROM {source} "  # noqa: S608
                f"WHERE {group_column} IN ({placeholders}) GROUP BY {group_column}, f.value"
            )
            all_params += unselected
        # A group with a selection counts over the services matching every other selection.
        for group in selections:
            conditions, params = _selected_elsewhere(selections, "f.document_id", group)
            source = (
                f"base JOIN {facets_table} f ON f.document_id = base.page_id"
                if has_base
                else f"{facets_table} f"
            )
            where = " AND ".join([f"{group_column} = %s", *conditions])
            parts.append(
                f"SELECT {group_column}, f.value, COUNT(*) FROM {source} "  # noqa: S608
                f"WHERE {where} GROUP BY {group_column}, f.value"
            )
            all_params += [group, *params]
    sql = f"WITH {', '.join(ctes)} " + " UNION ALL ".join(parts)
    total = 0
    counts: dict[str, dict[str, int]] = {group: {} for group in FACET_GROUP_KEYS}
    with connection.cursor() as cursor:
        cursor.execute(sql, all_params)
        for group, value, count in cursor.fetchall():
            if group == "":
                total = count
            else:
                counts[group][value] = count
    return total, counts


def hit_rows(
    query: SearchQuery,
    compiled_base: tuple[str, list],
    has_base: bool,
    selections: dict[str, tuple[str, list]],
    text_terms: set[str],
    location: tuple[float, float] | None,
) -> list[tuple]:
    """One page of hits, ranked (see the module docstring), as rows of HIT_COLUMNS."""
    quote = connection.ops.quote_name
    documents = quote(ServiceDocument._meta.db_table)
    terms_table = quote(ServiceTerm._meta.db_table)
    facets_table = quote(ServiceFacetValue._meta.db_table)
    locations_table = quote(ServiceDocumentLocation._meta.db_table)
    base_sql, params = compiled_base
    params = list(params)

    score_sql = "0"
    if text_terms:
        placeholders = ", ".join(["%s"] * len(text_terms))
        score_sql = (
            f"COALESCE((SELECT SUM(t.weight) FROM {terms_table} t "  # noqa: S608
            f"WHERE t.document_id = d.page_id AND t.term IN ({placeholders})), 0)"
        )
        params += sorted(text_terms)
    if text_terms and query.match_some:
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
        score_sql = f"({' + '.join([score_sql, *matched])})"
    tier_sql = "0"
    districts = query.selected("district")
    if query.sort == "relevance" and districts:
        placeholders = ", ".join(["%s"] * len(districts))
        tier_sql = (
            f"CASE WHEN d.page_id IN (SELECT document_id FROM {facets_table} "  # noqa: S608
            f"WHERE {quote('group')} = 'district' AND based_here = %s "
            f"AND value IN ({placeholders})) THEN 0 ELSE 1 END"
        )
        params += [True, *districts]
    chord_sql = "NULL"
    if query.sort == "distance" and location is not None:
        x0, y0, z0 = unit_vector(*location)
        chord_sql = (
            "(SELECT MIN((l.x - %s) * (l.x - %s) + (l.y - %s) * (l.y - %s) "  # noqa: S608
            f"+ (l.z - %s) * (l.z - %s)) FROM {locations_table} l "
            "WHERE l.document_id = d.page_id)"
        )
        params += [x0, x0, y0, y0, z0, z0]

    conditions, selection_params = _selected_elsewhere(selections, "d.page_id")
    if has_base:
        conditions.insert(0, "d.page_id IN (SELECT page_id FROM base)")
    params += selection_params
    if query.sort == "distance" and location is not None:
        order = "chord ASC NULLS LAST, d.title_sort, d.page_id"
    elif query.sort == "name":
        order = "d.title_sort, d.page_id"
    else:
        order = "tier, score DESC, d.title_sort, d.page_id"
    columns = ", ".join(f"d.{column}" for column in HIT_COLUMNS)
    sql = (
        f"WITH base (page_id) AS MATERIALIZED ({base_sql}) "  # noqa: S608
        f"SELECT {columns}, {score_sql} AS score, {tier_sql} AS tier, {chord_sql} AS chord "
        f"FROM {documents} d WHERE {' AND '.join(conditions) or '1 = 1'} "
        f"ORDER BY {order} LIMIT %s OFFSET %s"
    )
    params += [query.per_page, (max(1, query.page) - 1) * query.per_page]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def search(query: SearchQuery, location: tuple[float, float] | None) -> SearchResults:
    """Run a search against the database index."""
    base, text_terms = base_filter(query, location)
    compiled_base = (
        ServiceDocument.objects.filter(base).order_by().values("pk").query.sql_with_params()
    )
    selections = facet_selections(query)
    total, counts = total_and_facet_counts(compiled_base, bool(base), selections, query.with_facets)
    rows = hit_rows(query, compiled_base, bool(base), selections, text_terms, location)
    places: dict[int, list[tuple[float, float]]] = {}
    if location is not None and rows:
        for doc_id, lat, lon in ServiceDocumentLocation.objects.filter(
            document_id__in=[r[0] for r in rows]
        ).values_list("document_id", "latitude", "longitude"):
            places.setdefault(doc_id, []).append((lat, lon))
    hits = []
    for row in rows:
        r = dict(zip(HIT_COLUMNS, row, strict=False))
        hits.append(
            SearchHit(
                page_id=r["page_id"],
                title=r["title"],
                url=page_url(r["url_path"]),
                summary=r["summary"],
                score=float(row[len(HIT_COLUMNS)] or 0),
                distance_miles=nearest_miles(location, places.get(r["page_id"], [])),
                uuid=uuid.UUID(str(r["uuid"])),
                organisation=r["organisation"],
                service_types=tuple(t for t in r["service_types"].split(", ") if t),
                age_range=r["age_range"],
                area=r["area"],
                cost=r["cost"],
                county_wide=bool(r["county_wide"]),
            )
        )
    facets = facet_groups(query, counts) if query.with_facets else []
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
