"""A parent creates an account, confirms it with the emailed code, signs out and in: with axe."""

import re

import pytest
from playwright.sync_api import Page, expect

from accounts.wagtail_hooks import load_privacy_notice
from tests.browser import BROWSER_TEST, assert_no_axe_violations

# Rate-limit counters live in the cache, shared with earlier tests from the same address.
pytestmark = [*BROWSER_TEST, pytest.mark.usefixtures("empty_cache")]

PASSWORD = "a long browser password 31"


def test_sign_up_confirm_sign_out_and_sign_in(live_server, page: Page, site_root, mailoutbox):
    load_privacy_notice()
    page.goto(f"{live_server.url}/accounts/signup/")
    assert_no_axe_violations(page)
    expect(page.locator("main").get_by_role("link", name="privacy notice")).to_have_attribute(
        "href", "/privacy/"
    )

    page.get_by_role("button", name="Create account").click()
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    assert_no_axe_violations(page)

    page.get_by_label("Email address").fill("new.parent@example.org")
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_label("Confirm password").fill(PASSWORD)
    page.get_by_label("A parent or carer", exact=True).check()
    page.get_by_label("I am under 13 and on my own").check()
    page.get_by_role("button", name="Create account").click()
    expect(page.locator("#id_age-error")).to_contain_text("cannot make an account on your own")
    assert_no_axe_violations(page)

    page.get_by_label("I am 13 or over").check()
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_label("Confirm password").fill(PASSWORD)
    page.get_by_role("button", name="Create account").click()
    expect(page).to_have_url(re.compile(r"/accounts/confirm-email/$"))
    assert_no_axe_violations(page)

    code = re.search(r"^\s*([A-Z0-9]{4}-[A-Z0-9]{4})\s*$", mailoutbox[-1].body, re.M).group(1)
    page.get_by_label("Code").fill(code)
    page.get_by_role("button", name=re.compile("Confirm", re.I)).click()
    expect(page).to_have_url(re.compile(r"/accounts/$"))
    expect(page.locator("h1")).to_have_text("Your account")
    assert_no_axe_violations(page)

    page.goto(f"{live_server.url}/accounts/logout/")
    page.locator("main").get_by_role("button").click()
    page.goto(f"{live_server.url}/accounts/login/")
    assert_no_axe_violations(page)
    page.get_by_label("Email address").fill("new.parent@example.org")
    page.get_by_label("Password").fill("not my password")
    page.get_by_role("button", name="Sign in").click()
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    assert_no_axe_violations(page)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(re.compile(r"/accounts/$"))
    expect(page.get_by_text("new.parent@example.org", exact=True)).to_be_visible()


def test_sign_in_works_without_javascript(live_server, new_page, site_root, django_user_model):
    from allauth.account.models import EmailAddress

    user = django_user_model.objects.create_user(
        username="parent", email="parent@example.org", password=PASSWORD
    )
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    page = new_page(java_script_enabled=False)
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Email address").fill("parent@example.org")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(re.compile(r"/accounts/$"))
