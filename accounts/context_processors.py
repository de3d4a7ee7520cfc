"""`privacy_notice_url` for every template: the footer and forms taking personal data link it."""

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

PRIVACY_NOTICE_SLUG = "privacy"


def _privacy_notice_url(request: HttpRequest) -> str:
    from wagtail.models import Page

    from directory.public_cache import cached_for_pages

    page = cached_for_pages(
        "privacy-notice",
        lambda: Page.objects.live().public().filter(slug=PRIVACY_NOTICE_SLUG).first(),
    )
    return (page.get_url(request=request) or "") if page else ""


def privacy_notice(request: HttpRequest) -> dict:
    """The privacy notice's address ("" when there is none), looked up only when used."""
    return {"privacy_notice_url": SimpleLazyObject(lambda: _privacy_notice_url(request))}
