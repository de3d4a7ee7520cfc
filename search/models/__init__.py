"""Search models: the database backend's index (index.py) and search analytics (analytics.py)."""

from .analytics import RecordedSearch, RecordedSearchFilter
from .index import (
    Postcode,
    ServiceDocument,
    ServiceDocumentLocation,
    ServiceDocumentOpening,
    ServiceFacetValue,
    ServiceTerm,
)

__all__ = [
    "Postcode",
    "RecordedSearch",
    "RecordedSearchFilter",
    "ServiceDocument",
    "ServiceDocumentLocation",
    "ServiceDocumentOpening",
    "ServiceFacetValue",
    "ServiceTerm",
]
