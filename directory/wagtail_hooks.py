"""Admin wiring for the directory: taxonomy snippets, reports and the dashboard panel."""

from django.urls import reverse
from wagtail import hooks
from wagtail.admin.widgets import Button
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from directory.admin_screens import home_panel, register_report
from directory.admin_views import (
    Schedule2AuditView,
    ServicesDueForReviewView,
    checked_today_urls,
    overdue_count,
    services_due_for_review,
)
from directory.models import Language, Organisation, ServicePage
from directory.vocabularies import VOCABULARY


class TaxonomyViewSet(SnippetViewSet):
    list_display = ["name", "slug", "sort_order"]
    search_fields = ["name", "slug"]
    ordering = ["sort_order", "name"]


def _taxonomy_viewset(key: str, icon: str) -> type[SnippetViewSet]:
    """The snippet screens of the taxonomy vocabulary `key` (directory.vocabularies)."""
    taxonomy_model = VOCABULARY[key].model
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
        _taxonomy_viewset("type", "tag"),
        _taxonomy_viewset("need", "tag"),
        _taxonomy_viewset("district", "site"),
        _taxonomy_viewset("provider", "group"),
        _taxonomy_viewset("access", "arrow-right"),
        _taxonomy_viewset("delivery", "mail"),
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


register_report(ServicesDueForReviewView)
register_report(Schedule2AuditView)
hooks.register("register_admin_urls", checked_today_urls)


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


@home_panel("overdue_reviews", "directory/admin/overdue_reviews_panel.html", order=50)
def overdue_reviews(user) -> dict:
    """How many services are overdue for review or due soon, linking to the report."""
    overdue = overdue_count()
    return {
        "overdue": overdue,
        "due_soon": services_due_for_review().count() - overdue,
        "report_url": reverse(ServicesDueForReviewView.url_name),
    }
