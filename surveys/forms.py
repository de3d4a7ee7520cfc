"""The public answering forms: one page of questions, consent, and the final "Send" form.

Each question becomes one field named after its uuid. Answers are turned into plain stored
values (text, a list of options, a whole number, an ISO date, a district slug) that go into
the session between pages and, at the end, into the database.
"""

import datetime

from django import forms

from feedback.forms import PublicTextField, SpamGuardForm
from surveys.kinds import (
    LONG_TEXT_MAX_LENGTH,
    SHORT_TEXT_MAX_LENGTH,
    TEXT_KINDS,
    QuestionKind,
    fixed_choices,
)

NUMBER_LIMIT = 1_000_000
DATE_FORMATS = ["%d/%m/%Y", "%d %m %Y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d"]


def field_name(question) -> str:
    return f"q_{question.uuid.hex}"


class SurveyTextField(PublicTextField):
    """A text answer (see PublicTextField), with a message in plain words for a NUL byte."""

    def __init__(self, **kwargs) -> None:
        super().__init__(what="Your answer", **kwargs)

    def run_validators(self, value) -> None:
        if value and "\x00" in value:
            raise forms.ValidationError(
                "Your answer contains a character we cannot accept. Remove it and try again.",
                code="null_characters",
            )
        super().run_validators(value)


# How each kind of question is asked and its answer checked: the field, and its arguments with
# the words of its errors. Every other kind (single choice, yes or no, rating, faces, district)
# is answered with radios.
_TEXT_ERRORS = {"required": "Enter your answer"}
FIELD_FOR_KIND: dict[str, tuple[type[forms.Field], dict]] = {
    QuestionKind.SHORT_TEXT: (
        SurveyTextField,
        {"limit": SHORT_TEXT_MAX_LENGTH, "widget": forms.TextInput, "error_messages": _TEXT_ERRORS},
    ),
    QuestionKind.LONG_TEXT: (
        SurveyTextField,
        {"limit": LONG_TEXT_MAX_LENGTH, "error_messages": _TEXT_ERRORS},
    ),
    QuestionKind.MULTIPLE_CHOICE: (
        forms.MultipleChoiceField,
        {
            "widget": forms.CheckboxSelectMultiple,
            "error_messages": {
                "required": "Select at least one option",
                "invalid_choice": "Select options from the list",
            },
        },
    ),
    QuestionKind.NUMBER: (
        forms.IntegerField,
        {
            "min_value": 0,
            "max_value": NUMBER_LIMIT,
            "error_messages": {
                "required": "Enter a number",
                "invalid": "Enter a whole number, like 3",
                "min_value": "Enter a number that is 0 or more",
                "max_value": f"Enter a number that is {NUMBER_LIMIT:,} or less",
            },
        },
    ),
    QuestionKind.DATE: (
        forms.DateField,
        {
            "input_formats": DATE_FORMATS,
            "error_messages": {
                "required": "Enter a date",
                "invalid": "Enter a real date, like 27/3/2026",
            },
        },
    ),
}
CHOOSE_ONE = (
    forms.ChoiceField,
    {
        "widget": forms.RadioSelect,
        "error_messages": {
            "required": "Select an answer",
            "invalid_choice": "Select one of the answers shown",
        },
    },
)


def question_field(question, *, young: bool, districts: list[tuple[str, str]]) -> forms.Field:
    """The form field that asks `question` in the chosen words and checks its answer."""
    label, hint = question.wording(young)
    if not question.required:
        label = f"{label} (optional)"
    if question.kind == QuestionKind.DATE:
        hint = hint or "For example, 27/3/2026"
    field_class, arguments = FIELD_FOR_KIND.get(question.kind, CHOOSE_ONE)
    if issubclass(field_class, forms.ChoiceField):
        choices = fixed_choices(question.kind, question.option_list(), districts)
        arguments = {**arguments, "choices": choices}
    return field_class(label=label, help_text=hint, required=question.required, **arguments)


def to_stored(question, value):
    """The cleaned answer as a value the session and the database keep."""
    if value in (None, "", []):
        return "" if question.kind in TEXT_KINDS else None
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def from_stored(question, value):
    """A stored answer as the form field's initial value."""
    if question.kind == QuestionKind.DATE and value:
        year, month, day = str(value).split("-")
        return f"{int(day)}/{int(month)}/{year}"
    return value


class StepForm(forms.Form):
    """One page of questions."""

    def __init__(
        self, *args, questions: list, young: bool, districts: list, answers: dict, **kwargs
    ):
        super().__init__(*args, **kwargs)
        self.questions = questions
        for question in questions:
            name = field_name(question)
            self.fields[name] = question_field(question, young=young, districts=districts)
            if str(question.uuid) in answers:
                self.initial[name] = from_stored(question, answers[str(question.uuid)])

    def stored_answers(self) -> dict:
        """The page's answers by question uuid, ready for the session."""
        return {
            str(q.uuid): to_stored(q, self.cleaned_data.get(field_name(q))) for q in self.questions
        }

    def rows(self) -> list[tuple]:
        """(question, bound field) for the template."""
        return [(q, self[field_name(q)]) for q in self.questions]


def check_stored_answer(question, value, *, districts: list) -> str | None:
    """Why a stored answer is not acceptable for `question` (None when it is fine).

    The answers kept between pages are checked again before anything is stored.
    """
    field = question_field(question, young=False, districts=districts)
    raw = from_stored(question, value)
    if isinstance(raw, int):
        raw = str(raw)
    try:
        field.clean(raw if raw is not None else "")
    except (forms.ValidationError, ValueError, TypeError) as error:
        return "; ".join(getattr(error, "messages", [str(error)]))
    return None


class ConsentForm(forms.Form):
    """Before the first question: the person has read how their answers are used."""

    consent = forms.BooleanField(
        label="I have read how my answers will be used",
        error_messages={"required": "Confirm you have read how your answers will be used"},
    )


class SendForm(SpamGuardForm):
    """The "Check your answers" page's send button, with the feedback forms' spam defences."""

    publish_consent = forms.BooleanField(
        required=False,
        label="You may publish short quotes from what I wrote, without my name",
        help_text="We take out anything that could identify you or someone else.",
    )
