"""Feedback in a real Chromium: payloads never run, forms are accessible, votes work without JS."""

import pytest
from django.core.cache import cache
from playwright.sync_api import Page, expect

from feedback.models import FeedbackItem, FeedbackSettings, HelpfulnessComment, PageHelpfulness
from feedback.tests.xss_payloads import PAYLOADS
from tests.browser import BROWSER_TEST, assert_no_axe_violations

# Rate-limit counters live in the cache, shared with earlier tests from the same address.
pytestmark = [*BROWSER_TEST, pytest.mark.usefixtures("empty_cache")]

# Elements or attributes an injected payload would create.
INJECTED = (
    "main script:not([src^='/static/']), main iframe, main img, main svg:not([aria-hidden='true']), main math, "
    "main [onerror], main [onload], main [onfocus], main [ontoggle], main [onmouseover], "
    "main a[href^='javascript' i], main body, main [style*='javascript' i]"
)


@pytest.fixture
def generous_limits(site_root):
    """One browser sends many forms from 127.0.0.1: raise the per-connection limit."""
    config = FeedbackSettings.for_site(site_root.get_site())
    config.rate_limit_count = 500
    config.save()
    return config


@pytest.fixture
def service(make_service):
    return make_service("Aiming High short breaks")


@pytest.fixture
def dialogs(page: Page) -> list[str]:
    """Every alert/confirm/prompt the page opens (each dismissed), so a test can assert none."""
    seen: list[str] = []

    def record(dialog) -> None:
        seen.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", record)
    return seen


def assert_nothing_injected(page: Page, dialogs: list[str]) -> None:
    assert dialogs == []
    injected = page.eval_on_selector_all(INJECTED, "els => els.map(e => e.outerHTML)")
    assert injected == []


def fill_adult_form(page: Page, comment: str, *, writer: bool = True) -> None:
    page.get_by_label("The Local Offer as a whole").check()
    page.get_by_label("Something that is missing").check()
    if writer:
        page.get_by_label("A parent or carer").check()
    page.get_by_label("Your feedback").fill(comment)


def test_payloads_never_execute_in_the_adult_form(live_server, page, dialogs, generous_limits):
    for payload in PAYLOADS:
        _send_adult_form_with(payload, live_server, page, dialogs)


def _send_adult_form_with(payload: str, live_server, page: Page, dialogs: list[str]) -> None:
    page.goto(f"{live_server.url}/feedback/")
    # With an error: the form comes back with the payloads in the comment and email fields.
    fill_adult_form(page, payload, writer=False)
    page.get_by_label("Tell me when there is a response to my feedback").check()
    page.get_by_label("Email address").fill(payload)
    page.get_by_role("button", name="Send feedback").click()
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    expect(page.get_by_label("Your feedback")).to_have_value(payload)
    expect(page.get_by_label("Email address")).to_have_value(payload)
    assert_nothing_injected(page, dialogs)

    # Sent: the thank-you page shows the words back as text.
    page.get_by_label("A parent or carer").check()
    page.get_by_label("Tell me when there is a response to my feedback").uncheck()
    page.get_by_role("button", name="Send feedback").click()
    expect(page.get_by_role("heading", name="Thank you for your feedback")).to_be_visible()
    page.get_by_text("What you sent us").click()
    sent = page.locator(".feedback-sent-text")
    assert sent.inner_text() == payload
    assert sent.evaluate("el => el.querySelectorAll('*').length") == 0
    assert_nothing_injected(page, dialogs)
    assert FeedbackItem.objects.filter(comment=payload).count() == 1


def test_payloads_never_execute_in_the_young_persons_form_or_missing_box(
    live_server, page, dialogs, generous_limits, service
):
    for payload in PAYLOADS:
        # One browser sends far more votes than a person would: start each round afresh.
        cache.clear()
        _send_young_person_and_missing_forms_with(payload, live_server, page, dialogs, service)


def _send_young_person_and_missing_forms_with(
    payload: str, live_server, page: Page, dialogs: list[str], service
) -> None:
    # Straight to the form that answering "Yes, I am under 13" leads to (a GET form): the age
    # question carries no text, and the tests below go through it.
    page.goto(f"{live_server.url}/feedback/young-people/?step=age&age=under-13")
    page.get_by_label("What do you want to tell us?").fill(payload)
    page.get_by_role("button", name="Send").click()
    expect(page.get_by_role("heading", name="Thank you")).to_be_visible()
    page.get_by_text("What you wrote", exact=True).click()
    assert page.locator(".feedback-sent-text").inner_text() == payload
    assert_nothing_injected(page, dialogs)

    page.goto(f"{live_server.url}{service.url}")
    page.get_by_role("button", name="this page was not helpful").click()
    page.get_by_label("Tell us what you were looking for (optional)").fill(payload + "z" * 1000)
    page.get_by_role("button", name="Send").click()
    expect(page.get_by_label("What was missing? (optional)")).to_have_value(payload + "z" * 1000)
    assert_nothing_injected(page, dialogs)
    page.get_by_label("What was missing? (optional)").fill(payload)
    page.get_by_role("button", name="Send").click()
    expect(page.get_by_text("Thank you for your feedback")).to_be_visible()
    assert_nothing_injected(page, dialogs)
    assert HelpfulnessComment.objects.filter(comment=payload).count() == 1


