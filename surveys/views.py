"""Answering a survey: consent, one page at a time, check your answers, thank you.

The answers so far live in the session under the survey's id, so Back, Change and a lost
connection never lose what was typed. Nothing reaches the database until "Send".
"""

import time
import uuid

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render, resolve_url
from django.urls import reverse
from django.utils.http import urlencode

from feedback.models import FeedbackSettings
from feedback.posting import check_post
from feedback.spam import form_spam_signals, form_started_token
from surveys.flow import (
    answer_words,
    build_steps,
    first_unanswered_required,
    visible_questions,
    visible_steps,
)
from surveys.forms import ConsentForm, SendForm, StepForm
from surveys.forms_admin import district_choices
from surveys.kinds import FACES_CHOICES, TEXT_KINDS, QuestionKind, fixed_choices
from surveys.models import OneResponsePer, SurveyPage, SurveyResponse
from surveys.responses import AlreadyAnswered, SurveyClosed, already_answered, submit_response

BROWSER_COOKIE = "survey_browser"
BROWSER_COOKIE_AGE = 2 * 365 * 24 * 60 * 60
THANKS_SECONDS = 30 * 60
FACE_MOUTHS = {"1": 19, "2": 23, "3": 27, "4": 31, "5": 35}
RATE_LIMIT_MESSAGE = (
    "Many answers have been sent from your connection in a short time. Please wait {minutes} "
    "minutes, then send them again. Your answers are still here."
)


def _survey_or_404(survey_id: int) -> SurveyPage:
    return get_object_or_404(SurveyPage.objects.live().public(), pk=survey_id)


def _state_key(survey: SurveyPage) -> str:
    return f"survey-{survey.pk}"


def _state(request: HttpRequest, survey: SurveyPage) -> dict | None:
    state = request.session.get(_state_key(survey))
    if isinstance(state, dict) and isinstance(state.get("answers"), dict):
        return state
    return None


def _save_state(request: HttpRequest, survey: SurveyPage, state: dict) -> None:
    request.session[_state_key(survey)] = state
    request.session.modified = True


def _closed(request: HttpRequest, survey: SurveyPage) -> HttpResponse:
    return render(
        request,
        "surveys/closed.html",
        {
            "survey": survey,
            "not_yet": not survey.has_closed(),
            "results_page": survey.live_results_page(),
        },
    )


def _already(request: HttpRequest, survey: SurveyPage) -> HttpResponse:
    return render(request, "surveys/already_answered.html", {"survey": survey})


def _gatekeep(request: HttpRequest, survey: SurveyPage) -> HttpResponse | None:
    """The page to show instead of a question, if this person cannot answer now."""
    if not survey.is_open():
        return _closed(request, survey)
    if survey.one_response_per == OneResponsePer.ACCOUNT and not request.user.is_authenticated:
        return render(
            request,
            "surveys/sign_in_needed.html",
            {
                "survey": survey,
                "login_url": f"{resolve_url(settings.LOGIN_URL)}?{urlencode({'next': survey.url})}",
            },
        )
    if already_answered(
        survey, user=request.user, browser_id=request.COOKIES.get(BROWSER_COOKIE, "")
    ):
        return _already(request, survey)
    return None


def _answering(
    request: HttpRequest, survey_id: int
) -> tuple[SurveyPage, dict | None, HttpResponse | None]:
    """The survey and this person's answers so far, or where to send them instead (the survey
    is closed or already answered, or they have not started it)."""
    survey = _survey_or_404(survey_id)
    blocked = _gatekeep(request, survey)
    if blocked:
        return survey, None, blocked
    state = _state(request, survey)
    if state is None:
        return survey, None, redirect(survey.url)
    return survey, state, None


def _journey(survey: SurveyPage, answers: dict):
    districts = district_choices()
    questions = survey.ordered_questions()
    steps = build_steps(questions, survey.pages_mode)
    visible = visible_questions(questions, answers, districts)
    return districts, steps, visible, visible_steps(steps, visible)


