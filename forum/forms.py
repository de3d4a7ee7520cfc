"""The forum's public forms: a comment on draft minutes and an agenda proposal.

Both are SpamGuardForms, and their text goes into feedback's moderated intake.
"""

from django import forms
from django.utils import timezone

from feedback.forms import PublicTextField, SpamGuardForm
from forum.models import MeetingPage

TITLE_MAX_LENGTH = 150


class MinutesCommentForm(SpamGuardForm):
    comment = PublicTextField(
        label="Your comment on the draft minutes",
        what="Your comment",
        help_text="Say which item you mean. A moderator reads comments before anyone else does.",
        error_messages={"required": "Enter your comment"},
    )


class AgendaProposalForm(SpamGuardForm):
    title = forms.CharField(
        label="Title of the item",
        help_text="A few words, for example 'Waiting times for speech and language therapy'.",
        required=False,
    )
    meeting = forms.ChoiceField(
        label="Which meeting",
        required=False,
        error_messages={"invalid_choice": "Choose a meeting from the list"},
    )
    comment = PublicTextField(
        label="What would you like the meeting to discuss, and why?",
        what="Your proposal",
        error_messages={"required": "Enter what you would like the meeting to discuss"},
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.upcoming = {
            str(m.pk): m
            for m in MeetingPage.objects.live()
            .public()
            .filter(date__gte=timezone.localdate())
            .order_by("date")
        }
        self.fields["meeting"].choices = [("", "The next meeting")] + [
            (pk, f"{m.title} ({m.date:%d %B %Y})") for pk, m in self.upcoming.items()
        ]

    def clean_title(self) -> str:
        title = (self.cleaned_data.get("title") or "").strip()
        if not title:
            raise forms.ValidationError("Enter a title for the item")
        if len(title) > TITLE_MAX_LENGTH:
            raise forms.ValidationError(
                f"The title must be {TITLE_MAX_LENGTH} characters or fewer. "
                f"You have written {len(title)} characters."
            )
        return title

    def clean_meeting(self) -> MeetingPage | None:
        value = self.cleaned_data.get("meeting") or ""
        if not value:
            return next(iter(self.upcoming.values()), None)
        return self.upcoming[value]
