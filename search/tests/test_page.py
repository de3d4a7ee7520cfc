"""The directory search page: form messages, shareable URLs, tags, sort, pagination, zero-results
help, postcode distances, recommended services, suggestions and a constant query count."""

import re
from html import unescape
from urllib.parse import parse_qs, urlsplit

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from directory.factories import InformationPageFactory
from search import forms as search_forms
from search.indexing import index_services

pytestmark = pytest.mark.django_db

STONE = {"name": "Stone library", "postcode": "ST15 8DT", "latitude": 52.9107, "longitude": -2.1407}


@pytest.fixture
def services(make_service):
    """Four indexed services: three for autism (two short breaks), one county-wide therapy."""
    items = [
        make_service(
            "Aiming High short breaks",
            service_types=["short-breaks"],
            needs=["autism"],
            districts=["north"],
            min_age=5,
            max_age=18,
            keywords="respite",
        ),
        make_service(
            "Saturday club short breaks",
            service_types=["short-breaks"],
            needs=["autism", "adhd"],
            districts=["south"],
            min_age=8,
            max_age=16,
            locations=[STONE],
        ),
        make_service(
            "Sunflower sensory play",
            service_types=["activities"],
            needs=["autism", "sensory"],
            districts=["south"],
            min_age=0,
            max_age=10,
        ),
        make_service(
            "County speech and language therapy",
            service_types=["therapy"],
            needs=["speech-and-language"],
            county_wide=True,
            min_age=0,
            max_age=19,
            cost_type="paid",
        ),
    ]
    index_services([s.pk for s in items])
    return items


def html_of(response) -> str:
    assert response.status_code == 200
    return response.content.decode()


def count_text(html: str) -> str:
    match = re.search(r'id="results-count" role="status" aria-live="polite">(.*?)</h2>', html, re.S)
    assert match, "the results count is announced in a status region"
    return " ".join(unescape(match.group(1)).split())


def titles(html: str) -> list[str]:
    return [
        unescape(t)
        for t in re.findall(
            r'localoffer-service-card__title"><a class="govuk-link" href="[^"]*">([^<]+)</a>', html
        )
    ]


def facet_label(html: str, group: str, value: str) -> str:
    match = re.search(rf'for="filter-{group}-{value}">(.*?)</label>', html, re.S)
    return " ".join(re.sub(r"<[^>]+>", "", match.group(1)).split()) if match else ""


def test_browse_lists_every_service_with_facet_counts(client, directory_page, services):
    html = html_of(client.get(directory_page.url))
    assert count_text(html) == "4 services found"
    assert facet_label(html, "need", "autism") == "Autism (3)"
    assert facet_label(html, "type", "short-breaks") == "Short breaks (2)"
    assert '<form id="directory-search"' in html and 'method="get"' in html


def test_words_and_filters_narrow_the_results_and_counts_follow(client, directory_page, services):
    html = html_of(
        client.get(directory_page.url, {"q": "short breaks", "need": "autism", "age": "8"})
    )
    assert count_text(html) == "2 services found for ‘short breaks’"
    assert sorted(titles(html)) == ["Aiming High short breaks", "Saturday club short breaks"]
    # The need group's own counts ignore its selection; other groups' apply it.
    assert facet_label(html, "need", "adhd") == "Adhd (1)"
    assert 'id="filter-need-autism" name="need" type="checkbox" value="autism" checked' in html


def test_age_that_is_not_a_number_gets_a_message_next_to_the_field(
    client, directory_page, services
):
    html = html_of(client.get(directory_page.url, {"age": "abc"}))
    assert "Enter the age as a number, like 8" in html
    assert 'href="#id_age"' in html, "the error summary links to the field"
    assert 'aria-describedby="id_age-hint id_age-error"' in html
    assert 'value="abc"' in html, "what the user typed is kept"
    assert count_text(html) == "4 services found", "the rest of the search still works"


def test_age_out_of_range_gets_a_message(client, directory_page, services):
    html = html_of(client.get(directory_page.url, {"age": "99"}))
    assert "Enter an age from 0 to 25" in html
    assert count_text(html) == "4 services found"


def test_age_filters_on_the_service_age_range(client, directory_page, services):
    html = html_of(client.get(directory_page.url, {"age": "19"}))
    assert titles(html) == ["County speech and language therapy"]


def test_unknown_filter_values_and_bad_sort_are_ignored(client, directory_page, services):
    html = html_of(
        client.get(
            directory_page.url, {"need": ["no-such-need", "<script>"], "sort": "x", "distance": "7"}
        )
    )
    assert count_text(html) == "4 services found"
    assert "Selected filters" not in html
    assert "There is a problem" not in html


def test_bad_page_numbers_show_a_page(client, directory_page, services, monkeypatch):
    monkeypatch.setattr(search_forms, "PER_PAGE", 3)
    assert (
        titles(html_of(client.get(directory_page.url, {"page": "abc", "sort": "name"})))[0]
        == "Aiming High short breaks"
    )
    last = html_of(client.get(directory_page.url, {"page": "999", "sort": "name"}))
    assert titles(last) == ["Sunflower sensory play"]