def start(request: HttpRequest, survey_id: int) -> HttpResponse:
    """The consent step, after the privacy statement. Starting again keeps the answers so far."""
    survey = _survey_or_404(survey_id)
    blocked = _gatekeep(request, survey)
    if blocked:
        return blocked
    young = (
        survey.young_person_version
        and request.POST.get("version", request.GET.get("version")) == "young"
    )
    form = ConsentForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        state = _state(request, survey)
        wanted_version = (
            SurveyResponse.Version.YOUNG_PERSON if young else SurveyResponse.Version.STANDARD
        )
        if state is None or state.get("version") != wanted_version:
            state = {
                "version": wanted_version,
                "answers": {},
                "started": form_started_token(),
                "key": str(uuid.uuid4()),
            }
            _save_state(request, survey, state)
        response = redirect("surveys:step", survey.pk, 1)
        if survey.one_response_per == OneResponsePer.BROWSER and not request.COOKIES.get(
            BROWSER_COOKIE
        ):
            response.set_cookie(
                BROWSER_COOKIE,
                uuid.uuid4().hex,
                max_age=BROWSER_COOKIE_AGE,
                httponly=True,
                samesite="Lax",
                secure=request.is_secure(),
            )
        return response
    return render(
        request,
        "surveys/survey_page.html",
        {
            "page": survey,
            "self": survey,
            "form": form,
            "young": young,
            "is_open": True,
            "question_count": survey.questions.count(),
        },
    )


def _step_context(survey, state, districts, shown_steps, step, form, change: bool) -> dict:
    numbers = [s.number for s in shown_steps]
    position = numbers.index(step.number) + 1 if step.number in numbers else 1
    earlier = [s for s in shown_steps if s.number < step.number]
    visible_count = sum(len(s.questions) for s in shown_steps)
    question_position = sum(len(s.questions) for s in earlier) + 1
    if change:
        back_url = reverse("surveys:check", args=[survey.pk])
    elif earlier:
        back_url = reverse("surveys:step", args=[survey.pk, earlier[-1].number])
    else:
        back_url = survey.url
    young = state.get("version") == SurveyResponse.Version.YOUNG_PERSON
    rows = []
    for question, bound in form.rows():
        narrow = question.kind in (QuestionKind.NUMBER, QuestionKind.DATE)
        rows.append(
            {
                "question": question,
                "field": bound,
                "template": _field_template(question),
                "input_class": "govuk-input--width-10" if narrow else "",
                "inputmode": "numeric" if question.kind == QuestionKind.NUMBER else "",
            }
        )
    return {
        "survey": survey,
        "form": form,
        "rows": rows,
        "step": step,
        "young": young,
        "single": len(step.questions) == 1,
        "position": position,
        "step_count": len(shown_steps),
        "question_position": question_position,
        "question_last": question_position + len(step.questions) - 1,
        "question_count": visible_count,
        "back_url": back_url,
        "change": change,
        "faces": [{"value": v, "words": w, "mouth_y": FACE_MOUTHS[v]} for v, w in FACES_CHOICES],
    }


def _field_template(question) -> str:
    if question.kind == QuestionKind.LONG_TEXT:
        return "textarea"
    if question.kind == QuestionKind.MULTIPLE_CHOICE:
        return "checkboxes"
    if question.kind in (QuestionKind.SHORT_TEXT, QuestionKind.NUMBER, QuestionKind.DATE):
        return "input"
    if question.kind == QuestionKind.FACES:
        return "faces"
    return "radios"


def step(request: HttpRequest, survey_id: int, number: int) -> HttpResponse:
    """One page of questions. A step that is hidden by earlier answers moves on to the next."""
    survey, state, elsewhere = _answering(request, survey_id)
    if elsewhere:
        return elsewhere
    answers = state["answers"]
    districts, steps, _visible, shown = _journey(survey, answers)
    change = request.GET.get("change") == "1"
    current = next((s for s in shown if s.number == number), None)
    if current is None:
        later = [s for s in shown if s.number > number]
        if later:
            return redirect("surveys:step", survey.pk, later[0].number)
        return redirect("surveys:check", survey.pk)
    young = state.get("version") == SurveyResponse.Version.YOUNG_PERSON
    form = StepForm(
        request.POST if request.method == "POST" else None,
        questions=current.questions,
        young=young,
        districts=districts,
        answers=answers,
    )
    if request.method == "POST" and form.is_valid():
        answers.update(form.stored_answers())
        # Answers to questions that the new answers hide are forgotten, never stored.
        _d, _s, visible, shown = _journey(survey, answers)
        keep = {str(q.uuid) for q in visible}
        state["answers"] = {k: v for k, v in answers.items() if k in keep}
        _save_state(request, survey, state)
        unseen = first_unanswered_required(shown, state["answers"])
        if change and (unseen is None or unseen.number <= number):
            return redirect("surveys:check", survey.pk)
        later = [s for s in shown if s.number > number]
        if change and unseen is not None:
            return redirect(reverse("surveys:step", args=[survey.pk, unseen.number]) + "?change=1")
        if later:
            return redirect("surveys:step", survey.pk, later[0].number)
        return redirect("surveys:check", survey.pk)
    return render(
        request,
        "surveys/step.html",
        _step_context(survey, state, districts, shown, current, form, change),
    )


