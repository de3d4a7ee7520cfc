"""Template tags for public pages: plug-in points for higher apps, navigation, formatting."""

import datetime
import re

from django import template
from django.core.paginator import Page as PaginatorPage
from django.http import HttpRequest
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe
from wagtail import hooks
from wagtail.models import Page, Site

from directory.models import DirectoryIndexPage, InformationPage, LocalOfferSettings
from directory.public_cache import cached_for_pages
from directory.structured_data import as_script_text
from directory.structured_data import service_json_ld as describe_service

register = template.Library()


@register.simple_tag(takes_context=True)
def render_hooks(context: template.Context, hook_name: str, page: Page | None = None) -> SafeString:
    """Join the HTML that every Wagtail hook registered under `hook_name` returns for this page.

    The hook names and signatures are declared in directory.hooks: each is called as
    `fn(request, page)` and returns a rendered template or component (empty to show nothing).
    Strings marked safe are kept as HTML; any other string is escaped, so a hook cannot inject
    markup by accident.
    """
    request: HttpRequest | None = context.get("request")
    page = page or None  # an undefined template variable arrives as ""
    parts = []
    for fn in hooks.get_hooks(hook_name):
        html = fn(request, page)
        if html:
            parts.append(conditional_escape(html))
    return mark_safe("".join(parts))  # noqa: S308 - every part is escaped or already safe


@register.simple_tag
def breadcrumb_pages(page: Page | None) -> list[Page]:
    """The live pages above this one, from the home page down, for the breadcrumbs."""
    if not getattr(page, "pk", None):
        return []
    return cached_for_pages(
        f"breadcrumbs:{page.pk}", lambda: list(page.get_ancestors().filter(depth__gt=1).live())
    )


@register.simple_tag(takes_context=True)
def site_sections(context: template.Context, page: Page | None = None) -> list[Page]:
    """The home page's live children marked "show in menus", for the header and footer.

    Each section gets `nav_current`: "page" when it is the current page, "true" when the current
    page is inside it, "" otherwise (the value of its aria-current attribute); and `is_directory`,
    true for the service directory, which the header links to.
    """
    request = context.get("request")
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        return []
    sections = cached_for_pages(
        f"sections:{site.pk}", lambda: list(site.root_page.get_children().live().in_menu())
    )
    current_pk = getattr(page, "pk", None)
    current_path = getattr(page, "url_path", None) or ""
    for section in sections:
        section.is_directory = section.specific_class is DirectoryIndexPage
        if current_pk is not None and section.pk == current_pk:
            section.nav_current = "page"
        elif current_path.startswith(section.url_path):
            section.nav_current = "true"
        else:
            section.nav_current = ""
    return sections


@register.simple_tag
def page_for_heading(heading: str) -> Page | None:
    """The live information page that answers a Schedule 2 heading, such as "accessibility"."""
    return cached_for_pages(
        f"heading:{heading}",
        lambda: InformationPage.objects.live().filter(schedule2_heading=heading).first(),
    )


@register.simple_tag(takes_context=True)
def page_querystring(context: template.Context, param: str, number: int) -> str:
    """The current query string with only the page number changed, for pagination links."""
    request = context.get("request")
    query = request.GET.copy() if request is not None else None
    if query is None:
        return f"?{param}={number}"
    query[param] = str(number)
    return "?" + query.urlencode()


@register.simple_tag
def elided_page_range(page_obj: PaginatorPage) -> list:
    """Page numbers to link to, with the paginator's ellipsis where a run is left out."""
    return list(
        page_obj.paginator.get_elided_page_range(page_obj.number, on_each_side=1, on_ends=1)
    )


@register.simple_tag(takes_context=True)
def service_json_ld(context: template.Context, page) -> SafeString:
    """The service's schema.org description as a JSON-LD data block, with the CSP nonce."""
    request = context.get("request")
    council = LocalOfferSettings.for_request(request).council_name if request else ""
    nonce = context.get("csp_nonce")
    return format_html(
        '<script type="application/ld+json"{}>{}</script>',
        format_html(' nonce="{}"', nonce) if nonce else "",
        mark_safe(as_script_text(describe_service(page, request, council))),  # noqa: S308 (escaped JSON)
    )


# A UK phone number in running text: 0300 123 4567, 01785 276 000, +44 1785 276000, 0800-123-456.
PHONE_IN_TEXT = re.compile(r"(?<![\w/+])(?:\+44\s?\(?0?\)?\s?|0)\d(?:[\s-]?\d){8,9}(?![\w])")
_LINK_OR_TAG = re.compile(r"(<a\b.*?</a>|<[^>]+>)", re.I | re.S)


@register.filter(needs_autoescape=False)
def phone_links(html: str) -> SafeString:
    """Rich text with its phone numbers made tap-to-call links (those not already in a link)."""
    parts = _LINK_OR_TAG.split(str(html or ""))
    for i, part in enumerate(parts):
        if i % 2 == 0 and part:
            parts[i] = PHONE_IN_TEXT.sub(
                lambda m: f'<a class="govuk-link" href="{tel_href(m.group(0))}">{m.group(0)}</a>',
                part,
            )
    return mark_safe("".join(parts))  # noqa: S308 (already safe HTML, tags untouched)


@register.filter
def tel_href(phone: str) -> str:
    """A phone number as a `tel:` link target: digits and a leading plus only."""
    return "tel:" + re.sub(r"[^\d+]", "", phone or "")


@register.filter
def clock_time(value: datetime.time | None) -> str:
    """A time in GOV.UK style: 10am, 3:30pm, midday, midnight."""
    if value is None:
        return ""
    if value.minute == 0 and value.hour in (0, 12):
        return "midnight" if value.hour == 0 else "midday"
    hour = value.hour % 12 or 12
    suffix = "am" if value.hour < 12 else "pm"
    return f"{hour}{suffix}" if value.minute == 0 else f"{hour}:{value.minute:02d}{suffix}"
