"""Which services and locations an API request returns, found through the search contract.

The ORUK filters are translated into one `SearchQuery`; the search app decides which services
match. This module then fetches the pages of the hits in bulk, so a request costs the same
number of queries whatever the page size.
"""

import dataclasses
import datetime
import uuid
from dataclasses import dataclass

from django.db.models import QuerySet

from directory.models import OpeningTime, ServiceLocation, ServicePage, with_details
from directory.visibility import publicly_visible
from search.contract import SearchQuery
from search.service_search import search_services

from .params import Pagination, ParameterError, ServiceFilters
from .serializers import with_summary_related
from .vocabularies import VOCABULARIES, VOCABULARY_BY_UUID, Vocabulary

FACT_TERMS: dict[uuid.UUID, tuple[str, str]] = {
    term.uuid: (v.facet, term.slug)
    for v in VOCABULARIES
    if not v.vocabulary.is_taxonomy
    for term in v.terms()
}

# Locations are listed from the matching services, gathered a search page at a time.
SEARCH_PAGE_SIZE = 100
MAX_SEARCH_PAGES = 200


@dataclass
class Found:
    """One page of API results and the total across all pages."""

    items: list
    total: int


class NothingMatches(Exception):
    """The filters cannot match anything (an unknown taxonomy, a vocabulary with no values)."""


def _vocabulary_filter(taxonomy_id: uuid.UUID) -> tuple[str, tuple[str, ...]]:
    """taxonomy_id means 'has any term of this vocabulary': every value OR-ed in its group."""
    vocabulary: Vocabulary | None = VOCABULARY_BY_UUID.get(taxonomy_id)
    if vocabulary is None:
        raise NothingMatches
    slugs = tuple(term.slug for term in vocabulary.terms())
    if not slugs:
        raise NothingMatches
    return vocabulary.facet, slugs


def _open_any_day(start: datetime.time | None, end: datetime.time | None) -> tuple[uuid.UUID, ...]:
    """Services open at some time in the period on any weekday.

    The search contract filters opening times only with a day; ORUK lets a client give the
    times alone, so this narrows by the services' ids instead.
    """
    openings = OpeningTime.objects.all()
    if end is not None:
        openings = openings.filter(opens__lt=end)
    if start is not None:
        openings = openings.filter(closes__gt=start)
    ids = publicly_visible(ServicePage.objects).filter(pk__in=openings.values("page_id"))
    found = tuple(ids.values_list("uuid", flat=True))
    if not found:
        raise NothingMatches
    return found


def search_query(filters: ServiceFilters, page: int, per_page: int) -> SearchQuery:
    """The search contract's query for these ORUK filters."""
    group_filters = {}
    if filters.taxonomy_id is not None:
        group, slugs = _vocabulary_filter(filters.taxonomy_id)
        group_filters[group] = slugs
    term_ids = []
    for term_id in filters.taxonomy_term_ids:
        if term_id in FACT_TERMS:  # a yes-or-no fact is a facet value, not an indexed term
            group, slug = FACT_TERMS[term_id]
            group_filters[group] = (slug,)
        else:
            term_ids.append(term_id)
    if filters.search:
        sort = "relevance"
    elif filters.postcode:
        sort = "distance"
    else:
        sort = "name"
    ids = None
    if filters.day is None and (filters.start_time or filters.end_time):
        ids = _open_any_day(filters.start_time, filters.end_time)
    modified_after = filters.modified_after
    if modified_after is not None:
        # ORUK asks for "on or after"; the search contract keeps what changed strictly after.
        modified_after -= datetime.timedelta(microseconds=1)
    return SearchQuery(
        text=filters.search,
        filters=group_filters,
        postcode=filters.postcode,
        distance_miles=filters.proximity_miles,
        sort=sort,
        page=page,
        per_page=per_page,
        taxonomy_term_ids=tuple(term_ids),
        min_age=filters.minimum_age,
        max_age=filters.maximum_age,
        modified_after=modified_after,
        open_day=filters.day,
        open_from=filters.start_time,
        open_to=filters.end_time,
        ids=ids,
        with_facets=False,
    )


