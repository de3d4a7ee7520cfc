import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Site

from directory.site_address import parse_site_address


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("http://127.0.0.1:8000", ("127.0.0.1", 8000)),
        ("http://localhost:8160/", ("localhost", 8160)),
        ("https://localoffer.example.gov.uk", ("localoffer.example.gov.uk", 443)),
        ("http://example.org", ("example.org", 80)),
    ],
)
def test_parse_site_address(url, expected):
    assert parse_site_address(url) == expected


@pytest.mark.parametrize("url", ["", "localhost:8000", "ftp://example.org", "http://x:99999"])
def test_parse_site_address_refuses_what_is_not_an_address(url):
    with pytest.raises(ValueError):
        parse_site_address(url)


@pytest.mark.django_db
def test_command_points_the_default_site_and_its_links_at_the_address(make_service):
    service = make_service()
    call_command("set_site_address", "http://127.0.0.1:8160")
    default = Site.objects.get(is_default_site=True)
    assert (default.hostname, default.port) == ("127.0.0.1", 8160)
    assert service.get_full_url().startswith("http://127.0.0.1:8160/")


@pytest.mark.django_db
def test_command_uses_base_url_by_default(site_root, settings):
    settings.BASE_URL = "https://localoffer.example.gov.uk"
    call_command("set_site_address")
    assert Site.objects.get(is_default_site=True).root_url == "https://localoffer.example.gov.uk"


@pytest.mark.django_db
def test_command_refuses_a_bad_address_with_a_message(site_root):
    with pytest.raises(CommandError, match="not an address"):
        call_command("set_site_address", "localhost")