def test_adult_form_is_accessible_with_and_without_errors(live_server, page, service):
    page.goto(f"{live_server.url}/feedback/")
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Send feedback").click()
    expect(page.locator(".govuk-error-summary")).to_be_focused()
    assert_no_axe_violations(page)
    page.get_by_role("link", name="Enter your feedback").click()
    expect(page.get_by_label("Your feedback")).to_be_focused()

    page.goto(f"{live_server.url}/feedback/service/{service.pk}/")
    assert_no_axe_violations(page)


def test_young_persons_forms_are_accessible_with_and_without_errors(live_server, page, service):
    page.goto(f"{live_server.url}/feedback/young-people/service/{service.pk}/")
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Continue").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Choose yes or no")
    assert_no_axe_violations(page)
    page.get_by_label("Yes, I am under 13").check()
    page.get_by_role("button", name="Continue").click()
    assert_no_axe_violations(page)
    page.get_by_label("A parent or carer is helping me").check()
    page.get_by_label("Tell me what you did about it").check()
    page.get_by_role("button", name="Send").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Write what you want to tell us")
    assert_no_axe_violations(page)


def test_faces_work_with_a_keyboard(live_server, page, site_root):
    page.goto(f"{live_server.url}/feedback/young-people/?age=13-or-over")
    first = page.get_by_label("Really bad")
    first.focus()
    page.keyboard.press("Space")
    expect(first).to_be_checked()
    page.keyboard.press("ArrowRight")
    expect(page.get_by_role("radio", name="Bad", exact=True)).to_be_checked()
    page.keyboard.press("ArrowRight")
    expect(page.get_by_role("radio", name="OK")).to_be_checked()
    # Each face is named by its words only; the emoji is decoration.
    assert page.get_by_role("radio", name="Really good").count() == 1


def test_young_person_leaves_feedback_on_a_service_with_a_face(
    live_server, page, service, mailoutbox
):
    page.goto(f"{live_server.url}{service.url}")
    page.get_by_role("link", name="Use our form for young people").click()
    page.get_by_label("No, I am 13 or over").check()
    page.get_by_role("button", name="Continue").click()
    page.get_by_label("Really good").check()
    page.get_by_label("What do you want to tell us?").fill("The Saturday club is the best bit.")
    page.get_by_label("You can put my words on the website").check()
    page.get_by_role("button", name="Send").click()
    expect(page.get_by_role("heading", name="Thank you")).to_be_visible()
    expect(page.locator(".feedback-help-box")).to_have_count(0)
    assert_no_axe_violations(page)
    item = FeedbackItem.objects.get()
    assert (item.kind, item.rating, item.subject_page_id) == ("young_person", 5, service.pk)
    assert item.publish_consent is True
    assert mailoutbox == []


def test_safeguarding_words_show_the_help_box_at_once(live_server, page, site_root, mailoutbox):
    page.goto(f"{live_server.url}/feedback/young-people/?age=under-13")
    page.get_by_label("What do you want to tell us?").fill("I don't feel safe, my stepdad hits me")
    page.get_by_role("button", name="Send").click()
    help_box = page.get_by_role("region", name="Get help")
    expect(help_box).to_be_visible()
    expect(help_box).to_contain_text("Childline")
    expect(help_box.get_by_role("link", name="0800 1111")).to_have_attribute("href", "tel:08001111")
    assert_no_axe_violations(page)
    assert FeedbackItem.objects.get().status == "safeguarding"
    assert len(mailoutbox) == 1


def test_was_this_page_helpful_works_without_javascript(live_server, new_page, service):
    page = new_page(java_script_enabled=False)
    page.goto(f"{live_server.url}{service.url}")
    page.get_by_role("button", name="this page was helpful").click()
    expect(page.get_by_text("Thank you for your feedback")).to_be_visible()
    expect(page.get_by_role("link", name="Tell us what you think of this service")).to_be_visible()
    page.goto(f"{live_server.url}{service.url}")
    page.get_by_role("button", name="this page was not helpful").click()
    page.get_by_label("Tell us what you were looking for (optional)").fill("Prices")
    page.get_by_role("button", name="Send").click()
    expect(page.get_by_text("Thank you for your feedback")).to_be_visible()
    counts = PageHelpfulness.objects.get(page=service)
    assert (counts.yes_count, counts.no_count) == (1, 1)
    assert HelpfulnessComment.objects.get().comment == "Prices"


def test_helpfulness_box_is_accessible_in_each_state(live_server, page, service):
    page.goto(f"{live_server.url}{service.url}")
    assert_no_axe_violations(page, "#page-helpful")
    page.get_by_role("button", name="this page was not helpful").click()
    assert_no_axe_violations(page, "#page-helpful")
    page.get_by_role("button", name="Send").click()
    assert_no_axe_violations(page, "#page-helpful")
