"""Admin wiring for the forum: teams, actions and proposals, the dashboard panel, demo content."""

from django.urls import reverse
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, ObjectList
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from directory.admin_screens import home_panel
from directory.exports import FormulaSafeIndexView
from forum import clock
from forum.admin_forms import ForumActionForm, ProposalDecisionForm
from forum.models import AgendaProposal, ForumAction, Team


class TeamViewSet(ModelViewSet):
    model = Team
    icon = "group"
    menu_label = "Teams"
    url_prefix = "forum/teams"
    name = "forum_teams"
    form_fields = ["name", "contact_email", "description"]
    list_display = ["name", "contact_email"]
    search_fields = ["name"]


class ForumActionViewSet(ModelViewSet):
    model = ForumAction
    index_view_class = FormulaSafeIndexView  # the CSV export is formula-safe
    icon = "tasks"
    menu_label = "Actions"
    url_prefix = "forum/actions"
    name = "forum_actions"
    list_display = ["__str__", "team", "due_date", "status", "meeting"]
    list_filter = ["status", "team", "meeting", "theme"]
    search_fields = ["what"]
    list_export = ["pk", "what", "team", "due_date", "status", "dropped_reason", "meeting", "theme"]
    export_headings = {"pk": "Action", "what": "What", "team": "Owner team"}
    edit_handler = ObjectList(
        [
            FieldPanel("meeting"),
            FieldPanel("agenda_item"),
            FieldPanel("what"),
            FieldRowPanel([FieldPanel("team"), FieldPanel("due_date")]),
            FieldPanel("theme"),
            FieldPanel("status"),
            FieldPanel("dropped_reason"),
            FieldPanel("update_text"),
        ],
        base_form_class=ForumActionForm,
    )


class AgendaProposalViewSet(ModelViewSet):
    model = AgendaProposal
    icon = "list-ul"
    menu_label = "Agenda proposals"
    url_prefix = "forum/proposals"
    name = "forum_proposals"
    list_display = ["title", "status", "meeting", "created_at"]
    list_filter = ["status"]
    add_inspect_view = False
    edit_handler = ObjectList(
        [
            FieldPanel("proposal_text"),
            FieldPanel("decision"),
            FieldPanel("meeting"),
            FieldPanel("agenda_title"),
            FieldPanel("description"),
            FieldPanel("reply"),
        ],
        base_form_class=ProposalDecisionForm,
    )

    def get_queryset(self, request=None):
        return AgendaProposal.objects.select_related("feedback_item", "meeting")


class ForumGroup(ViewSetGroup):
    menu_label = "Forum"
    menu_icon = "group"
    menu_order = 320
    items = (ForumActionViewSet, TeamViewSet, AgendaProposalViewSet)


@hooks.register("register_admin_viewset")
def register_forum_viewsets():
    return ForumGroup()


@home_panel("forum_overdue_actions", "forum/admin/overdue_actions_panel.html", order=60)
def overdue_actions(user) -> dict:
    """How many forum actions are overdue, the oldest first."""
    overdue = ForumAction.objects.overdue(clock.today()).select_related("team")
    return {
        "count": overdue.count(),
        "actions": overdue.order_by("due_date")[:5],
        "list_url": reverse("forum_actions:index"),
        "tracker_url": reverse("forum:action_list") + "?overdue=yes",
    }


@hooks.register("load_demo_content")
def load_forum_demo_content() -> str:
    from forum.demo import load_demo

    return load_demo()
