"""A service with a Wagtail privacy restriction (password, login or groups), on itself or on a
page above it, appears nowhere the search app lists services: the index, the directory search,
site search, suggestions, promotions, the shortlist and its share link."""

import json

import pytest
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from directory.factories import DirectoryIndexPageFactory, restrict_page
from search.contract import SearchQuery
from search.models import ServiceDocument
from search.service_search import search_services

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]

KINDS = ["password", "login", "groups"]


@pytest.fixture(params=KINDS)
def kind(request) -> str:
    return request.param


@pytest.fixture
def services(make_service):
    return {
        "private": make_service("Aiming High short breaks", summary="Saturday clubs."),
        "public": make_service("Aiming Higher youth club", summary="Evening club."),
    }


@pytest.fixture
def private(services, kind):
    restrict_page(services["private"], kind)
    return services["private"]


def titles(**kwargs) -> list[str]:
    return [hit.title for hit in search_services(SearchQuery(**kwargs)).hits]


def test_a_restricted_service_leaves_the_index_and_comes_back(services, kind):
    service = services["private"]
    restriction = restrict_page(service, kind)
    assert not ServiceDocument.objects.filter(pk=service.pk).exists()
    assert titles(text="aiming") == ["Aiming Higher youth club"]
    restriction.delete()
    assert ServiceDocument.objects.filter(pk=service.pk).exists()
    assert "Aiming High short breaks" in titles(text="aiming")


def test_a_restriction_on_a_section_above_hides_its_services(make_service, site_root, kind):
    section = DirectoryIndexPageFactory(parent=site_root, title="Members only", slug="members")
    make_service("Aiming High members club", parent=section)
    restrict_page(section, kind)
    assert titles(text="aiming") == []
    # Publishing a restricted service again does not bring it back.
    service = section.get_children().specific().get()
    service.save_revision().publish()
    assert titles(text="aiming") == []


def test_directory_search_and_listing(client, private, directory_page):
    html = client.get(directory_page.url, {"q": "aiming"}).content.decode()
    assert "Aiming Higher youth club" in html
    assert "Aiming High short breaks" not in html
    assert [s.title for s in directory_page.services()] == ["Aiming Higher youth club"]


def test_site_search(client, private):
    html = client.get("/search/", {"q": "aiming high"}).content.decode()
    assert "Aiming Higher youth club" in html
    assert "Aiming High short breaks" not in html


def test_suggestions(client, private):
    data = json.loads(client.get("/search/suggest/", {"q": "aiming"}).content)
    assert data["suggestions"] == ["Aiming Higher youth club"]


def test_promotions(client, private, directory_page):
    query = Query.get("aiming")
    SearchPromotion.objects.create(query=query, page=private, sort_order=0)
    assert "Aiming High short breaks" not in client.get("/search/?q=aiming").content.decode()
    html = client.get(directory_page.url, {"q": "aiming"}).content.decode()
    assert "Aiming High short breaks" not in html


def test_shortlist_and_its_share_link(client, services, kind):
    service = services["private"]
    client.post("/shortlist/add/", {"service": str(service.uuid)})
    assert "Aiming High short breaks" in client.get("/shortlist/").content.decode()
    restrict_page(service, kind)
    assert "Aiming High short breaks" not in client.get("/shortlist/").content.decode()
    shared = client.get(f"/shortlist/shared/?ids={service.uuid}").content.decode()
    assert "Aiming High short breaks" not in shared
    response = client.post(
        "/shortlist/add/", {"service": str(service.uuid)}, headers={"accept": "application/json"}
    )
    assert "no longer in the directory" in response.json()["message"]
