"""Public views of the search app: the directory search page context, site search, suggestions
and the shortlist. Thin: the rules live in forms.py, shortlist.py and analytics.py."""

import dataclasses
from urllib.parse import urlencode

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Page, Site
from wagtail.search.query import And, Or, PlainText
from wagtail.search.utils import normalise_query_string

from directory.models import DirectoryIndexPage, InformationPage, Need, ServicePage, ServiceType
from directory.visibility import publicly_visible
from directory.vocabularies import VOCABULARY
from search import shortlist
from search.analysis import concepts
from search.analytics import record_search
from search.contract import SearchHit, SearchQuery, SearchResults
from search.forms import (
    DISTANCE_CHOICES,
    FACET_PARAMS,
    SORT_CHOICES,
    UNKNOWN_POSTCODE_MESSAGE,
    DirectorySearchForm,
    ShortlistEmailForm,
)
from search.models.analytics import RecordedSearch
from search.postcodes import ATTRIBUTION
from search.services import search_services
from search.understanding import without_words

SITE_SEARCH_SERVICES = 5
SITE_SEARCH_GUIDES = 10
SUGGESTIONS = 8


# The directory search page -------------------------------------------------------------------


class _ResultWindow:
    """The hits of one results page, standing in for the whole result list in a Paginator."""

    def __init__(self, results: SearchResults):
        self.results = results
        self.offset = (results.page - 1) * results.per_page

    def __len__(self) -> int:
        return self.results.total

    def __getitem__(self, index):
        if isinstance(index, slice):
            return self.results.hits[index.start - self.offset : index.stop - self.offset]
        return self.results.hits[index - self.offset]


def results_page(results: SearchResults) -> PaginatorPage:
    """A Django paginator page of the hits, so pagination links work as for any list."""
    paginator = Paginator(_ResultWindow(results), results.per_page or 1)
    return paginator.get_page(results.page)


def _url(params) -> str:
    query = params.urlencode() if hasattr(params, "urlencode") else urlencode(params, doseq=True)
    return f"?{query}" if query else "?"


def _without(request: HttpRequest, name: str, value: str | None = None) -> str:
    """The current search URL without one parameter (or one of its values), back on page 1."""
    params = request.GET.copy()
    params.pop("page", None)
    if value is None:
        params.pop(name, None)
    else:
        params.setlist(name, [v for v in params.getlist(name) if v != value])
    return _url(params)


def _with(request: HttpRequest, **changes: str) -> str:
    params = request.GET.copy()
    params.pop("page", None)
    for name, value in changes.items():
        params[name] = value
    return _url(params)


@dataclasses.dataclass
class FilterTag:
    """A selected filter shown above the results; following `remove_url` removes it."""

    group_label: str
    label: str
    remove_url: str


def selected_filter_tags(
    request: HttpRequest, query: SearchQuery, results: SearchResults
) -> list[FilterTag]:
    """One removable tag per selected filter value, the child's age and the distance."""
    tags = []
    for group in results.facets:
        labels = {value.value: value.label for value in group.values}
        for value in query.selected(group.key):
            tags.append(
                FilterTag(
                    group.label,
                    labels.get(value, value),
                    _without(request, FACET_PARAMS[group.key], value),
                )
            )
    if query.age is not None:
        tags.append(FilterTag("Age", f"{query.age} years old", _without(request, "age")))
    tags += understood_filter_tags(request, query, results)
    if query.distance_miles and results.location:
        label = dict(DISTANCE_CHOICES).get(f"{query.distance_miles:g}", "")
        tags.append(
            FilterTag("Distance", f"{label} of {query.postcode}", _without(request, "distance"))
        )
    return tags


