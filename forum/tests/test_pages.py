"""The forum's public pages: the index, a meeting (attendees, agenda, papers), and the admin."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from forum.actions import create_action
from forum.models import ActionUpdate, ForumAction, MeetingAttendee, MeetingPaper
from forum.models.actions import ActionStatus

pytestmark = pytest.mark.django_db


def test_index_lists_upcoming_then_past_meetings(client, forum_index, make_meeting, monkeypatch):
    monkeypatch.setattr(
        "forum.models.pages.timezone.localdate", lambda: datetime.date(2026, 11, 20)
    )
    make_meeting("Spring meeting", datetime.date(2026, 3, 1))
    make_meeting("Autumn meeting", datetime.date(2026, 10, 1))
    make_meeting("Next meeting", datetime.date(2026, 12, 3))
    response = client.get(forum_index.url)
    assert [m.title for m in response.context["upcoming"]] == ["Next meeting"]
    assert [m.title for m in response.context["past"]] == ["Autumn meeting", "Spring meeting"]
    html = response.content.decode()
    assert html.index("Next meeting") < html.index("Autumn meeting") < html.index("Spring meeting")
    assert "/forum/meetings.ics" in html and "/forum/minutes.atom" in html


def test_meeting_page_shows_names_only_where_the_editor_chose(client, make_meeting):
    meeting = make_meeting("Forum meeting")
    meeting.attendees.add(MeetingAttendee(role="Chair", name="Sam Okafor", show_name=True))
    meeting.attendees.add(MeetingAttendee(role="Parent carer", name="Private Person", count=8))
    meeting.save_revision().publish()
    html = client.get(meeting.url).content.decode()
    assert "Chair: Sam Okafor" in html
    assert "Parent carer (8)" in html
    assert "Private Person" not in html


def test_a_paper_has_an_html_version_at_its_own_address(client, make_meeting):
    meeting = make_meeting("Forum meeting")
    meeting.papers.add(MeetingPaper(title="EHC figures", body="<p>62% on time.</p>"))
    meeting.save_revision().publish()
    paper = MeetingPaper.objects.get()
    html = client.get(meeting.url).content.decode()
    paper_url = f"{meeting.url}papers/{paper.pk}/"
    assert paper_url in html
    response = client.get(paper_url)
    assert response.status_code == 200
    assert "62% on time." in response.content.decode()
    assert client.get(f"{meeting.url}papers/99999/").status_code == 404


def test_a_pdf_paper_needs_an_html_version():
    paper = MeetingPaper(title="Figures", document_id=1, body="")
    with pytest.raises(ValidationError):
        paper.clean()


def test_editors_change_status_in_the_admin_only_through_the_trail(
    client, make_meeting, make_minutes, team, editor
):
    meeting = make_meeting("Forum meeting")
    make_minutes(meeting)
    action = create_action(meeting=meeting, what="Publish bus times", team=team)
    client.force_login(editor)
    url = reverse("forum_actions:edit", args=[action.pk])
    assert client.get(url).status_code == 200
    data = {
        "meeting": meeting.pk,
        "agenda_item": "",
        "what": action.what,
        "team": team.pk,
        "due_date": "2026-12-01",
        "theme": "",
        "status": ActionStatus.DROPPED,
        "dropped_reason": "",
        "update_text": "",
    }
    refused = client.post(url, data)
    assert refused.status_code == 200
    assert "Say why the action was dropped." in refused.content.decode()
    assert ForumAction.objects.get().status == ActionStatus.OPEN
    data["dropped_reason"] = "Covered by the council's own survey."
    assert client.post(url, data).status_code == 302
    action.refresh_from_db()
    assert action.status == ActionStatus.DROPPED
    last = ActionUpdate.objects.filter(action=action).last()
    assert last.new_status == ActionStatus.DROPPED
    assert last.user == editor
    assert "Covered by the council's own survey." in last.text


def test_actions_created_in_the_admin_start_their_trail(client, make_meeting, team, editor):
    meeting = make_meeting("Forum meeting")
    client.force_login(editor)
    response = client.post(
        reverse("forum_actions:add"),
        {
            "meeting": meeting.pk,
            "agenda_item": "Transport",
            "what": "Publish bus times",
            "team": team.pk,
            "due_date": "2026-12-01",
            "theme": "",
            "status": ActionStatus.OPEN,
            "dropped_reason": "",
            "update_text": "",
        },
    )
    assert response.status_code == 302
    action = ForumAction.objects.get()
    assert [u.new_status for u in action.updates.all()] == [ActionStatus.OPEN]
