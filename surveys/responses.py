"""Storing a survey response: re-check every answer, drop hidden ones, send free text to the
moderated feedback intake, and store it all once."""

from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.utils.crypto import salted_hmac

from directory.models import District
from feedback.intake import Submission, submit_feedback
from feedback.models import FeedbackItem
from surveys.flow import visible_questions
from surveys.forms import check_stored_answer
from surveys.forms_admin import district_choices
from surveys.kinds import TEXT_KINDS, QuestionKind
from surveys.models import (
    OneResponsePer,
    SurveyAnswer,
    SurveyPage,
    SurveyQuestion,
    SurveyResponse,
)


class SurveyClosed(Exception):
    """The survey is not open for answers now."""


class AlreadyAnswered(Exception):
    """Only one response is allowed, and there is one already (or this one was stored)."""


@dataclass
class Outcome:
    response: SurveyResponse
    safeguarding: bool = False
    problems: dict[str, str] = field(default_factory=dict)


def create_survey(parent, questions: list[dict], **fields) -> SurveyPage:
    """Publish a survey under `parent` with `questions` (dicts of SurveyQuestion fields)."""
    survey = SurveyPage(**fields)
    parent.add_child(instance=survey)
    for order, question in enumerate(questions):
        SurveyQuestion.objects.create(page=survey, sort_order=order, **question)
    survey.save_revision().publish()
    survey.refresh_from_db()
    return survey


def browser_key(survey: SurveyPage, browser_id: str) -> str:
    """A per-survey key for the browser's random id, so the id itself is never stored."""
    return salted_hmac(
        "surveys.browser", f"{survey.pk}:{browser_id}", algorithm="sha256"
    ).hexdigest()


def already_answered(survey: SurveyPage, *, user=None, browser_id: str = "") -> bool:
    """Whether this account or browser has answered a survey that allows only one response."""
    if (
        survey.one_response_per == OneResponsePer.ACCOUNT
        and user is not None
        and user.is_authenticated
    ):
        return survey.responses.filter(user=user).exists()
    if survey.one_response_per == OneResponsePer.BROWSER and browser_id:
        return survey.responses.filter(browser_key=browser_key(survey, browser_id)).exists()
    return False


def invalid_answers(survey: SurveyPage, answers: dict) -> dict[str, str]:
    """Problems with the answers to the questions this person is asked, by question uuid."""
    districts = district_choices()
    questions = survey.ordered_questions()
    problems = {}
    for question in visible_questions(questions, answers, districts):
        key = str(question.uuid)
        if key not in answers:
            if question.required:
                problems[key] = "Answer this question"
            continue
        message = check_stored_answer(question, answers[key], districts=districts)
        if message:
            problems[key] = message
    return problems


def submit_response(
    survey: SurveyPage,
    answers: dict,
    *,
    version: str = SurveyResponse.Version.STANDARD,
    source: str = SurveyResponse.Source.WEB,
    submission_key: str | None = None,
    user=None,
    browser_id: str = "",
    entered_by=None,
    spam_reasons: list[str] | None = None,
    publish_consent: bool = False,
    check_open: bool = True,
) -> Outcome:
    """Store one response. Raises SurveyClosed, AlreadyAnswered, or ValueError with problems.

    Answers to questions this person was not asked (branched away) are dropped; free text is
    stored as a feedback item of kind "survey answer" through the one moderated intake.
    """
    if check_open and not survey.is_open():
        raise SurveyClosed
    if source == SurveyResponse.Source.WEB and already_answered(
        survey, user=user, browser_id=browser_id
    ):
        raise AlreadyAnswered
    problems = invalid_answers(survey, answers)
    if problems:
        raise ValueError(problems)
    districts = district_choices()
    questions = visible_questions(survey.ordered_questions(), answers, districts)
    district_answer = next(
        (answers.get(str(q.uuid)) for q in questions if q.kind == QuestionKind.DISTRICT), None
    )
    district = District.objects.filter(slug=district_answer).first() if district_answer else None
    young = version == SurveyResponse.Version.YOUNG_PERSON
    response_fields = {
        "survey": survey,
        "source": source,
        "version": version,
        "entered_by": entered_by,
        "user": user
        if survey.one_response_per == OneResponsePer.ACCOUNT and source == SurveyResponse.Source.WEB
        else None,
        "browser_key": (
            browser_key(survey, browser_id)
            if survey.one_response_per == OneResponsePer.BROWSER
            and browser_id
            and source == SurveyResponse.Source.WEB
            else ""
        ),
    }
    if submission_key:
        response_fields["submission_key"] = submission_key
    safeguarding = False
    try:
        with transaction.atomic():
            response = SurveyResponse.objects.create(**response_fields)
            for question in questions:
                value = answers.get(str(question.uuid))
                item = None
                if question.kind in TEXT_KINDS:
                    if value and value.strip():
                        item = submit_feedback(
                            Submission(
                                kind=FeedbackItem.Kind.SURVEY_ANSWER,
                                comment=value,
                                subject_page=survey,
                                topic=FeedbackItem.Topic.DEVELOPMENT,
                                writer=FeedbackItem.Writer.YOUNG_PERSON if young else "",
                                district_id=district.pk if district else None,
                                spam_reasons=list(spam_reasons or []),
                                publish_consent=publish_consent,
                            )
                        )
                        safeguarding = safeguarding or item.is_safeguarding
                    value = None
                if value in (None, "", []) and item is None:
                    continue
                SurveyAnswer.objects.create(
                    response=response, question_uuid=question.uuid, value=value, feedback_item=item
                )
    except IntegrityError as error:
        raise AlreadyAnswered from error
    return Outcome(response=response, safeguarding=safeguarding)
