"""Search models: the database backend's index (index.py), search analytics (analytics.py) and
the families' words editors manage (vocabulary.py)."""

from .analytics import RecordedSearch, RecordedSearchFilter
from .index import (
    Postcode,
    SearchIndexVersion,
    ServiceDocument,
    ServiceDocumentLocation,
    ServiceDocumentOpening,
    ServiceFacetValue,
    ServiceTerm,
)
from .vocabulary import SearchSynonym

__all__ = [
    "Postcode",
    "RecordedSearch",
    "RecordedSearchFilter",
    "SearchIndexVersion",
    "SearchSynonym",
    "ServiceDocument",
    "ServiceDocumentLocation",
    "ServiceDocumentOpening",
    "ServiceFacetValue",
    "ServiceTerm",
]
