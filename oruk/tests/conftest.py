"""Fixtures for the ORUK API tests: a directory whose services use every field the API maps."""

import datetime

import pytest
from django.utils import timezone

from directory.models import Organisation


@pytest.fixture
def api_paths() -> set[str]:
    """Every path of the ORUK API, as its OpenAPI document names them."""
    return {
        "/",
        "/services",
        "/services/{id}",
        "/service_at_locations",
        "/service_at_locations/{id}",
        "/taxonomies",
        "/taxonomies/{id}",
        "/taxonomy_terms",
        "/taxonomy_terms/{id}",
    }


@pytest.fixture
def organisation(db) -> Organisation:
    return Organisation.objects.create(
        name="Westshire Parent Carer Forum",
        slug="westshire-parent-carer-forum",
        description="A charity run by parents of disabled children.",
        website="https://forum.westshire.example/",
        email="hello@forum.westshire.example",
        phone="01785 111222",
    )


@pytest.fixture
def full_service(make_service, organisation):
    """A live service with every field set: taxonomies, contacts, places, opening times."""
    return make_service(
        "Sunflower short breaks",
        summary="Saturday clubs and holiday play schemes for disabled children.",
        description="<p>Play, arts and trips.</p><p>Staff are trained in <b>autism</b> support.</p>",
        keywords="respite, play scheme",
        organisation=organisation,
        service_types=["short-breaks", "activities"],
        needs=["autism", "learning-disability"],
        districts=["stafford", "cannock"],
        access_routes=["self-referral"],
        delivery_methods=["in-person"],
        languages=["en", "pl"],
        provider_type="voluntary-sector",
        min_age=5,
        max_age=18,
        cost_type="paid",
        cost_details="£5 a session",
        access_details="Fill in the short form on our website.",
        accessibility_information="Easy-read leaflets and a quiet room.",
        opening_times_note="Closed on bank holidays.",
        county_wide=True,
        last_reviewed=datetime.date(2026, 9, 1),
        external_id="LA-0001",
        contacts=[
            {"name": "Bookings", "phone": "01785 654321", "email": "bookings@sunflower.example"},
            {"name": "Website", "phone": "", "email": "", "website": "https://sunflower.example/"},
        ],
        locations=[
            {
                "name": "Sunflower Centre",
                "address_1": "2 Mill Lane",
                "address_2": "Riverside",
                "town": "Stafford",
                "postcode": "ST16 2DH",
            },
            {
                "name": "Cannock Library",
                "address_1": "Manor Avenue",
                "town": "Cannock",
                "postcode": "WS11 1AA",
                "latitude": None,
                "longitude": None,
                "accessibility_notes": "",
            },
        ],
        opening_times=[
            {"weekday": 6, "opens": datetime.time(10), "closes": datetime.time(15)},
            {
                "weekday": 3,
                "opens": datetime.time(16),
                "closes": datetime.time(18, 30),
                "note": "Term time only",
            },
        ],
        last_published_at=timezone.now() - datetime.timedelta(days=3),
    )


@pytest.fixture
def bare_service(make_service):
    """A live service with only what is required: no organisation, no places, no contacts."""
    return make_service(
        "Drop-in advice",
        summary="Advice for parents.",
        description="",
        service_types=["information-and-advice"],
        contacts=[],
        locations=[],
        last_reviewed=None,
    )
