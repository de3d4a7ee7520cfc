"""Admin screens that are not one model's listing: their menu entries and their 403 page.

A model's screens come from its `ModelViewSet`/`SnippetViewSet`, whose menu item the model's
permission policy shows or hides. A viewset of other screens (a queue, reports, a dashboard)
owns their URLs and lists its entries in `get_menu_items()`, each a `PolicyMenuItem`: shown to
whoever the permission policy allows the same action its view requires (`permission_required`),
as Wagtail's own report menu items do. `ScreensMenuGroup` is a `ViewSetGroup` that takes those
entries; higher apps add theirs through its `submenu_hook`.

Wagtail answers a `PermissionDenied` in the admin with a redirect to the dashboard; screens
that should say "you cannot see this" with a 403 instead mix in `ForbiddenPageMixin`.

A read-only report (Wagtail's `ReportView`) brings its admin URLs and its Reports menu entry
with `register_report`; a panel on the admin home is a function giving its figures, decorated
with `home_panel`.
"""

from collections.abc import Callable

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.permission_policies.base import BasePermissionPolicy


class PolicyMenuItem(MenuItem):
    """A menu entry shown to whoever `policy` allows `action`."""

    def __init__(self, label: str, url: str, *, policy: BasePermissionPolicy, action: str, **kw):
        super().__init__(label, url, **kw)
        self.policy = policy
        self.action = action

    def is_shown(self, request) -> bool:
        return self.policy.user_has_permission(request.user, self.action)


class ScreensMenuGroup(ViewSetGroup):
    """A `ViewSetGroup` whose viewsets may bring several entries (`get_menu_items()`)."""

    def get_submenu_items(self) -> list[MenuItem]:
        items = []
        for order, registerable in enumerate(self.registerables, start=1):
            if hasattr(registerable, "get_menu_items"):
                items += registerable.get_menu_items()
            else:
                items.append(registerable.get_menu_item(order=order))
        return items


class ForbiddenPageMixin:
    """For admin views: a `PermissionDenied` raised while handling the request (the permission
    policy said no) becomes a 403 page, `forbidden_template_name`, inside the admin."""

    forbidden_template_name: str

    def dispatch(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        try:
            return super().dispatch(request, *args, **kwargs)
        except PermissionDenied:
            return TemplateResponse(request, self.forbidden_template_name, status=403)


def register_report(report) -> None:
    """Add a report's admin URLs and its Reports menu entry: `report` (a view class or a module)
    has `urls()` and `menu_item()`, as Wagtail's own reports are wired."""
    hooks.register("register_admin_urls", report.urls)
    hooks.register("register_reports_menu_item", report.menu_item)


class HomePanel(Component):
    """A panel on the admin home: `template_name` rendered with the figures `figures(user)` gives
    the signed-in user."""

    def __init__(self, name: str, template_name: str, order: int, figures: Callable, user):
        self.name = name
        self.template_name = template_name
        self.order = order
        self.figures = figures
        self.user = user

    def get_context_data(self, parent_context=None) -> dict:
        return {**super().get_context_data(parent_context), **self.figures(self.user)}


def home_panel(
    name: str, template_name: str, *, order: int, shown_to: Callable | None = None
) -> Callable:
    """Decorator: show the decorated function's figures (`figures(user)` -> dict, for the signed-in
    user) as a panel on the admin home, at `order` among Wagtail's own panels, to the users
    `shown_to(user)` allows (default all)."""

    def register(figures: Callable) -> Callable:
        @hooks.register("construct_homepage_panels")
        def add_panel(request, panels) -> None:
            if shown_to is None or shown_to(request.user):
                panels.append(HomePanel(name, template_name, order, figures, request.user))

        return figures

    return register
