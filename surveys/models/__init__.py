"""Survey pages (the builder), their questions, responses and answers, and published results."""

from surveys.models.pages import (
    Audience,
    OneResponsePer,
    PagesMode,
    QuestionKind,
    SurveyPage,
    SurveyQuestion,
    SurveyResultsPage,
)
from surveys.models.responses import SurveyAnswer, SurveyResponse

__all__ = [
    "Audience",
    "OneResponsePer",
    "PagesMode",
    "QuestionKind",
    "SurveyAnswer",
    "SurveyPage",
    "SurveyQuestion",
    "SurveyResponse",
    "SurveyResultsPage",
]
