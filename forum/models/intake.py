"""What forum members write (agenda proposals, comments on draft minutes), kept in feedback's
moderated intake: each row here points at its `FeedbackItem`, which holds the text."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from directory.model_fields import optional_account, optional_link


class AgendaProposal(models.Model):
    """A forum member's proposal for an agenda item; editors accept it or reply why not."""

    class Status(models.TextChoices):
        PENDING = "pending", "Waiting for a decision"
        ACCEPTED = "accepted", "Accepted onto an agenda"
        DECLINED = "declined", "Not accepted"

    feedback_item = models.OneToOneField(
        "feedback.FeedbackItem", on_delete=models.CASCADE, related_name="agenda_proposal"
    )
    meeting = optional_link(
        "forum.MeetingPage",
        related_name="proposals",
        help_text="The meeting it was proposed for, or accepted onto.",
    )
    proposer = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    title = models.CharField(max_length=150, help_text="The proposer's short title.")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PENDING)
    agenda_title = models.CharField(
        max_length=255, blank=True, help_text="The agenda item's title, as the editor wrote it."
    )
    reply = models.TextField(blank=True, help_text="Why not, when it is not accepted.")
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = optional_account()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"Agenda proposal {self.pk}: {self.title}"


class MinutesComment(models.Model):
    """A forum member's comment on draft minutes, kept in the moderated intake."""

    feedback_item = models.OneToOneField(
        "feedback.FeedbackItem", on_delete=models.CASCADE, related_name="minutes_comment"
    )
    minutes = models.ForeignKey(
        "forum.MinutesPage", on_delete=models.CASCADE, related_name="comments"
    )
    revision = optional_link("wagtailcore.Revision", help_text="The draft the member read.")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"Comment on {self.minutes}"
