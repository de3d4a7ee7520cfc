"""schema.org descriptions of public pages (JSON-LD), so search engines and other systems can
read what a service is, who runs it, where and for whom."""

import json

from django.http import HttpRequest
from django.utils.html import strip_tags

from directory.models import ServicePage
from directory.models.pages import CostType


def _compact(data: dict) -> dict:
    return {k: v for k, v in data.items() if v not in (None, "", [], {})}


def service_json_ld(page: ServicePage, request: HttpRequest | None, council: str = "") -> dict:
    """A GovernmentService with its provider, area served, audience ages and ways to reach it."""
    url = page.get_full_url(request) or ""
    provider = None
    if page.organisation is not None:
        org = page.organisation
        provider = _compact(
            {
                "@type": "Organization",
                "name": org.name,
                "url": org.website,
                "email": org.email,
                "telephone": org.phone,
            }
        )
    if page.county_wide:
        area = {"@type": "AdministrativeArea", "name": council} if council else None
    else:
        area = [{"@type": "AdministrativeArea", "name": d.name} for d in page.districts.all()]
    channels = [
        _compact(
            {
                "@type": "ServiceChannel",
                "name": contact.name,
                "servicePhone": _compact({"@type": "ContactPoint", "telephone": contact.phone}),
                "serviceUrl": contact.website,
                "availableLanguage": None,
            }
        )
        for contact in page.contacts.all()
    ]
    for place in page.locations.all():
        channels.append(
            {
                "@type": "ServiceChannel",
                "serviceLocation": _compact(
                    {
                        "@type": "Place",
                        "name": place.name,
                        "address": _compact(
                            {
                                "@type": "PostalAddress",
                                "streetAddress": ", ".join(
                                    p for p in (place.address_1, place.address_2) if p
                                ),
                                "addressLocality": place.town,
                                "postalCode": place.postcode,
                                "addressCountry": "GB",
                            }
                        ),
                        "geo": {
                            "@type": "GeoCoordinates",
                            "latitude": place.latitude,
                            "longitude": place.longitude,
                        }
                        if place.latitude is not None and place.longitude is not None
                        else None,
                    }
                ),
            }
        )
    contact_points = [
        _compact({"@type": "ContactPoint", "telephone": c.phone, "email": c.email, "name": c.name})
        for c in page.contacts.all()
        if c.phone or c.email
    ]
    return _compact(
        {
            "@context": "https://schema.org",
            "@type": "GovernmentService",
            "name": page.title,
            "description": page.summary or strip_tags(page.description or "")[:300],
            "url": url,
            "provider": provider,
            "serviceOperator": provider,
            "areaServed": area,
            "audience": {
                "@type": "PeopleAudience",
                "suggestedMinAge": page.min_age,
                "suggestedMaxAge": page.max_age,
            },
            "serviceType": [t.name for t in page.service_types.all()],
            "availableChannel": [c for c in channels if len(c) > 1],
            "contactPoint": contact_points,
            "isAccessibleForFree": True if page.cost_type == CostType.FREE else None,
            "dateModified": page.last_published_at.isoformat() if page.last_published_at else None,
        }
    )


def as_script_text(data: dict) -> str:
    """JSON for inside a <script> element: '<', '>' and '&' escaped so no text can end it."""
    text = json.dumps(data, ensure_ascii=False, default=str)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
