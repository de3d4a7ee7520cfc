"""Factories for surveys (tests and demo data): a survey page with its questions."""

import wagtail_factories

from surveys.models import SurveyPage


class SurveyPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = SurveyPage

    title = "Local Offer survey 2026"
    privacy_statement = "<p>We keep your answers for 2 years. We never publish names.</p>"


def add_survey(parent, questions: list[dict], **fields) -> SurveyPage:
    """A live survey under `parent` with `questions` (dicts of SurveyQuestion fields), published."""
    from surveys.models import SurveyQuestion

    survey = SurveyPageFactory.build(**fields)
    parent.add_child(instance=survey)
    for order, question in enumerate(questions):
        SurveyQuestion.objects.create(page=survey, sort_order=order, **question)
    survey.save_revision().publish()
    survey.refresh_from_db()
    return survey
