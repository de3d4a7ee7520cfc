"""The plug-in hooks this project defines: each name, who calls it, its signature.

A higher floor shows something on a lower one, or takes part in a job a lower one runs, by
registering a Wagtail hook under one of these names in its `wagtail_hooks.py`:

    @hooks.register(HEADER_LINKS)
    def shortlist_header_link(request, page): ...

One argument order everywhere: the request first, then the page, then anything else. Hooks that
show something return a component or a rendered template (`render_to_string`, or
`navigation_item` below), never markup built in Python strings.
"""

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils.safestring import SafeString

# Shown on public pages through `{% render_hooks NAME page %}` (directory_tags.render_hooks).
# Each is fn(request: HttpRequest | None, page: Page | None) -> safe HTML, or "" for nothing.
HEADER_LINKS = "header_links"
"""Items of the header's navigation list: return `navigation_item(request, url, text)`."""
PAGE_FOOTER = "page_footer"
"""Below the main content of every page (feedback's "Is this page useful?")."""
SERVICE_PAGE_ACTIONS = "service_page_actions"
"""Buttons at the top of a service page (search's "Save to shortlist")."""
SERVICE_PAGE_FOOTER = "service_page_footer"
"""Below a service page's details (feedback's form, "you said, we did" responses)."""

DIRECTORY_INDEX_CONTEXT = "directory_index_context"
"""fn(request, page: DirectoryIndexPage, context: dict) -> None: fill the directory page's
context (search puts its form and results there); without one, the page lists every service."""

LOAD_DEMO_CONTENT = "load_demo_content"
"""fn() -> str: add this app's demo content if missing (idempotent); return a one-line summary.
Called by `manage.py load_demo_content` after the directory's own demo."""
AFTER_BULK_SERVICES_CREATED = "after_bulk_services_created"
"""fn(page_ids: list[int]) -> None: services were inserted without page signals (bulk demo
generator); index them."""

ACCOUNT_SECTIONS = "account_sections"
"""fn(request) -> safe HTML or None: a section of "Your account" (accounts.hooks)."""
ACCOUNT_DATA_EXPORT = "account_data_export"
"""fn(user) -> dict or None: what the app keeps about the user, for "Download my data":
{"title": ..., "items": [{label: value, ...}, ...]} with plain values (accounts.hooks)."""
ACCOUNT_DELETED = "account_deleted"
"""fn(user) -> None: anonymise what the user contributed, inside the deletion's transaction;
never delete contributions (accounts.hooks)."""

YSWD_EVIDENCE_SOURCES = "yswd_evidence_sources"
"""fn() -> list[EvidenceSource]: what a "you said, we did" response can cite
(you_said_we_did.evidence)."""
REGISTER_FEEDBACK_MENU_ITEM = "register_feedback_menu_item"
"""fn() -> MenuItem: an item of the admin's Feedback menu (feedback.viewsets)."""

PAGE_HOOKS: tuple[str, ...] = (HEADER_LINKS, PAGE_FOOTER, SERVICE_PAGE_ACTIONS, SERVICE_PAGE_FOOTER)
DECLARED: tuple[str, ...] = (
    *PAGE_HOOKS,
    DIRECTORY_INDEX_CONTEXT,
    LOAD_DEMO_CONTENT,
    AFTER_BULK_SERVICES_CREATED,
    ACCOUNT_SECTIONS,
    ACCOUNT_DATA_EXPORT,
    ACCOUNT_DELETED,
    YSWD_EVIDENCE_SOURCES,
    REGISTER_FEEDBACK_MENU_ITEM,
)


def navigation_item(request: HttpRequest | None, url: str, text: str) -> SafeString:
    """One item of the header navigation (components/service_navigation_item.html), marked as
    the current page when the request is for `url`."""
    current = "page" if request is not None and request.path == url else ""
    return render_to_string(
        "components/service_navigation_item.html", {"url": url, "text": text, "current": current}
    )
