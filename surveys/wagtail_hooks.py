"""Surveys in the Wagtail admin and plug-ins: log actions, the responses viewset, demo content."""

from wagtail import hooks


@hooks.register("register_log_actions")
def register_survey_log_actions(actions) -> None:
    actions.register_action(
        "surveys.hint_edited", "Survey hint text edited", "Survey hint text edited"
    )
