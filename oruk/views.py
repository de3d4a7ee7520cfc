"""The Open Referral UK 3.0 read API: thin views over `queries` and `serializers`.

Public, no key. Every response (errors included) carries `Access-Control-Allow-Origin: *`, an
ETag and caching headers; a conditional GET whose ETag or date still matches gets a 304.
"""

import datetime
import functools
import hashlib
import math
from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Max
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.cache import get_conditional_response
from django.utils.http import http_date
from django.views.decorators.csrf import csrf_exempt
from wagtail.models import PageLogEntry

from directory.models import ServicePage, with_details
from directory.visibility import publicly_visible

from . import openapi, queries, serializers
from .params import (
    Pagination,
    ParameterError,
    parse_pagination,
    parse_service_filters,
    parse_uuid,
)
from .vocabularies import VOCABULARIES, VOCABULARY_BY_UUID

CACHE_CONTROL = "public, max-age=300"
ORUK_VERSION = "3.0"
PROFILE_URL = "https://openreferraluk.org/"


class NotFound(Exception):
    """The id names nothing this API publishes."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass
class Payload:
    """What a view answers: the JSON data, and when the data it shows last changed."""

    data: dict
    last_modified: datetime.datetime | None = None


def _json(data: dict, status: int = 200) -> JsonResponse:
    return JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})


def _error(status: int, error: str, message: str, parameter: str | None = None) -> JsonResponse:
    body = {"status": status, "error": error, "message": message}
    if parameter:
        body["parameter"] = parameter
    return _json(body, status=status)


def _public(response: HttpResponse) -> HttpResponse:
    response["Access-Control-Allow-Origin"] = "*"
    response.setdefault("Cache-Control", CACHE_CONTROL)
    return response


def api_view(view: Callable[..., Payload]) -> Callable[..., HttpResponse]:
    """Wrap a view returning a Payload: JSON, CORS, ETag, Last-Modified and JSON errors."""

    @csrf_exempt
    @functools.wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if request.method == "OPTIONS":
            response = HttpResponse(status=204)
            response["Access-Control-Allow-Methods"] = "GET, HEAD, OPTIONS"
            response["Access-Control-Allow-Headers"] = "If-None-Match, If-Modified-Since"
            return _public(response)
        if request.method not in ("GET", "HEAD"):
            response = _error(405, "method_not_allowed", "This API only answers GET requests")
            response["Allow"] = "GET, HEAD, OPTIONS"
            return _public(response)
        try:
            payload = view(request, *args, **kwargs)
        except ParameterError as error:
            return _public(_error(400, "invalid_parameter", error.message, error.parameter))
        except NotFound as error:
            return _public(_error(404, "not_found", error.message))
        response = _json(payload.data)
        etag = f'"{hashlib.sha256(response.content).hexdigest()[:32]}"'
        last_modified = (
            math.floor(payload.last_modified.timestamp()) if payload.last_modified else None
        )
        response["ETag"] = etag
        if last_modified is not None:
            response["Last-Modified"] = http_date(last_modified)
        conditional = get_conditional_response(
            request, etag=etag, last_modified=last_modified, response=response
        )
        return _public(conditional)

    return wrapped


def not_found(request: HttpRequest, path: str = "") -> HttpResponse:
    """A JSON 404 for any address under the API that is not an endpoint."""
    return _public(_error(404, "not_found", "There is no such endpoint in this API"))


def _listing_changed(pages: list[ServicePage]) -> datetime.datetime | None:
    """When a listing last changed: its services' publication dates, or the latest publish,
    unpublish, move or deletion in the page log (which adds or removes services), if later.

    Cheap on purpose (one indexed query); the ETag, a hash of the body, is exact.
    """
    logged = PageLogEntry.objects.aggregate(latest=Max("timestamp"))["latest"]
    dates = [page.last_published_at for page in pages if page.last_published_at] + [logged]
    return max((d for d in dates if d is not None), default=None)


def _page_of(items: list, total: int, pagination: Pagination) -> dict:
    """The profile's pagination envelope around one page of items."""
    total_pages = math.ceil(total / pagination.per_page) if total else 0
    return {
        "total_items": total,
        "total_pages": total_pages,
        "page_number": pagination.page,
        "size": len(items),
        "first_page": pagination.page == 1,
        "last_page": pagination.page >= total_pages,
        "empty": not items,
        "contents": items,
    }


@api_view
def api_info(request: HttpRequest) -> Payload:
    """`/`: the HSDS version, the profile and where the OpenAPI document is."""
    return Payload(
        {
            "version": ORUK_VERSION,
            "profile": PROFILE_URL,
            "openapi_url": request.build_absolute_uri(openapi.openapi_path()),
        }
    )


