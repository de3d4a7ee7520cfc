"""The parent's search journey in a real Chromium: words, filters, counts, shortlist and print;
axe on the results with every filter group open; the filters by keyboard alone; no JavaScript."""

import re

import pytest
from playwright.sync_api import Page, expect

from search.indexing import index_services
from tests.browser import BROWSER_TEST, assert_no_axe_violations

pytestmark = BROWSER_TEST

STONE = {"name": "Stone library", "postcode": "ST15 8DT", "latitude": 52.9107, "longitude": -2.1407}


@pytest.fixture
def services(make_service):
    """A small directory: short breaks for autistic children in two districts, and others."""
    items = [
        make_service(
            "Aiming High short breaks",
            service_types=["short-breaks"],
            needs=["autism", "adhd"],
            districts=["stowford"],
            min_age=5,
            max_age=18,
            keywords="respite",
        ),
        make_service(
            "Saturday club short breaks",
            service_types=["short-breaks"],
            needs=["autism"],
            districts=["stowford", "chase-vale"],
            min_age=8,
            max_age=16,
            locations=[STONE],
        ),
        make_service(
            "Holiday play scheme short breaks",
            service_types=["short-breaks"],
            needs=["physical"],
            districts=["stowford"],
            min_age=5,
            max_age=12,
        ),
        make_service(
            "Teen short breaks evenings",
            service_types=["short-breaks"],
            needs=["autism"],
            districts=["chase-vale"],
            min_age=13,
            max_age=19,
        ),
        make_service(
            "Speech and language therapy",
            service_types=["therapy"],
            needs=["speech-language"],
            county_wide=True,
            min_age=0,
            max_age=19,
        ),
    ]
    index_services([s.pk for s in items])
    return items


def results_count(page: Page) -> str:
    return " ".join(page.locator("#results-count").inner_text().split())


def test_short_breaks_journey_to_a_printed_shortlist(
    live_server, page: Page, services, directory_page
):
    page.goto(f"{live_server.url}{directory_page.url}")
    expect(page.locator("#results-count")).to_have_text(re.compile("5 services found"))

    page.get_by_label("Search for a service").fill("short breaks")
    page.get_by_role("button", name="Search", exact=True).last.click()
    expect(page.locator("#results-count")).to_have_text(
        re.compile("4 services found for ‘short breaks’")
    )
    expect(page.locator("label[for=filter-need-autism]")).to_have_text(
        re.compile(r"Autism\s*\(3\)")
    )

    page.get_by_label(re.compile(r"^Autism")).check()
    page.get_by_label("Age of the child or young person").fill("8")
    page.locator("summary", has_text="District").click()
    page.get_by_label(re.compile(r"^Stowford")).check()
    page.get_by_role("button", name="Apply filters").click()

    # Counts update: two autism short breaks for an 8 year old in Stowford.
    expect(page.locator("#results-count")).to_have_text(
        re.compile("2 services found for ‘short breaks’")
    )
    assert "need=autism" in page.url and "age=8" in page.url and "district=stowford" in page.url
    assert "postcode=" not in page.url, "empty fields are left out of the shareable address"
    expect(page.locator("label[for=filter-district-chase-vale]")).to_have_text(
        re.compile(r"Chase vale\s*\(1\)", re.I)
    )
    expect(page.locator(".localoffer-filter-tag")).to_have_count(3)

    page.set_viewport_size({"width": 390, "height": 700})  # a phone
    page.get_by_role("button", name="Save Aiming High short breaks to shortlist").click()
    expect(page.get_by_role("alert")).to_contain_text("‘Aiming High short breaks’ was saved")
    # Back at the card that was saved, not at the top of the page.
    expect(page.locator(f"#service-{services[0].pk}")).to_be_in_viewport(ratio=1)
    page.set_viewport_size({"width": 1280, "height": 900})
    expect(page.get_by_role("link", name="Shortlist (1)")).to_be_visible()
    page.get_by_role("button", name="Save Saturday club short breaks to shortlist").click()
    expect(page.get_by_role("link", name="Shortlist (2)")).to_be_visible()
    expect(page.locator("#results-count")).to_have_text(
        re.compile("2 services found"), timeout=5000
    )

    page.get_by_role("link", name="Shortlist (2)").click()
    expect(page.get_by_role("heading", name="Your shortlist", exact=True)).to_be_visible()
    page.emulate_media(media="print")
    for title in ("Aiming High short breaks", "Saturday club short breaks"):
        expect(page.get_by_role("heading", name=title)).to_be_visible()
    expect(page.get_by_role("button", name="Send the list")).to_be_hidden()
    expect(page.locator(".govuk-service-navigation")).to_be_hidden()


def test_results_page_with_every_filter_open_is_axe_clean(
    live_server, page: Page, services, directory_page
):
    page.goto(
        f"{live_server.url}{directory_page.url}?q=short+breaks&need=autism&age=8&postcode=ST16+2DH&distance=10&sort=distance"
    )
    page.eval_on_selector_all("details.localoffer-filter", "els => els.forEach(e => e.open = true)")
    expect(page.locator("details.localoffer-filter[open]")).to_have_count(
        page.locator("details.localoffer-filter").count()
    )
    assert_no_axe_violations(page)
    # And with errors next to the fields.
    page.goto(f"{live_server.url}{directory_page.url}?age=abc&postcode=nonsense")
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    assert_no_axe_violations(page)


def test_filters_by_keyboard_alone(live_server, page: Page, services, directory_page):
    page.goto(f"{live_server.url}{directory_page.url}")
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "filter-need-autism":
            break
    else:
        pytest.fail("Tab never reached the Autism checkbox")
    page.keyboard.press("Space")
    expect(page.locator("#filter-need-autism")).to_be_checked()
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent.trim()") == "Apply filters":
            break
    else:
        pytest.fail("Tab never reached Apply filters")
    page.keyboard.press("Enter")
    expect(page.locator("#results-count")).to_have_text(re.compile("3 services found"))
    assert "need=autism" in page.url
    expect(page.locator("#filter-need-autism")).to_be_checked()


def test_search_box_suggestions_by_keyboard(live_server, page: Page, services, directory_page):
    page.goto(f"{live_server.url}{directory_page.url}")
    box = page.get_by_role("combobox", name="Search for a service")
    box.press_sequentially("satur", delay=30)
    option = page.get_by_role("option", name="Saturday club short breaks")
    expect(option).to_be_visible()
    expect(box).to_have_attribute("aria-expanded", "true")
    box.press("ArrowDown")
    expect(option).to_have_attribute("aria-selected", "true")
    box.press("Enter")
    expect(box).to_have_value("Saturday club short breaks")
    expect(box).to_have_attribute("aria-expanded", "false")


def test_search_and_shortlist_work_without_javascript(
    live_server, new_page, services, directory_page
):
    page = new_page(java_script_enabled=False)
    page.goto(f"{live_server.url}{directory_page.url}?q=short+breaks")
    page.get_by_label(re.compile(r"^Autism")).check()
    page.get_by_role("button", name="Apply filters").click()
    expect(page.locator("#results-count")).to_have_text(re.compile("3 services found"))
    page.get_by_role("button", name="Save Teen short breaks evenings to shortlist").click()
    expect(page.get_by_role("alert")).to_contain_text(
        "‘Teen short breaks evenings’ was saved to your shortlist"
    )
    expect(page.get_by_role("link", name="Shortlist (1)")).to_be_visible()
    assert "need=autism" in page.url, "back on the same results"
