"""Plain functions mapping the directory's models to Open Referral UK 3.0 objects.

Every function reads only what `directory.models.with_details()` (or `with_summary_related()`
for list items) prefetches, so serialising a page of services costs a fixed number of queries
whatever its size. Optional fields are left out when empty rather than sent as empty strings.
"""

import datetime

from django.db.models import QuerySet
from django.http import HttpRequest

from directory.models import (
    Language,
    OpeningTime,
    Organisation,
    ServiceContact,
    ServiceLocation,
    ServicePage,
)
from directory.models.pages import CostType

from .richtext import rich_text_to_plain
from .vocabularies import VOCABULARIES, Vocabulary, derived_uuid, service_terms

WEEKDAY_CODES = {1: "MO", 2: "TU", 3: "WE", 4: "TH", 5: "FR", 6: "SA", 7: "SU"}
COUNTRY = "GB"


def with_summary_related(queryset: QuerySet) -> QuerySet:
    """The service queryset with what a list item (one-to-one fields) needs."""
    return queryset.select_related("organisation").prefetch_related("contacts")


def _compact(data: dict) -> dict:
    return {key: value for key, value in data.items() if value not in (None, "", [])}


def format_datetime(value: datetime.datetime | None) -> str | None:
    """An ISO 8601 UTC datetime with milliseconds, as the profile's examples show."""
    if value is None:
        return None
    value = value.astimezone(datetime.UTC)
    return value.isoformat(timespec="milliseconds").replace("+00:00", "Z")


def service_description(page: ServicePage) -> str:
    """The summary sentence, then the longer description as plain text."""
    details = rich_text_to_plain(page.description)
    return f"{page.summary}\n\n{details}" if details else page.summary


def service_email(page: ServicePage) -> str:
    return next((c.email for c in page.contacts.all() if c.email), "")


def service_url(page: ServicePage, request: HttpRequest | None) -> str | None:
    """The service's page on this Local Offer."""
    return page.get_full_url(request)


def organization(org: Organisation) -> dict:
    """An ORUK organization (the list form: one-to-one fields only)."""
    return _compact(
        {
            "id": str(org.uuid),
            "name": org.name,
            "description": org.description or org.name,
            "email": org.email,
            "website": org.website,
        }
    )


def taxonomy(vocabulary: Vocabulary, terms: list | None = None) -> dict:
    """An ORUK taxonomy for one vocabulary; with `terms`, its terms nested."""
    data = {
        "id": str(vocabulary.uuid),
        "name": vocabulary.name,
        "description": vocabulary.description,
        "version": "1",
    }
    if terms is not None:
        data["taxonomy_terms"] = [taxonomy_term(vocabulary, t) for t in terms]
    return data


def taxonomy_term(vocabulary: Vocabulary, term) -> dict:
    """An ORUK taxonomy_term for one value of a vocabulary; `code` is the value's slug."""
    return _compact(
        {
            "id": str(term.uuid),
            "code": term.slug,
            "name": term.name,
            "description": term.description or term.name,
            "taxonomy": vocabulary.name,
            "taxonomy_id": str(vocabulary.uuid),
            "term": term.name,
        }
    )


def attribute(page: ServicePage, vocabulary: Vocabulary, term) -> dict:
    """The link between a service and one taxonomy term."""
    return {
        "id": str(derived_uuid("attribute", page.uuid, term.uuid)),
        "link_id": str(page.uuid),
        "link_type": "service",
        "link_entity": "service",
        "taxonomy_term_id": str(term.uuid),
        "taxonomy_term": taxonomy_term(vocabulary, term),
    }


def schedule(page: ServicePage, opening: OpeningTime) -> dict:
    """A weekly opening time as an RFC 5545-style ORUK schedule."""
    description = str(opening)
    return _compact(
        {
            "id": str(derived_uuid("schedule", page.uuid, opening.pk)),
            "service_id": str(page.uuid),
            "freq": "WEEKLY",
            "interval": 1,
            "byday": WEEKDAY_CODES[opening.weekday],
            "opens_at": opening.opens.strftime("%H:%M:%S"),
            "closes_at": opening.closes.strftime("%H:%M:%S"),
            "description": f"{description}. {opening.note}" if opening.note else description,
            "notes": opening.note,
            "attending_type": ", ".join(m.name for m in page.delivery_methods.all()),
        }
    )


def service_areas(page: ServicePage) -> list[dict]:
    """County-wide cover and each district served, as ORUK service areas."""
    areas = []
    if page.county_wide:
        areas.append(
            {
                "id": str(derived_uuid("service-area", page.uuid, "county")),
                "service_id": str(page.uuid),
                "name": "County-wide",
                "service_area": "The whole county",
                "extent_type": "county",
            }
        )
    for district in page.districts.all():
        areas.append(
            {
                "id": str(derived_uuid("service-area", page.uuid, district.uuid)),
                "service_id": str(page.uuid),
                "name": district.name,
                "service_area": district.name,
                "extent_type": "district",
            }
        )
    return areas


