"""Forum fixtures: a forum under the home page, meetings, published minutes, a fixed clock."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from wagtail.models import Page

from accounts.roles import EDITORS_GROUP, FORUM_MEMBERS_GROUP, MODERATORS_GROUP
from forum import clock
from forum.factories import ForumIndexPageFactory, MeetingPageFactory, TeamFactory
from forum.models import MinutesItem, MinutesPage

TODAY = datetime.date(2026, 11, 20)


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    """Rate-limit counters live in the cache, shared with earlier tests from the same address."""
    cache.clear()


@pytest.fixture
def fixed_today(monkeypatch):
    """The tracker's and minutes' "today" is 20 November 2026."""
    monkeypatch.setattr(clock, "today", lambda: TODAY)
    return TODAY


@pytest.fixture
def forum_index(site_root):
    return ForumIndexPageFactory(parent=site_root)


@pytest.fixture
def make_meeting(forum_index):
    def make(title="Forum meeting", date=datetime.date(2026, 9, 1), **fields):
        return MeetingPageFactory(parent=forum_index, title=title, date=date, **fields)

    return make


@pytest.fixture
def make_minutes():
    """Minutes under a meeting; published unless `live=False` (then a saved draft revision)."""

    def make(meeting, *, live=True, items=(("Short breaks", "We talked."),), user=None):
        minutes = MinutesPage(title=f"Minutes of {meeting.title}", live=False, summary="Summary")
        for heading, summary in items:
            minutes.items.add(MinutesItem(heading=heading, summary=f"<p>{summary}</p>"))
        meeting.add_child(instance=minutes)
        revision = minutes.save_revision(user=user)
        if live:
            revision.publish(user=user)
        minutes.refresh_from_db()
        return minutes

    return make


@pytest.fixture
def team():
    return TeamFactory(name="SEND Transport team", contact_email="transport@westshire.example")


@pytest.fixture
def member(django_user_model):
    user = django_user_model.objects.create_user(
        username="member", email="member@westshire.example", password="x"
    )
    user.groups.add(Group.objects.get(name=FORUM_MEMBERS_GROUP))
    return user


@pytest.fixture
def editor(django_user_model):
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user(
        username="editor", email="editor@westshire.example", password="x"
    )
    group, _ = Group.objects.get_or_create(name=EDITORS_GROUP)
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user.groups.add(group, Group.objects.get(name=MODERATORS_GROUP))
    return user


@pytest.fixture
def outsider(django_user_model):
    return django_user_model.objects.create_user(
        username="outsider", email="outsider@westshire.example", password="x"
    )


def page_tree_ok() -> bool:
    return not Page.find_problems()[0]
