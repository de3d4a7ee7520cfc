"""The forum's public forms: a comment on draft minutes and an agenda proposal.

Both are SpamGuardForms, and their text goes into feedback's moderated intake.
"""

from django import forms
from django.utils import timezone

from feedback.forms import SpamGuardForm, check_comment
from feedback.models import COMMENT_MAX_LENGTH
from forum.models import MeetingPage

TITLE_MAX_LENGTH = 150


def _checked_comment(form: forms.Form, *, empty_message: str, what: str) -> str:
    text = form.cleaned_data.get("comment") or ""
    check_comment(text, empty_message=empty_message, max_length=COMMENT_MAX_LENGTH, what=what)
    return text


class MinutesCommentForm(SpamGuardForm):
    comment = forms.CharField(
        label="Your comment on the draft minutes",
        help_text="Say which item you mean. A moderator reads comments before anyone else does.",
        strip=False,
        required=False,
        widget=forms.Textarea,
    )

    def clean_comment(self) -> str:
        return _checked_comment(self, empty_message="Enter your comment", what="Your comment")


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
    comment = forms.CharField(
        label="What would you like the meeting to discuss, and why?",
        strip=False,
        required=False,
        widget=forms.Textarea,
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

    def clean_comment(self) -> str:
        return _checked_comment(
            self,
            empty_message="Enter what you would like the meeting to discuss",
            what="Your proposal",
        )
