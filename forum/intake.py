"""Forum members' words into feedback's moderated intake, and editors' answers to proposals."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from feedback.intake import Submission, submit_feedback
from feedback.models import FeedbackItem
from forum.models import AgendaItem, AgendaProposal, MeetingPage, MinutesComment, MinutesPage
from notifications.outbox import queue_email


def submit_minutes_comment(
    *, minutes: MinutesPage, user, comment: str, spam_reasons: list[str]
) -> MinutesComment:
    """Keep a forum member's comment on the draft they read, through the moderated intake."""
    item = submit_feedback(
        Submission(
            kind=FeedbackItem.Kind.MINUTES_COMMENT,
            comment=comment,
            subject_page=minutes,
            user_id=user.pk,
            spam_reasons=spam_reasons,
        )
    )
    return MinutesComment.objects.create(
        feedback_item=item, minutes=minutes, revision=minutes.get_latest_revision()
    )


def submit_agenda_proposal(
    *, user, title: str, comment: str, meeting: MeetingPage | None, spam_reasons: list[str]
) -> AgendaProposal:
    """Keep a forum member's agenda proposal, through the moderated intake."""
    item = submit_feedback(
        Submission(
            kind=FeedbackItem.Kind.AGENDA_PROPOSAL,
            comment=f"{title}\n\n{comment}",
            subject_page=meeting,
            user_id=user.pk,
            spam_reasons=spam_reasons,
        )
    )
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
    proposal.status = AgendaProposal.Status.ACCEPTED
    proposal.meeting = meeting
    proposal.agenda_title = agenda_title.strip()
    proposal.decided_at = timezone.now()
    proposal.decided_by = user
    proposal.save()
    _tell_proposer(
        proposal,
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
    proposal.status = AgendaProposal.Status.DECLINED
    proposal.reply = reply.strip()
    proposal.decided_at = timezone.now()
    proposal.decided_by = user
    proposal.save()
    _tell_proposer(
        proposal,
        subject="About your agenda item",
        body=f"Thank you for proposing '{proposal.title}'. {proposal.reply}",
    )
    return proposal


def _tell_proposer(proposal: AgendaProposal, *, subject: str, body: str) -> None:
    if proposal.proposer is None or not proposal.proposer.email:
        return
    queue_email(
        key=f"forum-proposal-decision:{proposal.pk}",
        to=proposal.proposer.email,
        subject=subject,
        body=body + "\n\nYou can see all your proposals at /forum/propose/.",
    )
