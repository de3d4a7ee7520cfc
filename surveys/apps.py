"""Surveys families finish, with results published accessibly and safely."""

from django.apps import AppConfig


class SurveysConfig(AppConfig):
    name = "surveys"
    verbose_name = "Surveys"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # A survey lives under the home page or a guide. The directory's pages name their own
        # children; this app adds itself to them rather than the ground floor naming a higher one.
        from directory.models import HomePage, InformationPage

        for parent in (HomePage, InformationPage):
            if "surveys.SurveyPage" not in parent.subpage_types:
                parent.subpage_types = [*parent.subpage_types, "surveys.SurveyPage"]
