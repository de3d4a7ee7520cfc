"""Search-box suggestions: `/search/suggest/?q=sho` answers with service types, needs and
service titles containing the words, as JSON for the combobox (static/search/autocomplete.js)."""

from django.http import HttpRequest, JsonResponse
from django.views.decorators.http import require_GET

from directory.models import Need, ServicePage, ServiceType
from directory.visibility import publicly_visible
from search.analysis import search_text

SUGGESTIONS = 8


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
