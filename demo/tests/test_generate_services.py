"""generate_services: many realistic services in bulk, as valid, live, searchable pages."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from wagtail import hooks
from wagtail.models import Page

from demo.generator import generate_service_facts
from directory.models import ServicePage


def generate(count: int, seed: int, *args: str) -> str:
    output = StringIO()
    call_command(
        "generate_services", "--count", str(count), "--seed", str(seed), *args, stdout=output
    )
    return output.getvalue()


def titles_in_tree_order(directory) -> list[str]:
    return list(
        ServicePage.objects.child_of(directory).order_by("path").values_list("title", flat=True)
    )


@pytest.mark.postgres  # raw inserts, returned ids and the search backend differ
def test_makes_a_valid_tree_of_live_pages_that_serve(directory_page, make_service, client):
    make_service("An existing service")  # the generated pages go after existing children
    assert "Created 200 services" in generate(200, seed=5)

    assert Page.find_problems() == ([], [], [], [], [])
    directory_page.refresh_from_db()
    assert directory_page.numchild == 201
    services = ServicePage.objects.child_of(directory_page).live()
    assert services.count() == 201
    assert len(set(services.values_list("slug", flat=True))) == 201

    for service in services.order_by("-path")[:3]:
        response = client.get(service.url)
        assert response.status_code == 200
        assert service.title in response.content.decode()


def test_services_have_taxonomies_places_and_contacts(directory_page):
    generate(50, seed=2)
    for service in ServicePage.objects.child_of(directory_page).prefetch_related(
        "service_types", "locations", "contacts", "opening_times"
    ):
        assert service.summary and service.service_types.exists()
        assert service.min_age <= service.max_age
        location = service.locations.get()
        assert 52.4 < location.latitude < 53.2 and -2.4 < location.longitude < -1.4
        assert service.contacts.get().phone
        assert service.opening_times.exists()
        assert service.county_wide or service.districts.exists()


@pytest.mark.postgres  # raw inserts, returned ids and the search backend differ
def test_each_page_has_a_live_revision_the_admin_can_edit(directory_page, admin_client):
    generate(5, seed=3)
    service = ServicePage.objects.child_of(directory_page).order_by("path").last()
    assert service.live_revision_id == service.latest_revision_id is not None
    from_revision = service.get_latest_revision_as_object()
    assert from_revision.title == service.title
    assert [c.phone for c in from_revision.contacts.all()] == [
        c.phone for c in service.contacts.all()
    ]
    assert set(from_revision.needs.all()) == set(service.needs.all())
    response = admin_client.get(f"/admin/pages/{service.pk}/edit/")
    assert response.status_code == 200


def test_same_seed_same_titles_and_a_new_seed_new_ones(directory_page):
    generate(20, seed=7)
    generate(20, seed=7)
    titles = titles_in_tree_order(directory_page)
    assert titles[:20] == titles[20:]
    assert [f["title"] for f in generate_service_facts(20, 7)] == titles[:20]
    assert [f["title"] for f in generate_service_facts(20, 8)] != titles[:20]
    assert Page.find_problems() == ([], [], [], [], [])


def test_works_in_chunks_and_tells_other_apps_once_with_every_new_id(directory_page, monkeypatch):
    monkeypatch.setattr("demo.generator.CHUNK_SIZE", 7)
    calls = []
    with hooks.register_temporarily("after_bulk_services_created", calls.append):
        generate(30, seed=4)
    new_ids = list(
        ServicePage.objects.child_of(directory_page).order_by("path").values_list("pk", flat=True)
    )
    assert len(new_ids) == 30
    assert calls == [new_ids]
    assert Page.find_problems() == ([], [], [], [], [])


@pytest.mark.postgres  # raw inserts, returned ids and the search backend differ
def test_new_services_are_in_wagtails_search_index(directory_page):
    generate(30, seed=6)
    service = ServicePage.objects.child_of(directory_page).order_by("path").first()
    results = ServicePage.objects.live().search(service.title)
    assert service.pk in [result.pk for result in results]


def test_unknown_parent_is_a_clear_error(directory_page):
    with pytest.raises(CommandError, match="No directory page with slug 'nowhere'"):
        generate(5, 1, "--parent", "nowhere")
    assert not ServicePage.objects.exists()