def language(page: ServicePage, lang: Language) -> dict:
    return {
        "id": str(derived_uuid("language", page.uuid, lang.code)),
        "service_id": str(page.uuid),
        "name": lang.name,
        "code": lang.code,
    }


def cost_options(page: ServicePage) -> list[dict]:
    """The service's cost as one ORUK cost option; free services say so with an amount of 0."""
    option = {
        "id": str(derived_uuid("cost-option", page.uuid)),
        "service_id": str(page.uuid),
        "option": CostType(page.cost_type).label,
        "amount_description": page.cost_details,
    }
    if page.cost_type == CostType.FREE:
        option["amount"] = 0
    return [_compact(option)]


def contact(page: ServicePage, item: ServiceContact) -> dict:
    """A contact route; its phone number as a nested ORUK phone."""
    phones = []
    if item.phone:
        phones.append(
            {
                "id": str(derived_uuid("phone", item.uuid)),
                "contact_id": str(item.uuid),
                "number": item.phone,
            }
        )
    return _compact(
        {
            "id": str(item.uuid),
            "service_id": str(page.uuid),
            "name": item.name,
            "email": item.email,
            "url": item.website,
            "phones": phones,
        }
    )


def location(page: ServicePage, place: ServiceLocation, *, nested: bool = True) -> dict:
    """An ORUK location for a place the service is delivered; `nested` adds its address."""
    location_id = str(derived_uuid("location", place.uuid))
    data = _compact(
        {
            "id": location_id,
            "location_type": "physical",
            "name": place.name,
            "latitude": place.latitude,
            "longitude": place.longitude,
        }
    )
    if not nested:
        return data
    data["addresses"] = [
        {
            "id": str(derived_uuid("address", place.uuid)),
            "location_id": location_id,
            "address_1": ", ".join(line for line in (place.address_1, place.address_2) if line),
            "city": place.town,
            "state_province": "",
            "postal_code": place.postcode,
            "country": COUNTRY,
            "address_type": "physical",
        }
    ]
    notes = [
        (kind, text)
        for kind, text in (
            ("place", place.accessibility_notes),
            ("service", page.accessibility_information),
        )
        if text
    ]
    if notes:
        data["accessibility"] = [
            {
                "id": str(derived_uuid("accessibility", place.uuid, kind)),
                "location_id": location_id,
                "description": text,
                "accessibility": text,
            }
            for kind, text in notes
        ]
    return data


def service_summary(page: ServicePage, request: HttpRequest | None) -> dict:
    """An ORUK service with its one-to-one fields only (the list form)."""
    data = {
        "id": str(page.uuid),
        "name": page.title,
        "description": service_description(page),
        "url": service_url(page, request),
        "email": service_email(page),
        "status": "active",
        "fees": page.cost_details,
        "minimum_age": page.min_age,
        "maximum_age": page.max_age,
        "assured_date": page.last_reviewed.isoformat() if page.last_reviewed else None,
        "last_modified": format_datetime(page.last_published_at),
    }
    if page.organisation is not None:
        data["organization_id"] = str(page.organisation.uuid)
        data["organization"] = organization(page.organisation)
    return _compact(data)


def service_detail(page: ServicePage, request: HttpRequest | None) -> dict:
    """A fully nested ORUK service, with everything the directory knows about it."""
    data = service_summary(page, request)
    data["schedules"] = [schedule(page, o) for o in page.opening_times.all()]
    data["service_areas"] = service_areas(page)
    data["service_at_locations"] = [
        {
            "id": str(place.uuid),
            "service_id": str(page.uuid),
            "location_id": str(derived_uuid("location", place.uuid)),
            "location": location(page, place),
        }
        for place in page.locations.all()
    ]
    data["languages"] = [language(page, lang) for lang in page.languages.all()]
    data["cost_options"] = cost_options(page)
    data["contacts"] = [contact(page, c) for c in page.contacts.all()]
    data["attributes"] = [attribute(page, v, t) for v, t in service_terms(page)]
    return data


def service_at_location_summary(place: ServiceLocation, request: HttpRequest | None) -> dict:
    """The list form of a service at a location: the location and the service, unnested."""
    page = place.page
    return {
        "id": str(place.uuid),
        "service_id": str(page.uuid),
        "location_id": str(derived_uuid("location", place.uuid)),
        "location": location(page, place, nested=False),
        "service": service_summary(page, request),
    }


def service_at_location_detail(place: ServiceLocation, request: HttpRequest | None) -> dict:
    """A service at a location, with the location and the service fully nested.

    Also the service's `name` and `status` at the top: the official validator reads the
    profile's OpenAPI document, where this path names the service schema, which requires them.
    """
    page = place.page
    service = service_detail(page, request)
    return {
        "id": str(place.uuid),
        "name": service["name"],
        "status": service["status"],
        "service_id": str(page.uuid),
        "location_id": str(derived_uuid("location", place.uuid)),
        "location": location(page, place),
        "service": service,
    }


__all__ = [
    "VOCABULARIES",
    "organization",
    "service_at_location_detail",
    "service_at_location_summary",
    "service_detail",
    "service_summary",
    "taxonomy",
    "taxonomy_term",
]
