"""Agenda proposals from forum members: the moderated intake, and editors' answers."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from feedback.models import FeedbackItem
from forum.intake import accept_proposal, decline_proposal
from forum.models import AgendaProposal
from notifications.models import OutgoingEmail

pytestmark = pytest.mark.django_db

IDEA = "Speech therapy waiting lists in Northtown"


@pytest.fixture
def upcoming(make_meeting, fixed_today):
    return make_meeting("December forum meeting", datetime.date(2027, 12, 2))


def send(client, **data):
    return client.post(
        "/forum/propose/", {"title": "Waiting lists", "comment": IDEA, "started": "", **data}
    )


def test_a_member_proposes_an_item_through_the_intake(client, member, upcoming):
    client.force_login(member)
    response = send(client, meeting=str(upcoming.pk))
    assert response.status_code == 302
    proposal = AgendaProposal.objects.get()
    assert proposal.meeting.pk == upcoming.pk
    assert proposal.proposer == member
    assert proposal.status == AgendaProposal.Status.PENDING
    item = proposal.feedback_item
    assert item.kind == FeedbackItem.Kind.AGENDA_PROPOSAL
    assert IDEA in item.comment
    page = client.get("/forum/propose/").content.decode()
    assert "Thank you for your proposal" in page
    assert "Waiting for a decision" in page


def test_the_next_meeting_is_the_default(client, member, upcoming):
    client.force_login(member)
    send(client)
    assert AgendaProposal.objects.get().meeting.pk == upcoming.pk


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"title": "  "}, "title", "Enter a title for the item"),
        ({"comment": ""}, "comment", "Enter what you would like the meeting to discuss"),
        ({"meeting": "99999"}, "meeting", "Choose a meeting from the list"),
        ({"title": "x" * 151}, "title", "150 characters or fewer"),
    ],
)
def test_bad_input_gets_a_message_next_to_the_field(client, member, upcoming, data, field, message):
    client.force_login(member)
    response = send(client, **data)
    assert response.status_code == 200
    html = response.content.decode()
    assert f'id="id_{field}-error"' in html
    assert message in html
    assert not AgendaProposal.objects.exists()


def test_only_forum_members_propose(client, outsider, upcoming):
    client.force_login(outsider)
    assert client.get("/forum/propose/").status_code == 403
    assert send(client).status_code == 403


def test_the_public_never_sees_a_pending_or_declined_proposal(client, member, upcoming, editor):
    client.force_login(member)
    send(client)
    decline_proposal(
        AgendaProposal.objects.get(), user=editor, reply="It is on the board's agenda."
    )
    client.logout()
    for url in (
        upcoming.url,
        upcoming.get_parent().url,
        "/forum/actions/",
        "/forum/meetings.ics",
        "/sitemap.xml",
    ):
        body = client.get(url).content.decode()
        assert "Northtown" not in body, url
        assert "Waiting lists" not in body, url


def test_accepting_puts_the_editors_words_on_the_live_agenda_and_tells_the_member(
    client, member, upcoming, editor
):
    client.force_login(member)
    send(client)
    proposal = AgendaProposal.objects.get()
    accept_proposal(proposal, user=editor, meeting=upcoming, agenda_title="Therapy waiting times")
    upcoming.refresh_from_db()
    html = client.get(upcoming.url).content.decode()
    assert "Therapy waiting times" in html
    assert "Northtown" not in html
    assert upcoming.agenda_items.get().proposal == proposal
    proposal.refresh_from_db()
    assert proposal.status == AgendaProposal.Status.ACCEPTED
    email = OutgoingEmail.objects.get(key=f"forum-proposal-decision:{proposal.pk}")
    assert email.to == member.email
    assert "Therapy waiting times" in email.body


def test_declining_needs_a_reason_which_the_member_reads(client, member, upcoming, editor):
    client.force_login(member)
    send(client)
    proposal = AgendaProposal.objects.get()
    with pytest.raises(ValidationError):
        decline_proposal(proposal, user=editor, reply=" ")
    decline_proposal(proposal, user=editor, reply="The partnership board covers this in January.")
    assert (
        "The partnership board covers this in January."
        in client.get("/forum/propose/").content.decode()
    )
    assert OutgoingEmail.objects.filter(to=member.email).count() == 1


def test_a_safeguarding_proposal_is_held_and_cannot_be_accepted(client, member, upcoming, editor):
    client.force_login(member)
    response = send(client, comment="I want to kill myself")
    assert b"Get help" in client.get(response["Location"]).content
    proposal = AgendaProposal.objects.get()
    assert proposal.feedback_item.status == FeedbackItem.Status.SAFEGUARDING
    with pytest.raises(ValidationError):
        accept_proposal(proposal, user=editor, meeting=upcoming, agenda_title="Anything")


def test_editors_decide_in_the_admin_with_a_reply_to_decline(client, member, upcoming, editor):
    client.force_login(member)
    send(client)
    proposal = AgendaProposal.objects.get()
    client.force_login(editor)
    url = reverse("forum_proposals:edit", args=[proposal.pk])
    page = client.get(url)
    assert page.status_code == 200
    assert IDEA in page.content.decode()
    refused = client.post(url, {"decision": "decline", "reply": ""})
    assert refused.status_code == 200
    assert "Say why it is not going on an agenda" in refused.content.decode()
    accepted = client.post(
        url,
        {
            "decision": "accept",
            "meeting": upcoming.pk,
            "agenda_title": "Therapy waits",
            "reply": "",
        },
    )
    assert accepted.status_code == 302
    proposal.refresh_from_db()
    assert proposal.status == AgendaProposal.Status.ACCEPTED
    assert upcoming.agenda_items.get().title == "Therapy waits"
