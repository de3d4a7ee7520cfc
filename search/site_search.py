"""Site search (`/search/?q=`): guides first, then the best services, with a way into the
directory for the same words. Editors' picks (Wagtail search promotions) come first."""

from urllib.parse import urlencode

from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Page, Site
from wagtail.search.query import And, Or, PlainText
from wagtail.search.utils import normalise_query_string

from directory.models import DirectoryIndexPage, InformationPage
from directory.visibility import publicly_visible
from search.analysis import concepts, search_text
from search.analytics import record_search
from search.contract import SearchQuery
from search.models.analytics import RecordedSearch
from search.service_search import search_services

SITE_SEARCH_SERVICES = 5
SITE_SEARCH_GUIDES = 10


def directory_page_for(request: HttpRequest) -> DirectoryIndexPage | None:
    """The site's service directory (the first live one under the site's root)."""
    site = Site.find_for_request(request)
    pages = publicly_visible(DirectoryIndexPage.objects)
    if site is not None:
        pages = pages.descendant_of(site.root_page, inclusive=True)
    return pages.order_by("path").first()


def promoted_pages(text: str) -> list[SearchPromotion]:
    """Editors' picks for these words (internal pages that are live, or external links)."""
    words = normalise_query_string(text)
    if not words:
        return []
    return list(
        SearchPromotion.objects.filter(query__query_string=words)
        .filter(Q(page__isnull=True) | Q(page__in=publicly_visible(Page.objects)))
        .select_related("page")
        .order_by("sort_order")
    )


def guides_query(text: str, match_some: bool = False):
    """The words as Wagtail search reads them, understood as for services (search.analysis):
    meaningless words dropped, each concept any of its synonyms."""
    alternatives = []
    for concept in concepts(text):
        options = [PlainText(" ".join(phrase), operator="and") for phrase in concept.phrases]
        alternatives.append(options[0] if len(options) == 1 else Or(options))
    if not alternatives:
        return None
    if len(alternatives) == 1:
        return alternatives[0]
    return Or(alternatives) if match_some else And(alternatives)


def guides_matching(text: str, exclude_ids: set[int], limit: int = SITE_SEARCH_GUIDES) -> list:
    """Information pages (guides) matching the words, best match first."""
    pages = publicly_visible(InformationPage.objects).exclude(id__in=exclude_ids)
    # Pages with every concept first; if none has them all, pages with any of them.
    strict, loose = guides_query(text), guides_query(text, match_some=True)
    if strict is None:
        return []
    return list(pages.search(strict)[:limit]) or list(pages.search(loose)[:limit])


@require_GET
def site_search(request: HttpRequest) -> HttpResponse:
    """`/search/?q=`: guides first, then the best services, with a way into the directory."""
    text = search_text(request.GET.get("q", ""), 200)
    directory = directory_page_for(request)
    context = {"search_text": text, "directory_page": directory}
    if text:
        promotions = promoted_pages(text)
        promoted_ids = {p.page_id for p in promotions if p.page_id}
        guides = guides_matching(text, promoted_ids)
        services = search_services(
            SearchQuery(text=text, per_page=SITE_SEARCH_SERVICES, with_facets=False)
        )
        services_hits = [h for h in services.hits if h.page_id not in promoted_ids]
        directory_url = ""
        if directory is not None:
            directory_url = f"{directory.url}?{urlencode({'q': text})}"
        context.update(
            promotions=promotions,
            guides=guides,
            service_results=services,
            service_hits=services_hits,
            directory_url=directory_url,
            result_count=len(promotions) + len(guides) + services.total,
        )
        record_search(
            SearchQuery(text=text),
            len(guides) + len(promotions) + services.total,
            source=RecordedSearch.Source.SITE,
        )
    return render(request, "search/site_search.html", context)