@api_view
def openapi_document(request: HttpRequest) -> Payload:
    """The profile's OpenAPI document, with this site as its server."""
    return Payload(openapi.document_for(request))


@api_view
def schema_file(request: HttpRequest, path: str) -> Payload:
    """One of the profile's JSON schema files, so clients can resolve the document offline."""
    data = openapi.schema_file(path)
    if data is None:
        raise NotFound("There is no such schema file")
    return Payload(data)


def _filtered_listing(
    request: HttpRequest, find: Callable, summarise: Callable, page_of: Callable
) -> Payload:
    """One page of what `find` returns for the request's service filters, each item summarised;
    `page_of` gives an item's service page, whose publication dates say when the list changed."""
    pagination = parse_pagination(request.GET)
    found = find(parse_service_filters(request.GET), pagination)
    items = [summarise(item, request) for item in found.items]
    changed = _listing_changed([page_of(item) for item in found.items])
    return Payload(_page_of(items, found.total, pagination), changed)


@api_view
def service_list(request: HttpRequest) -> Payload:
    """`/services`: live services matching the filters, one-to-one fields only."""
    return _filtered_listing(
        request, queries.find_services, serializers.service_summary, page_of=lambda page: page
    )


@api_view
def service_detail(request: HttpRequest, id: str) -> Payload:
    """`/services/{id}`: one live service, fully nested."""
    service_uuid = parse_uuid(id, "id")
    pages = with_details(publicly_visible(ServicePage.objects))
    page = pages.filter(uuid=service_uuid).first()
    if page is None:
        raise NotFound("No published service has this id")
    return Payload(serializers.service_detail(page, request), page.last_published_at)


@api_view
def service_at_location_list(request: HttpRequest) -> Payload:
    """`/service_at_locations`: each location of each matching service."""
    return _filtered_listing(
        request,
        queries.find_service_locations,
        serializers.service_at_location_summary,
        page_of=lambda place: place.page,
    )


@api_view
def service_at_location_detail(request: HttpRequest, id: str) -> Payload:
    """`/service_at_locations/{id}`: a service at one location, fully nested."""
    place = queries.service_location(parse_uuid(id, "id"))
    if place is None:
        raise NotFound("No published service has a location with this id")
    return Payload(
        serializers.service_at_location_detail(place, request), place.page.last_published_at
    )


@api_view
def taxonomy_list(request: HttpRequest) -> Payload:
    """`/taxonomies`: the directory's vocabularies."""
    pagination = parse_pagination(request.GET)
    start = (pagination.page - 1) * pagination.per_page
    chosen = VOCABULARIES[start : start + pagination.per_page]
    items = [serializers.taxonomy(vocabulary) for vocabulary in chosen]
    return Payload(_page_of(items, len(VOCABULARIES), pagination))


@api_view
def taxonomy_detail(request: HttpRequest, id: str) -> Payload:
    """`/taxonomies/{id}`: one vocabulary with its terms."""
    vocabulary = VOCABULARY_BY_UUID.get(parse_uuid(id, "id"))
    if vocabulary is None:
        raise NotFound("No taxonomy has this id")
    return Payload(serializers.taxonomy(vocabulary, list(vocabulary.terms())))


@api_view
def taxonomy_term_list(request: HttpRequest) -> Payload:
    """`/taxonomy_terms`: every value of every vocabulary, vocabulary by vocabulary."""
    pagination = parse_pagination(request.GET)
    vocabularies = VOCABULARIES
    if "taxonomy_id" in request.GET:
        vocabulary = VOCABULARY_BY_UUID.get(parse_uuid(request.GET["taxonomy_id"], "taxonomy_id"))
        vocabularies = (vocabulary,) if vocabulary else ()
    counts = [(v, len(v.terms())) for v in vocabularies]
    total = sum(count for _v, count in counts)
    start = (pagination.page - 1) * pagination.per_page
    end = start + pagination.per_page
    items, offset = [], 0
    for vocabulary, count in counts:
        low, high = max(start - offset, 0), min(end - offset, count)
        if low < high:
            terms = vocabulary.terms()[low:high]
            items += [serializers.taxonomy_term(vocabulary, term) for term in terms]
        offset += count
    return Payload(_page_of(items, total, pagination))


@api_view
def taxonomy_term_detail(request: HttpRequest, id: str) -> Payload:
    """`/taxonomy_terms/{id}`: one value of a vocabulary."""
    term_uuid = parse_uuid(id, "id")
    for vocabulary in VOCABULARIES:
        term = next((t for t in vocabulary.terms() if t.uuid == term_uuid), None)
        if term is not None:
            return Payload(serializers.taxonomy_term(vocabulary, term))
    raise NotFound("No taxonomy term has this id")
