"""Information pages link into the directory with the filters an editor chose."""

from urllib.parse import parse_qs, urlsplit

import pytest

from directory.blocks import DirectorySearchLinkBlock
from directory.models import Need, ServiceType

pytestmark = pytest.mark.django_db


def test_the_link_opens_the_directory_with_the_chosen_filters(directory_page):
    clubs = ServiceType.objects.create(name="Activities and clubs", slug="activities-clubs")
    autism = Need.objects.create(name="Autism", slug="autism")
    block = DirectorySearchLinkBlock()
    value = block.to_python(
        {
            "text": "Search activities and clubs",
            "words": "swimming",
            "service_types": [clubs.pk],
            "needs": [autism.pk],
            "age_band": "11-15",
        }
    )
    html = block.render(value)
    url = html.split('href="', 1)[1].split('"', 1)[0].replace("&amp;", "&")
    assert urlsplit(url).path == directory_page.url
    assert parse_qs(urlsplit(url).query) == {
        "q": ["swimming"],
        "type": ["activities-clubs"],
        "need": ["autism"],
        "age_band": ["11-15"],
    }
    assert ">Search activities and clubs</a>" in html
