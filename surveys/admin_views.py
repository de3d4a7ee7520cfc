"""Editors' survey screens: results with cross-tabs, responses per day and by source, paper and
phone responses typed in on someone's behalf, and the responses list with its CSV export."""

from collections import Counter

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.db.models.functions import TruncDate
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse

from directory.exports import FormulaSafeIndexView
from directory.forms import radios_field
from surveys.flow import answer_words
from surveys.forms import StepForm
from surveys.forms_admin import district_choices
from surveys.kinds import CATEGORICAL_KINDS
from surveys.models import SurveyPage, SurveyResponse
from surveys.models.pages import survey_results
from surveys.responses import AlreadyAnswered, submit_response

PERSONAL_PERMISSION = "surveys.export_survey_personal_data"


def _editable_survey(request, survey_id: int) -> SurveyPage:
    survey = get_object_or_404(SurveyPage, pk=survey_id)
    if not survey.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    return survey


def survey_results_view(request, survey_id: int):
    """All the survey's results (exact numbers, for staff), per day, by source, and a cross-tab."""
    survey = _editable_survey(request, survey_id)
    questions = survey.ordered_questions()
    by_options = [q for q in questions if q.kind in CATEGORICAL_KINDS]
    by = next((q for q in by_options if str(q.uuid) == request.GET.get("by")), None)
    published = request.GET.get("view") == "published"
    responses = survey.responses.all()
    per_day = (
        responses.annotate(day=TruncDate("submitted_at"))
        .values("day")
        .annotate(count=Count("pk"))
        .order_by("day")
    )
    sources = Counter(responses.values_list("source", flat=True))
    versions = Counter(responses.values_list("version", flat=True))
    return TemplateResponse(
        request,
        "surveys/admin/results.html",
        {
            "survey": survey,
            "results": survey_results(survey, suppress=published, by=by),
            "published": published,
            "by": by,
            "by_options": by_options,
            "total": responses.count(),
            "per_day": list(per_day),
            "by_source": [
                (label, sources.get(value, 0)) for value, label in SurveyResponse.Source.choices
            ],
            "by_version": [
                (label, versions.get(value, 0)) for value, label in SurveyResponse.Version.choices
            ],
            "max_per_day": max((row["count"] for row in per_day), default=0),
        },
    )


class OnBehalfForm(forms.Form):
    source = radios_field(
        "How did you get these answers?",
        [
            (SurveyResponse.Source.PAPER, "A paper form"),
            (SurveyResponse.Source.PHONE, "A phone call"),
        ],
    )


def paper_response_view(request, survey_id: int):
    """Type in a paper or phone response, marked as entered on someone's behalf."""
    survey = _editable_survey(request, survey_id)
    districts = district_choices()
    questions = survey.ordered_questions()
    data = request.POST if request.method == "POST" else None
    meta = OnBehalfForm(data, prefix="meta")
    answers_form = StepForm(data, questions=questions, young=False, districts=districts, answers={})
    for field in answers_form.fields.values():
        # Branching decides what is kept; a paper form may leave hidden questions blank.
        field.required = False
    if request.method == "POST" and meta.is_valid() and answers_form.is_valid():
        try:
            submit_response(
                survey,
                {k: v for k, v in answers_form.stored_answers().items() if v not in (None, "", [])},
                source=meta.cleaned_data["source"],
                entered_by=request.user,
                check_open=False,
            )
        except ValueError as error:
            problems = error.args[0] if error.args and isinstance(error.args[0], dict) else {}
            for question in questions:
                if str(question.uuid) in problems:
                    answers_form.add_error(f"q_{question.uuid.hex}", problems[str(question.uuid)])
        except AlreadyAnswered:
            answers_form.add_error(None, "This response was already stored.")
        else:
            messages.success(request, "Response saved, marked as entered on someone's behalf.")
            return redirect("surveys_admin:paper", survey.pk)
    return TemplateResponse(
        request,
        "surveys/admin/paper.html",
        {"survey": survey, "meta": meta, "form": answers_form},
    )


class SurveyResponseIndexView(FormulaSafeIndexView):
    """The responses list; its CSV export has every answer, accounts only with the permission."""

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.list_export = list(self.list_export)
        if request.user.has_perm(PERSONAL_PERMISSION):
            self.list_export += ["account", "entered_by_name"]

    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .select_related("survey", "user", "entered_by")
            .prefetch_related("answers__feedback_item")
        )

    def to_row_dict(self, item):
        values = {
            "pk": item.pk,
            "survey": item.survey.title,
            "submitted_at": item.submitted_at,
            "source": item.get_source_display(),
            "version": item.get_version_display(),
            "answers": response_answers_text(item),
            "account": item.user.get_username() if item.user else "",
            "entered_by_name": item.entered_by.get_username() if item.entered_by else "",
        }
        return {field: values[field] for field in self.list_export}


def response_answers_text(response: SurveyResponse) -> str:
    """Every answer of a response, one "Question: answer" line each (free text as written)."""
    questions = {str(q.uuid): q for q in response.survey.specific.ordered_questions()}
    districts = district_choices()
    lines = []
    for answer in response.answers.all():
        question = questions.get(str(answer.question_uuid))
        if question is None:
            continue
        if answer.feedback_item_id:
            words = answer.feedback_item.comment
        else:
            words = answer_words(question, answer.value, districts)
        lines.append(f"{question.label}: {words}")
    return "\n".join(lines)
