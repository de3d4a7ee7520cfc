"""Editors' dashboard panel: overdue forum actions."""

from django.urls import reverse
from wagtail.admin.ui.components import Component

from forum import clock
from forum.models import ForumAction


class OverdueActionsPanel(Component):
    """Dashboard panel: how many forum actions are overdue, the oldest first."""

    name = "forum_overdue_actions"
    template_name = "forum/admin/overdue_actions_panel.html"
    order = 60

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        overdue = ForumAction.objects.overdue(clock.today()).select_related("team")
        context["count"] = overdue.count()
        context["actions"] = overdue.order_by("due_date")[:5]
        context["list_url"] = reverse("forum_actions:index")
        context["tracker_url"] = reverse("forum:action_list") + "?overdue=yes"
        return context
