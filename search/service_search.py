"""The one entry point for service searches: `search_services(SearchQuery) -> SearchResults`.

Chooses the Elasticsearch backend when `settings.ELASTICSEARCH_URL` is set and falls back to the
database backend (with a logged warning) when the server cannot be reached, so a search page
never errors. Postcodes are placed here, and spelling is checked here, the same for both backends.
"""

import dataclasses
import logging

from django.conf import settings

from search.analysis import concepts, spelling_suggestion, terms
from search.backends import SearchUnavailable, database
from search.contract import SORT_ORDERS, SearchQuery, SearchResults
from search.postcodes import postcode_location
from search.understanding import understand

logger = logging.getLogger(__name__)

MAX_PER_PAGE = 100


def _clean(query: SearchQuery) -> SearchQuery:
    """Keep a hand-edited URL from asking for something impossible."""
    return dataclasses.replace(
        query,
        text=(query.text or "").strip()[:200],
        sort=query.sort if query.sort in SORT_ORDERS else "relevance",
        page=max(1, query.page or 1),
        per_page=min(MAX_PER_PAGE, max(1, query.per_page or 20)),
        distance_miles=(
            query.distance_miles
            if query.distance_miles is None or query.distance_miles > 0
            else None
        ),
        filters={g: tuple(v for v in values if v) for g, values in query.filters.items() if values},
    )


def _run(query: SearchQuery, location: tuple[float, float] | None) -> SearchResults:
    if getattr(settings, "ELASTICSEARCH_URL", ""):
        from search.backends import elasticsearch

        try:
            return elasticsearch.search(query, location)
        except SearchUnavailable as error:
            logger.warning("Elasticsearch unavailable, searching the database instead: %s", error)
    return database.search(query, location)


def suggest_spelling(text: str) -> str | None:
    """A corrected spelling of the text using the indexed words, or None if every word is known."""
    query_terms = set(terms(text))
    if not query_terms:
        return None
    known = database.known_terms(query_terms)
    if known >= query_terms:
        return None
    return spelling_suggestion(text, known, database.vocabulary())


def apply_understanding(query: SearchQuery):
    """The query with the ages and districts its words name as filters (search.understanding)."""
    understood = understand(query.text)
    if not understood.anything:
        return query, None
    filters = dict(query.filters)
    if understood.districts:
        chosen = set(filters.get("district", ()))
        filters["district"] = (
            *filters.get("district", ()),
            *(slug for slug, _n, _w in understood.districts if slug not in chosen),
        )
    query = dataclasses.replace(
        query,
        text=understood.text,
        filters=filters,
        age=query.age if query.age is not None else understood.age,
        min_age=query.min_age if query.min_age is not None else understood.min_age,
        max_age=query.max_age if query.max_age is not None else understood.max_age,
    )
    return query, understood


def search_services(query: SearchQuery) -> SearchResults:
    """Search the live services. See search.contract for what goes in and comes out.

    When every concept of the text together finds nothing: a corrected spelling if there is
    one, then services matching some of the concepts, most first (`partial`).
    """
    query = _clean(query)
    understood = None
    if query.understand and query.text:
        query, understood = apply_understanding(query)
    location = postcode_location(query.postcode) if query.postcode.strip() else None
    postcode_unknown = bool(query.postcode.strip()) and location is None
    results = _run(query, location)
    suggestion = suggest_spelling(query.text) if query.text else None
    corrected = False
    if suggestion and results.total == 0:
        retry = _run(dataclasses.replace(query, text=suggestion), location)
        if retry.total:
            results, corrected = retry, True
    if results.total == 0 and len(concepts(query.text)) > 1:
        text = suggestion or query.text
        retry = _run(dataclasses.replace(query, text=text, match_some=True), location)
        if retry.total:
            results = dataclasses.replace(retry, partial=True)
            corrected = bool(suggestion)
    return dataclasses.replace(
        results,
        suggestion=suggestion,
        corrected=corrected,
        postcode_unknown=postcode_unknown,
        understood=understood,
    )
