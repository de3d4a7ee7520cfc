"""'What was missing?' answers in the admin: a list for moderators with the page and its
helpfulness votes, filterable by date, exported with formula-safe cells.

These answers are raw public text (not moderated, never shown publicly), so they are for the
people who already read raw feedback: the moderators. Retention deletes them with the rest
(`feedback/retention.py`).
"""

from django.db.models import IntegerField, OuterRef, Subquery, Sum
from django.db.models.functions import Coalesce
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from directory.exports import FormulaSafeIndexView
from feedback.models import HelpfulnessComment, PageHelpfulness
from feedback.permissions import can_moderate


class MissingAnswersPermissionPolicy(ModelPermissionPolicy):
    """Moderators may list, export and delete the answers; nobody adds or edits them."""

    def user_has_permission(self, user, action: str) -> bool:
        return action in ("view", "delete") and can_moderate(user)

    def user_has_any_permission(self, user, actions) -> bool:
        return any(self.user_has_permission(user, action) for action in actions)


register_permission_policy(
    HelpfulnessComment, MissingAnswersPermissionPolicy(HelpfulnessComment), exact_class=True
)


def _votes(counter: str) -> Subquery:
    total = (
        PageHelpfulness.objects.filter(page=OuterRef("page"))
        .values("page")
        .annotate(total=Sum(counter))
        .values("total")
    )
    return Coalesce(Subquery(total, output_field=IntegerField()), 0)


def with_page_helpfulness(queryset):
    """Each answer with its page's title and all-time Yes and No votes."""
    return queryset.select_related("page").annotate(
        page_yes=_votes("yes_count"), page_no=_votes("no_count")
    )


class MissingAnswersIndexView(FormulaSafeIndexView):
    def get_base_queryset(self):
        return with_page_helpfulness(super().get_base_queryset())


class MissingAnswersViewSet(ModelViewSet):
    model = HelpfulnessComment
    name = "missing_answers"
    url_prefix = "feedback/what-was-missing"
    icon = "help"
    menu_label = "What was missing"
    menu_order = 450  # in the Feedback menu (feedback/admin/viewsets.py)
    index_view_class = MissingAnswersIndexView
    form_fields = ["comment"]  # never used: the policy lets nobody add or edit
    list_display = [
        Column("comment", label="What was missing"),
        Column("page", label="Page"),
        Column("page_yes", label="Helpful: yes"),
        Column("page_no", label="Helpful: no"),
        DateColumn("submitted_at", label="Sent"),
    ]
    list_filter = ["submitted_at"]
    list_export = ["submitted_at", "page", "page_yes", "page_no", "comment"]
    export_headings = {
        "submitted_at": "Sent",
        "page_yes": "Page helpful: yes",
        "page_no": "Page helpful: no",
        "comment": "What was missing",
    }
    export_filename = "what-was-missing"
