"""Retention: personal data on old feedback is erased, the comment kept; idempotent."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone

from feedback.models import FeedbackItem, ModerationLogEntry
from feedback.retention import erase_personal_data, months_before
from feedback.tests.moderation_support import *  # noqa: F403

NOW = timezone.make_aware(datetime.datetime(2026, 11, 20, 9, 0))


def test_months_before_clamps_to_month_end():
    moment = timezone.make_aware(datetime.datetime(2026, 3, 31, 12, 0))
    assert months_before(moment, 1).date() == datetime.date(2026, 2, 28)
    assert months_before(moment, 12).date() == datetime.date(2025, 3, 31)


@pytest.mark.postgres
def test_erases_only_old_items_and_keeps_comments(make_item, moderator):
    old = make_item(
        comment="Old words",
        email="old@example.org",
        user=moderator,
        wants_response=True,
        submitted_at=NOW - datetime.timedelta(days=400),
    )
    recent = make_item(
        comment="New words", email="new@example.org", submitted_at=NOW - datetime.timedelta(days=30)
    )
    result = erase_personal_data(now=NOW)
    assert result.item_ids == [old.pk]
    old.refresh_from_db()
    recent.refresh_from_db()
    assert (old.email, old.user, old.comment) == ("", None, "Old words")
    assert old.personal_data_erased_at == NOW
    assert old.log_entries.get().action == ModerationLogEntry.Action.PERSONAL_DATA_ERASED
    assert recent.email == "new@example.org"
    assert recent.personal_data_erased_at is None


@pytest.mark.postgres
def test_second_run_changes_nothing(make_item):
    make_item(email="old@example.org", submitted_at=NOW - datetime.timedelta(days=400))
    assert erase_personal_data(now=NOW).count == 1
    assert erase_personal_data(now=NOW).count == 0
    assert ModerationLogEntry.objects.count() == 1


def test_dry_run_changes_nothing(make_item):
    item = make_item(email="old@example.org", submitted_at=NOW - datetime.timedelta(days=400))
    result = erase_personal_data(now=NOW, dry_run=True)
    assert result.item_ids == [item.pk]
    item.refresh_from_db()
    assert item.email == "old@example.org"


def test_retention_period_comes_from_settings(make_item, site_root):
    from wagtail.models import Site

    from feedback.models import FeedbackSettings

    config = FeedbackSettings.for_site(Site.objects.get(is_default_site=True))
    config.retention_months = 1
    config.save()
    item = make_item(email="a@example.org", submitted_at=NOW - datetime.timedelta(days=40))
    assert erase_personal_data(now=NOW).item_ids == [item.pk]


def test_command_with_dry_run_then_for_real(make_item, capsys):
    item = make_item(
        email="old@example.org", submitted_at=timezone.now() - datetime.timedelta(days=800)
    )
    call_command("erase_feedback_personal_data", "--dry-run")
    assert "Would erase personal data on 1 feedback item" in capsys.readouterr().out
    assert FeedbackItem.objects.get(pk=item.pk).email == "old@example.org"
    call_command("erase_feedback_personal_data")
    assert "Erased personal data on 1 feedback item" in capsys.readouterr().out
    assert FeedbackItem.objects.get(pk=item.pk).email == ""
