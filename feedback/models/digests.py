"""The record of weekly digest emails, so a week's digest is never sent twice."""

from django.conf import settings
from django.db import models
from django.utils import timezone


class FeedbackDigest(models.Model):
    """A weekly digest email sent to one person, so a week's digest is never sent twice."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="feedback_digests"
    )
    week_start = models.DateField(help_text="The Monday of the week the digest was sent for.")
    sent_at = models.DateTimeField(default=timezone.now)
    item_count = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-week_start"]
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "week_start"], name="feedback_digest_once_a_week"
            )
        ]

    def __str__(self) -> str:
        return f"Digest for {self.recipient_id}, week of {self.week_start}"
