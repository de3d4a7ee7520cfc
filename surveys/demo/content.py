"""Demo surveys: an open parents' survey with a young people's version, and a closed survey with
about 200 generated responses, moderated quotes and a published results page. Idempotent."""

import json
import random
from datetime import timedelta
from pathlib import Path

from django.utils import timezone
from wagtail.models import Site

from feedback.models import FeedbackItem
from feedback.moderation import approve
from surveys.forms_admin import district_choices
from surveys.kinds import fixed_choices
from surveys.models import SurveyPage, SurveyResponse, SurveyResultsPage
from surveys.responses import create_survey, submit_response

DATA = Path(__file__).with_name("surveys.json")
RESPONSES = 200


def _survey_fields(spec: dict) -> dict:
    keys = ("title", "slug", "intro", "audience", "young_person_version", "what_happens_next")
    fields = {key: spec[key] for key in keys if key in spec}
    fields["results_expected"] = spec.get("results_expected", "")
    fields["privacy_statement"] = spec["privacy_statement"]
    return fields


def _generate_responses(survey: SurveyPage, spec: dict, rng: random.Random) -> None:
    questions = survey.ordered_questions()
    districts = district_choices()
    quotes = list(spec["quotes"])
    for number in range(RESPONSES):
        answers: dict = {}
        for question in questions:
            key = str(question.uuid)
            choices = [
                v for v, _ in fixed_choices(question.kind, question.option_list(), districts)
            ]
            if question.show_if_question:
                target = questions[question.show_if_question - 1]
                if answers.get(str(target.uuid)) != "yes":
                    continue
            if question.kind == "yes_no":
                answers[key] = rng.choices(["yes", "no"], [62, 38])[0]
            elif question.kind == "rating":
                answers[key] = rng.choices(["1", "2", "3", "4", "5"], [2, 5, 15, 40, 38])[0]
            elif question.kind == "single_choice":
                answers[key] = rng.choices(choices, [20, 12, 15, 18, 35][: len(choices)])[0]
            elif question.kind == "district" and choices:
                answers[key] = rng.choice(choices)
            elif question.kind == "long_text" and number < len(quotes):
                answers[key] = quotes[number]
        outcome = submit_response(
            survey,
            answers,
            source=rng.choices(["web", "paper", "phone"], [85, 10, 5])[0],
            check_open=False,
            publish_consent=True,
        )
        SurveyResponse.objects.filter(pk=outcome.response.pk).update(
            submitted_at=survey.opens_at + timedelta(hours=rng.randint(1, 24 * 55))
        )


def load_demo_surveys() -> str:
    """Add the demo surveys that are missing; say what was added."""
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return "Surveys: no site, nothing added."
    home = site.root_page.specific
    spec = json.loads(DATA.read_text())
    added = []
    now = timezone.now()
    if not SurveyPage.objects.filter(slug=spec["open"]["slug"]).exists():
        create_survey(
            home,
            spec["open"]["questions"],
            **_survey_fields(spec["open"]),
            opens_at=now - timedelta(days=7),
            closes_at=now + timedelta(days=60),
            pages_mode="question",
        )
        added.append(spec["open"]["title"])
    closed_spec = spec["closed"]
    if not SurveyPage.objects.filter(slug=closed_spec["slug"]).exists():
        survey = create_survey(
            home,
            closed_spec["questions"],
            **_survey_fields(closed_spec),
            opens_at=now - timedelta(days=90),
            closes_at=now - timedelta(days=30),
        )
        _generate_responses(survey, closed_spec, random.Random(12))
        quotes = []
        for item in FeedbackItem.objects.filter(survey_answers__response__survey=survey):
            approve(item, None)
            quotes.append(item.pk)
        results = SurveyResultsPage(
            title=closed_spec["results_title"],
            slug="results",
            summary=closed_spec["results_summary"],
            published_questions=[
                str(q.uuid) for q in survey.ordered_questions() if q.kind != "long_text"
            ],
            published_quotes=quotes,
        )
        survey.add_child(instance=results)
        results.save_revision().publish()
        added.append(f"{closed_spec['title']} ({RESPONSES} responses, results published)")
    return "Surveys: " + ("added " + "; ".join(added) if added else "already there") + "."
