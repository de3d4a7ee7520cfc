"""Plug-ins of You said, we did: evidence sources, the block on service pages, the editors'
screens (in the Feedback menu), the dashboard panel and the demo content.

This app calls the `yswd_evidence_sources` hook (declared in directory.hooks); see evidence.py.
"""

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import path, reverse_lazy
from django.utils import timezone
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSet
from wagtail.models import Page

from directory.admin_screens import PolicyMenuItem, home_panel
from feedback.permissions import can_moderate, feedback_permission_policy
from you_said_we_did import admin_views, figures, sources
from you_said_we_did.models import ResponsePage, Subscriber
from you_said_we_did.register import register_staleness


@hooks.register("yswd_evidence_sources")
def own_evidence_sources() -> list:
    return [sources.FEEDBACK, sources.SERVICES]


def _responses_html(template_name: str, request: HttpRequest | None, **filters) -> str:
    """`template_name` with the live, public responses that match `filters`, newest first; nothing
    when there are none."""
    responses = (
        ResponsePage.objects.live()
        .public()
        .filter(**filters)
        .distinct()
        .order_by("-last_published_at")
    )
    if not responses:
        return ""
    return render_to_string(template_name, {"responses": responses}, request)


@hooks.register("service_page_footer")
def responses_about_service(request: HttpRequest | None, page: Page | None) -> str:
    """ "You said, we did" on a service page: the live responses about it."""
    if page is None or not getattr(page, "pk", None):
        return ""
    return _responses_html(
        "you_said_we_did/includes/service_responses.html",
        request,
        service_links__service_id=page.pk,
    )


class YouSaidWeDidAdmin(ViewSet):
    """URLs under /admin/you-said-we-did/, namespace "yswd_admin"."""

    name = "yswd_admin"
    url_prefix = "you-said-we-did"
    icon = "comment"

    def get_urlpatterns(self) -> list:
        waiting = admin_views.WaitingForResponseView
        return [
            path("waiting/", waiting.as_view(), name="waiting"),
            path("waiting/results/", waiting.as_view(results_only=True), name="waiting_results"),
            path("create/", admin_views.CreateResponseView.as_view(), name="create"),
            path("figures/", admin_views.FiguresView.as_view(), name="figures"),
        ]


@hooks.register("register_admin_viewset")
def register_yswd_admin() -> ViewSet:
    return YouSaidWeDidAdmin()


def _moderators_entry(label: str, url_name: str, icon: str, order: int) -> MenuItem:
    return PolicyMenuItem(
        label,
        reverse_lazy(url_name),
        policy=feedback_permission_policy,
        action=admin_views.Moderators.permission_required,
        icon_name=icon,
        order=order,
    )


@hooks.register("register_feedback_menu_item")
def waiting_menu_item() -> MenuItem:
    return _moderators_entry("Waiting for a response", "yswd_admin:waiting", "time", 450)


@hooks.register("register_feedback_menu_item")
def figures_menu_item() -> MenuItem:
    return _moderators_entry("You said, we did figures", "yswd_admin:figures", "table", 460)


@home_panel(
    "yswd_register", "you_said_we_did/admin/home_panel.html", order=55, shown_to=can_moderate
)
def responses_figures(user) -> dict:
    """For moderators: the register's freshness warning and how much feedback awaits a response."""
    return {
        "staleness": register_staleness(),
        "waiting_count": figures.feedback_waiting().count(),
    }


@hooks.register("load_demo_content")
def load_demo_responses() -> str:
    from you_said_we_did.demo import load_demo

    return load_demo()


# "My account" (the accounts app calls these hooks by name; see accounts/hooks.py there).
@hooks.register("account_sections")
def my_responses(request) -> str:
    """The responses a signed-in person is waiting to hear about, with where each is up to."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return ""
    return _responses_html(
        "you_said_we_did/includes/account_section.html",
        request,
        feedback_links__feedback_item__user=user,
    )


@hooks.register("account_data_export")
def my_subscriptions_data(user) -> dict:
    rows = [
        {
            "Response": subscriber.response.title,
            "First told": subscriber.first_told_at,
            "Stopped emails": subscriber.unsubscribed_at,
        }
        for subscriber in Subscriber.objects.filter(user=user).select_related("response")
    ]
    return {"title": "Responses you asked to hear about", "items": rows} if rows else {}


@hooks.register("account_deleted")
def forget_subscriptions(user) -> None:
    now = timezone.now()
    Subscriber.objects.filter(user=user).update(
        email="", user=None, unsubscribed_at=now, erased_at=now
    )
