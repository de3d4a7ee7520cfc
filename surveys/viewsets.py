"""The Surveys menu: the responses list (with CSV export) and per-survey results and paper entry."""

from django.urls import path
from wagtail.admin.viewsets.base import ViewSet
from wagtail.admin.viewsets.model import ModelViewSet

from surveys import admin_views
from surveys.models import SurveyResponse


class SurveyResponseViewSet(ModelViewSet):
    """Responses, newest first, filtered by survey, source and version; exported as CSV."""

    model = SurveyResponse
    icon = "form"
    menu_label = "Survey responses"
    add_to_admin_menu = True
    menu_order = 250
    index_view_class = admin_views.SurveyResponseIndexView
    list_display = ["survey", "submitted_at", "source", "version"]
    list_filter = ["survey", "source", "version"]
    list_export = ["pk", "survey", "submitted_at", "source", "version", "answers"]
    export_headings = {
        "pk": "ID",
        "survey": "Survey",
        "submitted_at": "Received",
        "source": "How it came",
        "version": "Version",
        "answers": "Answers",
        "account": "Account",
        "entered_by_name": "Entered by",
    }
    export_filename = "survey-responses"
    form_fields = ["survey", "source", "version"]
    inspect_view_enabled = False


class SurveyAdminViewSet(ViewSet):
    """URLs under /admin/surveys/, namespace "surveys_admin"; reached from each survey's page."""

    name = "surveys_admin"
    url_prefix = "surveys"
    icon = "form"

    def get_urlpatterns(self) -> list:
        return [
            path("<int:survey_id>/results/", admin_views.survey_results_view, name="results"),
            path("<int:survey_id>/paper/", admin_views.paper_response_view, name="paper"),
        ]
