"""Weekly digest: the right owner gets the right items, once a week; moderators get all."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from feedback.digest import send_weekly_digests
from feedback.models import FeedbackDigest
from feedback.tests.moderation_support import *  # noqa: F403

NOW = timezone.make_aware(datetime.datetime(2026, 11, 23, 8, 0))  # a Monday


def owner(username):
    return get_user_model().objects.create_user(
        username=username, email=f"{username}@council.example", password="pw"
    )


def mail_to(address):
    return [m for m in mail.outbox if m.to == [address]]


@pytest.mark.postgres
def test_each_owner_gets_their_services_items_once(make_service, make_item):
    alice, bob = owner("alice"), owner("bob")
    swim = make_service("Swim club", owner=alice)
    youth = make_service("Youth club", owner=bob)
    make_item(subject_page=swim, kind="service", submitted_at=NOW - datetime.timedelta(days=2))
    make_item(subject_page=swim, kind="service", submitted_at=NOW - datetime.timedelta(days=10))
    make_item(subject_page=youth, kind="service", submitted_at=NOW - datetime.timedelta(days=1))

    result = send_weekly_digests(now=NOW)

    assert sorted(result.sent_to) == ["alice@council.example", "bob@council.example"]
    [alice_mail] = mail_to("alice@council.example")
    assert "1 new feedback item" in alice_mail.subject
    assert "Swim club" in alice_mail.body and "Youth club" not in alice_mail.body
    assert "/admin/feedback/" in alice_mail.body
    [bob_mail] = mail_to("bob@council.example")
    assert "Youth club" in bob_mail.body and "Swim club" not in bob_mail.body


@pytest.mark.postgres
def test_second_run_in_the_same_week_sends_nothing(make_service, make_item):
    alice = owner("alice")
    swim = make_service("Swim club", owner=alice)
    make_item(subject_page=swim, submitted_at=NOW - datetime.timedelta(days=2))
    send_weekly_digests(now=NOW)
    again = send_weekly_digests(now=NOW + datetime.timedelta(hours=5))
    assert len(mail.outbox) == 1
    assert again.sent_to == [] and again.skipped_already_sent == ["alice@council.example"]
    assert FeedbackDigest.objects.get().item_count == 1
    # Next week is a new digest.
    make_item(subject_page=swim, submitted_at=NOW + datetime.timedelta(days=6))
    send_weekly_digests(now=NOW + datetime.timedelta(days=7))
    assert len(mail.outbox) == 2


def test_moderators_get_everything_but_safeguarding(moderator, make_item):
    make_item(comment="General one", submitted_at=NOW - datetime.timedelta(days=1))
    make_item(status="safeguarding", submitted_at=NOW - datetime.timedelta(days=1))
    send_weekly_digests(now=NOW)
    [digest] = mail_to("mod@council.example")
    assert "1 new feedback item" in digest.subject
    assert "General one" not in digest.body  # the comment never goes by email


def test_nobody_is_emailed_in_a_quiet_week(moderator, make_item):
    make_item(submitted_at=NOW - datetime.timedelta(days=30))
    assert send_weekly_digests(now=NOW).sent_to == []
    assert mail.outbox == []


def test_command(moderator, make_item, capsys):
    make_item()
    call_command("send_feedback_digest", "--dry-run")
    assert "Would send 1 digest" in capsys.readouterr().out
    assert mail.outbox == []
    call_command("send_feedback_digest")
    assert "Sent 1 digest" in capsys.readouterr().out
    assert len(mail.outbox) == 1
