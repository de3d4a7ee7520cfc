"""The search contract: what goes into a service search and what comes out, whatever the backend.

Plain dataclasses so that the search page, the ORUK API and the benchmark speak one language.
Call `search.service_search.search_services(SearchQuery(...))` to get `SearchResults`.
"""

import datetime
import math
from dataclasses import dataclass, field
from typing import Literal
from uuid import UUID

from directory.vocabularies import VOCABULARIES

SortOrder = Literal["relevance", "name", "distance"]
SORT_ORDERS: tuple[str, ...] = ("relevance", "name", "distance")

# Facet groups in the order a parent sees them: (key used in URLs and filters, label).
FACET_GROUPS: list[tuple[str, str]] = [(v.key, v.label) for v in VOCABULARIES]
FACET_GROUP_KEYS: tuple[str, ...] = tuple(key for key, _label in FACET_GROUPS)


@dataclass(frozen=True)
class SearchQuery:
    """One search of the service directory.

    `filters` maps a facet group key to the selected value slugs: values within a group are
    OR-ed, groups are AND-ed. `age` keeps services whose age range contains it. `postcode`
    with `distance_miles` keeps services with a location within that distance; a postcode alone
    only measures distances. The ORUK fields (`taxonomy_term_ids` AND-ed, `min_age`/`max_age`
    overlapping the service's range, `modified_after`, `open_day` 1-7 (Monday is 1) with an
    optional `open_from`/`open_to` period the service must be open in part of, `ids` as service
    UUIDs) narrow the results further. `page` counts from 1.
    """

    text: str = ""
    filters: dict[str, tuple[str, ...]] = field(default_factory=dict)
    age: int | None = None
    postcode: str = ""
    distance_miles: float | None = None
    sort: SortOrder = "relevance"
    page: int = 1
    per_page: int = 20
    taxonomy_term_ids: tuple[UUID, ...] = ()
    min_age: int | None = None
    max_age: int | None = None
    modified_after: datetime.datetime | None = None
    open_day: int | None = None
    open_from: datetime.time | None = None
    open_to: datetime.time | None = None
    ids: tuple[UUID, ...] | None = None
    with_facets: bool = True
    # Read ages, districts and meaningless words from the text (search.understanding): people's
    # search boxes ask for it; the ORUK API does not.
    understand: bool = False
    # Any concept of the text may match (more matches rank higher); search_services() asks for
    # it when every concept together finds nothing.
    match_some: bool = False

    def selected(self, group: str) -> tuple[str, ...]:
        """The values selected in one facet group."""
        return tuple(self.filters.get(group, ()))


@dataclass(frozen=True)
class SearchHit:
    """One service in the results, with what a result card shows."""

    page_id: int
    title: str
    url: str
    summary: str
    score: float = 0.0
    distance_miles: float | None = None
    uuid: UUID | None = None
    organisation: str = ""
    service_types: tuple[str, ...] = ()
    age_range: str = ""
    area: str = ""
    cost: str = ""
    county_wide: bool = False


@dataclass(frozen=True)
class FacetValue:
    """One value of a facet group, with how many services ticking it would give."""

    value: str
    label: str
    count: int
    selected: bool = False


@dataclass(frozen=True)
class FacetGroup:
    """One facet group (service type, need, age...) and its values in display order."""

    key: str
    label: str
    values: list[FacetValue] = field(default_factory=list)


@dataclass(frozen=True)
class Understood:
    """What was read from the words as filters (search.understanding), with the words themselves
    so a tag can take them out again."""

    text: str  # the words left to search for
    age: int | None = None
    age_words: str = ""
    min_age: int | None = None
    max_age: int | None = None
    districts: tuple[tuple[str, str, str], ...] = ()  # (slug, name, the words as typed)

    @property
    def anything(self) -> bool:
        return self.age is not None or self.min_age is not None or bool(self.districts)


@dataclass(frozen=True)
class SearchResults:
    """What a search returns.

    `suggestion` is a corrected spelling of the text when some word is unknown; `corrected` is
    True when the original text found nothing and the hits are those of the suggestion.
    `location` is the (latitude, longitude) of the postcode; `postcode_unknown` says a postcode
    was given that we could not place (no distance filter or sort is applied then).
    `partial` says no service matched every concept of the text and the hits match some of them;
    `understood` what was read from the text as filters (when the query asked for it).
    """

    hits: list[SearchHit] = field(default_factory=list)
    total: int = 0
    facets: list[FacetGroup] = field(default_factory=list)
    suggestion: str | None = None
    corrected: bool = False
    location: tuple[float, float] | None = None
    postcode_unknown: bool = False
    page: int = 1
    per_page: int = 20
    backend: str = "database"
    partial: bool = False
    understood: Understood | None = None

    @property
    def num_pages(self) -> int:
        return max(1, math.ceil(self.total / self.per_page)) if self.per_page else 1

    def facet(self, key: str) -> FacetGroup | None:
        """The facet group with this key, if the search computed it."""
        return next((group for group in self.facets if group.key == key), None)