def _run(query: SearchQuery):
    results = search_services(query)
    if results.postcode_unknown:
        raise ParameterError("postcode", "postcode was not found")
    if results.corrected:
        # The search page offers results for a corrected spelling; an API answers what was asked.
        return dataclasses.replace(results, hits=[], total=0)
    return results


def _pages_in_order(page_ids: list[int], queryset: QuerySet) -> list[ServicePage]:
    pages = {p.pk: p for p in queryset.filter(pk__in=page_ids)}
    return [pages[pk] for pk in page_ids if pk in pages]


def find_services(filters: ServiceFilters, pagination: Pagination, *, full: bool = False) -> Found:
    """One page of the live services matching the filters, in the search's order."""
    try:
        query = search_query(filters, pagination.page, pagination.per_page)
    except NothingMatches:
        return Found([], 0)
    results = _run(query)
    if results.page != pagination.page:  # the backend clamped a page past the end
        return Found([], results.total)
    related = with_details if full else with_summary_related
    pages = _pages_in_order(
        [hit.page_id for hit in results.hits], related(publicly_visible(ServicePage.objects))
    )
    return Found(pages, results.total)


def _matching_service_ids(filters: ServiceFilters) -> list[int]:
    """The ids of every live service matching the filters, best first.

    The search contract pages its hits (100 at most a page), so a filtered listing of
    locations walks the search's pages; with no filters every live service matches.
    """
    if filters.is_empty:
        return list(
            publicly_visible(ServicePage.objects)
            .order_by("title", "pk")
            .values_list("pk", flat=True)
        )
    ids: list[int] = []
    for number in range(1, MAX_SEARCH_PAGES + 1):
        try:
            query = search_query(filters, number, SEARCH_PAGE_SIZE)
        except NothingMatches:
            return []
        results = _run(query)
        ids += [hit.page_id for hit in results.hits]
        if results.page != number or number * SEARCH_PAGE_SIZE >= results.total:
            break
    return ids


def find_service_locations(filters: ServiceFilters, pagination: Pagination) -> Found:
    """One page of (service, location) pairs of the matching services."""
    service_ids = _matching_service_ids(filters)
    rank = {pk: position for position, pk in enumerate(service_ids)}
    live_places = ServiceLocation.objects.filter(page__in=publicly_visible(ServicePage.objects))
    if not filters.is_empty:  # with no filters every live service's places are listed
        live_places = live_places.filter(page_id__in=service_ids)
    pairs = [p for p in live_places.values_list("pk", "page_id", "sort_order") if p[1] in rank]
    ordered = sorted(pairs, key=lambda p: (rank[p[1]], p[2] if p[2] is not None else 0, p[0]))
    start = (pagination.page - 1) * pagination.per_page
    wanted = [pk for pk, _page_id, _order in ordered[start : start + pagination.per_page]]
    places = {place.pk: place for place in ServiceLocation.objects.filter(pk__in=wanted)}
    pages = {
        p.pk: p
        for p in with_summary_related(publicly_visible(ServicePage.objects)).filter(
            pk__in={place.page_id for place in places.values()}
        )
    }
    items = []
    for pk in wanted:
        place = places[pk]
        place.page = pages[place.page_id]
        items.append(place)
    return Found(items, len(ordered))


def service_location(location_uuid: uuid.UUID) -> ServiceLocation | None:
    """A live service's location by its UUID (the service_at_location id), fully prefetched."""
    place = ServiceLocation.objects.filter(
        uuid=location_uuid, page__in=publicly_visible(ServicePage.objects)
    ).first()
    if place is None:
        return None
    place.page = with_details(publicly_visible(ServicePage.objects)).get(pk=place.page_id)
    return place
