"""Actions agreed at meetings, the teams that own them, and each action's append-only trail."""

import datetime
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from wagtail.admin.panels import FieldPanel

from directory.model_fields import optional_account, optional_link
from directory.models.snippets import NamedSnippet

if TYPE_CHECKING:
    from forum.models.pages import MeetingPage


class Team(NamedSnippet):
    """A named team that owns actions (never a private person), with a contact email."""

    name = models.CharField(max_length=120, unique=True)
    contact_email = models.EmailField(
        help_text="Gets a weekly email when the team has overdue actions."
    )
    description = models.CharField(max_length=255, blank=True)

    panels = [FieldPanel("name"), FieldPanel("contact_email"), FieldPanel("description")]


class ActionStatus(models.TextChoices):
    OPEN = "open", "Open"
    IN_PROGRESS = "in_progress", "In progress"
    DONE = "done", "Done"
    DROPPED = "dropped", "Dropped"


OPEN_STATUSES = (ActionStatus.OPEN, ActionStatus.IN_PROGRESS)


class ForumActionQuerySet(models.QuerySet):
    def public(self):
        """Actions whose meeting has published minutes: the rest are still a draft."""
        return self.filter(
            meeting__minutes_pages__live=True,
            meeting__minutes_pages__view_restrictions__isnull=True,
        ).distinct()

    def still_open(self):
        return self.filter(status__in=OPEN_STATUSES)

    def overdue(self, today: datetime.date):
        return self.still_open().filter(due_date__lt=today)


class ForumAction(models.Model):
    """Something a meeting agreed a team would do, by a date, with its status and trail.

    Its public address (/forum/actions/<id>/) never changes, so responses can cite it.
    """

    meeting = models.ForeignKey(
        "forum.MeetingPage", on_delete=models.PROTECT, related_name="actions"
    )
    agenda_item = models.CharField(
        max_length=255,
        blank=True,
        help_text="The heading of the agenda item in the minutes it came from.",
    )
    what = models.TextField("what will be done")
    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="actions")
    due_date = models.DateField(null=True, blank=True)
    status = models.CharField(
        max_length=20, choices=ActionStatus.choices, default=ActionStatus.OPEN, db_index=True
    )
    dropped_reason = models.TextField(blank=True, help_text="Needed when the action is dropped.")
    theme = optional_link("feedback.Theme", related_name="forum_actions")
    created_at = models.DateTimeField(default=timezone.now)

    objects = ForumActionQuerySet.as_manager()

    class Meta:
        ordering = ["due_date", "pk"]
        verbose_name = "forum action"

    def __str__(self) -> str:
        return f"Action {self.pk}: {self.what[:60]}"

    def get_absolute_url(self) -> str:
        return reverse("forum:action_detail", args=[self.pk])

    def clean(self) -> None:
        if self.status == ActionStatus.DROPPED and not self.dropped_reason.strip():
            raise ValidationError({"dropped_reason": "Say why the action was dropped."})

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    def is_overdue(self, today: datetime.date | None = None) -> bool:
        today = today or timezone.localdate()
        return self.is_open and self.due_date is not None and self.due_date < today

    def status_on(self, day: datetime.date) -> str:
        """The status the action had at the start of `day`, read from its trail."""
        status = ActionStatus.OPEN
        for update in sorted(self.updates.all(), key=lambda u: (u.created_at, u.pk)):
            if timezone.localdate(update.created_at) >= day:
                break
            if update.new_status:
                status = update.new_status
        return status


class ActionUpdate(models.Model):
    """One dated entry in an action's trail: who, when, what. Entries are never changed."""

    action = models.ForeignKey(ForumAction, on_delete=models.CASCADE, related_name="updates")
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    user = optional_account()
    by = models.CharField(max_length=120, help_text="Who, as shown publicly (a name or a team).")
    text = models.TextField("what happened")
    new_status = models.CharField(max_length=20, choices=ActionStatus.choices, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.created_at:%d %B %Y}: {self.text[:60]}"

    def save(self, *args, **kwargs) -> None:
        if self.pk is not None and not self._state.adding:
            raise ValidationError("An action's trail is append-only: add a new update instead.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValidationError("An action's trail is append-only: updates are never deleted.")


@dataclass
class CarriedAction:
    """An action from an earlier meeting, with its status when this meeting met and now."""

    action: ForumAction
    status_then: str
    status_then_label: str


def carried_forward(meeting: "MeetingPage") -> list[CarriedAction]:
    """Every action from earlier meetings of the same group that was open when this one met.

    Read from each action's trail, so old minutes keep showing what was open at the time.
    """
    earlier = (
        ForumAction.objects.filter(
            meeting__group=meeting.group,
            meeting__date__lt=meeting.date,
        )
        .select_related("meeting", "team")
        .prefetch_related("updates")
        .order_by("meeting__date", "pk")
    )
    carried = []
    for action in earlier:
        status = action.status_on(meeting.date)
        if status in OPEN_STATUSES:
            carried.append(CarriedAction(action, status, ActionStatus(status).label))
    return carried


@dataclass
class MinutesSection:
    item: object
    actions: list[ForumAction] = field(default_factory=list)


def actions_by_heading(meeting: "MeetingPage", items) -> dict:
    """The minutes' items, each with the meeting's actions that name its heading; the rest apart."""
    sections = [MinutesSection(item) for item in items]
    by_heading = {section.item.heading.strip().lower(): section for section in sections}
    other = []
    for action in ForumAction.objects.filter(meeting=meeting).select_related("team"):
        section = by_heading.get(action.agenda_item.strip().lower())
        (section.actions if section else other).append(action)
    return {"sections": sections, "other_actions": other}
