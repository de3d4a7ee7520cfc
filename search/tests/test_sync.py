"""The database index follows Wagtail: publish, unpublish, delete, move, taxonomy edits, bulk
creation and a full rebuild. Drafts never reach it."""

from io import StringIO

import pytest
from django.core.management import call_command
from wagtail import hooks

from directory.factories import DirectoryIndexPageFactory
from directory.models import District, Need
from search.contract import SearchQuery
from search.models import ServiceDocument, ServiceFacetValue
from search.service_search import search_services

# Index writes and queries depend on the database: run again on PostgreSQL by `make test`.
pytestmark = pytest.mark.postgres


def found(**kwargs) -> list[str]:
    return [hit.title for hit in search_services(SearchQuery(**kwargs)).hits]


@pytest.fixture
def draft(make_service):
    return make_service("Swimming club", needs=["autism"], districts=["north"], live=False)


def test_publishing_indexes_and_drafts_stay_out(draft):
    assert found(text="swimming") == []
    draft.save_revision().publish()
    assert found(text="swimming") == ["Swimming club"]
    draft.refresh_from_db()
    draft.title = "Swimming club for beginners"
    draft.save_revision()  # a new draft: the live title stays
    assert found(text="beginners") == []
    assert found(text="swimming") == ["Swimming club"]


def test_unpublishing_and_deleting_remove_the_service(draft):
    draft.save_revision().publish()
    draft.refresh_from_db()
    draft.unpublish()
    assert found(text="swimming") == []
    draft.save_revision().publish()
    assert found(text="swimming") == ["Swimming club"]
    draft.refresh_from_db()
    draft.delete()
    assert not ServiceDocument.objects.exists()


def test_moving_updates_the_web_address(draft, site_root):
    draft.save_revision().publish()
    other = DirectoryIndexPageFactory(parent=site_root, title="Short breaks", slug="short-breaks")
    draft.refresh_from_db()
    draft.move(other, pos="last-child")
    [hit] = search_services(SearchQuery(text="swimming")).hits
    assert hit.url == "/short-breaks/swimming-club/"


def test_renaming_a_need_and_adding_a_district_reindex_services(make_service, draft):
    draft.save_revision().publish()
    county = make_service("Parent line", county_wide=True, live=False)
    county.save_revision().publish()
    need = Need.objects.get(slug="autism")
    need.name = "Autistic spectrum condition"
    need.save()
    assert found(text="spectrum") == ["Swimming club"]
    District.objects.create(name="East", slug="east")
    assert found(filters={"district": ("east",)}) == ["Parent line"]


def test_bulk_created_services_are_indexed_by_the_hook(make_service):
    services = [make_service(f"Service {n}") for n in range(3)]
    ServiceDocument.objects.all().delete()  # as after a bulk insert, which fires no signals
    for fn in hooks.get_hooks("after_bulk_services_created"):
        fn([s.pk for s in services])
    assert ServiceDocument.objects.count() == 3


def test_rebuild_indexes_live_services_and_drops_stale_entries(make_service):
    live = make_service("Aiming High", needs=["autism"])
    make_service("Draft club", live=False)
    ServiceDocument.objects.filter(pk=live.pk).update(title="Stale title")
    out = StringIO()
    call_command("rebuild_search_index", stdout=out, stderr=StringIO())
    assert "Indexed 1 live services (database)" in out.getvalue()
    assert list(ServiceDocument.objects.values_list("pk", "title")) == [(live.pk, "Aiming High")]
    assert ServiceFacetValue.objects.filter(document_id=live.pk, group="need").count() == 1