def understood_filter_tags(
    request: HttpRequest, query: SearchQuery, results: SearchResults
) -> list[FilterTag]:
    """Tags for what was read from the words as filters; removing one takes its words out."""
    understood = results.understood
    if understood is None:
        return []
    tags = []
    if understood.age is not None and query.age is None:
        tags.append(
            FilterTag(
                "Age",
                f"{understood.age} years old",
                _with(request, q=without_words(query.text, understood.age_words)),
            )
        )
    elif understood.min_age is not None:
        tags.append(
            FilterTag(
                "Age",
                f"teenager ({understood.min_age} to {understood.max_age})",
                _with(request, q=without_words(query.text, understood.age_words)),
            )
        )
    selected = set(query.selected("district"))
    for slug, name, typed in understood.districts:
        if slug not in selected:
            tags.append(
                FilterTag("District", name, _with(request, q=without_words(query.text, typed)))
            )
    return tags


def clear_filters_url(request: HttpRequest) -> str:
    """The search URL with the words, postcode and sort kept and every filter removed."""
    params = request.GET.copy()
    for name in [*FACET_PARAMS.values(), "age", "distance", "page"]:
        params.pop(name, None)
    return _url(params)


@dataclasses.dataclass
class WiderSearch:
    """A way out of zero results: a link that removes the filter that narrows the most."""

    label: str
    url: str
    at_least: int = 0


def narrowest_filter(
    request: HttpRequest, query: SearchQuery, results: SearchResults
) -> WiderSearch | None:
    """The facet group whose removal gives the most results, judged by the facet counts.

    Each group's counts apply every other group's filters, so removing a group's selection gives
    at least as many results as its best value's count. Age and distance cannot be judged from
    the counts; they are offered only when no facet group would help.
    """
    best: WiderSearch | None = None
    for group in results.facets:
        selected = query.selected(group.key)
        if not selected:
            continue
        at_least = max((value.count for value in group.values), default=0)
        if at_least and (best is None or at_least > best.at_least):
            labels = {value.value: value.label for value in group.values}
            label = (
                f"Remove the filter ‘{labels.get(selected[0], selected[0])}’"
                if len(selected) == 1
                else f"Remove the {group.label.lower()} filters"
            )
            params = request.GET.copy()
            params.pop("page", None)
            params.pop(FACET_PARAMS[group.key], None)
            best = WiderSearch(label, _url(params), at_least)
    if best:
        return best
    if query.distance_miles:
        return WiderSearch("Search any distance", _without(request, "distance"))
    if query.age is not None:
        return WiderSearch("Search services for all ages", _without(request, "age"))
    return None


OPEN_BY_DEFAULT = ("type", "need")


def filter_groups(query: SearchQuery, results: SearchResults) -> list[dict]:
    """The facet groups as the filter column shows them: values with results or ticked.

    The age bands are left out unless one is ticked: the age box asks the same more simply.
    """
    groups = []
    for group in results.facets:
        selected = query.selected(group.key)
        if group.key == "age" and not selected:
            continue
        values = [value for value in group.values if value.count or value.selected]
        if not values:
            continue
        groups.append(
            {
                "key": group.key,
                "label": group.label,
                "param": FACET_PARAMS[group.key],
                "yes_no": VOCABULARY[group.key].is_yes_no,  # one checkbox, no fold
                "values": values,
                "selected_count": len(selected),
                "open": bool(selected) or group.key in OPEN_BY_DEFAULT,
            }
        )
    return groups


def promoted_service_ids(text: str) -> list:
    """UUIDs of live services editors pinned for these words (Wagtail search promotions)."""
    words = normalise_query_string(text)
    if not words:
        return []
    return list(
        publicly_visible(ServicePage.objects)
        .filter(
            searchpromotion__query__query_string=words,
        )
        .order_by("searchpromotion__sort_order")
        .values_list("uuid", flat=True)
    )


def recommended_hits(query: SearchQuery) -> list[SearchHit]:
    """Services editors pinned for the words that also match the other filters, on page 1."""
    if not query.text or query.page != 1:
        return []
    ids = promoted_service_ids(query.text)
    if not ids:
        return []
    pinned = search_services(
        dataclasses.replace(
            query, text="", ids=tuple(ids), page=1, per_page=len(ids), with_facets=False
        )
    )
    order = {service_id: position for position, service_id in enumerate(ids)}
    return sorted(pinned.hits, key=lambda hit: order.get(hit.uuid, len(order)))


