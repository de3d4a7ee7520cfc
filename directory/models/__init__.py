"""Directory models: taxonomies and organisations (snippets), and the page types."""

from .pages import HomePage, InformationPage
from .service_details import OpeningTime, ServiceContact, ServiceLocation
from .services import DirectoryIndexPage, ServicePage, with_details
from .settings import LocalOfferSettings
from .snippets import (
    AccessRoute,
    DeliveryMethod,
    District,
    Language,
    Need,
    Organisation,
    ProviderType,
    ServiceType,
)

__all__ = [
    "AccessRoute",
    "DeliveryMethod",
    "DirectoryIndexPage",
    "District",
    "HomePage",
    "InformationPage",
    "Language",
    "LocalOfferSettings",
    "Need",
    "OpeningTime",
    "Organisation",
    "ProviderType",
    "ServiceContact",
    "ServiceLocation",
    "ServicePage",
    "ServiceType",
    "with_details",
]
