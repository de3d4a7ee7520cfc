"""The editors' forms: the survey builder's rules and locking, and choosing what to publish."""

from django import forms
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.log_actions import log

from directory.models import District
from feedback.models import FeedbackItem
from surveys.kinds import (
    CATEGORICAL_KINDS,
    KINDS_WITH_OPTIONS,
    QuestionKind,
    fixed_choices,
    match_choice,
)

LOCKED_FIELDS = (
    "kind",
    "label",
    "young_label",
    "required",
    "options",
    "section",
    "show_if_question",
    "show_if_answer",
)
LOCKED_MESSAGE = (
    "People have already answered this survey, so this cannot change: it would change what "
    "their answers mean. You can still fix the hint text."
)


def district_choices() -> list[tuple[str, str]]:
    return [(d.slug, d.name) for d in District.objects.order_by("name")]


def _options(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


class SurveyPageForm(WagtailAdminPageForm):
    """Checks the questions make a survey people can answer, and locks them once answered."""

    def clean(self):
        cleaned = super().clean()
        formset = self.formsets.get("questions")
        if formset is None or not formset.is_valid():
            return cleaned
        live_forms = [
            f for f in formset.forms if f.cleaned_data and not formset._should_delete_form(f)
        ]
        live_forms.sort(
            key=lambda f: (f.cleaned_data.get("ORDER") is None, f.cleaned_data.get("ORDER") or 0)
        )
        self._check_questions(live_forms, self.cleaned_data.get("pages_mode") or "question")
        if self.instance.pk and self.instance.responses.exists():
            self._check_locked(formset, live_forms)
        return cleaned

    def _check_questions(self, question_forms: list, pages_mode: str) -> None:
        districts = district_choices()
        page_of: list[int] = []
        for position, form in enumerate(question_forms):
            data = form.cleaned_data
            section = data.get("section", "")
            if (
                pages_mode == "section"
                and position
                and section == question_forms[position - 1].cleaned_data.get("section", "")
            ):
                page_of.append(page_of[-1])
            else:
                page_of.append(position)
            kind = data.get("kind")
            options = _options(data.get("options", ""))
            if kind in KINDS_WITH_OPTIONS and len(options) < 2:
                form.add_error("options", "Give at least 2 options, one per line")
            elif kind in KINDS_WITH_OPTIONS and len(set(options)) != len(options):
                form.add_error("options", "Each option must be different")
            elif kind not in KINDS_WITH_OPTIONS and options:
                form.add_error("options", "Only single and multiple choice questions have options")
            number, answer = (
                data.get("show_if_question"),
                (data.get("show_if_answer") or "").strip(),
            )
            if number is None and not answer:
                continue
            if number is None:
                form.add_error("show_if_question", "Enter the number of the earlier question")
                continue
            if not answer:
                form.add_error("show_if_answer", "Enter the answer that shows this question")
                continue
            if not 1 <= number <= position:
                form.add_error(
                    "show_if_question",
                    f"Enter the number of an earlier question (1 to {position})"
                    if position
                    else "The first question is always shown",
                )
                continue
            target = question_forms[number - 1].cleaned_data
            if target.get("kind") not in CATEGORICAL_KINDS:
                form.add_error(
                    "show_if_question",
                    f"Question {number} is not a single choice, yes/no, rating or district "
                    "question",
                )
                continue
            if pages_mode == "section" and page_of[number - 1] == page_of[position]:
                form.add_error(
                    "show_if_question",
                    "With one section per page, a question can only depend on an earlier section",
                )
                continue
            choices = fixed_choices(target["kind"], _options(target.get("options", "")), districts)
            if match_choice(answer, choices) is None:
                words = ", ".join(w for _, w in choices)
                form.add_error(
                    "show_if_answer",
                    f"Question {number} has no answer “{answer}”. Its answers are: {words}",
                )

    def _check_locked(self, formset, live_forms: list) -> None:
        problems = False
        self._hint_changes = []
        original = list(
            self.instance.questions.order_by("sort_order", "pk").values_list("pk", flat=True)
        )
        for form in formset.forms:
            if not form.instance.pk:
                if form in live_forms:
                    form.add_error(
                        None,
                        "You cannot add questions once people have answered. " + LOCKED_MESSAGE,
                    )
                    problems = True
                continue
            if formset._should_delete_form(form):
                form.add_error(None, "You cannot remove questions once people have answered.")
                problems = True
                continue
            for name in set(form.changed_data) & set(LOCKED_FIELDS):
                form.add_error(name, LOCKED_MESSAGE)
                problems = True
            for name in ("hint", "young_hint"):
                if name in form.changed_data:
                    self._hint_changes.append(
                        {
                            "question": str(form.instance.uuid),
                            "field": name,
                            "before": form.initial.get(name, ""),
                            "after": form.cleaned_data.get(name, ""),
                        }
                    )
        if [f.instance.pk for f in live_forms] != original:
            self.add_error(None, "You cannot reorder questions once people have answered.")
            problems = True
        if problems:
            self.add_error(
                None, "Some questions cannot change because people have already answered."
            )

    def save(self, commit=True):
        page = super().save(commit=commit)
        for change in getattr(self, "_hint_changes", []):
            log(instance=page, action="surveys.hint_edited", data=change, user=self.for_user)
        return page


class SurveyResultsPageForm(WagtailAdminPageForm):
    """The questions whose charts, and the approved quotes, the results page publishes."""

    published_questions = forms.MultipleChoiceField(
        label="Charts to publish",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Counts under the survey's small-numbers threshold are never shown.",
    )
    published_quotes = forms.TypedMultipleChoiceField(
        label="Quotes to publish",
        required=False,
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
        help_text="Only free-text answers a moderator approved, in their public version.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        survey = (
            self.parent_page
            if self.parent_page is not None
            else (self.instance.get_parent() if self.instance.pk else None)
        )
        survey = survey.specific if survey is not None else None
        questions, quotes = [], []
        if survey is not None and hasattr(survey, "questions"):
            questions = [
                (str(q.uuid), q.label)
                for q in survey.questions.order_by("sort_order", "pk")
                if q.kind not in (QuestionKind.SHORT_TEXT, QuestionKind.LONG_TEXT)
            ]
            quotes = [
                (item.pk, item.public_text)
                for item in FeedbackItem.objects.filter(
                    survey_answers__response__survey_id=survey.pk,
                    status=FeedbackItem.Status.APPROVED,
                )
                .exclude(public_text="")
                .order_by("pk")
            ]
        self.fields["published_questions"].choices = questions
        self.fields["published_quotes"].choices = quotes