def check(request: HttpRequest, survey_id: int) -> HttpResponse:
    """ "Check your answers", with Change links; sending stores the response once."""
    survey, state, elsewhere = _answering(request, survey_id)
    if elsewhere:
        return elsewhere
    answers = state["answers"]
    districts, steps, visible, shown = _journey(survey, answers)
    unseen = first_unanswered_required(shown, answers)
    if unseen is not None:
        return redirect("surveys:step", survey.pk, unseen.number)
    form = SendForm(request.POST if request.method == "POST" else None)
    post = check_post(request, form, scope="survey", message=RATE_LIMIT_MESSAGE)
    if post.accepted:
        try:
            outcome = submit_response(
                survey,
                answers,
                version=state.get("version", SurveyResponse.Version.STANDARD),
                submission_key=state.get("key"),
                publish_consent=form.cleaned_data.get("publish_consent", False),
                user=request.user if request.user.is_authenticated else None,
                browser_id=request.COOKIES.get(BROWSER_COOKIE, ""),
                spam_reasons=form_spam_signals(
                    request, form, started_token=state.get("started", "")
                ),
            )
        except SurveyClosed:
            return _closed(request, survey)
        except AlreadyAnswered:
            request.session.pop(_state_key(survey), None)
            return _already(request, survey)
        except ValueError as error:
            problems = error.args[0] if error.args and isinstance(error.args[0], dict) else {}
            for question in visible:
                if str(question.uuid) in problems:
                    form.add_error(None, f"{question.label}: {problems[str(question.uuid)]}")
        else:
            request.session.pop(_state_key(survey), None)
            request.session[f"survey-thanks-{survey.pk}"] = {
                "help": outcome.safeguarding,
                "young": state.get("version") == SurveyResponse.Version.YOUNG_PERSON,
                "until": time.time() + THANKS_SECONDS,
            }
            return redirect("surveys:thanks", survey.pk)
    young = state.get("version") == SurveyResponse.Version.YOUNG_PERSON
    rows = []
    for step_ in shown:
        for question in step_.questions:
            rows.append(
                {
                    "key": question.wording(young)[0],
                    "value": answer_words(question, answers.get(str(question.uuid)), districts),
                    "action_href": reverse("surveys:step", args=[survey.pk, step_.number])
                    + "?change=1",
                    "action_text": "Change",
                }
            )
    return render(
        request,
        "surveys/check.html",
        {
            "survey": survey,
            "rows": rows,
            "form": form,
            "young": young,
            "wrote_text": any(q.kind in TEXT_KINDS and answers.get(str(q.uuid)) for q in visible),
        },
        status=post.status,
    )


def thanks(request: HttpRequest, survey_id: int) -> HttpResponse:
    """Thank you, what happens next and when results come; the help box if safeguarding matched."""
    survey = get_object_or_404(SurveyPage.objects.live().public(), pk=survey_id)
    thanks_state = request.session.get(f"survey-thanks-{survey.pk}")
    recent = isinstance(thanks_state, dict) and thanks_state.get("until", 0) > time.time()
    return render(
        request,
        "surveys/thanks.html",
        {
            "survey": survey,
            "show_help": recent and thanks_state.get("help"),
            "young": recent and thanks_state.get("young"),
            "feedback_settings": FeedbackSettings.for_request(request),
        },
    )


def printable(request: HttpRequest, survey_id: int) -> HttpResponse:
    """The whole survey on one page, to print and fill in by hand."""
    survey = _survey_or_404(survey_id)
    young = survey.young_person_version and request.GET.get("version") == "young"
    districts = district_choices()
    questions = []
    all_questions = survey.ordered_questions()
    for number, question in enumerate(all_questions, start=1):
        label, hint = question.wording(young)
        condition = ""
        if question.show_if_question and question.show_if_answer:
            condition = (
                f"Only answer this if you answered “{question.show_if_answer}” "
                f"to question {question.show_if_question}."
            )
        questions.append(
            {
                "number": number,
                "label": label,
                "hint": hint,
                "kind": question.kind,
                "required": question.required,
                "choices": [
                    w for _, w in fixed_choices(question.kind, question.option_list(), districts)
                ],
                "multiple": question.kind == QuestionKind.MULTIPLE_CHOICE,
                "condition": condition,
                "section": question.section,
            }
        )
    return render(
        request, "surveys/print.html", {"survey": survey, "questions": questions, "young": young}
    )
