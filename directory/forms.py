"""Form fields the forms of every app share (the apps above import them from here)."""

from django import forms

from directory.models import District


def district_field() -> forms.ModelChoiceField:
    """The optional "Where do you live?" question: one of the council's districts, or none."""
    return forms.ModelChoiceField(
        label="Where do you live? (optional)",
        queryset=District.objects.all(),
        required=False,
        empty_label="Not saying",
        error_messages={"invalid_choice": "Select a district from the list"},
    )


def radios_field(label: str, choices, *, error: str = "", **kwargs) -> forms.ChoiceField:
    """A question answered with one radio button; `error` says what to select when none is."""
    if error:
        kwargs["error_messages"] = {"required": error, **kwargs.get("error_messages", {})}
    return forms.ChoiceField(label=label, choices=choices, widget=forms.RadioSelect, **kwargs)
