"""What both backends share: facet labels, web addresses, distances and result assembly."""

import math

from django.db import connection
from django.db.models import CharField, Value
from wagtail.models import Site

from directory.vocabularies import TAXONOMY_MODELS, VOCABULARIES
from search.contract import FACET_GROUPS, FacetGroup, FacetValue, SearchQuery

EARTH_RADIUS_MILES = 3958.8


_vocabulary_sql: tuple[str, tuple] | None = None


def _compiled_vocabulary_query() -> tuple[str, tuple]:
    """The UNION of the taxonomy tables, compiled once per process (it never changes)."""
    global _vocabulary_sql
    if _vocabulary_sql is None:
        parts = [
            model.objects.order_by()
            .annotate(group=Value(key, output_field=CharField()))
            .values_list("group", "slug", "name", "sort_order")
            for key, model in TAXONOMY_MODELS.items()
        ]
        _vocabulary_sql = parts[0].union(*parts[1:], all=True).query.sql_with_params()
    return _vocabulary_sql


def facet_vocabulary() -> dict[str, list[tuple[str, str]]]:
    """Every facet group's values as (slug, label) in display order, in one query."""
    sql, params = _compiled_vocabulary_query()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = sorted(cursor.fetchall(), key=lambda r: (r[0], r[3], r[2].lower()))
    vocabulary: dict[str, list[tuple[str, str]]] = {key: [] for key, _label in FACET_GROUPS}
    for group, slug, name, _order in rows:
        vocabulary[group].append((slug, name))
    for fixed in VOCABULARIES:
        if not fixed.is_taxonomy:
            vocabulary[fixed.key] = list(fixed.choices)
    return vocabulary


def facet_groups(
    query: SearchQuery, counts: dict[str, dict[str, int]], vocabulary: dict | None = None
) -> list[FacetGroup]:
    """Facet groups for the page: every known value with its count and whether it is ticked."""
    vocabulary = vocabulary if vocabulary is not None else facet_vocabulary()
    groups = []
    for key, label in FACET_GROUPS:
        selected = set(query.selected(key))
        group_counts = counts.get(key, {})
        groups.append(
            FacetGroup(
                key=key,
                label=label,
                values=[
                    FacetValue(
                        value=slug,
                        label=name,
                        count=group_counts.get(slug, 0),
                        selected=slug in selected,
                    )
                    for slug, name in vocabulary.get(key, [])
                ],
            )
        )
    return groups


def page_url(url_path: str) -> str:
    """The web address of a page from its url_path, without a query per page."""
    for root in Site.get_site_root_paths():
        if url_path.startswith(root.root_path):
            return "/" + url_path[len(root.root_path) :]
    return ""


def miles_between(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance in miles (haversine)."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * EARTH_RADIUS_MILES * math.asin(min(1.0, math.sqrt(h)))


def nearest_miles(
    location: tuple[float, float] | None, places: list[tuple[float, float]]
) -> float | None:
    if location is None or not places:
        return None
    return round(min(miles_between(location, place) for place in places), 2)
