"""Question kinds and what each accepts: shared by the builder, the answering forms and results."""

from django.db import models

SHORT_TEXT_MAX_LENGTH = 255
LONG_TEXT_MAX_LENGTH = 5000  # feedback.models.COMMENT_MAX_LENGTH: the intake keeps it whole


class QuestionKind(models.TextChoices):
    SHORT_TEXT = "short_text", "Short text"
    LONG_TEXT = "long_text", "Long text"
    SINGLE_CHOICE = "single_choice", "Single choice"
    MULTIPLE_CHOICE = "multiple_choice", "Multiple choice"
    YES_NO = "yes_no", "Yes or no"
    RATING = "rating", "Rating 1 to 5"
    FACES = "faces", "Five faces (young people)"
    NUMBER = "number", "Number"
    DATE = "date", "Date"
    DISTRICT = "district", "District"


TEXT_KINDS = {QuestionKind.SHORT_TEXT, QuestionKind.LONG_TEXT}
KINDS_WITH_OPTIONS = {QuestionKind.SINGLE_CHOICE, QuestionKind.MULTIPLE_CHOICE}
# Kinds whose answer is one value from a fixed list: they can drive branching and cross-tabs.
CATEGORICAL_KINDS = {
    QuestionKind.SINGLE_CHOICE,
    QuestionKind.YES_NO,
    QuestionKind.DISTRICT,
    QuestionKind.RATING,
    QuestionKind.FACES,
}


YES_NO_CHOICES = [("yes", "Yes"), ("no", "No")]
RATING_CHOICES = [
    ("1", "Very poor"),
    ("2", "Poor"),
    ("3", "OK"),
    ("4", "Good"),
    ("5", "Very good"),
]
FACES_CHOICES = [
    ("1", "Really bad"),
    ("2", "Bad"),
    ("3", "OK"),
    ("4", "Good"),
    ("5", "Really good"),
]


def fixed_choices(
    kind: str, options: list[str], districts: list[tuple[str, str]]
) -> list[tuple[str, str]]:
    """(stored value, words) for a question whose answer comes from a list; [] for others."""
    if kind in KINDS_WITH_OPTIONS:
        return [(option, option) for option in options]
    if kind == QuestionKind.YES_NO:
        return YES_NO_CHOICES
    if kind == QuestionKind.RATING:
        return RATING_CHOICES
    if kind == QuestionKind.FACES:
        return FACES_CHOICES
    if kind == QuestionKind.DISTRICT:
        return districts
    return []


def match_choice(answer: str, choices: list[tuple[str, str]]) -> str | None:
    """The stored value an editor meant by `answer` (a value or its words, any case), or None."""
    wanted = answer.strip().casefold()
    for value, words in choices:
        if wanted in (str(value).casefold(), str(words).casefold()):
            return str(value)
    return None
