"""Every page type renders through Wagtail's page serving with its key content."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from directory.factories import InformationPageFactory

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


def visible_text(response) -> str:
    soup = BeautifulSoup(response.content, "html.parser")
    return " ".join(soup.get_text(" ").split())


def h1s(response) -> list[str]:
    soup = BeautifulSoup(response.content, "html.parser")
    return [h.get_text(" ", strip=True) for h in soup.find_all("h1")]


def served_text(response, heading: str) -> str:
    """The visible text of a page served with `heading` as its one h1."""
    assert response.status_code == 200
    assert h1s(response) == [heading]
    return visible_text(response)


def test_home_page(client, site_root, directory_page):
    response = client.get("/")

    text = served_text(response, "Westshire Local Offer")
    assert "children and young people with SEND, aged 0 to 25" in text
    assert 'href="/services/"' in response.content.decode(), "the directory is linked"


def test_information_page_with_its_blocks(client, site_root):
    InformationPageFactory(
        parent=site_root,
        title="Requesting an EHC needs assessment",
        slug="ehc-needs-assessment",
        summary="How to ask the council to assess your child's needs.",
        body=[
            ("heading", {"text": "Who can ask", "level": "h2"}),
            ("paragraph", "<p>Parents, young people over 16 and schools can ask.</p>"),
            ("inset_text", {"text": "<p>The council must reply within 6 weeks.</p>"}),
        ],
    )

    text = served_text(client.get("/ehc-needs-assessment/"), "Requesting an EHC needs assessment")
    assert "How to ask the council to assess your child's needs." in text
    assert "Who can ask" in text
    assert "Parents, young people over 16 and schools can ask." in text
    assert "The council must reply within 6 weeks." in text


def test_directory_lists_its_live_services(client, make_service):
    make_service("Aiming High short breaks", summary="Activities and breaks for disabled children.")
    make_service("Autism outreach")
    make_service("A draft nobody should see", live=False)

    text = served_text(client.get("/services/"), "Find a service")
    assert "Aiming High short breaks" in text
    assert "Activities and breaks for disabled children." in text
    assert "Autism outreach" in text
    assert "A draft nobody should see" not in text


def test_service_page_shows_the_facts_a_parent_needs(client, make_service):
    checked = timezone.localdate() - datetime.timedelta(days=3)
    service = make_service(
        "Speech and language therapy",
        summary="Help for children who find talking or understanding hard.",
        service_types=["therapy"],
        needs=["speech-language-and-communication"],
        districts=["stafford"],
        access_routes=["professional-referral"],
        organisation="Westshire NHS Trust",
        min_age=2,
        max_age=18,
        cost_type="free",
        last_reviewed=checked,
        contacts=[{"name": "Children's therapy team", "phone": "01785 654321"}],
        locations=[{"name": "Riverside Clinic", "postcode": "ST16 3AB"}],
        opening_times=[{"weekday": 3, "note": "Term time only"}],
    )

    text = served_text(client.get(service.url), "Speech and language therapy")
    for fact in (
        "Help for children who find talking or understanding hard.",
        f"Last checked: {checked.day} {checked:%B %Y}",
        "Therapy",
        "Speech language and communication",
        "2 to 18 years",
        "Stafford",
        "Free",
        "Professional referral",
        "Children's therapy team",
        "01785 654321",
        "Riverside Clinic",
        "ST16 3AB",
        "Wednesday",
        "Term time only",
        "Westshire NHS Trust",
    ):
        assert fact in text, fact


def test_the_directory_listing_query_count_does_not_grow_with_services(client, make_service):
    def queries_for_listing() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/services/").status_code == 200
        return len(captured)

    for n in range(3):
        make_service(f"Service {n}", needs=["autism"], districts=["stafford", "cannock"])
    client.get("/services/")  # warm caches (site root paths, content types)
    few = queries_for_listing()

    for n in range(3, 15):
        make_service(f"Service {n}", needs=["autism"], districts=["stafford", "cannock"])
    client.get("/services/")  # the first search after a change rebuilds the search's bitsets
    many = queries_for_listing()

    assert many == few, f"{few} queries for 3 services, {many} for 15"
    assert many <= 40
