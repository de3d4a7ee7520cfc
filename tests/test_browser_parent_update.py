"""The Parent Update and What's on in a real Chromium, on a 390 px phone, checked with axe."""

import datetime
import re

import pytest
from django.core import mail
from django.core.cache import cache
from django.utils import timezone
from playwright.sync_api import expect

from parent_update.models import ServiceSession, Subscriber, WhatsOnPage
from tests.browser import BROWSER_TEST, PHONE, assert_no_axe_violations

pytestmark = BROWSER_TEST


@pytest.fixture
def phone(new_page):
    return new_page(viewport=PHONE)


def test_subscribing_on_a_phone(live_server, phone, site_root):
    cache.clear()
    phone.goto(f"{live_server.url}/parent-update/subscribe/")
    assert_no_axe_violations(phone)
    phone.get_by_role("button", name="Sign up").click()
    expect(phone.locator(".govuk-error-summary")).to_be_visible()
    assert_no_axe_violations(phone)
    phone.wait_for_timeout(2100)  # the spam guard's minimum time to fill in the form
    phone.get_by_label("Email address").fill("parent@example.org")
    phone.get_by_label("Parent carer forum meetings").check()
    phone.get_by_role("button", name="Sign up").click()
    expect(phone.get_by_role("heading", name="Check your email")).to_be_visible()
    assert_no_axe_violations(phone)
    link = re.search(r"http://testserver(\S+)", mail.outbox[0].body).group(1)
    phone.goto(f"{live_server.url}{link}")
    phone.get_by_role("button", name="Confirm").click()
    expect(phone.get_by_role("heading", name="You are subscribed")).to_be_visible()
    assert Subscriber.objects.get().topics == ["forum"]
    # The page does not scroll sideways on a phone.
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390


def test_whats_on_this_weekend_without_my_parents(live_server, phone, site_root, make_service):
    whats_on = site_root.add_child(instance=WhatsOnPage(title="What's on", slug="whats-on"))
    whats_on.save_revision().publish()
    today = timezone.localdate()
    saturday = today + datetime.timedelta(days=(5 - today.weekday()) % 7 or 7)
    for name, alone in (("Football for all", True), ("Quiet swim", False)):
        ServiceSession.objects.create(
            service=make_service(name),
            title=name,
            date=saturday,
            starts_at=datetime.time(10),
            ends_at=datetime.time(11),
            without_parent=alone,
        )
    phone.goto(f"{live_server.url}/whats-on/")
    assert_no_axe_violations(phone)
    phone.get_by_label("This weekend", exact=False).check()
    phone.get_by_label("I can go without a parent or carer", exact=False).check()
    phone.get_by_role("button", name="Apply filters").click()
    expect(phone.get_by_role("link", name="Football for all", exact=True)).to_be_visible()
    expect(phone.get_by_role("link", name="Quiet swim", exact=True)).to_have_count(0)
    assert_no_axe_violations(phone)


def test_two_taps_from_home_to_this_weekend_without_a_parent(
    live_server, phone, site_root, make_service
):
    """Issue 18's promise on a phone: home -> What's on -> this weekend without a parent."""
    whats_on = site_root.add_child(
        instance=WhatsOnPage(title="What's on", slug="whats-on", show_in_menus=True)
    )
    whats_on.save_revision().publish()
    today = timezone.localdate()
    saturday = today + datetime.timedelta(days=(5 - today.weekday()) % 7 or 7)
    times = {"date": saturday, "starts_at": datetime.time(10), "ends_at": datetime.time(12)}
    # The service says young people can go alone, so its sessions say so too.
    club = make_service("Youth club", min_age=11, max_age=18, without_parent=True)
    ServiceSession.objects.create(service=club, title="Saturday youth club", **times)
    ServiceSession.objects.create(
        service=make_service("Stay and play"), title="Saturday stay and play", **times
    )
    cache.clear()
    phone.goto(f"{live_server.url}/")
    phone.get_by_role("link", name="What's on", exact=True).first.click()  # tap 1
    link = phone.get_by_role("link", name="Things to do this weekend without a parent or carer")
    assert_no_axe_violations(phone)
    link.click()  # tap 2
    expect(phone.get_by_role("link", name="Saturday youth club", exact=True)).to_be_visible()
    expect(phone.get_by_role("link", name="Saturday stay and play", exact=True)).to_have_count(0)
    assert_no_axe_violations(phone)
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