def run_directory_search(form: DirectorySearchForm) -> tuple[SearchQuery, SearchResults]:
    """Search with the valid parts of the form; a page past the end shows the last page."""
    form.is_valid()
    query = form.to_query()
    results = search_services(query)
    if not results.hits and results.total and query.page > results.num_pages:
        query = dataclasses.replace(query, page=results.num_pages)
        results = search_services(query)
    if results.postcode_unknown and query.postcode:
        form.add_error("postcode", UNKNOWN_POSTCODE_MESSAGE)
    return query, results


def sendiass_page() -> Page | None:
    return publicly_visible(InformationPage.objects).filter(schedule2_heading="sendiass").first()


def directory_search_context(page: Page, request: HttpRequest, context: dict) -> None:
    """Fill the directory page's context with the search form, results and their helpers."""
    form = DirectorySearchForm(request.GET)
    query, results = run_directory_search(form)
    recommended = recommended_hits(query)
    recommended_ids = {hit.page_id for hit in recommended}
    page_of_hits = results_page(results)
    page_of_hits.object_list = [
        h for h in page_of_hits.object_list if h.page_id not in recommended_ids
    ]
    tags = selected_filter_tags(request, query, results)
    context.update(
        # The directory's template includes whatever template the plug-in names.
        directory_results_template="search/includes/directory_search.html",
        search_form=form,
        search_query=query,
        search_results=results,
        services=page_of_hits,
        recommended_services=recommended,
        selected_filters=tags,
        filter_groups=filter_groups(query, results),
        clear_filters_url=clear_filters_url(request) if tags else "",
        sort_choices=[
            (value, label)
            for value, label in SORT_CHOICES
            if value != "distance" or results.location
        ],
        distance_choices=DISTANCE_CHOICES,
        suggestion_url=_with(request, q=results.suggestion) if results.suggestion else "",
        wider_search=narrowest_filter(request, query, results) if not results.total else None,
        sendiass_page=sendiass_page() if not results.total else None,
        postcode_attribution=ATTRIBUTION if results.location else "",
        shortlisted_ids={str(i) for i in shortlist.shortlist_ids(request)},
        shortlist_notice=pop_shortlist_notice(request),
    )
    # Paging is not a new search, nor is the live refresh while filters are being ticked.
    if form.page_number == 1 and request.headers.get("X-Requested-With") != "fetch":
        record_search(query, results.total)


def search_text(raw: str, max_length: int) -> str:
    """Typed words as one line: no control characters (a NUL breaks PostgreSQL), spaces tidied."""
    return " ".join("".join(" " if ord(c) < 32 else c for c in raw[: max_length * 4]).split())[
        :max_length
    ]


# Autocomplete --------------------------------------------------------------------------------


def autocomplete_suggestions(text: str, limit: int = SUGGESTIONS) -> list[str]:
    """Service types, needs and service titles containing the words, those starting with them
    first. Two letters at least."""
    text = search_text(text, 100)
    if len(text) < 2:
        return []
    names: set[str] = set()
    for queryset in (
        ServiceType.objects.filter(name__icontains=text).values_list("name", flat=True),
        Need.objects.filter(name__icontains=text).values_list("name", flat=True),
        publicly_visible(ServicePage.objects)
        .filter(title__icontains=text)
        .values_list("title", flat=True),
    ):
        names.update(queryset.order_by()[:50])
    lowered = text.lower()
    ordered = sorted(
        names, key=lambda name: (not name.lower().startswith(lowered), len(name), name)
    )
    return ordered[:limit]


@require_GET
def suggest(request: HttpRequest) -> JsonResponse:
    """`/search/suggest/?q=sho`: up to eight suggestions for the search box, as JSON."""
    response = JsonResponse({"suggestions": autocomplete_suggestions(request.GET.get("q", ""))})
    response["Cache-Control"] = "public, max-age=300"
    return response


# Site search ---------------------------------------------------------------------------------


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


# Shortlist -----------------------------------------------------------------------------------

NOTICE_KEY = "shortlist_notice"


