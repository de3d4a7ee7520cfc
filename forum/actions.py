"""The rules of actions: recording updates, carrying open actions forward, and the tracker."""

import datetime
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, QuerySet
from django.utils import timezone

from directory.filters import FilterGroup, FilterValue, removal_tags, without
from forum.models import ActionUpdate, ForumAction, MeetingPage, Team
from forum.models.actions import (  # noqa: F401 - re-exported: the rules of actions
    ActionStatus,
    CarriedAction,
    MinutesSection,
    actions_by_heading,
    carried_forward,
)


def display_name(user) -> str:
    if user is None:
        return "Forum team"
    return user.get_full_name() or user.get_username()


@transaction.atomic
def create_action(
    *, meeting: MeetingPage, what: str, team: Team, user=None, **fields
) -> ForumAction:
    """Record a new action agreed at a meeting, starting its trail."""
    action = ForumAction(meeting=meeting, what=what, team=team, **fields)
    action.full_clean()
    action.save()
    start_trail(action, user)
    return action


def start_trail(action: ForumAction, user=None) -> ActionUpdate:
    """The first entry in a new action's trail: agreed at its meeting, with its first status."""
    return ActionUpdate.objects.create(
        action=action,
        user=user,
        by=display_name(user),
        text=f"Action agreed at {action.meeting.title}.",
        new_status=action.status,
        created_at=action.created_at,
    )


@transaction.atomic
def record_update(
    action: ForumAction,
    *,
    user=None,
    text: str = "",
    status: str = "",
    dropped_reason: str = "",
    when: datetime.datetime | None = None,
) -> ActionUpdate:
    """Append one update to the action's trail, changing its status if `status` is given.

    Dropping an action needs a reason; the reason is kept on the action and in the trail.
    """
    status = status or ""
    if status and status not in ActionStatus.values:
        raise ValidationError({"status": "Choose a status from the list."})
    if status == ActionStatus.DROPPED and not (dropped_reason or "").strip():
        raise ValidationError({"dropped_reason": "Say why the action was dropped."})
    changed = bool(status) and status != action.status
    if not changed and not text.strip():
        raise ValidationError({"text": "Say what has happened."})
    if changed:
        action.status = status
        action.dropped_reason = dropped_reason.strip() if status == ActionStatus.DROPPED else ""
        action.save(update_fields=["status", "dropped_reason"])
    words = text.strip()
    if changed:
        label = ActionStatus(status).label
        words = f"Status changed to {label}." + (f" {words}" if words else "")
        if status == ActionStatus.DROPPED:
            words += f" Reason: {action.dropped_reason}"
    return ActionUpdate.objects.create(
        action=action,
        user=user,
        by=display_name(user),
        text=words,
        new_status=status if changed else "",
        created_at=when or timezone.now(),
    )


# The tracker -------------------------------------------------------------------------------


@dataclass
class TrackerFilters:
    """What the tracker's GET form asked for; unknown values are already dropped."""

    status: list[str] = field(default_factory=list)
    team: list[str] = field(default_factory=list)
    meeting: list[str] = field(default_factory=list)
    theme: list[str] = field(default_factory=list)
    overdue: bool = False

    GROUPS = ("status", "team", "meeting", "theme")

    def apply(self, actions: QuerySet, day: datetime.date, *, leave_out: str = "") -> QuerySet:
        if self.status and leave_out != "status":
            actions = actions.filter(status__in=self.status)
        if self.team and leave_out != "team":
            actions = actions.filter(team_id__in=self.team)
        if self.meeting and leave_out != "meeting":
            actions = actions.filter(meeting_id__in=self.meeting)
        if self.theme and leave_out != "theme":
            actions = actions.filter(theme_id__in=self.theme)
        if self.overdue and leave_out != "overdue":
            actions = actions.overdue(day)
        return actions


def read_filters(params, base: QuerySet) -> TrackerFilters:
    """Read the query string, keeping only values the tracker knows (never an error)."""

    def known(name: str, allowed) -> list[str]:
        allowed = {str(v) for v in allowed}
        return [v for v in dict.fromkeys(params.getlist(name)) if v in allowed]

    return TrackerFilters(
        status=known("status", ActionStatus.values),
        team=known("team", base.values_list("team_id", flat=True)),
        meeting=known("meeting", base.values_list("meeting_id", flat=True)),
        theme=known("theme", base.exclude(theme=None).values_list("theme_id", flat=True)),
        overdue=params.get("overdue") == "yes",
    )


def _counts(actions: QuerySet, column: str) -> dict[str, int]:
    rows = actions.order_by().values(column).annotate(n=Count("pk"))
    return {str(row[column]): row["n"] for row in rows if row[column] is not None}


def tracker(base: QuerySet, filters: TrackerFilters, day: datetime.date) -> dict:
    """The tracker's actions and, for each filter, each value's count with the other filters on.

    Values within a filter are OR-ed, filters AND-ed; a value's count is how many actions
    choosing it would add.
    """
    base = base.select_related("meeting", "team", "theme")
    labels = {
        "status": [(s.value, s.label) for s in ActionStatus],
        "team": [(str(t.pk), t.name) for t in Team.objects.filter(pk__in=base.values("team_id"))],
        "meeting": [
            (str(m.pk), f"{m.title} ({m.date:%d %B %Y})")
            for m in MeetingPage.objects.filter(pk__in=base.values("meeting_id")).order_by("-date")
        ],
        "theme": [
            (str(t.pk), t.name)
            for t in base.model._meta.get_field("theme")
            .related_model.objects.filter(pk__in=base.values("theme_id"))
            .order_by("name")
        ],
    }
    titles = {"status": "Status", "team": "Owner team", "meeting": "Meeting", "theme": "Theme"}
    columns = {"status": "status", "team": "team_id", "meeting": "meeting_id", "theme": "theme_id"}
    groups = []
    for key in TrackerFilters.GROUPS:
        counts = _counts(filters.apply(base, day, leave_out=key), columns[key])
        chosen = getattr(filters, key)
        groups.append(
            FilterGroup(
                key,
                titles[key],
                [
                    FilterValue(value, label, counts.get(value, 0), value in chosen)
                    for value, label in labels[key]
                ],
            )
        )
    overdue_count = filters.apply(base, day, leave_out="overdue").overdue(day).count()
    actions = filters.apply(base, day).order_by("due_date", "pk")
    return {"actions": actions, "groups": groups, "overdue_count": overdue_count}


def selected_tags(filters: TrackerFilters, groups: list[FilterGroup], params) -> list[dict]:
    """The chosen filters as removable tags: each links to the same search without it."""
    tags = removal_tags(groups, params)
    if filters.overdue:
        tags.append({"label": "Overdue only", "href": without(params, "overdue")})
    return tags


def overdue_by_team(day: datetime.date) -> dict[Team, list[ForumAction]]:
    """Each team's overdue actions (published or not: the team must act either way)."""
    grouped: dict[Team, list[ForumAction]] = {}
    for action in ForumAction.objects.overdue(day).select_related("team", "meeting"):
        grouped.setdefault(action.team, []).append(action)
    return grouped
