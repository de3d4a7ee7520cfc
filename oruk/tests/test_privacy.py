"""A service with a privacy restriction (password, login or groups) is not in the ORUK API,
lists or details, nor in the services export."""

import pytest
from django.urls import reverse

from directory.factories import restrict_page
from oruk.exporting import published_service_rows

pytestmark = pytest.mark.django_db


@pytest.fixture(params=["password", "login", "groups"])
def services(request, make_service):
    private = make_service("Aiming High short breaks", locations=[{"name": "Private place"}])
    public = make_service("Aiming Higher youth club", locations=[{"name": "Public place"}])
    restrict_page(private, request.param)
    return private, public


def names(response) -> list[str]:
    assert response.status_code == 200
    return [item["name"] for item in response.json()["contents"]]


def test_service_lists(client, services):
    assert names(client.get("/api/oruk/services")) == ["Aiming Higher youth club"]
    assert names(client.get("/api/oruk/services", {"search": "aiming"})) == [
        "Aiming Higher youth club"
    ]
    places = client.get("/api/oruk/service_at_locations").json()["contents"]
    assert [p["service"]["name"] for p in places] == ["Aiming Higher youth club"]
    places = client.get("/api/oruk/service_at_locations", {"search": "aiming"}).json()
    assert [p["service"]["name"] for p in places["contents"]] == ["Aiming Higher youth club"]


def test_service_details(client, services):
    private, _public = services
    response = client.get(reverse("oruk:service_detail", args=[private.uuid]))
    assert response.status_code == 404
    assert response["Access-Control-Allow-Origin"] == "*"
    location = private.locations.get()
    response = client.get(reverse("oruk:service_at_location_detail", args=[location.uuid]))
    assert response.status_code == 404


def test_services_export(services):
    assert [row["title"] for row in published_service_rows()] == ["Aiming Higher youth club"]
