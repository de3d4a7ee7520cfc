"""The "Search terms" report for editors: top searches, searches that found nothing, and the
filters families use, over the last 7, 30 or 90 days, with a CSV export."""

import csv

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import path, reverse
from django.utils import timezone
from wagtail.admin.auth import permission_denied
from wagtail.admin.menu import MenuItem

from search.analytics import (
    DEFAULT_PERIOD,
    PERIODS,
    period_start,
    popular_filters,
    top_queries,
    zero_result_queries,
    zero_result_search_count,
)

URL_NAME = "search_terms_report"


def _period(request: HttpRequest) -> int:
    try:
        days = int(request.GET.get("period", DEFAULT_PERIOD))
    except ValueError:
        return DEFAULT_PERIOD
    return days if days in PERIODS else DEFAULT_PERIOD


def search_terms_report(request: HttpRequest) -> HttpResponse:
    """The report page, or its CSV when `?format=csv`."""
    if not request.user.has_perms(["wagtailadmin.access_admin"]):
        return permission_denied(request)
    days = _period(request)
    since = period_start(days)
    top = top_queries(since)
    zero = zero_result_queries(since)
    filters = popular_filters(since)
    if request.GET.get("format") == "csv":
        return _csv(days, top, zero, filters)
    total, zero_total = zero_result_search_count(since)
    return render(
        request,
        "search/admin/search_terms_report.html",
        {
            "page_title": "Search terms",
            "header_title": "Search terms",
            "header_icon": "search",
            "periods": PERIODS.items(),
            "period": days,
            "since": since,
            "top_queries": top,
            "zero_result_queries": zero,
            "popular_filters": filters,
            "total_searches": total,
            "zero_result_searches": zero_total,
            "csv_url": f"{reverse(URL_NAME)}?period={days}&format=csv",
        },
    )


def _csv(days: int, top, zero, filters) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    filename = f"search-terms-{days}-days-{timezone.localdate():%Y-%m-%d}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    writer = csv.writer(response)
    writer.writerow(["Report", "Search words or filter", "Searches", "Searches with no results"])
    for row in top:
        writer.writerow(["Top searches", _safe(row.query), row.searches, row.zero_result_searches])
    for row in zero:
        writer.writerow(["No results", _safe(row.query), row.searches, row.zero_result_searches])
    for row in filters:
        writer.writerow(["Filters", _safe(f"{row.group_label}: {row.value}"), row.uses, ""])
    return response


def _safe(value: str) -> str:
    """Stop a spreadsheet from running a search term as a formula (CSV injection)."""
    return f"'{value}" if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def urls() -> list:
    return [path("reports/search-terms/", search_terms_report, name=URL_NAME)]


def menu_item() -> MenuItem:
    return MenuItem("Search terms", reverse(URL_NAME), icon_name="search", order=710)
