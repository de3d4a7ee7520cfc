"""Surveys in the Wagtail admin and plug-ins: log actions, the responses viewset, demo content."""

from django.urls import reverse
from wagtail import hooks
from wagtail.admin.widgets import Button

from surveys.demo import content as demo_content
from surveys.models import SurveyPage
from surveys.viewsets import SurveyAdminViewSet, SurveyResponseViewSet


@hooks.register("register_log_actions")
def register_survey_log_actions(actions) -> None:
    actions.register_action(
        "surveys.hint_edited", "Survey hint text edited", "Survey hint text edited"
    )


@hooks.register("register_admin_viewset")
def register_survey_viewsets():
    return [SurveyResponseViewSet("survey_responses"), SurveyAdminViewSet()]


@hooks.register("register_page_header_buttons")
def survey_header_buttons(page, user, view_name, next_url=None):
    """ "Results" and "Enter a paper response" on a survey's admin pages."""
    if page.specific_class is not SurveyPage or not page.permissions_for_user(user).can_edit():
        return
    yield Button("Results", reverse("surveys_admin:results", args=[page.pk]), priority=80)
    yield Button(
        "Enter a paper or phone response",
        reverse("surveys_admin:paper", args=[page.pk]),
        priority=81,
    )


@hooks.register("load_demo_content")
def load_demo_surveys() -> str:
    return demo_content.load_demo_surveys()
