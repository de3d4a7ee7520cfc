"""Admin views for feedback: the moderation queue, one item with its actions, safeguarding
concerns, feedback about your services, the CSV export and the dashboard.

Views stay thin: who may see what is decided in `feedback.permissions`, what an action does in
`feedback.moderation`, the figures in `feedback.dashboard` and the CSV in `feedback.exports`.
"""

import django_filters
from django import forms
from django.db.models import Count, QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, StreamingHttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.http import urlencode
from django.utils.text import Truncator
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn, TitleColumn
from wagtail.admin.views.generic import IndexView, WagtailAdminTemplateMixin
from wagtail.admin.widgets import BooleanRadioSelect
from wagtail.admin.widgets.button import HeaderButton
from wagtail.models import Page

from directory.models import District
from feedback import dashboard, exports, moderation
from feedback.models import FeedbackItem, Theme
from feedback.permissions import (
    can_export_personal_data,
    can_moderate,
    can_see_item,
    can_see_service_feedback,
    can_view_safeguarding,
    feedback_permission_policy,
    service_feedback_for,
)

Status = FeedbackItem.Status
QUEUE_STATUSES = [Status.NEW, Status.APPROVED, Status.REJECTED]


def forbidden(request: HttpRequest) -> HttpResponse:
    """A 403 page inside the admin (Wagtail would redirect to the dashboard instead)."""
    return TemplateResponse(request, "feedback/admin/forbidden.html", status=403)


def item_url(item: FeedbackItem) -> str:
    return reverse("feedback_admin:item", args=[item.pk])


def _summary(item: FeedbackItem) -> str:
    return Truncator(" ".join(item.comment.split())).chars(90)


def _themes(item: FeedbackItem) -> str:
    return ", ".join(theme.name for theme in item.themes.all())


# Filters ---------------------------------------------------------------------------------------


class FeedbackFilterSet(WagtailFilterSet):
    """Filters shared by every feedback listing."""

    kind = django_filters.ChoiceFilter(
        label="Form", choices=FeedbackItem.Kind.choices, empty_label="All"
    )
    topic = django_filters.ChoiceFilter(
        label="Topic", choices=FeedbackItem.Topic.choices, empty_label="All"
    )
    district = django_filters.ModelChoiceFilter(
        label="District", queryset=District.objects.all(), empty_label="All"
    )
    subject_page = django_filters.ModelChoiceFilter(
        label="Service",
        queryset=Page.objects.filter(feedback_items__isnull=False).distinct().order_by("title"),
        empty_label="All",
    )
    received = django_filters.DateFromToRangeFilter(
        label="Received", field_name="created_date", widget=DateRangePickerWidget
    )
    themes = django_filters.ModelChoiceFilter(
        label="Theme", queryset=Theme.objects.all(), empty_label="All"
    )
    suspected_spam = django_filters.BooleanFilter(label="Possible spam", widget=BooleanRadioSelect)

    class Meta:
        model = FeedbackItem
        fields: list[str] = []


class QueueFilterSet(FeedbackFilterSet):
    """The queue shows new items unless another status (or all) is chosen."""

    status = django_filters.ChoiceFilter(
        label="Status",
        choices=[*((s.value, s.label) for s in QUEUE_STATUSES), ("all", "All statuses")],
        empty_label=None,
        method="filter_status",
    )

    def filter_status(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset if value in ("", "all") else queryset.filter(status=value)


class ServiceFeedbackFilterSet(WagtailFilterSet):
    """Filters for service owners: only the services they can edit are offered."""

    subject_page = django_filters.ModelChoiceFilter(
        label="Service", queryset=Page.objects.none(), empty_label="All"
    )
    received = django_filters.DateFromToRangeFilter(
        label="Received", field_name="created_date", widget=DateRangePickerWidget
    )

    class Meta:
        model = FeedbackItem
        fields: list[str] = []

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, request=request, **kwargs)
        pages = service_feedback_for(request.user).values("subject_page")
        self.filters["subject_page"].queryset = Page.objects.filter(pk__in=pages).order_by("title")


# Listings --------------------------------------------------------------------------------------


