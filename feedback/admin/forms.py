"""The forms of the moderation actions on one feedback item."""

from django import forms

from feedback.models import FeedbackItem, Theme


class PublicTextForm(forms.Form):
    public_text = forms.CharField(
        label="Public version",
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="What the public may see. Remove names and anything that could identify someone.",
    )
    reason = forms.CharField(
        label="Why you changed it",
        required=False,
        max_length=500,
        help_text="Needed if you changed it. For example: removed a child's name.",
    )


class RedactForm(PublicTextForm):
    reason = forms.CharField(label="Why you changed it", max_length=500)


class RejectForm(forms.Form):
    reason = forms.ChoiceField(
        label="Why is it rejected?",
        choices=FeedbackItem.RejectionReason.choices,
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label="Note",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Needed if you chose Other.",
    )


class ReasonForm(forms.Form):
    reason = forms.CharField(label="Reason", widget=forms.Textarea(attrs={"rows": 3}))


class ThemesForm(forms.Form):
    themes = forms.ModelMultipleChoiceField(
        label="Themes",
        queryset=Theme.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )


class NoteForm(forms.Form):
    note = forms.CharField(label="Note", widget=forms.Textarea(attrs={"rows": 3}))
