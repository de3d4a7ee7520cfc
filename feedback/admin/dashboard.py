"""The feedback dashboard in the admin: the figures of `feedback.dashboard` as charts and tables."""

from django.urls import reverse
from django.views.generic import TemplateView
from wagtail.admin.views.generic import PermissionCheckedMixin, WagtailAdminTemplateMixin

from directory.admin_screens import ForbiddenPageMixin
from feedback import dashboard
from feedback.admin.listings import FORBIDDEN_TEMPLATE
from feedback.permissions import feedback_permission_policy


class DashboardView(
    ForbiddenPageMixin, PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView
):
    """Feedback in figures (per week, topic, theme; page helpfulness): charts with tables."""

    template_name = "feedback/admin/dashboard.html"
    page_title = "Feedback dashboard"
    header_icon = "table"
    permission_policy = feedback_permission_policy
    forbidden_template_name = FORBIDDEN_TEMPLATE
    permission_required = "moderate"

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
