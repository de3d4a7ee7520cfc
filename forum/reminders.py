"""Emails that keep the forum's promises moving: minutes reminders and weekly overdue actions.

Both go through the notifications outbox, once per key: a command run twice sends nothing new.
"""

import datetime

from django.conf import settings

from forum.actions import overdue_by_team
from forum.models import MeetingPage, MinutesPage
from notifications.outbox import queue_email

REMINDER_DAYS = (3, 7)
# Meetings older than this are not chased by email any more; the editors' report still shows them.
REMINDER_HORIZON_DAYS = 30


def _site_url(path: str) -> str:
    return getattr(settings, "WAGTAILADMIN_BASE_URL", "").rstrip("/") + path


def send_minutes_reminders(day: datetime.date) -> int:
    """Remind each meeting's minutes owner 3 and 7 days after a meeting with no draft minutes.

    Returns how many reminders were due (the outbox drops any already sent).
    """
    with_minutes = MinutesPage.objects.values("meeting_id")
    meetings = (
        MeetingPage.objects.filter(
            date__lt=day - datetime.timedelta(days=min(REMINDER_DAYS) - 1),
            date__gte=day - datetime.timedelta(days=REMINDER_HORIZON_DAYS),
        )
        .exclude(pk__in=with_minutes)
        .select_related("minutes_owner", "owner")
    )
    sent = 0
    for meeting in meetings:
        if MinutesPage.objects.child_of(meeting).exists():
            continue
        owner = meeting.minutes_owner or meeting.owner
        if owner is None or not owner.email:
            continue
        days = (day - meeting.date).days
        due = [threshold for threshold in REMINDER_DAYS if days >= threshold]
        threshold = max(due)
        queue_email(
            key=f"forum-minutes-reminder:{meeting.pk}:{threshold}",
            to=owner.email,
            subject=f"Minutes needed: {meeting.title}",
            body=(
                f"{meeting.title} was {days} days ago ({meeting.date:%d %B %Y}) and there is no "
                "draft of its minutes yet.\n\nAdd the minutes under the meeting in the admin: "
                f"{_site_url(f'/admin/pages/{meeting.pk}/')}\n\nFamilies are waiting to read what "
                "was agreed."
            ),
        )
        sent += 1
    return sent


def iso_week(day: datetime.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def send_overdue_actions(day: datetime.date) -> int:
    """Email each owner team the list of its overdue actions, once per team per week."""
    count = 0
    for team, actions in overdue_by_team(day).items():
        if not team.contact_email:
            continue
        lines = [
            f"- Action {action.pk}: {action.what} (due {action.due_date:%d %B %Y}, from "
            f"{action.meeting.title})\n  {_site_url(action.get_absolute_url())}"
            for action in actions
        ]
        queue_email(
            key=f"forum-overdue:{team.pk}:{iso_week(day)}",
            to=team.contact_email,
            subject=f"{len(actions)} forum action{'s' if len(actions) != 1 else ''} overdue",
            body=(
                f"These actions the parent carer forum agreed with {team.name} are past their due "
                "date:\n\n" + "\n".join(lines) + "\n\nPlease send an update or a new date to the "
                "forum's editors. Families can see each action's status on the public tracker."
            ),
        )
        count += 1
    return count
