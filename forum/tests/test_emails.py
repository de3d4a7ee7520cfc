"""Minutes reminders and weekly overdue-action emails: sent once, to the right people."""

import datetime
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command

from forum.actions import create_action, record_update
from forum.factories import TeamFactory
from forum.models.actions import ActionStatus
from forum.reminders import send_minutes_reminders, send_overdue_actions
from notifications.models import OutgoingEmail

pytestmark = pytest.mark.django_db

MEETING_DAY = datetime.date(2026, 11, 2)


@pytest.fixture
def meeting(make_meeting, editor):
    return make_meeting("November forum meeting", MEETING_DAY, minutes_owner=editor)


def days_after(n: int) -> datetime.date:
    return MEETING_DAY + datetime.timedelta(days=n)


def test_no_reminder_before_three_days(meeting):
    send_minutes_reminders(days_after(2))
    assert not OutgoingEmail.objects.exists()


def test_reminders_at_three_and_seven_days_once_each(meeting, editor):
    for day in (3, 3, 4, 6):
        send_minutes_reminders(days_after(day))
    assert [e.to for e in OutgoingEmail.objects.all()] == [editor.email]
    assert "November forum meeting" in OutgoingEmail.objects.get().subject
    for day in (7, 8, 9):
        send_minutes_reminders(days_after(day))
    assert OutgoingEmail.objects.count() == 2
    assert set(OutgoingEmail.objects.values_list("key", flat=True)) == {
        f"forum-minutes-reminder:{meeting.pk}:3",
        f"forum-minutes-reminder:{meeting.pk}:7",
    }


def test_no_reminder_once_a_draft_exists(meeting, make_minutes):
    make_minutes(meeting, live=False)
    send_minutes_reminders(days_after(3))
    send_minutes_reminders(days_after(7))
    assert not OutgoingEmail.objects.exists()


def test_the_command_takes_a_date_and_sends(meeting, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        call_command(
            "forum_minutes_reminders", "--date", days_after(7).isoformat(), stdout=StringIO()
        )
    [email] = mail.outbox
    assert email.subject == "Minutes needed: November forum meeting"


@pytest.fixture
def overdue_actions(meeting, make_minutes):
    make_minutes(meeting)
    transport = TeamFactory(name="Transport team", contact_email="transport@westshire.example")
    breaks = TeamFactory(name="Short breaks team", contact_email="breaks@westshire.example")
    create_action(meeting=meeting, what="Bus times", team=transport, due_date=days_after(10))
    create_action(meeting=meeting, what="Bus passes", team=transport, due_date=days_after(12))
    done = create_action(meeting=meeting, what="Respite list", team=breaks, due_date=days_after(10))
    record_update(done, status=ActionStatus.DONE)
    create_action(meeting=meeting, what="Not yet due", team=breaks, due_date=days_after(40))
    return transport


def test_weekly_email_lists_each_teams_overdue_actions_once_a_week(overdue_actions):
    monday = datetime.date(2026, 11, 16)
    assert send_overdue_actions(monday) == 1
    send_overdue_actions(monday + datetime.timedelta(days=2))  # same week: nothing new
    [email] = OutgoingEmail.objects.all()
    assert email.to == "transport@westshire.example"
    assert "Bus times" in email.body and "Bus passes" in email.body
    assert "/forum/actions/" in email.body
    send_overdue_actions(monday + datetime.timedelta(days=7))
    assert OutgoingEmail.objects.filter(key__startswith="forum-overdue:").count() == 2


def test_no_email_when_nothing_is_overdue(overdue_actions):
    send_overdue_actions(days_after(5))
    assert not OutgoingEmail.objects.exists()


def test_dashboard_panel_counts_overdue_actions(client, overdue_actions, editor, monkeypatch):
    monkeypatch.setattr("forum.clock.today", lambda: datetime.date(2026, 11, 16))
    client.force_login(editor)
    html = client.get("/admin/").content.decode()
    assert "Overdue forum actions" in html
    assert "<strong>2</strong> forum actions are past the due date" in html
