"""What `bench_search` measures our search against (issue 16): a stock-Wagtail peer and a floor.

The peer is what a Wagtail developer writes by default: the live `ServicePage` queryset
filtered by the ORM, Wagtail's own database search for the text, and one COUNT ... GROUP BY per
facet group with every other group's filters. The floor is bitsets in memory (Python ints, built
once, no I/O at search time) computing the same total and multi-select counts from our index
rows: what this language can do at best. Both return (total, counts); neither ranks.
"""

from django.db.models import Count, Q

from directory.models import District, ServicePage
from directory.models.pages import AGE_BANDS, CostType
from directory.visibility import publicly_visible
from search.analysis import concepts
from search.backends.bitsets import from_positions, multi_select_counts
from search.contract import FACET_GROUP_KEYS, SearchQuery
from search.models import ServiceFacetValue, ServiceTerm

Counts = dict[str, dict[str, int]]
# Facet group -> the ServicePage field its slugs are in (age and cost are not relations).
PEER_FIELDS = {
    "type": "service_types__slug",
    "need": "needs__slug",
    "district": "districts__slug",
    "access": "access_routes__slug",
    "delivery": "delivery_methods__slug",
    "provider": "provider_type__slug",
}


def _peer_selection(group: str, values: tuple[str, ...]) -> Q:
    if group == "age":
        bands = [(low, high) for slug, _l, low, high in AGE_BANDS if slug in values]
        condition = Q(pk__in=[])
        for low, high in bands:
            condition |= Q(min_age__lte=high, max_age__gte=low)
        return condition
    if group == "cost":
        return Q(cost_type__in=values)
    if group == "alone":  # one yes/no fact: "yes" is the only value
        return Q(without_parent=True) if "yes" in values else Q(pk__in=[])
    if group == "district":  # county-wide services cover every district
        return Q(districts__slug__in=values) | Q(county_wide=True)
    return Q(**{f"{PEER_FIELDS[group]}__in": values})


def peer_search(query: SearchQuery) -> tuple[int, Counts, list[str]]:
    """The stock-Wagtail way: total, counts and the first page of titles (by title)."""
    pages = publicly_visible(ServicePage.objects)
    if query.text.strip():
        found = ServicePage.objects.live().search(
            query.text, operator="and", order_by_relevance=False
        )
        pages = pages.filter(pk__in=[page.pk for page in found])
    selected = {g: query.selected(g) for g in FACET_GROUP_KEYS if query.selected(g)}

    def filtered(skip: str | None = None):
        result = pages
        for group, values in selected.items():
            if group != skip:
                result = result.filter(_peer_selection(group, values))
        return result

    matched = filtered()
    total = matched.distinct().count()
    counts: Counts = {}
    for group in FACET_GROUP_KEYS:
        within = filtered(skip=group)
        if group in ("age", "district"):  # one conditional COUNT per value, in one query
            slugs = (
                [slug for slug, *_rest in AGE_BANDS]
                if group == "age"
                else District.objects.values_list("slug", flat=True)
            )
            counts[group] = within.aggregate(
                **{
                    slug: Count("pk", filter=_peer_selection(group, (slug,)), distinct=True)
                    for slug in slugs
                }
            )
        elif group == "alone":
            counts[group] = {"yes": within.filter(without_parent=True).distinct().count()}
        elif group == "cost":
            rows = within.values("cost_type").annotate(n=Count("pk", distinct=True)).order_by()
            counts[group] = {row["cost_type"]: row["n"] for row in rows}
        else:
            field = PEER_FIELDS[group]
            rows = within.values(field).annotate(n=Count("pk", distinct=True)).order_by()
            counts[group] = {row[field]: row["n"] for row in rows if row[field]}
    titles = list(matched.distinct().order_by("title").values_list("title", flat=True)[:20])
    counts["cost"] = {k: v for k, v in counts["cost"].items() if k in CostType.values}
    return total, {g: {v: n for v, n in c.items() if n} for g, c in counts.items()}, titles


class Floor:
    """Bitsets built once from our index rows; a search is integer arithmetic only."""

    def __init__(self) -> None:
        values: dict[tuple[str, str], list[int]] = {}
        rows = ServiceFacetValue.objects.values_list("document_id", "group", "value")
        for document_id, group, value in rows.iterator(chunk_size=20_000):
            values.setdefault((group, value), []).append(document_id)
        terms: dict[str, list[int]] = {}
        rows = ServiceTerm.objects.values_list("document_id", "term")
        for document_id, term in rows.iterator(chunk_size=20_000):
            terms.setdefault(term, []).append(document_id)
        size = max((max(ids) for ids in values.values()), default=0) + 1
        self.values: dict[str, dict[str, int]] = {}
        for (group, value), ids in values.items():
            self.values.setdefault(group, {})[value] = from_positions(size, ids)
        self.terms = {term: from_positions(size, ids) for term, ids in terms.items()}
        self.every = 0
        for bits in self.values.get("cost", {}).values():  # every service has one cost
            self.every |= bits

    def search(self, query: SearchQuery) -> tuple[int, Counts]:
        base = self.every
        for concept in concepts(query.text):
            any_alternative = 0
            for alternative in concept.alternatives:
                every_word = self.every
                for term in alternative:
                    every_word &= self.terms.get(term, 0)
                any_alternative |= every_word
            base &= any_alternative
        selections = {}
        for group in FACET_GROUP_KEYS:
            if values := query.selected(group):
                bits = 0
                for value in values:
                    bits |= self.values.get(group, {}).get(value, 0)
                selections[group] = bits
        total, counts, _matched = multi_select_counts(self.values, base, selections, True)
        return total, counts
