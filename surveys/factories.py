"""Factories for surveys (tests and demo data): a survey page with its questions."""

import wagtail_factories

from surveys.models import SurveyPage
from surveys.responses import create_survey


class SurveyPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = SurveyPage

    title = "Local Offer survey 2026"
    privacy_statement = "<p>We keep your answers for 2 years. We never publish names.</p>"


def add_survey(parent, questions: list[dict], **fields) -> SurveyPage:
    """A live survey under `parent` with `questions` (dicts of SurveyQuestion fields)."""
    fields.setdefault("title", SurveyPageFactory.title)
    fields.setdefault("privacy_statement", SurveyPageFactory.privacy_statement)
    return create_survey(parent, questions, **fields)
