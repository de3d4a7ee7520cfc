"""What the public may see: the one rule every public list, index, feed and API applies to pages.

A page is publicly visible when it is live and has no privacy restriction (a password, a login
or groups) on itself or on any ancestor. Restricted pages are served only by Wagtail's own page
view, which asks for the password or sign-in.
"""

from wagtail.models import Page
from wagtail.query import PageQuerySet


def publicly_visible(pages: PageQuerySet) -> PageQuerySet:
    """The live pages of `pages` that no privacy restriction covers."""
    return pages.live().public()


def is_publicly_visible(page: Page) -> bool:
    """Whether this one page is live and no privacy restriction covers it."""
    return page.live and not page.get_view_restrictions().exists()
