"""'What was missing?' answers reach moderators (with the page's helpfulness), go into an
export with formula-safe cells, and are deleted by the retention job."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone

from feedback.models import HelpfulnessComment, PageHelpfulness
from feedback.retention import erase_personal_data
from feedback.tests.moderation_support import *  # noqa: F403

pytestmark = pytest.mark.django_db

INDEX = "/admin/feedback/what-was-missing/"
NOW = timezone.make_aware(datetime.datetime(2026, 11, 20, 9, 0))


@pytest.fixture
def answers(make_service):
    service = make_service("Aiming High short breaks")
    PageHelpfulness.objects.create(page=service, date=datetime.date(2026, 11, 1), yes_count=3)
    PageHelpfulness.objects.create(page=service, date=datetime.date(2026, 11, 2), no_count=2)
    return [
        HelpfulnessComment.objects.create(page=service, comment="The cost per session"),
        HelpfulnessComment.objects.create(page=service, comment='=HYPERLINK("http://x")'),
    ]


def test_moderators_read_them_with_the_page_helpfulness(client, moderator, answers):
    client.force_login(moderator)
    response = client.get(INDEX)
    assert response.status_code == 200
    html = response.content.decode()
    assert "The cost per session" in html
    assert "Aiming High short breaks" in html
    assert "What was missing" in client.get("/admin/").content.decode()


def test_other_staff_do_not(client, answers):
    user = get_user_model().objects.create_user("ed", password="pw", is_staff=True)
    from django.contrib.auth.models import Permission

    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    assert client.get(INDEX).status_code in (302, 403)


def test_the_export_has_the_helpfulness_and_escapes_formulas(client, moderator, answers):
    client.force_login(moderator)
    response = client.get(INDEX, {"export": "csv"})
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode()
    assert "Page helpful: yes,Page helpful: no,What was missing" in text
    assert "Aiming High short breaks,3,2,The cost per session" in text
    assert "'=HYPERLINK" in text


def test_retention_deletes_old_answers(answers):
    HelpfulnessComment.objects.filter(pk=answers[0].pk).update(
        submitted_at=NOW - datetime.timedelta(days=400)
    )
    HelpfulnessComment.objects.filter(pk=answers[1].pk).update(submitted_at=NOW)
    assert erase_personal_data(now=NOW, dry_run=True).missing_answers == 1
    assert erase_personal_data(now=NOW).missing_answers == 1
    assert list(HelpfulnessComment.objects.values_list("pk", flat=True)) == [answers[1].pk]
    call_command("erase_feedback_personal_data")
