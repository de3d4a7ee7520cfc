"""Remind a survey's owner when it closed 14 days ago and its results are still not published."""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from notifications.outbox import queue_email
from surveys.models import SurveyPage, SurveyResultsPage

REMIND_AFTER = timedelta(days=14)


def remind_unpublished_results(now=None) -> int:
    """Queue one reminder per survey (ever) to its owner; returns how many were queued."""
    now = now or timezone.now()
    queued = 0
    surveys = (
        SurveyPage.objects.live().filter(closes_at__lte=now - REMIND_AFTER).select_related("owner")
    )
    for survey in surveys:
        if SurveyResultsPage.objects.child_of(survey).live().exists():
            continue
        if survey.owner is None or not survey.owner.email:
            continue
        base = getattr(settings, "WAGTAILADMIN_BASE_URL", "").rstrip("/")
        queue_email(
            key=f"survey-reminder:{survey.pk}",
            to=survey.owner.email,
            subject=f"Publish the results of “{survey.title}”",
            body=(
                f"The survey “{survey.title}” closed on "
                f"{timezone.localtime(survey.closes_at):%d %B %Y}, "
                "and its results are not published yet.\n\n"
                "People who answered were told we would publish what they said. Add a results "
                "page under the survey, choose the charts and approved quotes, and publish it:\n"
                f"{base}/admin/pages/{survey.pk}/\n"
            ),
        )
        queued += 1
    return queued
