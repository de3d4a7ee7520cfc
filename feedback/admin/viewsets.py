"""Feedback in the Wagtail admin: the screens under /admin/feedback/ and the "Feedback" menu,
the Theme snippet, the permissions shown on the group editor, a page-header link for service
owners and a home panel.

Imported by `feedback/wagtail_hooks.py`. Higher apps add entries to the Feedback menu with the
`register_feedback_menu_item` hook (a `directory.admin_screens.PolicyMenuItem`).
"""

from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.urls import path, reverse, reverse_lazy
from django.utils.http import urlencode
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.admin.viewsets.base import ViewSet
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from directory.admin_screens import PolicyMenuItem, ScreensMenuGroup, home_panel
from directory.models import ServicePage
from feedback.admin.dashboard import DashboardView
from feedback.admin.item import FeedbackItemView
from feedback.admin.listings import ExportView, QueueView, SafeguardingView, ServiceFeedbackView
from feedback.missing_answers import MissingAnswersViewSet
from feedback.models import FeedbackItem, Theme
from feedback.permissions import (
    FeedbackPermissionPolicy,
    can_moderate,
    can_view_safeguarding,
    feedback_permission_policy,
    service_pages_owned_by,
)

# Before anything asks the registry for FeedbackItem's policy (it would make a default one).
register_permission_policy(FeedbackItem, feedback_permission_policy, exact_class=True)

MENU_HOOK = "register_feedback_menu_item"


class FeedbackViewSet(ViewSet):
    """The feedback screens: URLs under /admin/feedback/ (namespace "feedback_admin") and their
    entries in the Feedback menu, each shown by the policy action its view requires."""

    name = "feedback_admin"
    url_prefix = "feedback"
    icon = "comment"
    # (label, URL name, icon, order, view whose `permission_required` shows the entry)
    menu_entries = [
        ("Moderation queue", "index", "comment", 100, QueueView),
        ("Safeguarding concerns", "safeguarding", "warning", 200, SafeguardingView),
        ("About your services", "services", "doc-full", 300, ServiceFeedbackView),
        ("Dashboard", "dashboard", "table", 400, DashboardView),
    ]

    def get_urlpatterns(self) -> list:
        return [
            *_listing_urls("", "index", QueueView),
            path("<int:pk>/", FeedbackItemView.as_view(), name="item"),
            *_listing_urls("safeguarding/", "safeguarding", SafeguardingView),
            *_listing_urls("services/", "services", ServiceFeedbackView),
            path("export.csv", ExportView.as_view(), name="export"),
            path("dashboard/", DashboardView.as_view(), name="dashboard"),
        ]

    def get_menu_items(self) -> list[MenuItem]:
        return [
            PolicyMenuItem(
                label,
                reverse_lazy(self.get_url_name(url_name)),
                policy=feedback_permission_policy,
                action=view.permission_required,
                icon_name=icon,
                order=order,
            )
            for label, url_name, icon, order, view in self.menu_entries
        ]


def _listing_urls(prefix: str, name: str, view) -> list:
    return [
        path(prefix, view.as_view(), name=name),
        path(f"{prefix}results/", view.as_view(results_only=True), name=f"{name}_results"),
    ]


class ThemeViewSet(SnippetViewSet):
    """Themes that group feedback to be answered together; in the Feedback menu."""

    model = Theme
    icon = "tag"
    menu_hook = MENU_HOOK
    menu_order = 500
    list_display = ["name", "description"]
    search_fields = ["name"]


class FeedbackMenu(ScreensMenuGroup):
    """The Feedback menu: the feedback screens and "What was missing", then the entries that
    join through MENU_HOOK (Themes, and those of higher apps)."""

    menu_label = "Feedback"
    menu_icon = "comment"
    menu_order = 250
    submenu_hook = MENU_HOOK
    items = (FeedbackViewSet, MissingAnswersViewSet)


register_snippet(ThemeViewSet())


@hooks.register("register_admin_viewset")
def register_feedback_menu() -> ViewSet:
    return FeedbackMenu()


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


@home_panel("feedback_waiting", "feedback/admin/home_panel.html", order=60, shown_to=can_moderate)
def feedback_waiting(user) -> dict:
    """How much feedback is waiting, for moderators (and, to safeguarding leads, how many items
    are flagged)."""
    waiting = FeedbackItem.objects.filter(status=FeedbackItem.Status.NEW).count()
    if not can_view_safeguarding(user):
        return {"new_count": waiting}
    flagged = FeedbackItem.objects.filter(status=FeedbackItem.Status.SAFEGUARDING).count()
    return {"new_count": waiting, "safeguarding_count": flagged}
