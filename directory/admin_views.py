"""Editor reports: services due for review (freshness) and the Schedule 2 coverage audit;
the "Checked today" action on a service."""

import datetime

from django.contrib import messages
from django.db.models import F
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from wagtail.admin.auth import permission_denied
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.reports import ReportView

from directory.exports import FormulaSafeExportMixin
from directory.models import InformationPage, ServicePage
from directory.models.pages import Schedule2Heading
from directory.reviews import mark_checked_today, next_review_date

DUE_SOON_DAYS = 30


def services_due_for_review(today: datetime.date | None = None, within_days: int = DUE_SOON_DAYS):
    """Live services whose review date has passed or falls within `within_days`, overdue first."""
    today = today or timezone.localdate()
    return (
        ServicePage.objects.live()
        .filter(review_due__lte=today + datetime.timedelta(days=within_days))
        .select_related("owner", "organisation")
        .order_by(F("review_due").asc(nulls_first=True), "title")
    )


def overdue_count(today: datetime.date | None = None) -> int:
    today = today or timezone.localdate()
    return ServicePage.objects.live().filter(review_due__lt=today).count()


class _ReportMixin(FormulaSafeExportMixin):
    """Reports for anyone who may use the admin (Wagtail's admin URLs require that already),
    wired as Wagtail wires its own reports: admin URLs and a Reports menu item."""

    url_name: str
    url_path: str
    menu_label: str
    icon: str

    @classmethod
    def urls(cls):
        return [
            path(f"reports/{cls.url_path}/", cls.as_view(), name=cls.url_name),
            path(
                f"reports/{cls.url_path}/results/",
                cls.as_view(results_only=True),
                name=f"{cls.url_name}_results",
            ),
        ]

    @classmethod
    def menu_item(cls) -> MenuItem:
        return MenuItem(cls.menu_label, reverse(cls.url_name), icon_name=cls.icon, order=700)


class ServicesDueForReviewView(_ReportMixin, ReportView):
    """Services overdue for review (most overdue first), then those due within 30 days."""

    url_name = "directory_services_due_for_review"
    url_path = "services-due-for-review"
    menu_label = "Services due for review"
    icon = "time"
    page_title = "Services due for review"
    header_icon = "time"
    index_url_name = url_name
    index_results_url_name = f"{url_name}_results"
    results_template_name = "directory/admin/services_due_for_review_results.html"
    list_export = ["title", "review_due", "days_overdue", "owner_name", "last_reviewed"]
    export_headings = {"title": "Service", "owner_name": "Owner"}

    def get_queryset(self):
        return services_due_for_review()

    def decorate_paginated_queryset(self, object_list):
        today = timezone.localdate()
        for service in object_list:
            service.days_overdue = (
                (today - service.review_due).days
                if service.review_due and service.review_due < today
                else 0
            )
            service.owner_name = (
                service.owner.get_full_name() or service.owner.get_username()
                if service.owner
                else ""
            )
        return object_list


class Schedule2AuditView(_ReportMixin, ReportView):
    """Each statutory heading with the live information pages that answer it; gaps first."""

    url_name = "directory_schedule2_audit"
    url_path = "schedule-2-audit"
    menu_label = "Local Offer headings audit"
    icon = "list-ul"
    page_title = "Local Offer headings audit (Schedule 2)"
    header_icon = "list-ul"
    index_url_name = url_name
    index_results_url_name = f"{url_name}_results"
    results_template_name = "directory/admin/schedule2_audit_results.html"
    paginate_by = None

    def get_queryset(self):
        return schedule2_coverage()


def schedule2_coverage() -> list[dict]:
    """Every Schedule 2 heading with its live pages; headings with no page come first."""
    pages_by_heading: dict[str, list[InformationPage]] = {}
    for page in (
        InformationPage.objects.live()
        .exclude(schedule2_heading="")
        .only("title", "url_path", "schedule2_heading")
    ):
        pages_by_heading.setdefault(page.schedule2_heading, []).append(page)
    rows = [
        {"heading": label, "value": value, "pages": pages_by_heading.get(value, [])}
        for value, label in Schedule2Heading.choices
    ]
    return sorted(rows, key=lambda row: bool(row["pages"]))


def checked_today(request, page_id: int):
    """Confirm, then record that the service was checked today (directory.reviews)."""
    page = get_object_or_404(ServicePage, pk=page_id)
    if not page.permissions_for_user(request.user).can_publish():
        return permission_denied(request)
    if request.method == "POST":
        mark_checked_today(page, request.user)
        messages.success(
            request, f"‘{page.title}’ checked today. Next review: {page.review_due:%-d %B %Y}."
        )
        return redirect("wagtailadmin_pages:edit", page.pk)
    today = timezone.localdate()
    return TemplateResponse(
        request,
        "directory/admin/checked_today.html",
        {
            "page": page,
            "today": today,
            "next_review": next_review_date(page, today),
            "page_title": "Checked today",
            "header_title": f"Checked today: {page.title}",
        },
    )


def checked_today_urls() -> list:
    return [
        path(
            "directory/services/<int:page_id>/checked-today/",
            checked_today,
            name="directory_checked_today",
        )
    ]