def set_shortlist_notice(request: HttpRequest, text: str) -> None:
    """A one-off message shown by the next page that shows the shortlist buttons."""
    request.session[NOTICE_KEY] = text


def pop_shortlist_notice(request: HttpRequest) -> str:
    if not hasattr(request, "session") or NOTICE_KEY not in request.session:
        return ""
    return request.session.pop(NOTICE_KEY, "")


def _back(request: HttpRequest, fallback: str) -> HttpResponseRedirect:
    target = request.POST.get("next") or request.META.get("HTTP_REFERER") or fallback
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = fallback
    return HttpResponseRedirect(target)


def _wants_json(request: HttpRequest) -> bool:
    return "application/json" in request.headers.get("Accept", "")


@require_POST
def shortlist_add(request: HttpRequest) -> HttpResponse:
    """Save a service (POST `service`: its UUID), then go back where the button was."""
    service = shortlist.find_service(request.POST.get("service", ""))
    if service is None:
        text = "That service is no longer in the directory, so it was not saved"
    elif shortlist.add_to_shortlist(request, str(service.uuid)):
        text = f"‘{service.title}’ was saved to your shortlist"
    else:
        text = f"‘{service.title}’ is already in your shortlist"
    if _wants_json(request):
        return JsonResponse({"message": text, "count": shortlist.shortlist_count(request)})
    set_shortlist_notice(request, text)
    return _back(request, reverse("shortlist"))


@require_POST
def shortlist_remove(request: HttpRequest) -> HttpResponse:
    """Remove a service from the shortlist (POST `service`: its UUID)."""
    ids = shortlist.parse_service_ids([request.POST.get("service", "")])
    removed = bool(ids) and shortlist.remove_from_shortlist(request, ids[0])
    service = shortlist.find_service(ids[0]) if removed else None
    if removed:
        name = f"‘{service.title}’" if service else "The service"
        text = f"{name} was removed from your shortlist"
    else:
        text = "That service was not in your shortlist"
    if _wants_json(request):
        return JsonResponse({"message": text, "count": shortlist.shortlist_count(request)})
    set_shortlist_notice(request, text)
    return _back(request, reverse("shortlist"))


def _site_name(request: HttpRequest) -> str:
    site = Site.find_for_request(request)
    return (site.site_name if site and site.site_name else "") or "the Local Offer"


@require_http_methods(["GET", "POST"])
def shortlist_page(request: HttpRequest) -> HttpResponse:
    """`/shortlist/`: review, remove, print, share by link or email."""
    services = shortlist.shortlisted_services(shortlist.shortlist_ids(request))
    shortlist.prune_shortlist(request, services)
    ids = [str(service.uuid) for service in services]
    form = ShortlistEmailForm(request.POST or None)
    if request.method == "POST" and services and form.is_valid():
        if shortlist.email_allowed(request):
            shortlist.send_shortlist_email(
                form.cleaned_data["email"], services, request, _site_name(request)
            )
            set_shortlist_notice(request, "We have emailed your shortlist")
            return HttpResponseRedirect(reverse("shortlist"))
        form.add_error(
            "email", "You have sent a lot of emails. Wait an hour, or copy the link instead"
        )
    return render(
        request,
        "search/shortlist.html",
        {
            "services": services,
            "share_url": request.build_absolute_uri(shortlist.shared_path(ids)) if ids else "",
            "email_form": form,
            "shortlist_notice": pop_shortlist_notice(request),
            "directory_page": directory_page_for(request),
        },
    )


@require_GET
def shortlist_shared(request: HttpRequest) -> HttpResponse:
    """`/shortlist/shared/?ids=<uuid>,<uuid>`: someone's list, read only."""
    ids = shortlist.parse_service_ids(request.GET.getlist("ids"))
    services = shortlist.shortlisted_services(ids)
    return render(
        request,
        "search/shortlist_shared.html",
        {
            "services": services,
            "missing": len(ids) - len(services),
            "shortlisted_ids": set(shortlist.shortlist_ids(request)),
            "directory_page": directory_page_for(request),
        },
    )