def test_pagination_keeps_the_search(client, directory_page, services, monkeypatch):
    monkeypatch.setattr(search_forms, "PER_PAGE", 2)
    html = html_of(client.get(directory_page.url, {"need": "autism", "sort": "name"}))
    assert count_text(html) == "3 services found"
    assert titles(html) == ["Aiming High short breaks", "Saturday club short breaks"]
    next_link = unescape(re.search(r'href="([^"]+)" rel="next"', html).group(1))
    assert parse_qs(urlsplit(next_link).query) == {
        "need": ["autism"],
        "sort": ["name"],
        "page": ["2"],
    }
    page2 = html_of(client.get(directory_page.url + next_link))
    assert titles(page2) == ["Sunflower sensory play"]


def test_selected_filters_are_removable_tags_and_the_url_round_trips(
    client, directory_page, services
):
    params = {"q": "short breaks", "need": ["autism", "adhd"], "district": "south", "age": "8"}
    html = html_of(client.get(directory_page.url, params))
    tags = {
        " ".join(re.sub(r"<[^>]+>", " ", label).replace("×", "").split()): unescape(href)
        for href, label in re.findall(
            r'<a class="localoffer-filter-tag" href="([^"]+)">(.*?)</a>', html, re.S
        )
    }
    assert set(tags) == {
        "Remove filter Needs and disabilities: Autism",
        "Remove filter Needs and disabilities: Adhd",
        "Remove filter District: South",
        "Remove filter Age: 8 years old",
    }
    removed = parse_qs(urlsplit(tags["Remove filter District: South"]).query)
    assert removed == {"q": ["short breaks"], "need": ["autism", "adhd"], "age": ["8"]}
    clear = unescape(re.search(r'href="([^"]+)">Clear filters</a>', html).group(1))
    assert parse_qs(urlsplit(clear).query) == {"q": ["short breaks"]}
    # Following a tag's link gives the search without that value.
    wider = html_of(client.get(directory_page.url + tags["Remove filter District: South"]))
    assert sorted(titles(wider)) == ["Aiming High short breaks", "Saturday club short breaks"]


def test_sort_by_name_and_distance_only_with_a_postcode(client, directory_page, services):
    html = html_of(client.get(directory_page.url, {"sort": "name"}))
    assert titles(html) == sorted(titles(html))
    assert '<option value="distance"' not in html
    with_postcode = html_of(
        client.get(directory_page.url, {"postcode": "st15 8dt", "sort": "distance"})
    )
    assert '<option value="distance" selected>' in with_postcode
    assert titles(with_postcode)[0] == "Saturday club short breaks"


def test_postcode_gives_distances_and_the_os_attribution(client, directory_page, services):
    html = html_of(client.get(directory_page.url, {"postcode": "ST16 2DH", "distance": "5"}))
    assert "miles away" in html
    assert re.search(r"0\.\d miles away", html)
    assert "Contains OS data © Crown copyright and database right" in html
    assert "Saturday club short breaks" not in titles(html), "Stone is more than 5 miles away"
    assert "Distance: Within 5 miles of ST16 2DH" in " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_malformed_postcode_gets_a_message_and_results_without_distance(
    client, directory_page, services
):
    html = html_of(client.get(directory_page.url, {"postcode": "hello", "distance": "5"}))
    assert "Enter a full UK postcode, like ST16 2DH" in html
    assert count_text(html) == "4 services found"
    assert "miles away" not in html


def test_unknown_postcode_says_so_next_to_the_field(client, directory_page, services):
    html = html_of(client.get(directory_page.url, {"postcode": "ZZ99 9ZZ", "distance": "5"}))
    assert "We could not find that postcode" in html
    assert 'id="id_postcode-error"' in html
    assert count_text(html) == "4 services found"
    assert "Contains OS data" not in html


def test_zero_results_offer_the_narrowest_filter_and_sendiass(
    client, site_root, directory_page, services, make_service
):
    more = make_service("Holiday short breaks", service_types=["short-breaks"], needs=["autism"])
    index_services([more.pk])
    sendiass = InformationPageFactory(
        parent=site_root, title="Westshire SENDIASS", schedule2_heading="sendiass"
    )
    html = html_of(client.get(directory_page.url, {"need": "autism", "type": "therapy"}))
    assert count_text(html) == "No services found"
    # Removing the type filter gives the 4 autism services; removing the need gives 1 therapy.
    link = re.search(r'<a class="govuk-link" href="([^"]+)">Remove the filter ‘Therapy’</a>', html)
    assert link, "the zero-results help offers to remove the narrowest filter"
    assert parse_qs(urlsplit(unescape(link.group(1))).query) == {"need": ["autism"]}
    assert f'href="{sendiass.url}">Westshire SENDIASS</a>' in html


