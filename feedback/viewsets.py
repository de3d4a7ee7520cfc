"""Feedback in the Wagtail admin: the "Feedback" menu, its views, the Theme snippet, the
permissions shown on the group editor, a page-header link for service owners and a home panel.

Imported by `feedback/wagtail_hooks.py`.
"""

from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.urls import path, reverse, reverse_lazy
from django.utils.http import urlencode
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.admin.viewsets.base import ViewSet
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from directory.models import ServicePage
from feedback import views_admin
from feedback.missing_answers import missing_answers_viewset
from feedback.models import FeedbackItem, Theme
from feedback.permissions import (
    FeedbackPermissionPolicy,
    can_moderate,
    can_see_service_feedback,
    can_view_safeguarding,
    feedback_permission_policy,
    service_pages_owned_by,
)

# Before anything asks the registry for FeedbackItem's policy (it would make a default one).
register_permission_policy(FeedbackItem, feedback_permission_policy, exact_class=True)


class FeedbackViewSet(ViewSet):
    """URLs under /admin/feedback/, namespace "feedback_admin"."""

    name = "feedback_admin"
    url_prefix = "feedback"
    icon = "comment"

    def get_urlpatterns(self) -> list:
        queue = views_admin.QueueView
        safeguarding = views_admin.SafeguardingView
        services = views_admin.ServiceFeedbackView
        return [
            path("", queue.as_view(), name="index"),
            path("results/", queue.as_view(results_only=True), name="index_results"),
            path("<int:pk>/", views_admin.FeedbackItemView.as_view(), name="item"),
            path("safeguarding/", safeguarding.as_view(), name="safeguarding"),
            path(
                "safeguarding/results/",
                safeguarding.as_view(results_only=True),
                name="safeguarding_results",
            ),
            path("services/", services.as_view(), name="services"),
            path("services/results/", services.as_view(results_only=True), name="services_results"),
            path("export.csv", views_admin.export_csv, name="export"),
            path("dashboard/", views_admin.DashboardView.as_view(), name="dashboard"),
        ]


class ThemeViewSet(SnippetViewSet):
    """Themes that group feedback to be answered together; in the Feedback menu."""

    model = Theme
    icon = "tag"
    add_to_admin_menu = False
    list_display = ["name", "description"]
    search_fields = ["name"]


theme_viewset = ThemeViewSet()
register_snippet(theme_viewset)


@hooks.register("register_admin_viewset")
def register_feedback_viewset() -> ViewSet:
    return FeedbackViewSet()


@hooks.register("register_admin_viewset")
def register_missing_answers_viewset() -> ViewSet:
    return missing_answers_viewset


class _FeedbackMenuItem(MenuItem):
    def __init__(self, label, url_name, icon_name, order, shown_to):
        super().__init__(label, reverse_lazy(url_name), icon_name=icon_name, order=order)
        self.shown_to = shown_to

    def is_shown(self, request) -> bool:
        return self.shown_to(request.user)


def _can_manage_themes(user) -> bool:
    return theme_viewset.permission_policy.user_has_any_permission(
        user, ["add", "change", "delete"]
    )


feedback_menu = Menu(
    register_hook_name="register_feedback_menu_item",
    construct_hook_name="construct_feedback_menu",
    items=[
        _FeedbackMenuItem("Moderation queue", "feedback_admin:index", "comment", 100, can_moderate),
        _FeedbackMenuItem(
            "Safeguarding concerns",
            "feedback_admin:safeguarding",
            "warning",
            200,
            can_view_safeguarding,
        ),
        _FeedbackMenuItem(
            "About your services",
            "feedback_admin:services",
            "doc-full",
            300,
            can_see_service_feedback,
        ),
        _FeedbackMenuItem("Dashboard", "feedback_admin:dashboard", "table", 400, can_moderate),
        _FeedbackMenuItem("What was missing", "missing_answers:index", "help", 450, can_moderate),
        _FeedbackMenuItem(
            "Themes", "wagtailsnippets_feedback_theme:list", "tag", 500, _can_manage_themes
        ),
    ],
)


@hooks.register("register_admin_menu_item")
def register_feedback_menu() -> MenuItem:
    return SubmenuMenuItem("Feedback", feedback_menu, icon_name="comment", order=250)


@hooks.register("register_permissions")
def feedback_permissions():
    """Show our custom permissions on the group editor (under "Custom permissions")."""
    return Permission.objects.filter(
        content_type=ContentType.objects.get_for_model(FeedbackItem),
        codename__in=FeedbackPermissionPolicy.CUSTOM_CODENAMES.values(),
    )


class ServiceFeedbackButton(PageMenuItem):
    """ "Feedback about this service" in a service page's header menu, for its editors."""

    label = "Feedback about this service"
    icon_name = "comment"
    priority = 80

    def is_shown(self, user) -> bool:
        return can_moderate(user) or service_pages_owned_by(user).filter(pk=self.page.pk).exists()

    @property
    def url(self) -> str:
        return reverse("feedback_admin:services") + "?" + urlencode({"subject_page": self.page.pk})


@hooks.register("register_page_header_buttons")
def service_feedback_button(page, user, view_name, next_url=None):
    if isinstance(page.specific_deferred, ServicePage):
        yield ServiceFeedbackButton(page=page)


class FeedbackHomePanel(Component):
    """Admin home: how much feedback is waiting, for moderators (and safeguarding leads)."""

    name = "feedback_waiting"
    template_name = "feedback/admin/home_panel.html"
    order = 60

    def __init__(self, show_safeguarding: bool):
        self.show_safeguarding = show_safeguarding

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["new_count"] = FeedbackItem.objects.filter(status=FeedbackItem.Status.NEW).count()
        if self.show_safeguarding:
            context["safeguarding_count"] = FeedbackItem.objects.filter(
                status=FeedbackItem.Status.SAFEGUARDING
            ).count()
        return context


@hooks.register("construct_homepage_panels")
def add_feedback_panel(request, panels) -> None:
    if can_moderate(request.user):
        panels.append(FeedbackHomePanel(can_view_safeguarding(request.user)))
