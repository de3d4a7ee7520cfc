"""Public forms: subscribe to the Parent Update, and save a search alert."""

from django import forms

from feedback.forms import SpamGuardForm
from parent_update.models import Topic

EMAIL_ERRORS = {
    "required": "Enter your email address",
    "invalid": "Enter an email address in the correct format, like name@example.com",
    "max_length": "Enter an email address of 254 characters or fewer",
}


class SubscribeForm(SpamGuardForm):
    email = forms.EmailField(label="Email address", max_length=254, error_messages=EMAIL_ERRORS)
    topics = forms.MultipleChoiceField(
        label="What would you like to hear about?",
        help_text="Select all that apply. Choose none to get everything.",
        choices=Topic.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": "Select topics from the list"},
    )


class AlertForm(SpamGuardForm):
    email = forms.EmailField(label="Email address", max_length=254, error_messages=EMAIL_ERRORS)
