"""The shortlist's pages and buttons: `/shortlist/` (review, remove, print, share by link or
email), the read-only shared list, and the add and remove actions (forms that work without
JavaScript). Add and remove are in pages a front-end cache keeps, so they carry no CSRF token;
`same_origin_post` refuses cross-site posts instead. The rules live in search.shortlist."""

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from wagtail.models import Site

from directory.public_cache import same_origin_post
from search import shortlist
from search.forms import ShortlistEmailForm
from search.shortlist import pop_shortlist_notice, set_shortlist_notice
from search.site_search import directory_page_for


def _back(request: HttpRequest, fallback: str) -> HttpResponseRedirect:
    target = request.POST.get("next") or request.META.get("HTTP_REFERER") or fallback
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = fallback
    return HttpResponseRedirect(target)


def _wants_json(request: HttpRequest) -> bool:
    return "application/json" in request.headers.get("Accept", "")


@same_origin_post
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


@same_origin_post
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
