"""Where the search app plugs into the directory and the admin: the directory page's results,
the "Save to shortlist" button, the shortlist link in the header and the "Search terms" report."""

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import reverse
from wagtail import hooks
from wagtail.models import Page
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from directory.admin_screens import register_report
from directory.hooks import (
    DIRECTORY_INDEX_CONTEXT,
    HEADER_LINKS,
    SERVICE_PAGE_ACTIONS,
    navigation_item,
)
from directory.models import ServicePage
from search import admin_views, directory_search, shortlist
from search.models import SearchSynonym


@hooks.register(DIRECTORY_INDEX_CONTEXT)
def add_search_results(request: HttpRequest, page: Page, context: dict) -> None:
    directory_search.directory_search_context(page, request, context)


@hooks.register(SERVICE_PAGE_ACTIONS)
def save_to_shortlist_button(request: HttpRequest | None, page: Page | None) -> str:
    if request is None or not isinstance(page, ServicePage) or not hasattr(request, "session"):
        return ""
    return render_to_string(
        "search/includes/service_actions.html",
        {
            "service": page,
            "saved": str(page.uuid) in shortlist.shortlist_ids(request),
            "shortlist_notice": shortlist.pop_shortlist_notice(request),
            "next": request.get_full_path(),
        },
        request=request,
    )


@hooks.register(HEADER_LINKS)
def shortlist_header_link(request: HttpRequest | None, page: Page | None) -> str:
    if request is None or not hasattr(request, "session"):
        return ""
    count = shortlist.shortlist_count(request)
    return navigation_item(request, reverse("shortlist"), f"Shortlist ({count})")


register_report(admin_views)  # the "Search terms" report


class SearchSynonymViewSet(SnippetViewSet):
    """Families' words and what they mean: editors tune search without a release."""

    model = SearchSynonym
    icon = "search"
    menu_label = "Search words"
    add_to_admin_menu = True
    menu_order = 290
    list_display = ["words", "meaning"]
    search_fields = ["words", "meaning"]


register_snippet(SearchSynonymViewSet)
