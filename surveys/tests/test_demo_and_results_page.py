"""Demo surveys, and the published "We asked, you said" page: charts with tables, approved quotes only."""

import pytest

from feedback.models import FeedbackItem
from surveys.demo.content import load_demo_surveys
from surveys.models import SurveyPage, SurveyResponse, SurveyResultsPage
from surveys.responses import submit_response

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(site_root, districts):
    return load_demo_surveys()


def test_demo_surveys_load_once(demo):
    assert "200 responses" in demo
    assert SurveyPage.objects.count() == 2
    assert SurveyResponse.objects.count() == 200
    assert load_demo_surveys() == "Surveys: already there."
    assert SurveyResponse.objects.count() == 200
    open_survey = SurveyPage.objects.get(slug="local-offer-survey-2026")
    assert open_survey.is_open() and open_survey.young_person_version


def test_closed_survey_links_to_its_results(client, demo):
    closed = SurveyPage.objects.get(slug="short-breaks-survey-2026")
    page = client.get(closed.url)
    assert b"This survey has closed" in page.content
    assert b"we asked, you said" in page.content.lower()


def test_results_page_has_charts_tables_summaries_and_only_approved_quotes(client, demo):
    results = SurveyResultsPage.objects.get()
    held = FeedbackItem.objects.filter(survey_answers__isnull=False).first()
    held.status = FeedbackItem.Status.NEW
    held.save()
    page = client.get(results.url)
    html = page.content.decode()
    assert page.status_code == 200
    assert html.count('<svg class="survey-chart"') == 4
    assert html.count('<table class="govuk-table survey-table"') == 4
    assert "people answered" in html
    assert 'style="' not in html.split("<main", 1)[1]
    assert held.public_text not in html
    shown = FeedbackItem.objects.filter(
        status=FeedbackItem.Status.APPROVED, survey_answers__isnull=False
    )
    assert shown.exists()
    for item in shown:
        assert item.public_text.replace("'", "&#x27;") in html


def test_unapproved_survey_text_is_never_public(client, survey):
    questions = survey.ordered_questions()
    submit_response(survey, {str(questions[0].uuid): "no", str(questions[4].uuid): "Secret words"})
    child = SurveyResultsPage(title="Results", summary="<p>Hi</p>", published_quotes=[1, 2, 3])
    survey.add_child(instance=child)
    child.save_revision().publish()
    assert b"Secret words" not in client.get(child.url).content
