"""Survey fixtures: a small parents' survey with branching, and a client that answers it."""

import pytest
from django.core.cache import cache

from directory.models import District
from surveys.factories import add_survey

QUESTIONS = [
    {
        "kind": "yes_no",
        "label": "Have you used the Local Offer website?",
        "young_label": "Have you used this website?",
    },
    {
        "kind": "single_choice",
        "label": "How did you find it?",
        "options": "Search engine\nSchool\nHealth visitor",
        "show_if_question": 1,
        "show_if_answer": "Yes",
    },
    {
        "kind": "rating",
        "label": "How easy was it to find what you needed?",
        "show_if_question": 1,
        "show_if_answer": "Yes",
    },
    {"kind": "district", "label": "Where do you live?", "required": False},
    {"kind": "long_text", "label": "What should we change?", "required": False},
]


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()


@pytest.fixture
def districts(db):
    return [
        District.objects.get_or_create(slug=slug, defaults={"name": name})[0]
        for slug, name in [("north", "North"), ("south", "South"), ("east", "East")]
    ]


@pytest.fixture
def survey(site_root, districts):
    return add_survey(
        site_root,
        QUESTIONS,
        title="Parents survey",
        slug="parents-survey",
        young_person_version=True,
    )


def qname(survey, number: int) -> str:
    return f"q_{survey.ordered_questions()[number - 1].uuid.hex}"
