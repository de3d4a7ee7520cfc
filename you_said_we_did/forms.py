"""The public "Did this make a difference?" form (through feedback's moderated intake)."""

from django import forms

from directory.forms import radios_field
from feedback.forms import SpamGuardForm
from feedback.models import COMMENT_MAX_LENGTH
from you_said_we_did.models import CheckBackAnswer


class CheckBackForm(SpamGuardForm):
    answer = radios_field(
        "Did this make a difference?",
        CheckBackAnswer.Answer.choices,
        error="Select yes, partly or no",
    )
    sentence = forms.CharField(
        label="Tell us more (optional)",
        help_text="Do not include names or anything that could identify someone.",
        required=False,
        strip=False,
        max_length=COMMENT_MAX_LENGTH,
        widget=forms.Textarea,
        error_messages={"max_length": f"Keep it to {COMMENT_MAX_LENGTH:,} characters or fewer"},
    )
