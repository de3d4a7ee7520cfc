"""Answering a survey on a phone, with and without JavaScript, axe on every step; the results page."""

import pytest
from playwright.sync_api import Page, expect

from directory.models import District
from surveys.demo.content import load_demo_surveys
from surveys.factories import add_survey
from surveys.models import SurveyPage, SurveyResponse, SurveyResultsPage
from tests.browser import BROWSER_TEST, PHONE, assert_no_axe_violations

# Rate-limit counters live in the cache, shared with earlier tests from the same address.
pytestmark = [*BROWSER_TEST, pytest.mark.usefixtures("empty_cache")]


@pytest.fixture
def survey(site_root):
    District.objects.get_or_create(slug="north", defaults={"name": "North"})
    return add_survey(
        site_root,
        [
            {"kind": "yes_no", "label": "Have you used the Local Offer website?"},
            {
                "kind": "single_choice",
                "label": "How did you find it?",
                "options": "Search engine\nSchool",
                "show_if_question": 1,
                "show_if_answer": "Yes",
            },
            {"kind": "faces", "label": "How do you feel about your support?"},
            {"kind": "district", "label": "Where do you live?", "required": False},
            {"kind": "long_text", "label": "What should we change?", "required": False},
        ],
        title="Parents survey",
        slug="parents-survey",
        young_person_version=True,
    )


def answer_survey(page: Page, base: str, survey: SurveyPage, *, axe: bool) -> None:
    def axe_check() -> None:
        """Axe on this step, when asked (axe runs as a script: it needs JavaScript)."""
        if axe:
            assert_no_axe_violations(page)

    page.goto(f"{base}{survey.url}")
    axe_check()
    page.get_by_role("button", name="Start now").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Confirm you have read")
    axe_check()
    page.get_by_label("I have read how my answers will be used").check()
    page.get_by_role("button", name="Start now").click()

    expect(page.get_by_text("Question 1 of 4")).to_be_visible()
    axe_check()
    page.get_by_role("button", name="Continue").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Select an answer")
    expect(page.locator(".govuk-error-message")).to_be_visible()
    axe_check()
    page.get_by_label("Yes").check()
    page.get_by_role("button", name="Continue").click()

    expect(page.get_by_text("Question 2 of 5")).to_be_visible()
    axe_check()
    page.get_by_label("School").check()
    page.get_by_role("button", name="Continue").click()

    # Keyboard only: the faces are radios named by their words.
    expect(page.get_by_text("Question 3 of 5")).to_be_visible()
    axe_check()
    page.get_by_label("Really bad").focus()
    page.keyboard.press("Space")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    expect(page.get_by_label("OK")).to_be_checked()
    page.get_by_role("button", name="Continue").click()

    # Back keeps the answer.
    page.get_by_role("link", name="Back").click()
    expect(page.get_by_label("OK")).to_be_checked()
    page.get_by_role("button", name="Continue").click()

    axe_check()
    page.get_by_label("North").check()
    page.get_by_role("button", name="Continue").click()
    axe_check()
    page.get_by_label("What should we change?").fill("More <b>evening</b> clubs")
    page.get_by_role("button", name="Continue").click()

    expect(
        page.get_by_role("heading", name="Check your answers before sending them")
    ).to_be_visible()
    expect(page.locator(".govuk-summary-list")).to_contain_text("More <b>evening</b> clubs")
    axe_check()
    page.get_by_role("button", name="Send").click()
    expect(page.get_by_role("heading", name="Thank you")).to_be_visible()
    axe_check()


def test_answering_on_a_phone_with_javascript(live_server, new_page, survey):
    page = new_page(viewport=PHONE)
    answer_survey(page, live_server.url, survey, axe=True)
    # Nothing is wider than the phone's screen.
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert SurveyResponse.objects.count() == 1


def test_answering_on_a_phone_without_javascript(live_server, new_page, survey):
    page = new_page(viewport=PHONE, java_script_enabled=False)
    answer_survey(page, live_server.url, survey, axe=False)
    assert SurveyResponse.objects.count() == 1


def test_results_page_is_accessible(live_server, page: Page, site_root):
    for slug, name in [("north", "North"), ("south", "South"), ("east", "East")]:
        District.objects.get_or_create(slug=slug, defaults={"name": name})
    load_demo_surveys()
    results = SurveyResultsPage.objects.get()
    page.set_viewport_size(PHONE)
    page.goto(f"{live_server.url}{results.url}")
    expect(page.locator("svg.survey-chart").first).to_be_visible()
    assert_no_axe_violations(page)
    page.goto(f"{live_server.url}{results.get_parent().url}")
    assert_no_axe_violations(page)
    page.get_by_role("link", name="Read what people told us").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(results.title)
