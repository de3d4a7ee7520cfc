"""Error pages of the whole site: a bad request and a failed CSRF check, in GOV.UK markup.

Django's own 400 view re-runs the CSRF check, which reads the request body again: a body the
site could not decode the first time (a form posted as ISO-8859-1) then raised a second error and
became a 500. These views never read the body. Under /api/ the answer is JSON with CORS, as the
API's own errors are.
"""

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.response import TemplateResponse

API_PREFIX = "/api/"


def _api_error(status: int, error: str, message: str) -> JsonResponse:
    response = JsonResponse({"status": status, "error": error, "message": message}, status=status)
    response["Access-Control-Allow-Origin"] = "*"
    return response


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """400: the request could not be read (bad encoding, too many fields, a bad host)."""
    if request.path.startswith(API_PREFIX):
        return _api_error(400, "bad_request", "The request could not be read")
    return TemplateResponse(request, "400.html", status=400).render()


def server_error(request: HttpRequest) -> HttpResponse:
    """500: JSON with CORS under /api/, the static error page elsewhere."""
    if request.path.startswith(API_PREFIX):
        return _api_error(500, "server_error", "Sorry, something went wrong. Try again later")
    from django.views.defaults import server_error as default_server_error

    return default_server_error(request)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """403 when a form's security check fails (usually an old page or blocked cookies)."""
    return TemplateResponse(request, "403_csrf.html", status=403).render()
