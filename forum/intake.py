"""Forum members' words into feedback's moderated intake, and editors' answers to proposals."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from feedback.intake import Submission, submit_feedback
from feedback.models import FeedbackItem
from forum.models import AgendaItem, AgendaProposal, MeetingPage, MinutesComment, MinutesPage
from notifications.outbox import queue_email


def _submit(kind: str, comment: str, page, user, spam_reasons: list[str]) -> FeedbackItem:
    return submit_feedback(
        Submission(
            kind=kind,
            comment=comment,
            subject_page=page,
            user_id=user.pk,
            spam_reasons=spam_reasons,
        )
    )


def submit_minutes_comment(
    *, minutes: MinutesPage, user, comment: str, spam_reasons: list[str]
) -> MinutesComment:
    """Keep a forum member's comment on the draft they read, through the moderated intake."""
    item = _submit(FeedbackItem.Kind.MINUTES_COMMENT, comment, minutes, user, spam_reasons)
    return MinutesComment.objects.create(
        feedback_item=item, minutes=minutes, revision=minutes.get_latest_revision()
    )


def submit_agenda_proposal(
    *, user, title: str, comment: str, meeting: MeetingPage | None, spam_reasons: list[str]
) -> AgendaProposal:
    """Keep a forum member's agenda proposal, through the moderated intake."""
    text = f"{title}\n\n{comment}"
    item = _submit(FeedbackItem.Kind.AGENDA_PROPOSAL, text, meeting, user, spam_reasons)
    return AgendaProposal.objects.create(
        feedback_item=item, meeting=meeting, proposer=user, title=title
    )


@transaction.atomic
def accept_proposal(
    proposal: AgendaProposal,
    *,
    user,
    meeting: MeetingPage,
    agenda_title: str,
    description: str = "",
) -> AgendaItem:
    """Put a proposal on a meeting's agenda, in the editor's words; publish if the page was live."""
    if proposal.feedback_item.is_safeguarding:
        raise ValidationError("A proposal held for safeguarding cannot go on an agenda.")
    if not agenda_title.strip():
        raise ValidationError({"agenda_title": "Enter the agenda item's title."})
    meeting = MeetingPage.objects.get(pk=meeting.pk)
    publish = meeting.live and not meeting.has_unpublished_changes
    draft = meeting.get_latest_revision_as_object()
    item = AgendaItem(title=agenda_title.strip(), description=description, proposal=proposal)
    draft.agenda_items.add(item)
    revision = draft.save_revision(user=user, log_action=True)
    if publish:
        revision.publish(user=user)
    proposal.meeting = meeting
    proposal.agenda_title = agenda_title.strip()
    _decide(
        proposal,
        user,
        AgendaProposal.Status.ACCEPTED,
        subject="Your agenda item was accepted",
        body=(
            f"Thank you for proposing '{proposal.title}'. It is on the agenda of "
            f"{meeting.title} ({meeting.date:%d %B %Y}) as '{proposal.agenda_title}'."
        ),
    )
    return item


@transaction.atomic
def decline_proposal(proposal: AgendaProposal, *, user, reply: str) -> AgendaProposal:
    """Say why a proposal is not going on an agenda; the proposer is emailed the reply."""
    if not reply.strip():
        raise ValidationError({"reply": "Say why the proposal is not going on an agenda."})
    proposal.reply = reply.strip()
    _decide(
        proposal,
        user,
        AgendaProposal.Status.DECLINED,
        subject="About your agenda item",
        body=f"Thank you for proposing '{proposal.title}'. {proposal.reply}",
    )
    return proposal


def _decide(proposal: AgendaProposal, user, status: str, *, subject: str, body: str) -> None:
    """Record the editor's decision and email it to the proposer (once per proposal)."""
    proposal.status = status
    proposal.decided_at = timezone.now()
    proposal.decided_by = user
    proposal.save()
    if proposal.proposer is None or not proposal.proposer.email:
        return
    queue_email(
        key=f"forum-proposal-decision:{proposal.pk}",
        to=proposal.proposer.email,
        subject=subject,
        body=body + "\n\nYou can see all your proposals at /forum/propose/.",
    )
