"""The feedback listings: the moderation queue, safeguarding concerns and feedback about your
services, and the queue's CSV export. Access: the feedback permission policy's actions."""

from django.core.exceptions import PermissionDenied
from django.db.models import Count, QuerySet
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.http import urlencode
from django.utils.text import Truncator
from django.views import View
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn, TitleColumn
from wagtail.admin.views.generic import IndexView, PermissionCheckedMixin
from wagtail.admin.widgets.button import HeaderButton

from directory.admin_screens import ForbiddenPageMixin
from feedback import exports
from feedback.admin.filters import (
    QUEUE_STATUSES,
    FeedbackFilterSet,
    QueueFilterSet,
    ServiceFeedbackFilterSet,
)
from feedback.models import FeedbackItem
from feedback.permissions import (
    can_export_personal_data,
    can_view_safeguarding,
    feedback_permission_policy,
    service_feedback_for,
)

Status = FeedbackItem.Status


def item_url(item: FeedbackItem) -> str:
    return reverse("feedback_admin:item", args=[item.pk])


def _summary(item: FeedbackItem) -> str:
    return Truncator(" ".join(item.comment.split())).chars(90)


def _lead_columns() -> list:
    """Every listing starts with the words (linking to the item) and when they came."""
    return [
        TitleColumn("comment", label="Feedback", accessor=_summary, get_url=item_url),
        DateColumn("submitted_at", label="Received", sort_key="submitted_at"),
    ]


def _themes(item: FeedbackItem) -> str:
    return ", ".join(theme.name for theme in item.themes.all())


FORBIDDEN_TEMPLATE = "feedback/admin/forbidden.html"


class FeedbackListingView(ForbiddenPageMixin, IndexView):
    """A feedback listing: items with their service, district and themes in a constant number
    of queries, linking to the item page."""

    model = FeedbackItem
    permission_policy = feedback_permission_policy
    forbidden_template_name = FORBIDDEN_TEMPLATE
    any_permission_required = None
    permission_required = "moderate"
    default_ordering = "-submitted_at"
    paginate_by = 30
    header_icon = "comment"
    search_fields = ["comment", "public_text"]
    is_searchable = True

    def get_base_queryset(self) -> QuerySet[FeedbackItem]:
        return (
            FeedbackItem.objects.select_related("subject_page", "district")
            .prefetch_related("themes")
            .exclude(status=Status.SAFEGUARDING)
        )

    def get_edit_url(self, instance: FeedbackItem) -> str:
        return item_url(instance)

    @cached_property
    def columns(self) -> list:
        return [
            *_lead_columns(),
            Column("kind", label="Form", accessor="get_kind_display", sort_key="kind"),
            Column("service", label="Service", accessor="subject_page.title"),
            Column("topic", label="Topic", accessor="get_topic_display"),
            Column("district", label="District", accessor="district.name"),
            Column("themes", label="Themes", accessor=_themes),
            StatusTagColumn(
                "status",
                label="Status",
                accessor="get_status_display",
                primary=lambda item: item.status == Status.NEW,
                sort_key="status",
            ),
        ]

    def export_url(self, personal_data: bool = False) -> str:
        query = self.request.GET.copy()
        query.pop("p", None)
        if personal_data:
            query["personal_data"] = "1"
        return reverse("feedback_admin:export") + "?" + query.urlencode()


