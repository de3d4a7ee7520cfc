"""The "Was this page helpful?" votes and the "What was missing?" answers."""

from django.db import models
from django.utils import timezone

from feedback.models.items import HELPFULNESS_COMMENT_MAX_LENGTH


class PageHelpfulness(models.Model):
    """The "Was this page helpful?" votes for one page on one day."""

    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="helpfulness_votes"
    )
    date = models.DateField(db_index=True)
    yes_count = models.PositiveIntegerField(default=0)
    no_count = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-date"]
        verbose_name = "page helpfulness"
        verbose_name_plural = "page helpfulness"
        constraints = [
            models.UniqueConstraint(fields=["page", "date"], name="feedback_helpfulness_page_day")
        ]

    def __str__(self) -> str:
        return f"{self.page_id} {self.date}: {self.yes_count} yes, {self.no_count} no"


class HelpfulnessComment(models.Model):
    """An answer to "What was missing?" after a "No" vote, stored exactly as given."""

    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="helpfulness_comments"
    )
    comment = models.TextField(max_length=HELPFULNESS_COMMENT_MAX_LENGTH)
    submitted_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-submitted_at"]

    def __str__(self) -> str:
        return f"{self.page_id} {self.submitted_at:%Y-%m-%d}"