class FeedbackListingView(IndexView):
    """A feedback listing: items with their service, district and themes in a constant number
    of queries, linking to the item page."""

    model = FeedbackItem
    permission_policy = feedback_permission_policy
    any_permission_required = None
    permission_required = None
    required_action = "moderate"
    default_ordering = "-submitted_at"
    paginate_by = 30
    header_icon = "comment"
    search_fields = ["comment", "public_text"]
    is_searchable = True

    def user_may_view(self, user) -> bool:
        return feedback_permission_policy.user_has_permission(user, self.required_action)

    def dispatch(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not self.user_may_view(request.user):
            return forbidden(request)
        return super().dispatch(request, *args, **kwargs)

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
            TitleColumn("comment", label="Feedback", accessor=_summary, get_url=item_url),
            DateColumn("submitted_at", label="Received", sort_key="submitted_at"),
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
    required_action = "view_safeguarding"
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
            TitleColumn("comment", label="Feedback", accessor=_summary, get_url=item_url),
            DateColumn("submitted_at", label="Received", sort_key="submitted_at"),
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

    def user_may_view(self, user) -> bool:
        return can_see_service_feedback(user)

    def get_base_queryset(self) -> QuerySet[FeedbackItem]:
        return service_feedback_for(self.request.user).select_related("subject_page", "district")

    @cached_property
    def columns(self) -> list:
        return [
            TitleColumn("comment", label="Feedback", accessor=_summary, get_url=item_url),
            DateColumn("submitted_at", label="Received", sort_key="submitted_at"),
            Column("service", label="Service", accessor="subject_page.title"),
            Column("rating", label="Rating (1 to 5)", accessor="rating"),
            StatusTagColumn("status", label="Status", accessor="get_status_display"),
        ]


# One item --------------------------------------------------------------------------------------


class PublicTextForm(forms.Form):
    public_text = forms.CharField(
        label="Public version",
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="What the public may see. Remove names and anything that could identify someone.",
    )
    reason = forms.CharField(
        label="Why you changed it",
        required=False,
        max_length=500,
        help_text="Needed if you changed it. For example: removed a child's name.",
    )


class RedactForm(PublicTextForm):
    reason = forms.CharField(label="Why you changed it", max_length=500)


class RejectForm(forms.Form):
    reason = forms.ChoiceField(
        label="Why is it rejected?",
        choices=FeedbackItem.RejectionReason.choices,
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label="Note",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Needed if you chose Other.",
    )


class ReasonForm(forms.Form):
    reason = forms.CharField(label="Reason", widget=forms.Textarea(attrs={"rows": 3}))


class ThemesForm(forms.Form):
    themes = forms.ModelMultipleChoiceField(
        label="Themes",
        queryset=Theme.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )


class NoteForm(forms.Form):
    note = forms.CharField(label="Note", widget=forms.Textarea(attrs={"rows": 3}))


class FeedbackItemView(WagtailAdminTemplateMixin, TemplateView):
    """One feedback item: the writer's words, the public version, the log and the actions.

    Service owners see it read-only; moderators act on it; safeguarding concerns are for
    safeguarding leads only. Each action posts `action=<name>` with its own form.
    """

    template_name = "feedback/admin/item.html"
    header_icon = "comment"
    # action name: (form class, permission check, which fields the moderation function takes)
    ACTIONS = {
        "approve": PublicTextForm,
        "redact": RedactForm,
        "reject": RejectForm,
        "flag": ReasonForm,
        "unflag": ReasonForm,
        "reopen": NoteForm,
        "themes": ThemesForm,
        "note": NoteForm,
    }

    def dispatch(self, request: HttpRequest, pk: int, *args, **kwargs) -> HttpResponse:
        self.item = get_object_or_404(
            FeedbackItem.objects.select_related("subject_page", "district", "user"), pk=pk
        )
        if not can_see_item(request.user, self.item):
            return forbidden(request)
        self.forms: dict[str, forms.Form] = {}
        return super().dispatch(request, pk, *args, **kwargs)

    def get_page_title(self) -> str:
        return f"Feedback {self.item.pk}"

    def get_page_subtitle(self) -> str:
        return self.item.get_status_display()

    def get_breadcrumbs_items(self) -> list[dict]:
        if self.item.status == Status.SAFEGUARDING:
            parent = {
                "url": reverse("feedback_admin:safeguarding"),
                "label": "Safeguarding concerns",
            }
        elif can_moderate(self.request.user):
            parent = {"url": reverse("feedback_admin:index"), "label": "Feedback"}
        else:
            parent = {
                "url": reverse("feedback_admin:services"),
                "label": "Feedback about your services",
            }
        return [*self.breadcrumbs_items, parent, {"url": "", "label": self.get_page_title()}]

    def allowed_actions(self) -> set[str]:
        user = self.request.user
        if not can_moderate(user):
            return set()
        if self.item.status == Status.SAFEGUARDING:
            return {"unflag", "note"} if can_view_safeguarding(user) else set()
        allowed = {"approve", "redact", "reject", "flag", "themes", "note"}
        if self.item.status != Status.NEW:
            allowed.add("reopen")
        return allowed

    def initial_for(self, action: str) -> dict:
        if action in ("approve", "redact"):
            return {"public_text": self.item.public_text or self.item.comment}
        if action == "themes":
            return {"themes": list(self.item.themes.all())}
        if action == "reject":
            return {"reason": self.item.rejection_reason or None}
        return {}

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        allowed = self.allowed_actions()
        for action in allowed:
            if action not in self.forms:
                self.forms[action] = self.ACTIONS[action](
                    prefix=action, initial=self.initial_for(action)
                )
        item = self.item
        context.update(
            item=item,
            action_forms=self.forms,
            allowed_actions=allowed,
            log_entries=item.log_entries.select_related("user"),
            themes=item.themes.all(),
            show_personal_data=can_export_personal_data(self.request.user),
            complaints=(
                moderation.complaints_process()
                if item.rejection_reason == FeedbackItem.RejectionReason.INDIVIDUAL_CASE
                else None
            ),
        )
        return context

    def post(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        action = request.POST.get("action", "")
        if action not in self.ACTIONS or action not in self.allowed_actions():
            return forbidden(request)
        form = self.ACTIONS[action](request.POST, prefix=action)
        self.forms[action] = form
        if form.is_valid():
            try:
                message = self.perform(action, form.cleaned_data)
            except moderation.ModerationError as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, message)
                return HttpResponseRedirect(item_url(self.item))
        messages.error(request, "The action could not be done. Check the form below.")
        return self.render_to_response(self.get_context_data())

    def perform(self, action: str, data: dict) -> str:
        """Run one moderation action and return the message for the moderator."""
        item, user = self.item, self.request.user
        if action == "approve":
            moderation.approve(item, user, public_text=data["public_text"], reason=data["reason"])
            return "Approved for publication."
        if action == "redact":
            moderation.redact(item, user, public_text=data["public_text"], reason=data["reason"])
            return "Public version saved. The original is kept."
        if action == "reject":
            outcome = moderation.reject(item, user, reason=data["reason"], note=data["note"])
            if outcome.complaints:
                sent = " The writer has been emailed it." if outcome.submitter_emailed else ""
                return "Rejected as an individual case: see the complaints process below." + sent
            return "Rejected."
        if action == "flag":
            moderation.flag_safeguarding(item, user, reason=data["reason"])
            return "Flagged as a safeguarding concern. The safeguarding contact has been emailed."
        if action == "unflag":
            moderation.unflag_safeguarding(item, user, reason=data["reason"])
            return "Safeguarding flag removed. The item is back in the queue."
        if action == "reopen":
            moderation.reopen(item, user, reason=data["note"])
            return "Returned to the queue."
        if action == "themes":
            changed = moderation.set_themes(item, user, data["themes"])
            return "Themes saved." if changed else "Themes unchanged."
        moderation.add_note(item, user, note=data["note"])
        return "Note added."


# Export and dashboard --------------------------------------------------------------------------


def export_csv(request: HttpRequest) -> HttpResponse:
    """The queue's items (same filters) as CSV; email addresses only with permission."""
    if not can_moderate(request.user):
        return forbidden(request)
    personal = request.GET.get("personal_data") == "1"
    if personal and not can_export_personal_data(request.user):
        return forbidden(request)
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


class DashboardView(WagtailAdminTemplateMixin, TemplateView):
    """Feedback in figures (per week, topic, theme; page helpfulness): charts with tables."""

    template_name = "feedback/admin/dashboard.html"
    page_title = "Feedback dashboard"
    header_icon = "table"

    def dispatch(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not can_moderate(request.user):
            return forbidden(request)
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self) -> list[dict]:
        return [
            *self.breadcrumbs_items,
            {"url": reverse("feedback_admin:index"), "label": "Feedback"},
            {"url": "", "label": self.page_title},
        ]

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        context["charts"] = dashboard.feedback_figures()
        return context
