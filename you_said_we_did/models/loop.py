"""Closing the loop: who is waiting to hear about a response, what they have been told, and
their "Did this make a difference?" answers."""

from django.db import models
from django.utils import timezone

from directory.model_fields import optional_account, optional_link
from feedback.models import FeedbackItem


class Subscriber(models.Model):
    """One person to tell about one response, found through the feedback they sent.

    `person_key` (a hash of the address) stays when the address is erased, so a person is
    never added again and never told twice.
    """

    response = models.ForeignKey(
        "you_said_we_did.ResponsePage", on_delete=models.CASCADE, related_name="people_to_tell"
    )
    person_key = models.CharField(max_length=64)
    email = models.EmailField(blank=True, help_text="Erased when the loop closes.")
    user = optional_account(related_name="response_subscriptions")
    feedback_item = optional_link(FeedbackItem)
    created_at = models.DateTimeField(default=timezone.now)
    first_told_at = models.DateTimeField(null=True, blank=True)
    unsubscribed_at = models.DateTimeField(null=True, blank=True)
    check_back_sent_at = models.DateTimeField(null=True, blank=True)
    erased_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["response", "person_key"], name="yswd_person_once")
        ]

    def __str__(self) -> str:
        return f"Subscriber {self.pk} to response {self.response_id}"

    @property
    def active(self) -> bool:
        return bool(self.email) and self.unsubscribed_at is None


class ResponseEvent(models.Model):
    """Something people are told about once: first publication, a status, a progress update."""

    response = models.ForeignKey(
        "you_said_we_did.ResponsePage", on_delete=models.CASCADE, related_name="events"
    )
    key = models.CharField(max_length=60)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["response", "key"], name="yswd_event_once")]

    def __str__(self) -> str:
        return f"{self.response_id}: {self.key}"


class CheckBackAnswer(models.Model):
    """ "Did this make a difference?" from one person; the optional sentence is a feedback item
    in the moderated intake."""

    class Answer(models.TextChoices):
        YES = "yes", "Yes"
        PARTLY = "partly", "Partly"
        NO = "no", "No"

    subscriber = models.OneToOneField(
        Subscriber, on_delete=models.CASCADE, related_name="check_back_answer"
    )
    response = models.ForeignKey(
        "you_said_we_did.ResponsePage", on_delete=models.CASCADE, related_name="check_backs"
    )
    answer = models.CharField(max_length=10, choices=Answer.choices)
    feedback_item = optional_link(FeedbackItem)
    answered_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-answered_at"]

    def __str__(self) -> str:
        return f"{self.get_answer_display()} ({self.response_id})"
