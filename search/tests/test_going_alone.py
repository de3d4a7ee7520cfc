"""The "young people can go without a parent or carer" filter on the directory search page:
one checkbox with its count, the filtered results, and a removable tag."""

import re
from html import unescape
from urllib.parse import parse_qs, urlsplit

import pytest

from search.indexing import index_services

pytestmark = pytest.mark.django_db

CHECKBOX = (
    r'<input class="govuk-checkboxes__input" id="filter-alone-yes" name="alone" type="checkbox" '
    r'value="yes"( checked)?>\s*<label class="govuk-label govuk-checkboxes__label" '
    r'for="filter-alone-yes">Young people can go without a parent or carer '
    r'<span class="localoffer-facets__count">\((\d+)\)</span>'
)


@pytest.fixture
def services(make_service):
    made = [
        make_service("Youth club", needs=["autism"], min_age=11, max_age=18, without_parent=True),
        make_service("Stay and play", needs=["autism"], min_age=0, max_age=5),
        make_service("Drama group", needs=["adhd"], min_age=11, max_age=25, without_parent=True),
    ]
    index_services([s.pk for s in made])
    return made


def _titles(html: str) -> list[str]:
    return [
        unescape(t)
        for t in re.findall(
            r'localoffer-service-card__title"><a class="govuk-link" [^>]*>([^<]+)<', html
        )
    ]


def test_one_checkbox_with_its_count_outside_the_folded_groups(client, directory_page, services):
    html = client.get(directory_page.url).content.decode()
    checked, count = re.search(CHECKBOX, html).groups()
    assert (checked, count) == (None, "2")
    # Not folded away in a <details> group like the other filters: one tap.
    before = html[: html.index('id="filter-alone-yes"')]
    assert before.count("<details") == before.count("</details>")
    narrowed = client.get(directory_page.url, {"need": "autism"}).content.decode()
    assert re.search(CHECKBOX, narrowed).group(2) == "1"


def test_ticking_it_keeps_what_young_people_can_go_to_alone_with_a_removable_tag(
    client, directory_page, services
):
    response = client.get(directory_page.url, {"alone": "yes", "need": "autism"})
    html = response.content.decode()
    assert _titles(html) == ["Youth club"]
    assert re.search(CHECKBOX, html).group(1) == " checked"
    tag = re.search(
        r'<a class="localoffer-filter-tag" href="([^"]+)"><span class="govuk-visually-hidden">'
        r"Remove filter </span>Going alone: Young people can go without a parent or carer",
        html,
    )
    assert parse_qs(urlsplit(unescape(tag.group(1))).query) == {"need": ["autism"]}


def test_the_service_page_says_so(client, services):
    assert (
        "Young people can go without a parent or carer"
        in client.get(services[0].url).content.decode()
    )
    assert "without a parent or carer" not in client.get(services[1].url).content.decode()


def test_a_tampered_value_is_ignored(client, directory_page, services):
    response = client.get(directory_page.url, {"alone": ["maybe", "<script>"]})
    assert response.status_code == 200
    assert sorted(_titles(response.content.decode())) == [
        "Drama group",
        "Stay and play",
        "Youth club",
    ]


def test_editors_set_it_in_the_service_form(admin_client, services):
    html = admin_client.get(f"/admin/pages/{services[0].pk}/edit/").content.decode()
    assert 'name="without_parent"' in html
    assert "Young people can go without a parent or carer" in html
