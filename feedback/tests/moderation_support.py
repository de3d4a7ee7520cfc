"""Fixtures for the moderation, export, dashboard, digest and retention tests.

Import the fixtures you need into a test module: `from feedback.tests.moderation_support import *`.
"""

import itertools

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.utils import timezone

from feedback.models import FeedbackItem, Theme

_counter = itertools.count(1)


@pytest.fixture(autouse=True)
def emails_go_at_commit(outbox_sends_at_commit):
    """Emails queued for after the commit go out at once (see the root conftest)."""


@pytest.fixture
def make_item(db):
    """Create a FeedbackItem; any field can be given (defaults: a new general comment)."""

    def make(**fields) -> FeedbackItem:
        fields.setdefault("kind", FeedbackItem.Kind.GENERAL)
        fields.setdefault(
            "comment", f"The bus to the short breaks club is late. ({next(_counter)})"
        )
        fields.setdefault("topic", FeedbackItem.Topic.CONTENT)
        fields.setdefault("publish_consent", True)
        themes = fields.pop("themes", [])
        item = FeedbackItem.objects.create(**fields)
        if themes:
            item.themes.set(themes)
        return item

    return make


def _user(username: str, *groups: str, **fields):
    user = get_user_model().objects.create_user(
        username=username, email=f"{username}@council.example", password="pw", **fields
    )
    for name in groups:
        user.groups.add(Group.objects.get(name=name))
    return user


@pytest.fixture
def moderator(db):
    return _user("mod", "Moderators", first_name="Mo", last_name="Derator")


@pytest.fixture
def safeguarding_lead(db):
    return _user("lead", "Safeguarding leads", first_name="Sam", last_name="Lead")


@pytest.fixture
def editor(db):
    """An admin user with no feedback permissions and no page permissions."""
    user = _user("editor")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


@pytest.fixture
def moderator_client(client, moderator):
    client.force_login(moderator)
    return client


@pytest.fixture
def lead_client(client, safeguarding_lead):
    client.force_login(safeguarding_lead)
    return client


@pytest.fixture
def theme(db):
    return Theme.objects.create(name="Transport", slug="transport")


def days_ago(days: int):
    return timezone.now() - timezone.timedelta(days=days)
