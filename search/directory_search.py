"""The directory search page: the search app fills the directory page's context (through the
`directory_index_context` hook) with the form, the results and their helpers: removable filter
tags, the filter groups, the way out of zero results and the services editors pinned."""

import dataclasses
import hashlib
from urllib.parse import urlencode

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.http import HttpRequest
from wagtail.models import Page
from wagtail.search.utils import normalise_query_string

from directory.models import InformationPage, ServicePage
from directory.visibility import publicly_visible
from directory.vocabularies import VOCABULARY
from search import shortlist
from search.analytics import record_search
from search.contract import SearchHit, SearchQuery, SearchResults
from search.forms import (
    DISTANCE_CHOICES,
    FACET_PARAMS,
    SORT_CHOICES,
    UNKNOWN_POSTCODE_MESSAGE,
    DirectorySearchForm,
)
from search.postcodes import ATTRIBUTION
from search.service_search import search_services
from search.understanding import without_words


class _ResultWindow:
    """The hits of one results page, standing in for the whole result list in a Paginator."""

    def __init__(self, results: SearchResults):
        self.results = results
        self.offset = (results.page - 1) * results.per_page

    def __len__(self) -> int:
        return self.results.total

    def __getitem__(self, index):
        if isinstance(index, slice):
            return self.results.hits[index.start - self.offset : index.stop - self.offset]
        return self.results.hits[index - self.offset]


def results_page(results: SearchResults) -> PaginatorPage:
    """A Django paginator page of the hits, so pagination links work as for any list."""
    paginator = Paginator(_ResultWindow(results), results.per_page or 1)
    return paginator.get_page(results.page)


def _url(params) -> str:
    query = params.urlencode() if hasattr(params, "urlencode") else urlencode(params, doseq=True)
    return f"?{query}" if query else "?"


def _without(request: HttpRequest, name: str, value: str | None = None) -> str:
    """The current search URL without one parameter (or one of its values), back on page 1."""
    params = request.GET.copy()
    params.pop("page", None)
    if value is None:
        params.pop(name, None)
    else:
        params.setlist(name, [v for v in params.getlist(name) if v != value])
    return _url(params)


def _with(request: HttpRequest, **changes: str) -> str:
    params = request.GET.copy()
    params.pop("page", None)
    for name, value in changes.items():
        params[name] = value
    return _url(params)


@dataclasses.dataclass
class FilterTag:
    """A selected filter shown above the results; following `remove_url` removes it."""

    group_label: str
    label: str
    remove_url: str


def selected_filter_tags(
    request: HttpRequest, query: SearchQuery, results: SearchResults
) -> list[FilterTag]:
    """One removable tag per selected filter value, the child's age and the distance."""
    tags = []
    for group in results.facets:
        labels = {value.value: value.label for value in group.values}
        for value in query.selected(group.key):
            tags.append(
                FilterTag(
                    group.label,
                    labels.get(value, value),
                    _without(request, FACET_PARAMS[group.key], value),
                )
            )
    if query.age is not None:
        tags.append(FilterTag("Age", f"{query.age} years old", _without(request, "age")))
    tags += understood_filter_tags(request, query, results)
    if query.distance_miles and results.location:
        label = dict(DISTANCE_CHOICES).get(f"{query.distance_miles:g}", "")
        tags.append(
            FilterTag("Distance", f"{label} of {query.postcode}", _without(request, "distance"))
        )
    return tags


def understood_filter_tags(
    request: HttpRequest, query: SearchQuery, results: SearchResults
) -> list[FilterTag]:
    """Tags for what was read from the words as filters; removing one takes its words out."""
    understood = results.understood
    if understood is None:
        return []
    tags = []
    if understood.age is not None and query.age is None:
        tags.append(
            FilterTag(
                "Age",
                f"{understood.age} years old",
                _with(request, q=without_words(query.text, understood.age_words)),
            )
        )
    elif understood.min_age is not None:
        tags.append(
            FilterTag(
                "Age",
                f"teenager ({understood.min_age} to {understood.max_age})",
                _with(request, q=without_words(query.text, understood.age_words)),
            )
        )
    selected = set(query.selected("district"))
    for slug, name, typed in understood.districts:
        if slug not in selected:
            tags.append(
                FilterTag("District", name, _with(request, q=without_words(query.text, typed)))
            )
    return tags


def clear_filters_url(request: HttpRequest) -> str:
    """The search URL with the words, postcode and sort kept and every filter removed."""
    params = request.GET.copy()
    for name in [*FACET_PARAMS.values(), "age", "distance", "page"]:
        params.pop(name, None)
    return _url(params)


@dataclasses.dataclass
class WiderSearch:
    """A way out of zero results: a link that removes the filter that narrows the most."""

    label: str
    url: str
    at_least: int = 0


def narrowest_filter(
    request: HttpRequest, query: SearchQuery, results: SearchResults
) -> WiderSearch | None:
    """The facet group whose removal gives the most results, judged by the facet counts.

    Each group's counts apply every other group's filters, so removing a group's selection gives
    at least as many results as its best value's count. Age and distance cannot be judged from
    the counts; they are offered only when no facet group would help.
    """
    best: WiderSearch | None = None
    for group in results.facets:
        selected = query.selected(group.key)
        if not selected:
            continue
        at_least = max((value.count for value in group.values), default=0)
        if at_least and (best is None or at_least > best.at_least):
            labels = {value.value: value.label for value in group.values}
            label = (
                f"Remove the filter ‘{labels.get(selected[0], selected[0])}’"
                if len(selected) == 1
                else f"Remove the {group.label.lower()} filters"
            )
            params = request.GET.copy()
            params.pop("page", None)
            params.pop(FACET_PARAMS[group.key], None)
            best = WiderSearch(label, _url(params), at_least)
    if best:
        return best
    if query.distance_miles:
        return WiderSearch("Search any distance", _without(request, "distance"))
    if query.age is not None:
        return WiderSearch("Search services for all ages", _without(request, "age"))
    return None


