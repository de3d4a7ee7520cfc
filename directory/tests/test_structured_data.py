"""What other systems read from public pages: schema.org JSON-LD on service pages, OpenGraph
and description meta tags, tap-to-call phone numbers in rich text, and robots.txt."""

import json
import re

import pytest

from directory.templatetags.directory_tags import phone_links

pytestmark = pytest.mark.django_db


def json_ld(html: str) -> dict:
    match = re.search(r'<script type="application/ld\+json"[^>]*>(.*?)</script>', html, re.S)
    assert match, "the page carries a JSON-LD block"
    return json.loads(match.group(1))


def test_service_page_describes_the_service_for_search_engines(client, make_service):
    service = make_service(
        "Aiming High </script> short breaks",
        summary="Clubs for disabled children.",
        organisation="Westshire County Council",
        service_types=["short-breaks"],
        min_age=5,
        max_age=18,
        contacts=[{"name": "Team", "phone": "01785 276000", "email": "ah@example.org"}],
        locations=[
            {
                "name": "Stone library",
                "address_1": "Station Road",
                "town": "Stone",
                "postcode": "ST15 8DT",
                "latitude": 52.9,
                "longitude": -2.14,
            }
        ],
    )
    html = client.get(service.url).content.decode()
    data = json_ld(html)
    assert data["@type"] == "GovernmentService"
    assert data["name"] == "Aiming High </script> short breaks"
    assert "</script> short" not in html.split("application/ld+json", 1)[1].split("</script>")[0]
    assert data["provider"]["name"] == "Westshire County Council"
    assert data["audience"] == {
        "@type": "PeopleAudience",
        "suggestedMinAge": 5,
        "suggestedMaxAge": 18,
    }
    assert data["contactPoint"][0]["telephone"] == "01785 276000"
    place = data["availableChannel"][-1]["serviceLocation"]
    assert place["address"]["postalCode"] == "ST15 8DT"
    assert '<meta property="og:title" content="Aiming High &lt;/script&gt; short breaks">' in html
    assert '<meta name="description" content="Clubs for disabled children.">' in html


def test_phone_numbers_in_rich_text_become_tap_to_call_links():
    html = phone_links('<p>Call 0300 123 4567 or <a href="tel:01785276000">01785 276000</a>.</p>')
    assert '<a class="govuk-link" href="tel:03001234567">0300 123 4567</a>' in html
    assert html.count("<a ") == 2, "a number already in a link is left alone"
    assert phone_links("<p>Ref 12345, year 2026</p>") == "<p>Ref 12345, year 2026</p>"


def test_robots_txt_points_at_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()
    assert "Disallow: /admin/" in response.content.decode()
