"""Actions: status lifecycle, the append-only trail, carry-forward, and the tracker."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from forum.actions import carried_forward, create_action, record_update
from forum.factories import TeamFactory
from forum.models import ActionUpdate, ForumAction
from forum.models.actions import ActionStatus

pytestmark = pytest.mark.django_db


def at(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))


@pytest.fixture
def three_meetings(make_meeting, make_minutes):
    meetings = [
        make_meeting("July meeting", datetime.date(2026, 7, 1)),
        make_meeting("September meeting", datetime.date(2026, 9, 1)),
        make_meeting("November meeting", datetime.date(2026, 11, 1)),
    ]
    for meeting in meetings:
        make_minutes(meeting)
    return meetings


def test_an_action_starts_open_with_a_trail_entry(three_meetings, team, editor):
    action = create_action(
        meeting=three_meetings[0], what="Publish the bus times", team=team, user=editor
    )
    assert action.status == ActionStatus.OPEN
    [first] = action.updates.all()
    assert first.new_status == ActionStatus.OPEN
    assert "July meeting" in first.text
    assert first.user == editor


def test_status_lifecycle_appends_to_the_trail(three_meetings, team, editor):
    action = create_action(meeting=three_meetings[0], what="Publish the bus times", team=team)
    record_update(action, user=editor, status=ActionStatus.IN_PROGRESS, text="Drafted.")
    record_update(action, user=editor, text="Sent to parents for checking.")
    record_update(action, user=editor, status=ActionStatus.DONE)
    action.refresh_from_db()
    assert action.status == ActionStatus.DONE
    texts = [u.text for u in action.updates.all()]
    assert texts[1:] == [
        "Status changed to In progress. Drafted.",
        "Sent to parents for checking.",
        "Status changed to Done.",
    ]
    assert [u.new_status for u in action.updates.all()] == ["open", "in_progress", "", "done"]


def test_dropping_needs_a_reason_which_is_kept(three_meetings, team):
    action = create_action(meeting=three_meetings[0], what="Run a survey", team=team)
    with pytest.raises(ValidationError) as error:
        record_update(action, status=ActionStatus.DROPPED, dropped_reason="  ")
    assert "dropped_reason" in error.value.message_dict
    action.refresh_from_db()
    assert action.status == ActionStatus.OPEN
    record_update(
        action, status=ActionStatus.DROPPED, dropped_reason="The council ran one instead."
    )
    action.refresh_from_db()
    assert action.status == ActionStatus.DROPPED
    assert action.dropped_reason == "The council ran one instead."
    assert action.updates.last().text.endswith("Reason: The council ran one instead.")


def test_an_empty_update_is_refused(three_meetings, team):
    action = create_action(meeting=three_meetings[0], what="Run a survey", team=team)
    with pytest.raises(ValidationError):
        record_update(action, text="   ")


def test_the_trail_is_append_only(three_meetings, team):
    action = create_action(meeting=three_meetings[0], what="Run a survey", team=team)
    update = action.updates.get()
    update.text = "Rewritten history"
    with pytest.raises(ValidationError):
        update.save()
    with pytest.raises(ValidationError):
        update.delete()
    assert ActionUpdate.objects.get(pk=update.pk).text != "Rewritten history"


def test_open_actions_carry_forward_with_their_status_at_the_time(three_meetings, team):
    july, september, november = three_meetings
    done_in_august = create_action(meeting=july, what="A", team=team)
    record_update(done_in_august, status=ActionStatus.DONE, when=at(datetime.date(2026, 8, 1)))
    done_in_october = create_action(meeting=july, what="B", team=team)
    record_update(
        done_in_october, status=ActionStatus.IN_PROGRESS, when=at(datetime.date(2026, 8, 2))
    )
    record_update(done_in_october, status=ActionStatus.DONE, when=at(datetime.date(2026, 10, 1)))
    create_action(meeting=september, what="C", team=team)
    dropped = create_action(meeting=september, what="D", team=team)
    record_update(
        dropped,
        status=ActionStatus.DROPPED,
        dropped_reason="No",
        when=at(datetime.date(2026, 10, 2)),
    )
    # An action from the same day as the meeting is that meeting's own, not carried.
    create_action(meeting=november, what="E", team=team)

    at_september = carried_forward(september)
    assert [(c.action.what, c.status_then) for c in at_september] == [("B", "in_progress")]
    at_november = carried_forward(november)
    assert [(c.action.what, c.status_then) for c in at_november] == [("C", "open")]
    # Carried-forward rows also show where each action is now.
    assert at_september[0].action.status == ActionStatus.DONE


def test_carry_forward_stays_within_the_group(make_meeting, make_minutes, team):
    forum = make_meeting("Forum", datetime.date(2026, 7, 1))
    board = make_meeting("Board", datetime.date(2026, 8, 1), group="partnership_board")
    later_forum = make_meeting("Forum again", datetime.date(2026, 9, 1))
    create_action(meeting=forum, what="Forum action", team=team)
    create_action(meeting=board, what="Board action", team=team)
    assert [c.action.what for c in carried_forward(later_forum)] == ["Forum action"]


def test_minutes_list_carried_forward_actions_without_retyping(
    client, three_meetings, team, fixed_today
):
    july, september, _ = three_meetings
    action = create_action(meeting=july, what="Publish the bus times", team=team)
    response = client.get(september.live_minutes().url)
    carried = response.content.decode().split('id="carried-forward"')[1]
    assert "Publish the bus times" in carried
    assert f"/forum/actions/{action.pk}/" in carried


def test_minutes_show_actions_under_their_agenda_item(
    client, make_meeting, make_minutes, team, fixed_today
):
    meeting = make_meeting("July meeting", datetime.date(2026, 7, 1))
    minutes = make_minutes(meeting, items=[("Transport", "Buses late."), ("Short breaks", "Fine.")])
    create_action(meeting=meeting, what="Fix the buses", team=team, agenda_item="transport")
    html = client.get(minutes.url).content.decode()
    transport, short_breaks = html.split('id="item-1"')[1].split('id="item-2"')
    assert "Fix the buses" in transport
    assert "Fix the buses" not in short_breaks


def test_overdue_uses_today_and_open_statuses():
    action = ForumAction(due_date=datetime.date(2026, 11, 19), status=ActionStatus.OPEN)
    assert action.is_overdue(datetime.date(2026, 11, 20))
    assert not action.is_overdue(datetime.date(2026, 11, 19))
    action.status = ActionStatus.DONE
    assert not action.is_overdue(datetime.date(2026, 11, 20))
    assert not ForumAction(due_date=None).is_overdue(datetime.date(2030, 1, 1))


def test_teams_are_named_teams_with_a_contact():
    team = TeamFactory(name="Short breaks team", contact_email="sb@westshire.example")
    assert str(team) == "Short breaks team"
