"""Error pages of the whole site: a bad request, a refused permission and a failed CSRF check.

Django's own 400 view re-runs the CSRF check, which reads the request body again: a body the
site could not decode the first time (a form posted as ISO-8859-1) then raised a second error and
became a 500. These views never read the body. Under /api/ the answer is JSON with CORS, as the
API's own errors are.
"""

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.response import TemplateResponse
from django.views.decorators.csp import csp_override

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


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """403: in the admin (where Wagtail's views raise PermissionDenied when the permission policy
    says no) an admin page saying what to do; elsewhere Django's own."""
    if request.path.startswith(f"/{settings.WAGTAIL_ADMIN_PATH}"):
        page = csp_override(settings.ADMIN_CSP)(
            lambda request: TemplateResponse(request, "admin/403.html", status=403).render()
        )
        return page(request)
    from django.views.defaults import permission_denied as default_permission_denied

    return default_permission_denied(request, exception)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """403 when a form's security check fails (usually an old page or blocked cookies)."""
    return TemplateResponse(request, "403_csrf.html", status=403).render()
