"""Keeping the search indexes in step with the live services.

`index_services(page_ids)` (re)writes the database index for those services and, when
Elasticsearch is configured, their Elasticsearch documents; pages that are not live (or no longer
exist) are removed from both. The signal handlers in `search.signals` and `rebuild_search_index`
call it. `service_document_data` is the one description of a service both backends index.
"""

import logging
import math
import uuid
from collections.abc import Iterable, Iterator
from itertools import islice

from django.conf import settings
from django.db import transaction
from django.utils.html import strip_tags

from directory.models import District, ServicePage
from directory.models.pages import CostType, age_bands_for
from directory.visibility import publicly_visible
from directory.vocabularies import TAXONOMIES, VOCABULARIES, YES
from search.analysis import terms
from search.models import (
    SearchIndexVersion,
    ServiceDocument,
    ServiceDocumentLocation,
    ServiceDocumentOpening,
    ServiceFacetValue,
    ServiceTerm,
)

logger = logging.getLogger(__name__)

BATCH_SIZE = 500
# How much a word counts in each field: a title match must beat a body match.
FIELD_WEIGHTS: dict[str, int] = {
    "title": 10,
    "keywords": 4,
    "service_types": 4,
    "needs": 4,
    "summary": 3,
    "organisation": 2,
    "description": 1,
}


def elasticsearch_enabled() -> bool:
    return bool(getattr(settings, "ELASTICSEARCH_URL", ""))


def live_services(page_ids: Iterable[int] | None = None):
    """Publicly visible services with everything indexing reads, in a fixed number of queries."""
    pages = publicly_visible(ServicePage.objects).select_related("organisation", "provider_type")
    if page_ids is not None:
        pages = pages.filter(pk__in=list(page_ids))
    return pages.prefetch_related(
        "service_types",
        "needs",
        "districts",
        "access_routes",
        "delivery_methods",
        "locations",
        "opening_times",
    ).order_by("pk")


def service_document_data(page: ServicePage, all_districts: list[District]) -> dict:
    """Everything search needs about one live service, as plain data."""
    facets: list[tuple[str, str, str | None, bool]] = []  # (group, value, term uuid, based here)
    for vocabulary in TAXONOMIES:
        if vocabulary.key == "district":
            continue  # below: county-wide services cover every district
        chosen = getattr(page, vocabulary.service_field)
        for value in chosen.all() if vocabulary.many else [chosen] if chosen else []:
            facets.append((vocabulary.key, value.slug, str(value.uuid), True))
    based_in = {d.slug for d in page.districts.all()}
    for district in all_districts:
        if district.slug in based_in or page.county_wide:
            facets.append(
                ("district", district.slug, str(district.uuid), district.slug in based_in)
            )
    for band in age_bands_for(page.min_age, page.max_age):
        facets.append(("age", band, None, True))
    facets.append(("cost", page.cost_type, None, True))
    for fact in VOCABULARIES:
        if fact.is_yes_no and getattr(page, fact.service_field):
            facets.append((fact.key, YES, None, True))
    return {
        "page_id": page.pk,
        "uuid": str(page.uuid),
        "title": page.title,
        "summary": page.summary,
        "url_path": page.url_path,
        "organisation": page.organisation.name if page.organisation else "",
        "service_types": [t.name for t in page.service_types.all()],
        "needs": [n.name for n in page.needs.all()],
        "keywords": page.keywords,
        "description": strip_tags(page.description or ""),
        "min_age": page.min_age,
        "max_age": page.max_age,
        "age_range": page.age_range_label,
        "area": page.area_label,
        "cost": CostType(page.cost_type).label if page.cost_type in CostType.values else "",
        "county_wide": page.county_wide,
        "last_published_at": page.last_published_at,
        "facets": facets,
        "locations": [
            (loc.latitude, loc.longitude)
            for loc in page.locations.all()
            if loc.latitude is not None and loc.longitude is not None
        ],
        "openings": [(o.weekday, o.opens, o.closes) for o in page.opening_times.all()],
    }


def unit_vector(latitude: float, longitude: float) -> tuple[float, float, float]:
    """A point on the unit sphere: straight-line distances between them order like great circles."""
    lat, lon = math.radians(latitude), math.radians(longitude)
    return (math.cos(lat) * math.cos(lon), math.cos(lat) * math.sin(lon), math.sin(lat))


