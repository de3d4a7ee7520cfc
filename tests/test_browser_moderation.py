"""The moderation admin in a real Chromium: queue, item page, an approval with redaction, axe.

Whole pages are checked, Wagtail's own admin furniture included: no exclusions were needed.
"""

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from playwright.sync_api import Page, expect

from feedback.models import FeedbackItem, Theme
from tests.browser import BROWSER_TEST, assert_no_axe_violations

pytestmark = BROWSER_TEST


def assert_accessible(page: Page) -> None:
    """No WCAG 2.2 A/AA violations, measured once Wagtail's animations have finished.

    They are finished at once rather than awaited: a warning badge pings 5 times for 5 s each.
    """
    page.evaluate(
        """document.getAnimations()
            .filter((a) => a.effect.getComputedTiming().endTime !== Infinity)
            .forEach((a) => a.finish())"""
    )
    assert_no_axe_violations(page)


@pytest.fixture
def moderator(db):
    user = get_user_model().objects.create_user(
        username="moderator",
        email="moderator@example.org",
        password="a long test password",
        first_name="Mo",
    )
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    # A flush between transactional tests removes the groups the migrations made (post_migrate
    # recreates only permissions), so make sure the group has what the migration gives it.
    group, _ = Group.objects.get_or_create(name="Moderators")
    group.permissions.add(
        *Permission.objects.filter(
            codename__in=["access_admin", "moderate_feedbackitem", "add_theme", "change_theme"]
        )
    )
    user.groups.add(group)
    return user


def sign_in(page: Page, live_server) -> None:
    page.goto(f"{live_server.url}/admin/login/")  # the admin signs in through allauth
    page.get_by_label("Email address").fill("moderator@example.org")
    page.get_by_label("Password").fill("a long test password")
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(f"{live_server.url}/admin/")


def test_moderator_approves_a_redacted_version(page: Page, live_server, moderator, site_root):
    Theme.objects.create(name="Transport", slug="transport")
    item = FeedbackItem.objects.create(
        kind="general",
        topic="content",
        comment="Mr Brown on the school bus shouts at my son <b>every</b> day.",
        publish_consent=True,
    )
    FeedbackItem.objects.create(kind="general", comment="Please add more Saturday clubs.")
    sign_in(page, live_server)

    page.goto(f"{live_server.url}/admin/feedback/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Feedback")
    expect(page.get_by_role("link", name="New: 2")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Mr Brown on the school bus").click()
    expect(page.get_by_test_id("original-comment")).to_have_text(
        "Mr Brown on the school bus shouts at my son <b>every</b> day."
    )
    assert_accessible(page)

    approve = page.locator("#action-approve")
    approve.get_by_label("Public version").fill("A driver on the school bus shouts at my son.")
    approve.get_by_label("Why you changed it").fill("Removed a name")
    approve.get_by_role("button", name="Approve").click()

    expect(page.get_by_test_id("public-text")).to_have_text(
        "A driver on the school bus shouts at my son."
    )
    log = page.get_by_test_id("moderation-log")
    expect(log).to_contain_text("Public version edited")
    expect(log).to_contain_text("Removed a name")
    expect(log).to_contain_text("Approved for publication")

    themes = page.locator("#action-themes")
    themes.get_by_label("Transport").check()
    themes.get_by_role("button", name="Save themes").click()
    expect(page.get_by_test_id("moderation-log")).to_contain_text("Themes changed")
    assert_accessible(page)

    item.refresh_from_db()
    assert item.status == "approved"
    assert item.comment.startswith("Mr Brown")


def test_dashboard_is_accessible(page: Page, live_server, moderator, site_root):
    FeedbackItem.objects.create(kind="general", topic="missing", comment="More clubs")
    sign_in(page, live_server)
    page.goto(f"{live_server.url}/admin/feedback/dashboard/")
    expect(page.get_by_role("img", name="Feedback per topic")).to_be_visible()
    assert_accessible(page)