class QueueView(FeedbackListingView):
    """The moderation queue: new items first, filterable, with counts per status."""

    page_title = "Feedback"
    template_name = "feedback/admin/queue.html"
    index_url_name = "feedback_admin:index"
    index_results_url_name = "feedback_admin:index_results"
    filterset_class = QueueFilterSet

    def get_filterset_kwargs(self) -> dict:
        kwargs = super().get_filterset_kwargs()
        if not kwargs["data"].get("status"):
            data = kwargs["data"].copy()
            data["status"] = Status.NEW
            kwargs["data"] = data
        return kwargs

    @cached_property
    def header_buttons(self) -> list:
        buttons = [HeaderButton("Export CSV", url=self.export_url(), icon_name="download")]
        if can_export_personal_data(self.request.user):
            buttons.append(
                HeaderButton(
                    "Export with email addresses",
                    url=self.export_url(personal_data=True),
                    icon_name="download",
                )
            )
        return buttons

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        counts = dict(FeedbackItem.objects.values_list("status").annotate(n=Count("pk")).order_by())
        context["status_counts"] = [
            {
                "label": status.label,
                "count": counts.get(status.value, 0),
                "url": reverse("feedback_admin:index") + "?" + urlencode({"status": status.value}),
                "current": self.filters.form.cleaned_data.get("status") == status.value
                if self.filters.is_valid()
                else False,
            }
            for status in QUEUE_STATUSES
        ]
        if can_view_safeguarding(self.request.user):
            context["safeguarding_count"] = counts.get(Status.SAFEGUARDING, 0)
        return context


class SafeguardingView(FeedbackListingView):
    """Items flagged as safeguarding concerns: only safeguarding leads see this list."""

    page_title = "Safeguarding concerns"
    header_icon = "warning"
    permission_required = "view_safeguarding"
    index_url_name = "feedback_admin:safeguarding"
    index_results_url_name = "feedback_admin:safeguarding_results"
    filterset_class = FeedbackFilterSet

    def get_base_queryset(self) -> QuerySet[FeedbackItem]:
        return FeedbackItem.objects.select_related("subject_page", "district").filter(
            status=Status.SAFEGUARDING
        )

    @cached_property
    def columns(self) -> list:
        return [
            *_lead_columns(),
            Column("flag", label="Flagged", accessor="get_safeguarding_flag_display"),
            Column(
                "terms", label="Matched words", accessor=lambda i: ", ".join(i.safeguarding_terms)
            ),
            DateColumn("safeguarding_notified_at", label="Contact emailed"),
            Column("service", label="Service", accessor="subject_page.title"),
        ]


class ServiceFeedbackView(FeedbackListingView):
    """Feedback about the services the user can edit (all services for moderators)."""

    page_title = "Feedback about your services"
    header_icon = "doc-full"
    index_url_name = "feedback_admin:services"
    index_results_url_name = "feedback_admin:services_results"
    filterset_class = ServiceFeedbackFilterSet
    permission_required = "see_service_feedback"

    def get_base_queryset(self) -> QuerySet[FeedbackItem]:
        return service_feedback_for(self.request.user).select_related("subject_page", "district")

    @cached_property
    def columns(self) -> list:
        return [
            *_lead_columns(),
            Column("service", label="Service", accessor="subject_page.title"),
            Column("rating", label="Rating (1 to 5)", accessor="rating"),
            StatusTagColumn("status", label="Status", accessor="get_status_display"),
        ]


class ExportView(ForbiddenPageMixin, PermissionCheckedMixin, View):
    """The queue's items (same filters) as CSV; email addresses only with permission."""

    permission_policy = feedback_permission_policy
    forbidden_template_name = FORBIDDEN_TEMPLATE
    permission_required = "moderate"

    def get(self, request: HttpRequest) -> HttpResponse:
        personal = request.GET.get("personal_data") == "1"
        if personal and not self.user_has_permission("export_personal_data"):
            raise PermissionDenied
        data = request.GET.copy()
        data.setdefault("status", "all")
        filterset = QueueFilterSet(data=data, request=request)
        items = FeedbackItem.objects.exclude(status=Status.SAFEGUARDING)
        if filterset.is_valid():
            items = filterset.filter_queryset(items)
        items = items.select_related("subject_page", "district", "user").prefetch_related("themes")
        stamp = timezone.localtime().strftime("%Y-%m-%d")
        name = f"feedback-{'with-personal-data-' if personal else ''}{stamp}.csv"
        response = StreamingHttpResponse(
            exports.feedback_csv_rows(
                items.order_by("submitted_at", "pk"), include_personal_data=personal
            ),
            content_type="text/csv; charset=utf-8",
        )
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response
