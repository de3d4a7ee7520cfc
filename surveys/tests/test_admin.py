"""Editors' screens: results, paper responses, and the CSV export (formula-safe, personal data
only with the permission)."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, rich_text

from feedback.models import FeedbackItem
from surveys.models import SurveyResponse, SurveyResultsPage
from surveys.responses import submit_response
from surveys.tests.conftest import qname

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_user(django_user_model):
    return django_user_model.objects.create_superuser("admin", "admin@example.com", "x")


@pytest.fixture
def responses(survey, django_user_model):
    questions = survey.ordered_questions()
    submit_response(
        survey,
        {str(questions[0].uuid): "no", str(questions[4].uuid): '=HYPERLINK("http://evil")'},
    )
    submit_response(
        survey,
        {
            str(questions[0].uuid): "yes",
            str(questions[1].uuid): "School",
            str(questions[2].uuid): "3",
        },
    )
    return SurveyResponse.objects.all()


def test_results_screen_shows_counts_per_day_and_source(client, admin_user, survey, responses):
    client.force_login(admin_user)
    page = client.get(reverse("surveys_admin:results", args=[survey.pk]))
    assert page.status_code == 200
    assert b"Responses per day" in page.content
    assert b"Online" in page.content
    assert b"<svg" not in page.content or b"survey-chart" in page.content
    published = client.get(reverse("surveys_admin:results", args=[survey.pk]) + "?view=published")
    assert b"Fewer than 5 people answered" in published.content


def test_paper_response_is_marked_as_entered_on_behalf(client, admin_user, survey):
    client.force_login(admin_user)
    url = reverse("surveys_admin:paper", args=[survey.pk])
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "meta-source": "paper",
            qname(survey, 1): "no",
            qname(survey, 2): "School",  # skipped by question 1's answer: not kept
            qname(survey, 5): "Paper words",
        },
    )
    assert response.status_code == 302
    stored = SurveyResponse.objects.get()
    assert stored.source == "paper"
    assert stored.entered_by == admin_user
    assert stored.answers.count() == 2
    assert FeedbackItem.objects.get().comment == "Paper words"


def test_paper_response_refuses_tampered_choice(client, admin_user, survey):
    client.force_login(admin_user)
    page = client.post(
        reverse("surveys_admin:paper", args=[survey.pk]),
        {"meta-source": "phone", qname(survey, 1): "maybe"},
    )
    assert page.status_code == 200
    assert SurveyResponse.objects.count() == 0


def test_csv_export_is_formula_safe_and_without_accounts_by_default(
    client, survey, responses, sign_in, django_user_model
):
    editor = sign_in("Editors")
    export = client.get(reverse("survey_responses:index") + "?export=csv")
    assert export.status_code == 200
    text = b"".join(export.streaming_content).decode()
    assert "What should we change?: '=HYPERLINK" not in text  # the cell starts with the label
    assert "Answers" in text and "How did you find it?: School" in text
    assert "Account" not in text
    editor.user_permissions.add(Permission.objects.get(codename="export_survey_personal_data"))
    editor = django_user_model.objects.get(pk=editor.pk)
    client.force_login(editor)
    text = b"".join(
        client.get(reverse("survey_responses:index") + "?export=csv").streaming_content
    ).decode()
    assert "Account" in text and "Entered by" in text


def test_csv_cells_starting_with_a_formula_are_escaped(client, admin_user, survey):
    questions = survey.ordered_questions()
    survey.title = "=cmd|' /C calc'!A0"
    survey.save_revision().publish()
    submit_response(survey, {str(questions[0].uuid): "no"})
    client.force_login(admin_user)
    text = b"".join(
        client.get(reverse("survey_responses:index") + "?export=csv").streaming_content
    ).decode()
    assert "'=cmd" in text
    assert ",=cmd" not in text


def test_survey_editor_and_results_page_editor_open(client, admin_user, survey, responses):
    client.force_login(admin_user)
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[survey.pk]))
    assert edit.status_code == 200
    assert reverse("surveys_admin:results", args=[survey.pk]).encode() in edit.content
    add = client.get(
        reverse("wagtailadmin_pages:add", args=["surveys", "surveyresultspage", survey.pk])
    )
    assert add.status_code == 200
    assert b"How did you find it?" in add.content  # a chart to choose
    assert b"HYPERLINK" not in add.content  # not approved: not offered as a quote


def test_results_page_publishes_only_chosen_charts(client, admin_user, survey, responses):
    client.force_login(admin_user)
    first = survey.ordered_questions()[0]
    response = client.post(
        reverse("wagtailadmin_pages:add", args=["surveys", "surveyresultspage", survey.pk]),
        nested_form_data(
            {
                "title": "We asked, you said",
                "slug": "results",
                "summary": rich_text("Thank you."),
                "action-publish": "publish",
            }
        )
        | {"published_questions": [str(first.uuid)]},
    )
    assert response.status_code == 302
    page = SurveyResultsPage.objects.get()
    assert page.published_questions == [str(first.uuid)]
    html = client.get(page.url).content.decode()
    assert first.label in html
    assert "How did you find it?" not in html
