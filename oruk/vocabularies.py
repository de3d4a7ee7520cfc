"""The directory's vocabularies as Open Referral taxonomies, and the stable ids the API gives out.

Each vocabulary is one ORUK `taxonomy` with a UUID derived from its key, so the id never changes
between deployments; each value is a `taxonomy_term` whose id is the value's own `uuid`.
Objects the directory stores without a UUID of their own (schedules, service areas, attributes)
get a UUID derived from their owner's UUID and what they are, so they too are stable.
"""

import uuid
from dataclasses import dataclass

from django.db import models

from directory.models import (
    AccessRoute,
    DeliveryMethod,
    District,
    Need,
    ProviderType,
    ServiceType,
)

# Fixed namespace for every UUID this API derives. Never change it: ids would change with it.
ORUK_NAMESPACE = uuid.UUID("6f1b7a52-3d0e-5c8e-9a4b-2f6d1c0e8a71")


def derived_uuid(*parts: object) -> uuid.UUID:
    """A stable UUID for an object identified by its owner and its kind."""
    return uuid.uuid5(ORUK_NAMESPACE, ":".join(str(part) for part in parts))


@dataclass(frozen=True)
class Vocabulary:
    """One of the directory's controlled vocabularies, published as an ORUK taxonomy."""

    key: str  # also the CSV import/export column name
    model: type[models.Model]
    name: str
    description: str
    service_field: str  # the ServicePage field holding the values
    many: bool = True

    @property
    def uuid(self) -> uuid.UUID:
        return derived_uuid("taxonomy", self.key)


VOCABULARIES: tuple[Vocabulary, ...] = (
    Vocabulary(
        "service_types",
        ServiceType,
        "Local Offer service types",
        "What kind of service it is, such as short breaks or information and advice.",
        "service_types",
    ),
    Vocabulary(
        "needs",
        Need,
        "SEND needs",
        "The special educational needs and disabilities a service supports.",
        "needs",
    ),
    Vocabulary(
        "districts",
        District,
        "Districts",
        "The districts of the county a service covers.",
        "districts",
    ),
    Vocabulary(
        "provider_type",
        ProviderType,
        "Provider types",
        "The provider types of Schedule 2 of the SEND Regulations 2014.",
        "provider_type",
        many=False,
    ),
    Vocabulary(
        "access_routes",
        AccessRoute,
        "Ways to access",
        "How a family gets the service, such as self-referral or an EHC plan.",
        "access_routes",
    ),
    Vocabulary(
        "delivery_methods",
        DeliveryMethod,
        "Delivery methods",
        "How the service is delivered, such as in person or online.",
        "delivery_methods",
    ),
)

VOCABULARY_BY_UUID: dict[uuid.UUID, Vocabulary] = {v.uuid: v for v in VOCABULARIES}
VOCABULARY_BY_KEY: dict[str, Vocabulary] = {v.key: v for v in VOCABULARIES}


def service_terms(page) -> list[tuple[Vocabulary, models.Model]]:
    """Every taxonomy value of a service with its vocabulary (uses prefetched relations)."""
    terms = []
    for vocabulary in VOCABULARIES:
        if vocabulary.many:
            terms += [(vocabulary, t) for t in getattr(page, vocabulary.service_field).all()]
        else:
            value = getattr(page, vocabulary.service_field)
            if value is not None:
                terms.append((vocabulary, value))
    return terms
