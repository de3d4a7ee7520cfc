"""The forum's demo content: everything the issue's "done means" asks for, loaded once."""

import pytest
from wagtail import hooks

from forum.access import in_forum_review
from forum.actions import carried_forward
from forum.demo import MEMBER_EMAIL
from forum.models import ForumAction, MeetingPage, MinutesPage
from forum.models.actions import ActionStatus

pytestmark = pytest.mark.django_db


def load() -> str:
    [fn] = [
        f for f in hooks.get_hooks("load_demo_content") if f.__module__ == "forum.wagtail_hooks"
    ]
    return fn()


def test_demo_content_is_complete_and_idempotent(client, site_root, settings, django_user_model):
    settings.DEBUG = True
    first = load()
    assert "password" in first
    second = load()
    assert "0 meetings added" in second and "password" not in second

    past = [m for m in MeetingPage.objects.all() if m.live_minutes()]
    assert len(past) == 3
    assert {a.status for a in ForumAction.objects.all()} == set(ActionStatus.values)
    assert carried_forward(past[-1]) or carried_forward(sorted(past, key=lambda m: m.date)[-1])
    [draft] = [m for m in MinutesPage.objects.all() if not m.live]
    assert in_forum_review(draft)
    upcoming = MeetingPage.objects.get(slug="forum-meeting-next")
    assert upcoming.agenda_items.count() == 4

    member = django_user_model.objects.get(email=MEMBER_EMAIL)
    client.force_login(member)
    assert client.get(f"/forum/drafts/{draft.pk}/").status_code == 200
    client.logout()
    assert client.get(f"/forum/drafts/{draft.pk}/").status_code == 302
    tracker = client.get("/forum/actions/")
    assert tracker.status_code == 200
    assert tracker.context["total"] == 7  # the draft meeting's action is not public yet
