"""The public responses index: a GET form of filters with counts, and removable filter tags.

Filters: theme, status, year (of first publication), source (evidence source) and service.
Values within a filter are OR-ed, filters AND-ed, and each option's count is what ticking it
would add given the other filters. Unknown values are ignored, never an error.
"""

from django.core.paginator import Paginator
from django.http import HttpRequest, QueryDict

from directory.filters import FilterGroup, FilterValue, removal_tags
from feedback.models import Theme
from you_said_we_did.evidence import evidence_sources
from you_said_we_did.models import ResponsePage, ResponseStatus

PER_PAGE = 20
GROUPS = ("theme", "status", "year", "source", "service")
GROUP_LABELS = {
    "theme": "Theme",
    "status": "Status",
    "year": "Year",
    "source": "Evidence",
    "service": "Service",
}


def _facts(responses: list[ResponsePage]) -> dict[int, dict[str, set[str]]]:
    """For each response, the filter values it has in every group."""
    by_source: dict[str, set[int]] = {}
    ids = [r.pk for r in responses]
    for source in evidence_sources():
        by_source[source.key] = set(
            ResponsePage.objects.filter(pk__in=ids)
            .filter(source.response_filter)
            .values_list("pk", flat=True)
        )
    facts = {}
    for r in responses:
        facts[r.pk] = {
            "theme": {t.slug for t in r.themes.all()},
            "status": {r.status},
            "year": {str(r.first_published_at.year)} if r.first_published_at else set(),
            "source": {key for key, pks in by_source.items() if r.pk in pks},
            "service": {str(link.service_id) for link in r.service_links.all()},
        }
    return facts


def _options(responses: list[ResponsePage]) -> dict[str, list[tuple[str, str]]]:
    themes = {t.slug: t.name for t in Theme.objects.filter(responses__in=responses).distinct()}
    services = {}
    for r in responses:
        for link in r.service_links.all():
            if link.service.live:
                services[str(link.service_id)] = link.service.title
    years = sorted({str(r.first_published_at.year) for r in responses if r.first_published_at})
    return {
        "theme": sorted(themes.items(), key=lambda kv: kv[1]),
        "status": list(ResponseStatus.choices),
        "year": [(y, y) for y in reversed(years)],
        "source": [(s.key, s.label) for s in evidence_sources()],
        "service": sorted(services.items(), key=lambda kv: kv[1]),
    }


def _matches(fact: dict[str, set[str]], selected: dict[str, set[str]], skip: str = "") -> bool:
    return all(
        not values or fact[group] & values for group, values in selected.items() if group != skip
    )


def response_listing(index_page, request: HttpRequest) -> dict:
    """Context for the index: the filtered responses (paginated), facets with counts, tags."""
    responses = list(
        ResponsePage.objects.live()
        .public()
        .child_of(index_page)
        .prefetch_related("themes", "service_links__service")
        .order_by("-first_published_at", "-pk")
    )
    facts = _facts(responses)
    options = _options(responses)
    params: QueryDict = request.GET
    selected = {
        group: {v for v in params.getlist(group) if v in dict(options[group])} for group in GROUPS
    }
    matching = [r for r in responses if _matches(facts[r.pk], selected)]
    facets = []
    for group in GROUPS:
        base = [r for r in responses if _matches(facts[r.pk], selected, skip=group)]
        items = []
        for value, label in options[group]:
            count = sum(1 for r in base if value in facts[r.pk][group])
            checked = value in selected[group]
            if count or checked:
                items.append(FilterValue(value, label, count, checked))
        if items:
            facets.append(FilterGroup(group, GROUP_LABELS[group], items))
    tags = removal_tags(facets, params)
    paginator = Paginator(matching, PER_PAGE)
    page_obj = paginator.get_page(params.get("page"))
    return {
        "responses": page_obj.object_list,
        "page_obj": page_obj,
        "result_count": len(matching),
        "facets": facets,
        "filter_tags": tags,
        "any_filter": bool(tags),
    }
