"""Filters of the feedback listings."""

import django_filters
from django.db.models import QuerySet
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.widgets import BooleanRadioSelect
from wagtail.models import Page

from directory.models import District
from feedback.models import FeedbackItem, Theme
from feedback.permissions import service_feedback_for

Status = FeedbackItem.Status
QUEUE_STATUSES = [Status.NEW, Status.APPROVED, Status.REJECTED]


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
