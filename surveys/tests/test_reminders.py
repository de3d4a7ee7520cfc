"""The reminder to publish results: 14 days after closing, to the owner, once."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from surveys.models import SurveyResultsPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def closed_survey(survey, django_user_model):
    owner = django_user_model.objects.create_user("owner", "owner@example.com", "x")
    survey.owner = owner
    survey.closes_at = timezone.now() - timedelta(days=15)
    survey.opens_at = None
    survey.save_revision().publish()
    return survey


def test_owner_reminded_once(closed_survey, django_capture_on_commit_callbacks):
    for _ in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            call_command("send_survey_reminders", stdout=None)
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["owner@example.com"]
    assert "Parents survey" in mail.outbox[0].subject


def test_not_reminded_before_14_days_or_once_published(
    closed_survey, django_capture_on_commit_callbacks
):
    closed_survey.closes_at = timezone.now() - timedelta(days=13)
    closed_survey.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_survey_reminders")
    assert mail.outbox == []
    closed_survey.closes_at = timezone.now() - timedelta(days=20)
    closed_survey.save_revision().publish()
    closed_survey.add_child(
        instance=SurveyResultsPage(title="We asked, you said", summary="<p>Thanks</p>")
    )
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_survey_reminders")
    assert mail.outbox == []
