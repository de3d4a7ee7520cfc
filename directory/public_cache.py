"""Public pages a front-end cache (a CDN, Varnish, nginx) may keep, and when it must forget them.

- `PublicPageCacheMiddleware`: a page served by Wagtail to a visitor who is not signed in, has
  no session or messages cookie and gets no cookie back is the same HTML for everyone, so a
  found page is `public` (browsers keep it a minute, shared caches `FRONTEND_CACHE_MAX_AGE`
  seconds). Pages for everyone else are `private, no-store`. All vary on `Cookie`.
- `same_origin_post`: small public actions (save to shortlist, "was this page helpful?") are
  POST forms in those cached pages, so they carry no per-visitor CSRF token; the browser's
  `Sec-Fetch-Site` / `Origin` headers show where the POST came from instead, and cross-site
  POSTs are refused (the check Go's `http.CrossOriginProtection` makes). Django 6.1's CSRF
  middleware still needs a token, so these views are exempt from it and make this check.
- `pages_version`: a number that changes when any page but a service changes, any page
  moves or a view restriction changes, so what every page shows about the page tree
  (sections, footer links, breadcrumbs, the privacy notice's link) can be cached against it.
- `purge_listing_pages`: on publish and unpublish Wagtail's frontend_cache app purges the page
  itself; this purges the pages above it that list it (the directory search, sections, home).
"""

from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.db.models.signals import post_delete, post_save
from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.views.decorators.csrf import csrf_exempt
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from directory.models import ServicePage

BROWSER_MAX_AGE = 60
PAGES_VERSION_KEY = "directory:pages-version"
PRIVATE_COOKIES = (settings.SESSION_COOKIE_NAME, "messages")


def _is_anonymous(request: HttpRequest, response: HttpResponse) -> bool:
    user = getattr(request, "user", None)
    return not (
        (user is not None and user.is_authenticated)
        or any(name in request.COOKIES for name in PRIVATE_COOKIES)
        or response.cookies
        or getattr(request, "is_preview", False)
    )


class PublicPageCacheMiddleware:
    """Cache-Control and Vary for pages Wagtail serves (first in MIDDLEWARE: it sees every
    cookie the others set)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        match = getattr(request, "resolver_match", None)
        if (
            match is None
            or match.url_name != "wagtail_serve"
            or request.method not in ("GET", "HEAD")
            or response.has_header("Cache-Control")
        ):
            return response
        patch_vary_headers(response, ("Cookie",))
        if not _is_anonymous(request, response):
            patch_cache_control(response, private=True, no_store=True)
        elif response.status_code == 200:
            patch_cache_control(
                response,
                public=True,
                max_age=BROWSER_MAX_AGE,
                s_maxage=settings.FRONTEND_CACHE_MAX_AGE,
            )
        return response


def is_same_origin(request: HttpRequest) -> bool:
    """Whether a POST came from this site (or from no browser page at all, like a test client).

    Browsers send `Sec-Fetch-Site` (all current ones) or at least `Origin` on a cross-site POST,
    so a request with neither did not come from another site's page.
    """
    site = request.headers.get("Sec-Fetch-Site")
    origin = request.headers.get("Origin")
    if origin and origin in getattr(settings, "CSRF_TRUSTED_ORIGINS", []):
        return True
    if site is not None:
        return site in ("same-origin", "none")
    if origin is None:
        return True
    scheme = "https" if request.is_secure() else "http"
    return origin == f"{scheme}://{request.get_host()}"


def same_origin_post(view: Callable) -> Callable:
    """Protect a public POST action without a CSRF token (see the module docstring)."""

    @csrf_exempt
    @wraps(view)
    def checked(request: HttpRequest, *args, **kwargs):
        if request.method == "POST" and not is_same_origin(request):
            raise PermissionDenied("Cross-site request refused")
        return view(request, *args, **kwargs)

    return checked


def listing_pages(page: Page) -> list[Page]:
    """The live pages above this one (the site's home page, sections, the directory)."""
    return list(page.get_ancestors().filter(depth__gt=1, live=True).specific())


def purge_listing_pages(sender, instance: Page, **kwargs) -> None:
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    from wagtail.contrib.frontend_cache.utils import PurgeBatch

    batch = PurgeBatch()
    batch.add_pages(listing_pages(instance))
    batch.purge()


page_published.connect(purge_listing_pages, dispatch_uid="directory-purge-listings-published")
page_unpublished.connect(purge_listing_pages, dispatch_uid="directory-purge-listings-unpublished")


def pages_version() -> int:
    """The current version of the page tree (0 until something changes it)."""
    return cache.get_or_set(PAGES_VERSION_KEY, 0, timeout=None)


def cached_for_pages(key: str, compute: Callable):
    """`compute()`, kept in the shared cache until the page tree next changes."""
    versioned = f"directory:{key}:{pages_version()}"
    missing = object()
    value = cache.get(versioned, missing)
    if value is missing:
        value = compute()
        cache.set(versioned, value, timeout=24 * 60 * 60)
    return value


def bump_pages_version(sender=None, instance=None, **kwargs) -> None:
    """A new page tree version, so every page asks the database again."""
    try:
        cache.incr(PAGES_VERSION_KEY)
    except ValueError:
        cache.set(PAGES_VERSION_KEY, 1, timeout=None)


def bump_unless_service(sender=None, instance=None, **kwargs) -> None:
    """Sections, footer pages and ancestors are never services: a service changing in place
    (the common case, many times a day) keeps the cache; any other page or a view restriction
    (what is public, such as the privacy notice's link) bumps the version."""
    if isinstance(instance, Page | PageViewRestriction) and not isinstance(instance, ServicePage):
        bump_pages_version()


# Any move changes the moved page's breadcrumbs; other changes matter unless to a service.
post_page_move.connect(bump_pages_version, dispatch_uid="directory-pages-version-moved")
for signal in (page_published, page_unpublished, post_save, post_delete):
    signal.connect(bump_unless_service, dispatch_uid=f"directory-pages-version-{id(signal)}")