OPEN_BY_DEFAULT = ("type", "need")


def filter_groups(query: SearchQuery, results: SearchResults) -> list[dict]:
    """The facet groups as the filter column shows them: values with results or ticked.

    The age bands are left out unless one is ticked: the age box asks the same more simply.
    """
    groups = []
    for group in results.facets:
        selected = query.selected(group.key)
        if group.key == "age" and not selected:
            continue
        values = [value for value in group.values if value.count or value.selected]
        if not values:
            continue
        groups.append(
            {
                "key": group.key,
                "label": group.label,
                "param": FACET_PARAMS[group.key],
                "yes_no": VOCABULARY[group.key].is_yes_no,  # one checkbox, no fold
                "values": values,
                "selected_count": len(selected),
                "open": bool(selected) or group.key in OPEN_BY_DEFAULT,
            }
        )
    return groups


def filter_groups_key(groups: list[dict]) -> str:
    """A digest of everything the filter column shows, so its cached HTML is keyed by content:
    the same counts, labels and ticks give the same key, any change a new one."""
    shown = [
        (g["key"], g["label"], g["open"], g["selected_count"])
        + tuple((v.value, v.label, v.count, v.selected) for v in g["values"])
        for g in groups
    ]
    return hashlib.blake2b(repr(shown).encode(), digest_size=16).hexdigest()


def promoted_service_ids(text: str) -> list:
    """UUIDs of live services editors pinned for these words (Wagtail search promotions)."""
    words = normalise_query_string(text)
    if not words:
        return []
    return list(
        publicly_visible(ServicePage.objects)
        .filter(
            searchpromotion__query__query_string=words,
        )
        .order_by("searchpromotion__sort_order")
        .values_list("uuid", flat=True)
    )


def recommended_hits(query: SearchQuery) -> list[SearchHit]:
    """Services editors pinned for the words that also match the other filters, on page 1."""
    if not query.text or query.page != 1:
        return []
    ids = promoted_service_ids(query.text)
    if not ids:
        return []
    pinned = search_services(
        dataclasses.replace(
            query, text="", ids=tuple(ids), page=1, per_page=len(ids), with_facets=False
        )
    )
    order = {service_id: position for position, service_id in enumerate(ids)}
    return sorted(pinned.hits, key=lambda hit: order.get(hit.uuid, len(order)))


def run_directory_search(form: DirectorySearchForm) -> tuple[SearchQuery, SearchResults]:
    """Search with the valid parts of the form; a page past the end shows the last page."""
    form.is_valid()
    query = form.to_query()
    results = search_services(query)
    if not results.hits and results.total and query.page > results.num_pages:
        query = dataclasses.replace(query, page=results.num_pages)
        results = search_services(query)
    if results.postcode_unknown and query.postcode:
        form.add_error("postcode", UNKNOWN_POSTCODE_MESSAGE)
    return query, results


def sendiass_page() -> Page | None:
    return publicly_visible(InformationPage.objects).filter(schedule2_heading="sendiass").first()


def directory_search_context(page: Page, request: HttpRequest, context: dict) -> None:
    """Fill the directory page's context with the search form, results and their helpers."""
    form = DirectorySearchForm(request.GET)
    query, results = run_directory_search(form)
    recommended = recommended_hits(query)
    recommended_ids = {hit.page_id for hit in recommended}
    page_of_hits = results_page(results)
    page_of_hits.object_list = [
        h for h in page_of_hits.object_list if h.page_id not in recommended_ids
    ]
    tags = selected_filter_tags(request, query, results)
    groups = filter_groups(query, results)
    context.update(
        # The directory's template includes whatever template the plug-in names.
        directory_results_template="search/includes/directory_search.html",
        search_form=form,
        search_query=query,
        search_results=results,
        services=page_of_hits,
        recommended_services=recommended,
        selected_filters=tags,
        filter_groups=groups,
        filter_groups_key=filter_groups_key(groups),
        clear_filters_url=clear_filters_url(request) if tags else "",
        sort_choices=[
            (value, label)
            for value, label in SORT_CHOICES
            if value != "distance" or results.location
        ],
        distance_choices=DISTANCE_CHOICES,
        suggestion_url=_with(request, q=results.suggestion) if results.suggestion else "",
        wider_search=narrowest_filter(request, query, results) if not results.total else None,
        sendiass_page=sendiass_page() if not results.total else None,
        postcode_attribution=ATTRIBUTION if results.location else "",
        shortlisted_ids={str(i) for i in shortlist.shortlist_ids(request)},
        shortlist_notice=shortlist.pop_shortlist_notice(request),
    )
    # Paging is not a new search, nor is the live refresh while filters are being ticked.
    if form.page_number == 1 and request.headers.get("X-Requested-With") != "fetch":
        record_search(query, results.total)
