"""Search models: the database backend's index (index.py) and search analytics (analytics.py)."""

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
    "ServiceDocument",
    "ServiceDocumentLocation",
    "ServiceDocumentOpening",
    "ServiceFacetValue",
    "ServiceTerm",
]
