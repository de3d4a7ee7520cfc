"""The Parent Update, sessions and alerts: admin, directory link, accounts, demo."""

from django.template.loader import render_to_string
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import Button

from directory.exports import FormulaSafeIndexView
from directory.models import DirectoryIndexPage
from parent_update import admin_views
from parent_update.models import (
    Holiday,
    ParentUpdatePage,
    SearchAlert,
    Sending,
    ServiceSession,
    Subscriber,
)


class ServiceSessionViewSet(ModelViewSet):
    model = ServiceSession
    index_view_class = FormulaSafeIndexView  # the CSV export is formula-safe
    name = "sessions"
    url_prefix = "things-to-do/sessions"
    icon = "date"
    menu_label = "Sessions"
    list_display = ["__str__", "service", "when", "is_free", "without_parent"]
    list_filter = ["when", "is_free", "without_parent", "repeats_weekly"]
    search_fields = ["title", "service__title", "venue"]
    list_export = [
        "service",
        "title",
        "date",
        "starts_at",
        "ends_at",
        "repeat_until",
        "when",
        "cost",
    ]
    export_headings = {"service": "Service", "repeat_until": "Repeats until"}


class HolidayViewSet(ModelViewSet):
    model = Holiday
    name = "holidays"
    url_prefix = "things-to-do/holidays"
    icon = "calendar"
    menu_label = "School holidays"
    list_display = ["name", "starts_on", "ends_on"]
    form_fields = ["name", "starts_on", "ends_on"]


class SendingViewSet(ModelViewSet):
    model = Sending
    name = "parent_update_sendings"
    url_prefix = "parent-update/sendings"
    icon = "mail"
    menu_label = "Parent Update sendings"
    list_display = ["page", "started_at", "started_by", "recipients", "finished_at"]
    form_fields = ["page"]
    add_view_enabled = False
    edit_view_enabled = False
    inspect_view_enabled = True


class ThingsToDoGroup(ViewSetGroup):
    menu_label = "Things to do"
    menu_icon = "date"
    items = (ServiceSessionViewSet, HolidayViewSet, SendingViewSet)


@hooks.register("register_admin_viewset")
def register_viewsets():
    return ThingsToDoGroup()


@hooks.register("register_admin_urls")
def register_send_url():
    return [
        path(
            "parent-update/<int:page_id>/send/",
            admin_views.send_update,
            name="parent_update_admin_send",
        )
    ]


@hooks.register("register_page_header_buttons")
def send_button(page, user, next_url=None, view_name=None):
    if isinstance(page.specific_deferred, ParentUpdatePage) and page.live:
        yield Button(
            "Send to subscribers",
            reverse("parent_update_admin_send", args=[page.pk]),
            icon_name="mail",
            priority=10,
        )


@hooks.register("page_footer")
def alert_link(request, page) -> str:
    """On a directory search with criteria: "Email me when a new service matches"."""
    if request is None or not isinstance(page, DirectoryIndexPage) or not request.GET:
        return ""
    query = request.GET.copy()
    query.pop("page", None)
    if not query:
        return ""
    url = reverse("parent_update:new_alert") + "?" + query.urlencode()
    return render_to_string("parent_update/includes/alert_link.html", {"url": url}, request)


def _alerts_for(user):
    return SearchAlert.objects.filter(user=user) | SearchAlert.objects.filter(
        email__iexact=user.email or "-"
    )


@hooks.register("account_sections")
def account_section(request):
    """ "My account": the Parent Update subscription and the search alerts of this address."""
    user = request.user
    from parent_update.alerts import read_search
    from parent_update.subscriptions import unsubscribe_token

    subscriber = Subscriber.objects.filter(email__iexact=user.email or "-").first()
    alerts = [
        {
            "description": read_search(a.query_string).description or a.query_string,
            "unsubscribe": reverse("parent_update:unsubscribe", args=[unsubscribe_token(a)]),
        }
        for a in _alerts_for(user).distinct()
    ]
    return render_to_string(
        "parent_update/account_section.html",
        {
            "subscriber": subscriber,
            "subscriber_unsubscribe": subscriber
            and reverse("parent_update:unsubscribe", args=[unsubscribe_token(subscriber)]),
            "alerts": alerts,
        },
        request=request,
    )


@hooks.register("account_data_export")
def account_data(user) -> dict:
    subscriber = Subscriber.objects.filter(email__iexact=user.email or "-").first()
    items = []
    if subscriber:
        items.append(
            {
                "SEND Parent Update": subscriber.email,
                "Topics": ", ".join(subscriber.topics) or "All",
                "Confirmed": subscriber.confirmed_at.isoformat(),
            }
        )
    for alert in _alerts_for(user).distinct():
        items.append(
            {
                "Search alert": alert.query_string,
                "Email": alert.email,
                "Last sent": alert.last_sent_at.isoformat() if alert.last_sent_at else "",
            }
        )
    return {"title": "Email updates and search alerts", "items": items}


@hooks.register("account_deleted")
def forget_account(user) -> None:
    Subscriber.objects.filter(email__iexact=user.email or "-").delete()
    _alerts_for(user).delete()


@hooks.register("load_demo_content")
def load_demo() -> str:
    from parent_update.demo import load_demo_content

    return load_demo_content()
