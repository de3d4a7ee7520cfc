"""The "Search terms" report for editors: top searches, searches that found nothing, and the
filters families use, over the last 7, 30 or 90 days, with a CSV export (Wagtail's ReportView;
any admin user may read it, which Wagtail's admin URLs already require)."""

from dataclasses import dataclass

from django.http import HttpResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.reports import ReportView

from directory.exports import FormulaSafeExportMixin
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


@dataclass(frozen=True)
class ReportRow:
    """One line of the CSV: which part of the report, the words or filter, and the counts."""

    report: str
    words: str
    searches: int
    zero_result_searches: int | str


class SearchTermsReportView(FormulaSafeExportMixin, ReportView):
    """The report page; its CSV with `?format=csv` (or Wagtail's `?export=csv`)."""

    template_name = "search/admin/search_terms_report.html"
    page_title = "Search terms"
    header_icon = "search"
    index_url_name = URL_NAME
    paginate_by = None
    list_export = ["report", "words", "searches", "zero_result_searches"]
    export_headings = {
        "report": "Report",
        "words": "Search words or filter",
        "searches": "Searches",
        "zero_result_searches": "Searches with no results",
    }

    def setup(self, request, *args, **kwargs) -> None:
        super().setup(request, *args, **kwargs)
        if request.GET.get("format") == "csv":
            self.is_export = True

    @cached_property
    def period(self) -> int:
        try:
            days = int(self.request.GET.get("period", DEFAULT_PERIOD))
        except ValueError:
            return DEFAULT_PERIOD
        return days if days in PERIODS else DEFAULT_PERIOD

    @cached_property
    def sections(self) -> dict:
        since = period_start(self.period)
        return {
            "since": since,
            "top_queries": top_queries(since),
            "zero_result_queries": zero_result_queries(since),
            "popular_filters": popular_filters(since),
        }

    def get_queryset(self) -> list[ReportRow]:
        sections = self.sections
        return [
            *(
                ReportRow("Top searches", row.query, row.searches, row.zero_result_searches)
                for row in sections["top_queries"]
            ),
            *(
                ReportRow("No results", row.query, row.searches, row.zero_result_searches)
                for row in sections["zero_result_queries"]
            ),
            *(
                ReportRow("Filters", f"{row.group_label}: {row.value}", row.uses, "")
                for row in sections["popular_filters"]
            ),
        ]

    def get_filename(self) -> str:
        return f"search-terms-{self.period}-days-{timezone.localdate():%Y-%m-%d}"

    def as_spreadsheet(self, queryset, spreadsheet_format):
        return super().as_spreadsheet(queryset, spreadsheet_format or self.FORMAT_CSV)

    def write_csv_response(self, queryset) -> HttpResponse:
        # A few hundred lines at most: one response rather than a stream.
        text = b"".join(self.stream_csv(queryset))
        response = HttpResponse(text, content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{self.get_filename()}.csv"'
        return response

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        total, zero_total = zero_result_search_count(self.sections["since"])
        context.update(
            self.sections,
            periods=PERIODS.items(),
            period=self.period,
            total_searches=total,
            zero_result_searches=zero_total,
            csv_url=f"{reverse(URL_NAME)}?period={self.period}&format=csv",
        )
        return context


def urls() -> list:
    return [path("reports/search-terms/", SearchTermsReportView.as_view(), name=URL_NAME)]


def menu_item() -> MenuItem:
    return MenuItem("Search terms", reverse(URL_NAME), icon_name="search", order=710)