def test_misspelt_words_are_corrected_or_suggested(client, directory_page, services):
    html = html_of(client.get(directory_page.url, {"q": "sensroy"}))
    assert "sensory" in html
    assert "Sunflower sensory play" in titles(html)


def test_promoted_service_comes_first_marked_recommended(client, directory_page, services):
    therapy = services[3]
    query = Query.get("short breaks")
    SearchPromotion.objects.create(query=query, page=therapy, sort_order=0, description="")
    html = html_of(client.get(directory_page.url, {"q": "short breaks"}))
    assert titles(html)[0] == "County speech and language therapy"
    assert html.index("Recommended") < html.index("Aiming High short breaks")
    # A recommended service that the filters exclude is not shown.
    html = html_of(client.get(directory_page.url, {"q": "short breaks", "need": "autism"}))
    assert "County speech and language therapy" not in titles(html)


def test_suggestions_endpoint(client, services):
    response = client.get("/search/suggest/", {"q": "short"})
    assert response.status_code == 200
    suggestions = response.json()["suggestions"]
    assert "Short breaks" in suggestions
    assert "Aiming High short breaks" in suggestions
    assert suggestions.index("Short breaks") < suggestions.index("Aiming High short breaks")
    assert client.get("/search/suggest/", {"q": "s"}).json() == {"suggestions": []}


def test_search_box_is_set_up_for_suggestions_without_needing_them(
    client, directory_page, services
):
    html = html_of(client.get(directory_page.url))
    assert 'data-suggest-url="/search/suggest/"' in html
    assert 'name="q" type="search" form="directory-search"' in html
    # No script or stylesheet from another site (a substring check for "cdn" would also
    # match random CSRF tokens).
    assert not re.search(r'<(script|link)[^>]+(src|href)="(https?:)?//', html)


def _queries_for(client, url, params) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url, params).status_code == 200
    return len(ctx.captured_queries)


def test_query_count_does_not_grow_with_the_number_of_services(
    client, directory_page, services, make_service
):
    params = {
        "q": "short breaks",
        "need": "autism",
        "district": "south",
        "age": "8",
        "postcode": "ST16 2DH",
    }
    client.get(directory_page.url, params)  # warm caches (site root paths, postcode table)
    before = _queries_for(client, directory_page.url, params)
    extra = [
        make_service(
            f"More short breaks {n}", needs=["autism"], districts=["south"], min_age=5, max_age=12
        )
        for n in range(6)
    ]
    index_services([s.pk for s in extra])
    client.get(directory_page.url, params)  # the first search after a change rebuilds bitsets
    after = _queries_for(client, directory_page.url, params)
    assert after == before
    assert after <= 30


def test_postcode_without_words_sorts_nearest_first(client, directory_page, services):
    html = html_of(client.get(directory_page.url, {"postcode": "ST15 8DT"}))
    assert titles(html)[0] == "Saturday club short breaks"
    assert '<option value="distance" selected>' in html
    with_words = html_of(client.get(directory_page.url, {"postcode": "ST15 8DT", "q": "autism"}))
    assert '<option value="relevance" selected>' in with_words


@pytest.mark.parametrize(
    "params",
    [
        {"page": "-1"},
        {"page": "1e9"},
        {"page": "99999999999999999999"},
        {"age": "-5"},
        {"age": " 8 "},
        {"age": "8.5"},
        {"q": "x" * 5000},
        {"q": "'; DROP TABLE wagtailcore_page; --"},
        {"q": '"unbalanced (quote OR'},
        {"need": ["autism"] * 100},
        {"postcode": "ŚT16 2DH"},
        {"postcode": "x" * 100},
        {"distance": "abc", "postcode": "ST16 2DH"},
        {"sort": "distance"},
        {"type": "", "cost": "free", "age_band": "5-10"},
    ],
)
def test_odd_input_never_breaks_the_page(client, directory_page, services, params):
    html = html_of(client.get(directory_page.url, params))
    assert 'id="results-count"' in html


def test_an_age_in_the_words_is_a_removable_tag(client, directory_page, services):
    html = html_of(client.get(directory_page.url, {"q": "short breaks for my 19 year old"}))
    # Only the county-wide therapy covers 19, and it offers no short breaks: some words match.
    tag = re.search(r'<a class="localoffer-filter-tag" href="([^"]+)">.*?Age: 19 years old', html)
    assert tag, "the age read from the words is shown as a filter tag"
    assert parse_qs(urlsplit(unescape(tag.group(1))).query)["q"] == ["short breaks for my"]


def test_a_parents_sentence_finds_short_breaks(client, directory_page, services):
    html = html_of(client.get(directory_page.url, {"q": "respite for my autistic son"}))
    assert sorted(titles(html)[:2]) == ["Aiming High short breaks", "Saturday club short breaks"]


def test_some_words_matching_says_so(client, directory_page, services):
    html = html_of(client.get(directory_page.url, {"q": "sensory trampoline"}))
    assert "No services match all your words; these match some of them" in html
    assert titles(html) == ["Sunflower sensory play"]
