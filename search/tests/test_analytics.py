"""Search analytics: what is recorded (and what never is), and the editors' "Search terms" report."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from directory.models import Need
from search.analytics import (
    normalise_query_text,
    period_start,
    popular_filters,
    record_search,
    top_queries,
    zero_result_queries,
)
from search.contract import SearchQuery
from search.indexing import index_services
from search.models import RecordedSearch, RecordedSearchFilter

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("typed", "recorded"),
    [
        ("  Short   BREAKS!! ", "short breaks"),
        ("Speech & Language", "speech & language"),
        ("help for jo.bloggs@example.com", "help for [email]"),
        ("call 07700 900123 please", "call [number] please"),
        ("short breaks near ST16 2DH", "short breaks near [postcode]"),
        ("autism st162dh", "autism [postcode]"),
        ("x" * 300, "x" * 100),
    ],
)
def test_query_text_is_normalised_without_personal_details(typed, recorded):
    assert normalise_query_text(typed) == recorded


def test_a_recorded_search_holds_no_personal_data():
    fields = {f.name for f in RecordedSearch._meta.get_fields()} | {
        f.name for f in RecordedSearchFilter._meta.get_fields()
    }
    assert fields == {
        "id",
        "day",
        "query",
        "result_count",
        "source",
        "filters",
        "search",
        "group",
        "value",
    }
    assert isinstance(
        RecordedSearch._meta.get_field("day"), __import__("django").db.models.DateField
    )


def test_searching_the_directory_records_words_filters_and_count(
    client, directory_page, make_service
):
    service = make_service("Aiming High short breaks", needs=["autism"], districts=["north"])
    index_services([service.pk])
    client.get(
        directory_page.url,
        {
            "q": "Short Breaks",
            "need": "autism",
            "district": "north",
            "age": "8",
            "postcode": "ST16 2DH",
        },
        REMOTE_ADDR="203.0.113.9",
    )
    search = RecordedSearch.objects.get()
    assert (search.query, search.result_count, search.day) == (
        "short breaks",
        1,
        timezone.localdate(),
    )
    assert set(search.filters.values_list("group", "value")) == {
        ("need", "autism"),
        ("district", "north"),
        ("child-age", "8"),
    }
    stored = str(list(RecordedSearch.objects.values())) + str(
        list(RecordedSearchFilter.objects.values())
    )
    assert "203.0.113.9" not in stored and "ST16" not in stored
    assert client.session.session_key is None or client.session.session_key not in stored


def test_paging_and_plain_browsing_are_not_recorded(client, directory_page, make_service):
    index_services([make_service("Aiming High short breaks").pk])
    client.get(directory_page.url)
    client.get(directory_page.url, {"q": "short breaks", "page": "2"})
    assert RecordedSearch.objects.count() == 0


def test_zero_result_searches_are_visible(client, directory_page, make_service):
    index_services([make_service("Aiming High short breaks").pk])
    client.get(directory_page.url, {"q": "hydrotherapy pool"})
    assert [(r.query, r.searches) for r in zero_result_queries(period_start(7))] == [
        ("hydrotherapy pool", 1)
    ]


def _record(text, count, filters=None, days_ago=0):
    record_search(SearchQuery(text=text, filters=filters or {}), count)
    if days_ago:
        RecordedSearch.objects.filter(pk=RecordedSearch.objects.latest("pk").pk).update(
            day=timezone.localdate() - datetime.timedelta(days=days_ago)
        )


def test_report_summaries_over_a_period():
    Need.objects.create(name="Autism", slug="autism")
    _record("short breaks", 5, {"need": ("autism",)})
    _record("short breaks", 3, {"need": ("autism",), "district": ("north",), "cost": ("paid",)})
    _record("hydrotherapy", 0)
    _record("hydrotherapy", 0)
    _record("old search", 0, days_ago=40)
    since = period_start(30)
    assert [(r.query, r.searches, r.zero_result_searches) for r in top_queries(since)] == [
        ("hydrotherapy", 2, 2),
        ("short breaks", 2, 0),
    ]
    assert [r.query for r in zero_result_queries(since)] == ["hydrotherapy"]
    assert [(r.group_label, r.value, r.uses) for r in popular_filters(since)] == [
        ("Needs and disabilities", "Autism", 2),
        ("Cost", "Families pay", 1),
        ("District", "north", 1),
    ]
    assert "old search" in [r.query for r in zero_result_queries(period_start(90))]


@pytest.fixture
def editor_client(client):
    user = get_user_model().objects.create_superuser("editor", "editor@example.org", "pw")
    client.force_login(user)
    return client


def test_search_terms_report_in_the_admin(editor_client):
    _record("short breaks", 5, {"need": ("autism",)})
    _record("hydrotherapy", 0)
    _record("old search", 0, days_ago=20)
    html = editor_client.get("/admin/reports/search-terms/", {"period": "7"}).content.decode()
    assert "Searches that found nothing" in html
    assert "hydrotherapy" in html and "short breaks" in html
    assert "old search" not in html
    assert "Needs and disabilities" in html and "autism" in html
    assert (
        "old search"
        in editor_client.get("/admin/reports/search-terms/", {"period": "30"}).content.decode()
    )
    # Reports menu links to it.
    assert "/admin/reports/search-terms/" in editor_client.get("/admin/").content.decode()


def test_search_terms_csv_export(editor_client):
    _record("short breaks", 5, {"need": ("autism",)})
    _record("=cmd", 0)
    response = editor_client.get("/admin/reports/search-terms/", {"period": "30", "format": "csv"})
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    lines = response.content.decode().splitlines()
    assert lines[0] == "Report,Search words or filter,Searches,Searches with no results"
    assert "Top searches,short breaks,1,0" in lines
    assert "No results,cmd,1,1" in lines
    assert "Filters,Needs and disabilities: autism,1," in lines


def test_report_needs_admin_access(client):
    response = client.get("/admin/reports/search-terms/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
