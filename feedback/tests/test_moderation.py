"""Moderation actions as plain functions: state changes and the log, without HTTP."""

import pytest
from django.core import mail

from feedback import moderation
from feedback.models import FeedbackItem, ModerationLogEntry
from feedback.tests.moderation_support import *  # noqa: F403

Action = ModerationLogEntry.Action


def test_approve_without_changes_publishes_the_comment_and_logs_who(make_item, moderator):
    item = make_item(comment="More Saturday clubs please.")
    moderation.approve(item, moderator)
    item.refresh_from_db()
    assert item.status == FeedbackItem.Status.APPROVED
    assert item.public_text == "More Saturday clubs please."
    entry = item.log_entries.get()
    assert (entry.action, entry.user) == (Action.APPROVED, moderator)


def test_approve_with_redacted_version_keeps_original_and_logs_before_after(make_item, moderator):
    item = make_item(comment="Mrs Smith at Oak School ignored my son.")
    moderation.approve(
        item, moderator, public_text="A teacher ignored my son.", reason="Removed a name"
    )
    item.refresh_from_db()
    assert item.comment == "Mrs Smith at Oak School ignored my son."
    assert item.public_text == "A teacher ignored my son."
    redacted = item.log_entries.get(action=Action.REDACTED)
    assert redacted.user == moderator
    assert redacted.reason == "Removed a name"
    assert redacted.before == "Mrs Smith at Oak School ignored my son."
    assert redacted.after == "A teacher ignored my son."


def test_approve_needs_own_words_without_publish_consent(make_item, moderator):
    item = make_item(comment="Please do not quote me.", publish_consent=False)
    with pytest.raises(moderation.ModerationError):
        moderation.approve(item, moderator)
    moderation.approve(item, moderator, public_text="A parent asked for clearer letters.")
    assert item.status == FeedbackItem.Status.APPROVED


def test_redact_needs_a_reason_and_keeps_status(make_item, moderator):
    item = make_item()
    with pytest.raises(moderation.ModerationError):
        moderation.redact(item, moderator, public_text="Short version", reason=" ")
    moderation.redact(item, moderator, public_text="Short version", reason="Too long")
    item.refresh_from_db()
    assert item.public_text == "Short version"
    assert item.status == FeedbackItem.Status.NEW


def test_reject_keeps_reason_and_note(make_item, moderator):
    item = make_item()
    moderation.reject(item, moderator, reason="other", note="Advert for a gym")
    item.refresh_from_db()
    assert item.status == FeedbackItem.Status.REJECTED
    assert (item.rejection_reason, item.rejection_note) == ("other", "Advert for a gym")
    assert item.log_entries.get(action=Action.REJECTED).reason == "Other: Advert for a gym"


def test_reject_other_needs_a_note(make_item, moderator):
    with pytest.raises(moderation.ModerationError):
        moderation.reject(make_item(), moderator, reason="other")


def test_individual_case_routes_to_complaints_and_emails_writer_who_asked(make_item, moderator):
    item = make_item(wants_response=True, email="parent@example.org")
    outcome = moderation.reject(item, moderator, reason="individual_case")
    assert outcome.complaints is not None
    assert "complaint" in outcome.complaints.text
    assert outcome.submitter_emailed
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["parent@example.org"]
    assert outcome.complaints.text in mail.outbox[0].body


def test_individual_case_without_reply_wanted_sends_nothing(make_item, moderator):
    outcome = moderation.reject(make_item(), moderator, reason="individual_case")
    assert outcome.complaints is not None and not outcome.submitter_emailed
    assert mail.outbox == []


def test_flag_safeguarding_emails_at_once_and_blocks_publication(make_item, moderator):
    item = make_item(comment="Something worrying")
    moderation.flag_safeguarding(item, moderator, reason="Mentions being unsafe")
    item.refresh_from_db()
    assert item.status == FeedbackItem.Status.SAFEGUARDING
    assert item.safeguarding_flag == FeedbackItem.SafeguardingFlag.MANUAL
    assert len(mail.outbox) == 1
    assert item.safeguarding_notified_at is not None
    actions = set(item.log_entries.values_list("action", flat=True))
    assert {Action.FLAGGED, Action.SAFEGUARDING_NOTIFIED} <= actions
    with pytest.raises(moderation.ModerationError):
        moderation.approve(item, moderator)
    with pytest.raises(moderation.ModerationError):
        moderation.redact(item, moderator, public_text="x", reason="y")


def test_unflag_returns_to_queue_with_reason(make_item, safeguarding_lead):
    item = make_item(status=FeedbackItem.Status.SAFEGUARDING)
    moderation.unflag_safeguarding(item, safeguarding_lead, reason="Quoting a book title")
    assert item.status == FeedbackItem.Status.NEW
    assert item.log_entries.get(action=Action.UNFLAGGED).reason == "Quoting a book title"


def test_set_themes_logs_before_and_after_only_when_changed(make_item, moderator, theme):
    item = make_item()
    assert moderation.set_themes(item, moderator, [theme])
    assert not moderation.set_themes(item, moderator, [theme])
    entry = item.log_entries.get(action=Action.THEMES_CHANGED)
    assert (entry.before, entry.after) == ("", "Transport")
    assert list(item.themes.all()) == [theme]


def test_approve_with_an_edit_needs_a_reason(make_item, moderator):
    item = make_item(comment="Mrs Smith was rude.")
    with pytest.raises(moderation.ModerationError, match="Say why"):
        moderation.approve(item, moderator, public_text="A teacher was rude.")
    item.refresh_from_db()
    assert item.status == FeedbackItem.Status.NEW
    assert not item.log_entries.exists()


def test_migration_gives_groups_their_feedback_permissions(db):
    from django.contrib.auth.models import Group

    def codenames(name):
        return set(Group.objects.get(name=name).permissions.values_list("codename", flat=True))

    moderators = codenames("Moderators")
    assert {"access_admin", "moderate_feedbackitem", "add_theme", "change_theme"} <= moderators
    assert not {"view_safeguarding", "export_personal_data"} & moderators
    assert {"moderate_feedbackitem", "view_safeguarding", "export_personal_data"} <= codenames(
        "Safeguarding leads"
    )
