"""The directory on a 390 x 844 phone: a search box wide enough to type in, filters folded
behind a "Filter" button, live counts, landing on the results after a search, axe clean."""

import re

import pytest
from playwright.sync_api import Page, expect

from search.indexing import index_services
from tests.browser import BROWSER_TEST, PHONE, assert_no_axe_violations

pytestmark = BROWSER_TEST


@pytest.fixture
def services(make_service):
    items = [
        make_service(
            "Aiming High short breaks",
            summary="Clubs and holiday schemes, giving families a break from caring.",
            service_types=["short-breaks"],
            needs=["autism"],
            districts=["stowford"],
            keywords="respite",
        ),
        make_service(
            "Rowan House overnight short breaks",
            service_types=["short-breaks"],
            needs=["autism", "physical"],
            county_wide=True,
            keywords="respite, overnight",
        ),
        make_service("Speech and language therapy", service_types=["therapy"], county_wide=True),
        make_service("Quiet swim sessions", service_types=["activities"], needs=["autism"]),
        make_service("Football for all", service_types=["activities"], needs=["adhd"]),
    ]
    index_services([s.pk for s in items])
    return items


@pytest.fixture
def phone(new_page):
    return new_page(viewport=PHONE, is_mobile=True)


def in_first_screen(page: Page, selector: str) -> bool:
    box = page.locator(selector).first.bounding_box()
    return box is not None and 0 <= box["y"] and box["y"] + box["height"] <= PHONE["height"]


def test_filters_fold_away_and_ticking_one_updates_the_results_in_place(
    live_server, phone: Page, services, directory_page
):
    phone.goto(f"{live_server.url}{directory_page.url}")
    box = phone.get_by_role("combobox", name="Search for a service").bounding_box()
    assert box["width"] >= 250, f"the search box is {box['width']} px wide"
    expect(phone.locator("#results-count")).to_have_text(re.compile("5 services found"))
    assert_no_axe_violations(phone)

    toggle = phone.get_by_role("button", name="Filter", exact=True)
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(phone.locator("#directory-search")).to_be_hidden()
    toggle.click()
    expect(phone.locator("#directory-search")).to_be_visible()
    expect(toggle).to_have_attribute("aria-expanded", "true")

    phone.evaluate("window.stillThisPage = true")
    phone.eval_on_selector("details[data-filter-group=type]", "details => (details.open = true)")
    phone.get_by_label(re.compile(r"^Short breaks")).check()
    # Counts and results change without a new page, announced through the live heading.
    expect(phone.locator("#results-count")).to_have_text(re.compile("2 services found"))
    expect(phone.locator("label[for=filter-need-autism]")).to_have_text(re.compile(r"\(2\)"))
    assert phone.evaluate("window.stillThisPage") is True
    show = phone.get_by_role("button", name="Show 2 results")
    expect(show).to_be_visible()
    assert_no_axe_violations(phone)

    show.click()
    expect(phone.locator("#results-count")).to_have_text(re.compile("2 services found"))
    assert "type=short-breaks" in phone.url and phone.url.endswith("#results-count")
    assert in_first_screen(phone, "#results-count"), "the count is in the first screen"
    expect(phone.locator(".localoffer-filter-tag")).to_have_count(1)
    assert in_first_screen(phone, ".localoffer-filter-tag")
    assert_no_axe_violations(phone)


def test_a_parents_sentence_finds_short_breaks_on_the_first_screen(
    live_server, phone: Page, services, directory_page
):
    phone.goto(f"{live_server.url}{directory_page.url}")
    phone.get_by_role("combobox", name="Search for a service").fill("respite for my autistic son")
    phone.locator("#main-content").get_by_role("button", name="Search", exact=True).click()
    expect(phone.locator("#results-count")).to_have_text(re.compile("2 services found"))
    first = phone.locator(".localoffer-service-card__title").first
    expect(first).to_contain_text("short breaks")
    assert in_first_screen(phone, ".localoffer-service-card__title")


def test_without_javascript_apply_lands_on_the_results(
    live_server, new_page, services, directory_page
):
    page = new_page(java_script_enabled=False, viewport=PHONE)
    page.goto(f"{live_server.url}{directory_page.url}")
    expect(page.get_by_role("button", name="Filter", exact=True)).to_be_hidden()
    page.get_by_label(re.compile(r"^Autism")).check()
    page.get_by_role("button", name="Apply filters").click()
    expect(page.locator("#results-count")).to_have_text(re.compile("3 services found"))
    assert in_first_screen(page, "#results-count")
