"""Editors record a check in one click: last checked today, next review after the interval."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("editor", "editor@example.org", "pw")


def test_checked_today_sets_both_dates_and_publishes(client, editor, make_service):
    service = make_service("Aiming High short breaks")
    service.last_reviewed = datetime.date(2024, 1, 1)
    service.review_due = datetime.date(2025, 1, 1)
    service.save_revision().publish()
    client.force_login(editor)
    url = reverse("directory_checked_today", args=[service.pk])
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[service.pk])).content.decode()
    assert url in edit, "the service's header offers 'Checked today'"
    assert "Checked today" in client.get(url).content.decode()

    response = client.post(url)
    assert response.status_code == 302
    service.refresh_from_db()
    today = timezone.localdate()
    assert service.last_reviewed == today
    assert service.review_due == today + datetime.timedelta(days=365)
    assert not service.has_unpublished_changes


def test_a_draft_is_not_published_by_a_check(client, editor, make_service):
    service = make_service("Swimming club")
    draft = service.get_latest_revision_as_object()
    draft.summary = "Unfinished new wording"
    draft.save_revision()
    client.force_login(editor)
    client.post(reverse("directory_checked_today", args=[service.pk]))
    service.refresh_from_db()
    assert service.last_reviewed == timezone.localdate()
    assert service.summary != "Unfinished new wording"
    assert service.get_latest_revision_as_object().summary == "Unfinished new wording"


def test_people_who_cannot_publish_cannot_check(client, django_user_model, make_service):
    service = make_service("Swimming club")
    service.last_reviewed = datetime.date(2024, 1, 1)
    service.save_revision().publish()
    client.force_login(django_user_model.objects.create_user("someone", password="pw"))
    response = client.post(reverse("directory_checked_today", args=[service.pk]))
    assert response.status_code in (302, 403)
    service.refresh_from_db()
    assert service.last_reviewed == datetime.date(2024, 1, 1)
