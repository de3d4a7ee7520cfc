"""The builder's rules: options, branching to earlier questions only, and locking once answered."""

import pytest
from wagtail.models import PageLogEntry
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from surveys.factories import add_survey
from surveys.models import SurveyPage, SurveyResponse

pytestmark = pytest.mark.django_db


def question_row(question=None, **fields) -> dict:
    data = {
        "kind": "yes_no",
        "label": "A question",
        "young_label": "",
        "hint": "",
        "young_hint": "",
        "required": "on",
        "options": "",
        "section": "",
        "show_if_question": "",
        "show_if_answer": "",
    }
    if question is not None:
        data.update(
            {
                "id": question.pk,
                "kind": question.kind,
                "label": question.label,
                "young_label": question.young_label,
                "hint": question.hint,
                "options": question.options,
                "show_if_question": question.show_if_question or "",
                "show_if_answer": question.show_if_answer,
            }
        )
        if not question.required:
            data.pop("required")
    data.update(fields)
    return data


def page_form(survey, rows: list[dict], user, parent=None, **page_fields):
    form_class = SurveyPage.get_edit_handler().get_form_class()
    data = nested_form_data(
        {
            "title": survey.title if survey else "New survey",
            "slug": survey.slug if survey else "new-survey",
            "intro": "",
            "audience": "everyone",
            "privacy_statement": rich_text("We keep answers for two years."),
            "pages_mode": "question",
            "one_response_per": "",
            "small_numbers_threshold": 5,
            "questions": inline_formset(rows, initial=len([r for r in rows if "id" in r])),
            **page_fields,
        }
    )
    return form_class(data, instance=survey or SurveyPage(), parent_page=parent, for_user=user)


def row_errors(form) -> list[dict]:
    return [f.errors for f in form.formsets["questions"].forms]


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("editor", "editor@example.com", "x")


def test_a_valid_survey(site_root, editor, districts):
    form = page_form(
        None,
        [
            question_row(kind="single_choice", label="Pick", options="A\nB"),
            question_row(label="Why?", kind="long_text", show_if_question="1", show_if_answer="b"),
        ],
        editor,
        parent=site_root,
    )
    assert form.is_valid(), (form.errors, row_errors(form))


@pytest.mark.parametrize(
    ("rows", "field", "message"),
    [
        ([question_row(kind="single_choice", options="Only one")], "options", "at least 2 options"),
        ([question_row(kind="yes_no", options="A\nB")], "options", "Only single and multiple"),
        (
            [question_row(show_if_question="1", show_if_answer="Yes")],
            "show_if_question",
            "first question",
        ),
        (
            [question_row(), question_row(show_if_question="2", show_if_answer="Yes")],
            "show_if_question",
            "earlier question",
        ),
        (
            [question_row(kind="number"), question_row(show_if_question="1", show_if_answer="3")],
            "show_if_question",
            "is not a single choice",
        ),
        (
            [question_row(), question_row(show_if_question="1", show_if_answer="Perhaps")],
            "show_if_answer",
            "has no answer",
        ),
        (
            [question_row(), question_row(show_if_question="1")],
            "show_if_answer",
            "Enter the answer",
        ),
    ],
)
def test_builder_rules(site_root, editor, rows, field, message):
    form = page_form(None, rows, editor, parent=site_root)
    assert not form.is_valid()
    errors = [e for e in row_errors(form) if field in e]
    assert errors and message in str(errors[0][field])


def test_section_mode_branches_only_to_earlier_sections(site_root, editor):
    rows = [
        question_row(section="About you"),
        question_row(section="About you", show_if_question="1", show_if_answer="Yes"),
    ]
    form = page_form(None, rows, editor, parent=site_root, pages_mode="section")
    assert not form.is_valid()
    assert "earlier section" in str(row_errors(form)[1])


@pytest.fixture
def answered_survey(site_root, districts):
    survey = add_survey(
        site_root,
        [
            {"kind": "yes_no", "label": "Have you used it?", "hint": "Any time"},
            {"kind": "single_choice", "label": "How?", "options": "Web\nPhone"},
        ],
    )
    SurveyResponse.objects.create(survey=survey)
    return survey


def test_questions_lock_once_answered(answered_survey, editor):
    first, second = answered_survey.ordered_questions()
    form = page_form(
        answered_survey,
        [
            question_row(first, label="Have you ever used it?"),
            question_row(second, options="Web\nPhone\nPost"),
        ],
        editor,
    )
    assert not form.is_valid()
    errors = row_errors(form)
    assert "already answered" in str(errors[0]["label"])
    assert "already answered" in str(errors[1]["options"])


def test_cannot_add_or_remove_questions_once_answered(answered_survey, editor):
    first, second = answered_survey.ordered_questions()
    form = page_form(
        answered_survey,
        [question_row(first), question_row(second), question_row(label="New")],
        editor,
    )
    assert not form.is_valid()
    assert "cannot add questions" in str(row_errors(form)[2])
    removed = question_row(second)
    removed["DELETE"] = "on"
    form = page_form(answered_survey, [question_row(first), removed], editor)
    assert not form.is_valid()
    assert "cannot remove questions" in str(row_errors(form)[1])


def test_hint_text_can_be_fixed_and_is_logged(answered_survey, editor):
    first, second = answered_survey.ordered_questions()
    form = page_form(
        answered_survey, [question_row(first, hint="At any time"), question_row(second)], editor
    )
    assert form.is_valid(), (form.errors, row_errors(form))
    page = form.save(commit=False)
    page.save_revision(user=editor).publish()
    first.refresh_from_db()
    assert first.hint == "At any time"
    entry = PageLogEntry.objects.get(page=answered_survey, action="surveys.hint_edited")
    assert entry.data["before"] == "Any time"
    assert entry.data["after"] == "At any time"
    assert entry.user == editor


def test_unanswered_survey_can_still_change(answered_survey, editor):
    SurveyResponse.objects.all().delete()
    first, second = answered_survey.ordered_questions()
    form = page_form(
        answered_survey, [question_row(first, label="Changed"), question_row(second)], editor
    )
    assert form.is_valid(), row_errors(form)
