"""The Feedback menu shows each screen to whoever the permission policy lets open it, and the
moderation actions table matches what the item page allows."""

import pytest
from django.test import RequestFactory
from wagtail.admin.menu import admin_menu

from feedback.admin.actions import ACTIONS, allowed_actions
from feedback.tests.moderation_support import *  # noqa: F403
from feedback.tests.test_moderation_services import page_editor

pytestmark = pytest.mark.django_db

FEEDBACK_SCREENS = {
    "Moderation queue",
    "Safeguarding concerns",
    "About your services",
    "Dashboard",
    "What was missing",
    "Themes",
}


def feedback_menu_labels(user) -> set[str]:
    """The labels under "Feedback" in the admin's main menu, as this user sees them."""
    request = RequestFactory().get("/admin/")
    request.user = user
    for item in admin_menu.menu_items_for_request(request):
        if item.label == "Feedback":
            return {entry.label for entry in item.menu.menu_items_for_request(request)}
    return set()


def test_safeguarding_lead_sees_every_feedback_screen(safeguarding_lead):
    assert FEEDBACK_SCREENS <= feedback_menu_labels(safeguarding_lead)


def test_moderator_sees_all_but_safeguarding(moderator):
    labels = feedback_menu_labels(moderator)
    assert FEEDBACK_SCREENS - {"Safeguarding concerns"} <= labels
    assert "Safeguarding concerns" not in labels


def test_service_owner_sees_only_their_services_feedback(make_service):
    owner = page_editor("swim", make_service("Swim club"))
    assert feedback_menu_labels(owner) & FEEDBACK_SCREENS == {"About your services"}


def test_an_editor_without_feedback_permissions_has_no_feedback_menu(editor):
    assert feedback_menu_labels(editor) == set()


def test_every_allowed_action_is_in_the_table(moderator, safeguarding_lead, make_item):
    new, approved = make_item(), make_item(status="approved")
    flagged = make_item(status="safeguarding")
    assert set(ACTIONS) == {
        "approve",
        "redact",
        "reject",
        "flag",
        "unflag",
        "reopen",
        "themes",
        "note",
    }
    assert allowed_actions(moderator, new) == {
        "approve",
        "redact",
        "reject",
        "flag",
        "themes",
        "note",
    }
    assert "reopen" in allowed_actions(moderator, approved)
    assert allowed_actions(moderator, flagged) == set()
    assert allowed_actions(safeguarding_lead, flagged) == {"unflag", "note"}
