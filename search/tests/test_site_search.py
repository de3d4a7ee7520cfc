"""Site search (/search/?q=): guides above services, a way into the directory, promotions first."""

import re
from html import unescape
from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from directory.factories import InformationPageFactory
from search.indexing import index_services
from search.models import RecordedSearch

pytestmark = pytest.mark.django_db


@pytest.fixture
def content(site_root, directory_page, make_service):
    guide = InformationPageFactory(
        parent=site_root,
        title="Requesting an EHC needs assessment",
        summary="How to ask the council for an education, health and care needs assessment.",
        schedule2_heading="ehc-assessment",
    )
    other = InformationPageFactory(
        parent=site_root, title="Short breaks services statement", summary="Our short breaks."
    )
    services = [
        make_service(
            "EHC assessment advice line", summary="Help with an EHC needs assessment request."
        ),
        make_service(
            "SENDIASS needs assessment support",
            summary="Impartial support with a needs assessment.",
        ),
        make_service("Aiming High short breaks"),
    ]
    index_services([s.pk for s in services])
    return {"guide": guide, "other": other, "services": services}


def test_url_name():
    assert reverse("site_search") == "/search/"


def test_empty_search_is_a_helpful_page(client, directory_page):
    response = client.get("/search/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Enter a few words about what you are looking for" in html
    assert 'href="/services/"' in html
    assert client.get("/search/", {"q": "   "}).status_code == 200


def test_guide_comes_before_services_with_a_link_into_the_directory(client, content):
    html = client.get("/search/", {"q": "needs assessment"}).content.decode()
    guides = html.index('id="guide-results"')
    services = html.index('id="service-results"')
    assert guides < services
    assert html.index("Requesting an EHC needs assessment") < services
    assert "SENDIASS needs assessment support" in html[services:]
    link = re.search(
        r'<a class="govuk-link" href="([^"]+)">See all (\d+) services for ‘needs assessment’ in the directory</a>',
        html,
    )
    assert link
    url = unescape(link.group(1))
    assert urlsplit(url).path == "/services/"
    assert parse_qs(urlsplit(url).query) == {"q": ["needs assessment"]}
    # The directory finds the same number of services for the same words.
    directory_html = client.get(url).content.decode()
    assert f"{link.group(2)} service" in directory_html


def test_no_results_says_so_and_offers_the_directory(client, content):
    html = client.get("/search/", {"q": "xylophone"}).content.decode()
    assert "No results for ‘xylophone’" in html
    assert "Browse all services in the directory" in html


def test_promoted_pages_come_first(client, content):
    SearchPromotion.objects.create(
        query=Query.get("short breaks"), page=content["other"], sort_order=0
    )
    html = client.get("/search/", {"q": "Short breaks"}).content.decode()
    assert html.index("Recommended") < html.index("Short breaks services statement")
    assert html.count("Short breaks services statement</a>") == 1, "not repeated among the guides"


def test_site_searches_are_recorded(client, content):
    client.get("/search/", {"q": "needs assessment"})
    search = RecordedSearch.objects.get()
    assert (search.query, search.source) == ("needs assessment", "site")
    assert search.result_count >= 3


def test_header_search_form_submits_here(client, content):
    html = client.get("/search/", {"q": "needs assessment"}).content.decode()
    assert 'action="/search/"' in html
    assert 'value="needs assessment"' in html


def test_a_question_finds_the_guide_it_is_about(client, site_root):
    InformationPageFactory(
        parent=site_root, title="How to get help with travel", summary="How do I get a bus pass?"
    )
    complaints = InformationPageFactory(
        parent=site_root,
        title="Complaints, mediation and the tribunal",
        summary="What to do if you disagree with a decision.",
    )
    html = client.get(reverse("site_search"), {"q": "how do I complain"}).content.decode()
    first = re.search(r'<a class="govuk-link"[^>]*href="([^"]+)"', html.split("<main", 1)[-1])
    assert first and first.group(1) == complaints.url