def weighted_terms(data: dict) -> dict[str, int]:
    """Each stemmed term of the service with the sum of the weights of the fields it is in."""
    weights: dict[str, int] = {}
    for field_name, weight in FIELD_WEIGHTS.items():
        value = data[field_name]
        text = " ".join(value) if isinstance(value, list) else value
        for term in set(terms(text)):
            if len(term) <= 60:
                weights[term] = min(weights.get(term, 0) + weight, 32767)
    return weights


def _batches(ids: list[int], size: int) -> Iterator[list[int]]:
    it = iter(ids)
    while batch := list(islice(it, size)):
        yield batch


def index_services(page_ids: Iterable[int], *, elasticsearch: bool | None = None) -> int:
    """Bring these services' index entries up to date; returns how many are indexed (live)."""
    ids = sorted(set(page_ids))
    all_districts = list(District.objects.all())
    indexed = 0
    for batch in _batches(ids, BATCH_SIZE):
        documents = [service_document_data(p, all_districts) for p in live_services(batch)]
        write_database_documents(batch, documents)
        indexed += len(documents)
        if elasticsearch if elasticsearch is not None else elasticsearch_enabled():
            from search.backends import elasticsearch_index as es_backend

            es_backend.sync_documents(batch, documents)
    return indexed


def bump_index_version() -> None:
    """Mark the database index changed: each process rebuilds its facet bitsets on its next
    search (search.backends.bitsets). Every write to the index calls it."""
    if not SearchIndexVersion.objects.filter(pk=1).update(token=uuid.uuid4().hex):
        SearchIndexVersion.objects.create(pk=1, token=uuid.uuid4().hex)


def remove_services(page_ids: Iterable[int]) -> None:
    """Take these services out of every index (unpublished or deleted)."""
    ids = list(page_ids)
    ServiceDocument.objects.filter(pk__in=ids).delete()
    bump_index_version()
    if elasticsearch_enabled():
        from search.backends import elasticsearch_index as es_backend

        es_backend.sync_documents(ids, [])


@transaction.atomic
def write_database_documents(page_ids: list[int], documents: list[dict]) -> None:
    """Replace the database index rows of `page_ids` with `documents` (the live ones)."""
    bump_index_version()
    ServiceDocument.objects.filter(pk__in=page_ids).delete()
    ServiceDocument.objects.bulk_create(
        [
            ServiceDocument(
                page_id=d["page_id"],
                uuid=d["uuid"],
                title=d["title"],
                title_sort=d["title"].lower()[:255],
                summary=d["summary"],
                url_path=d["url_path"],
                organisation=d["organisation"],
                service_types=", ".join(d["service_types"])[:500],
                min_age=d["min_age"],
                max_age=d["max_age"],
                age_range=d["age_range"],
                area=d["area"][:500],
                cost=d["cost"],
                county_wide=d["county_wide"],
                last_published_at=d["last_published_at"],
            )
            for d in documents
        ]
    )
    ServiceFacetValue.objects.bulk_create(
        [
            ServiceFacetValue(
                document_id=d["page_id"],
                group=group,
                value=value,
                term_uuid=term_uuid,
                based_here=based_here,
            )
            for d in documents
            for group, value, term_uuid, based_here in d["facets"]
        ],
        batch_size=2000,
    )
    ServiceTerm.objects.bulk_create(
        [
            ServiceTerm(document_id=d["page_id"], term=term, weight=weight)
            for d in documents
            for term, weight in weighted_terms(d).items()
        ],
        batch_size=2000,
    )
    ServiceDocumentLocation.objects.bulk_create(
        [
            ServiceDocumentLocation(
                document_id=d["page_id"],
                latitude=lat,
                longitude=lon,
                **dict(zip("xyz", unit_vector(lat, lon), strict=True)),
            )
            for d in documents
            for lat, lon in d["locations"]
        ],
        batch_size=2000,
    )
    ServiceDocumentOpening.objects.bulk_create(
        [
            ServiceDocumentOpening(document_id=d["page_id"], weekday=w, opens=o, closes=c)
            for d in documents
            for w, o, c in d["openings"]
        ],
        batch_size=2000,
    )


def rebuild_ids() -> list[int]:
    """Every service page id, live or not, so a rebuild also clears stale entries."""
    return list(ServicePage.objects.values_list("pk", flat=True)) + list(
        ServiceDocument.objects.exclude(page_id__in=ServicePage.objects.values("pk")).values_list(
            "pk", flat=True
        )
    )
