"""Make the default Wagtail Site answer at the address the site is served on (BASE_URL).

Wagtail builds every absolute link (sitemap, API `url` fields, emails) from the Site's hostname
and port, so a Site left at Wagtail's `localhost:80` sends people to a server that is not there.
"""

from urllib.parse import urlsplit

from wagtail.models import Site


def parse_site_address(url: str) -> tuple[str, int]:
    """The hostname and port of an http(s) URL; ValueError with a plain message if it is not one."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(f"{url!r} is not an address like https://localoffer.example.gov.uk")
    try:
        port = parts.port
    except ValueError as error:
        raise ValueError(f"{url!r} has a port that is not a number from 1 to 65535") from error
    return parts.hostname, port or (443 if parts.scheme == "https" else 80)


def set_site_address(url: str) -> Site | None:
    """Point the default Site at `url`'s hostname and port. None when there is no default Site."""
    hostname, port = parse_site_address(url)
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return None
    if (site.hostname, site.port) != (hostname, port):
        site.hostname, site.port = hostname, port
        site.save()
    return site
