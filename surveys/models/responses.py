"""What people answered: one response per submission, one answer per question asked."""

import uuid

from django.db import models
from django.utils import timezone

from directory.model_fields import optional_account, optional_link


class SurveyResponse(models.Model):
    """One person's submitted answers to a survey, online or entered by staff from paper."""

    class Source(models.TextChoices):
        WEB = "web", "Online"
        PAPER = "paper", "Paper form"
        PHONE = "phone", "Phone call"

    class Version(models.TextChoices):
        STANDARD = "standard", "Standard"
        YOUNG_PERSON = "young_person", "Young person's version"

    survey = models.ForeignKey(
        "surveys.SurveyPage", on_delete=models.CASCADE, related_name="responses"
    )
    # The answering session's key: a form sent twice (or twice at once) is stored once.
    submission_key = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    submitted_at = models.DateTimeField(default=timezone.now, db_index=True)
    source = models.CharField(max_length=10, choices=Source.choices, default=Source.WEB)
    version = models.CharField(max_length=20, choices=Version.choices, default=Version.STANDARD)
    user = optional_account(
        related_name="survey_responses",
        help_text="Only for surveys limited to one response per account.",
    )
    browser_key = models.CharField(max_length=64, blank=True, editable=False)
    entered_by = optional_account(
        help_text="The staff member who typed in a paper or phone response."
    )

    class Meta:
        ordering = ["-submitted_at", "-pk"]
        verbose_name = "survey response"
        constraints = [
            models.UniqueConstraint(
                fields=["survey", "user"],
                condition=models.Q(user__isnull=False),
                name="surveys_one_response_per_account",
            ),
            models.UniqueConstraint(
                fields=["survey", "browser_key"],
                condition=~models.Q(browser_key=""),
                name="surveys_one_response_per_browser",
            ),
        ]

    def __str__(self) -> str:
        return f"Response {self.pk} to {self.survey}"

    @property
    def on_behalf(self) -> bool:
        return self.source != self.Source.WEB


class SurveyAnswer(models.Model):
    """One answer. Free text lives in its moderated feedback item, never here."""

    response = models.ForeignKey(SurveyResponse, on_delete=models.CASCADE, related_name="answers")
    question_uuid = models.UUIDField(db_index=True)
    # A string, a list of strings (multiple choice), a number, or an ISO date; None for text.
    value = models.JSONField(null=True, blank=True)
    feedback_item = optional_link("feedback.FeedbackItem", related_name="survey_answers")

    class Meta:
        verbose_name = "survey answer"
        constraints = [
            models.UniqueConstraint(
                fields=["response", "question_uuid"], name="surveys_one_answer_per_question"
            )
        ]

    def __str__(self) -> str:
        return f"Answer to {self.question_uuid}"
