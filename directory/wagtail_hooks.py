"""Admin wiring for the directory: taxonomy snippets, reports and the dashboard panel."""

from django.urls import reverse
from wagtail import hooks
from wagtail.admin.widgets import Button
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from directory.admin_views import (
    OverdueReviewsPanel,
    Schedule2AuditView,
    ServicesDueForReviewView,
    checked_today_urls,
)
from directory.models import (
    AccessRoute,
    DeliveryMethod,
    District,
    Language,
    Need,
    Organisation,
    ProviderType,
    ServicePage,
    ServiceType,
)


class TaxonomyViewSet(SnippetViewSet):
    list_display = ["name", "slug", "sort_order"]
    search_fields = ["name", "slug"]
    ordering = ["sort_order", "name"]


def _taxonomy_viewset(taxonomy_model, icon: str) -> type[SnippetViewSet]:
    return type(
        f"{taxonomy_model.__name__}ViewSet",
        (TaxonomyViewSet,),
        {"model": taxonomy_model, "icon": icon},
    )


class LanguageViewSet(SnippetViewSet):
    model = Language
    icon = "globe"
    list_display = ["name", "code"]


class TaxonomyGroup(SnippetViewSetGroup):
    menu_label = "Taxonomies"
    menu_icon = "tag"
    menu_order = 300
    items = (
        _taxonomy_viewset(ServiceType, "tag"),
        _taxonomy_viewset(Need, "tag"),
        _taxonomy_viewset(District, "site"),
        _taxonomy_viewset(ProviderType, "group"),
        _taxonomy_viewset(AccessRoute, "arrow-right"),
        _taxonomy_viewset(DeliveryMethod, "mail"),
        LanguageViewSet,
    )


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    menu_order = 290
    add_to_admin_menu = True
    list_display = ["name", "website", "email"]
    search_fields = ["name"]


register_snippet(TaxonomyGroup)
register_snippet(OrganisationViewSet)


@hooks.register("register_reports_menu_item")
def register_services_due_for_review_menu_item():
    return ServicesDueForReviewView.menu_item()


@hooks.register("register_reports_menu_item")
def register_schedule2_audit_menu_item():
    return Schedule2AuditView.menu_item()


@hooks.register("register_admin_urls")
def register_directory_report_urls():
    return [*ServicesDueForReviewView.urls(), *Schedule2AuditView.urls(), *checked_today_urls()]


def _checked_today_button(page, user, priority: int):
    if page.specific_class is ServicePage and page.live:
        if page.permissions_for_user(user).can_publish():
            url = reverse("directory_checked_today", args=[page.pk])
            yield Button("Checked today", url, icon_name="calendar-check", priority=priority)


@hooks.register("register_page_header_buttons")
def checked_today_header_button(page, user, view_name, next_url=None):
    yield from _checked_today_button(page, user, priority=66)


@hooks.register("register_page_listing_more_buttons")
def checked_today_listing_button(page, user, next_url=None):
    yield from _checked_today_button(page, user, priority=55)


@hooks.register("construct_homepage_panels")
def add_overdue_reviews_panel(request, panels):
    panels.insert(0, OverdueReviewsPanel())
