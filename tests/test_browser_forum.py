"""The forum in a real Chromium on a phone: reading minutes, the actions tracker, commenting."""

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.test import Client
from playwright.sync_api import Page, expect

from accounts.roles import FORUM_MEMBERS_GROUP
from feedback.models import FeedbackSettings
from forum.demo import load_demo
from forum.models import MinutesComment, MinutesPage
from tests.browser import BROWSER_TEST, PHONE, assert_no_axe_violations

pytestmark = BROWSER_TEST


@pytest.fixture
def phone(new_page):
    return new_page(viewport=PHONE, is_mobile=True, has_touch=True)


@pytest.fixture
def demo(site_root):
    cache.clear()
    config = FeedbackSettings.for_site(site_root.get_site())
    config.min_seconds_to_submit = 0
    config.save()
    load_demo()


def fits_the_screen(page: Page) -> None:
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{page.url} scrolls sideways by {overflow}px"


def test_reading_minutes_on_a_phone(phone: Page, live_server, demo):
    minutes = MinutesPage.objects.live().order_by("-first_published_at").first()
    phone.goto(f"{live_server.url}{minutes.url}")
    expect(phone.get_by_role("heading", level=1)).to_have_text(minutes.title)
    expect(
        phone.get_by_role("heading", name="Actions carried forward from earlier meetings")
    ).to_be_visible()
    fits_the_screen(phone)
    assert_no_axe_violations(phone)
    # From an action in the minutes to its own page.
    phone.locator("main table a").first.click()
    expect(phone.get_by_role("heading", name="What has happened")).to_be_visible()
    assert "/forum/actions/" in phone.url
    fits_the_screen(phone)
    assert_no_axe_violations(phone)


def test_the_tracker_on_a_phone_filters_without_javascript_help(phone: Page, live_server, demo):
    phone.goto(f"{live_server.url}/forum/actions/")
    expect(phone.get_by_role("status")).to_have_text("7 actions")
    fits_the_screen(phone)
    assert_no_axe_violations(phone)
    phone.get_by_label("Done").check()
    phone.get_by_role("button", name="Apply filters").click()
    expect(phone.get_by_role("status")).to_have_text("3 actions")
    assert "status=done" in phone.url
    assert_no_axe_violations(phone)
    tag = phone.locator(".forum-selected-filters a")
    expect(tag).to_contain_text("Status: Done")
    tag.click()
    expect(phone.get_by_role("status")).to_have_text("7 actions")


def test_a_forum_member_comments_on_a_draft(phone: Page, live_server, demo, django_user_model):
    member = django_user_model.objects.create_user(username="m", email="m@westshire.example")
    member.groups.add(Group.objects.get(name=FORUM_MEMBERS_GROUP))
    client = Client()
    client.force_login(member)
    phone.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )
    phone.goto(f"{live_server.url}/forum/drafts/")
    phone.get_by_role("link", name="Minutes: Forum meeting: the Local Offer").click()
    expect(phone.get_by_text("Draft for forum review")).to_be_visible()
    assert_no_axe_violations(phone)
    phone.get_by_role("button", name="Send comment").click()
    expect(phone.get_by_role("link", name="Enter your comment")).to_be_visible()
    assert_no_axe_violations(phone)
    phone.get_by_label("Your comment on the draft minutes").fill(
        "Item 2 should list the late taxis action."
    )
    phone.get_by_role("button", name="Send comment").click()
    expect(phone.get_by_text("Thank you for your comment")).to_be_visible()
    assert MinutesComment.objects.get().feedback_item.comment.startswith("Item 2")
    fits_the_screen(phone)
    assert_no_axe_violations(phone)
    # Signed out, the draft is not there.
    phone.context.clear_cookies()
    phone.goto(f"{live_server.url}/forum/drafts/{MinutesComment.objects.get().minutes_id}/")
    assert "Item 2 should" not in phone.content()
