"""Responses: publishing rules, the status lifecycle, the timeline and the evidence shown."""

import datetime
import re
import xml.etree.ElementTree as ET

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from feedback.models import FeedbackItem
from you_said_we_did.models import ResponsePage, ResponseStatus
from you_said_we_did.tests.conftest import add_update, republish

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def admin_client(client):
    user = get_user_model().objects.create_superuser("editor", "editor@example.org", "pw")
    client.force_login(user)
    return client


def _add_form(items, status="planned", reason=""):
    return nested_form_data(
        {
            "title": "Clearer short breaks information",
            "slug": "clearer-short-breaks",
            "you_said": "Short breaks information was hard to find.",
            "we_did": "We rewrote it.",
            "status": status,
            "not_able_reason": reason,
            "team": "Local Offer team",
            "decision_maker": "Head of SEND",
            "topic": "",
            "updates": inline_formset([]),
            "feedback_links": inline_formset([{"feedback_item": item.pk} for item in items]),
            "service_links": inline_formset([]),
            "evidence_links": inline_formset([]),
            "action-publish": "action-publish",
        }
    )


@pytest.mark.parametrize(
    "fields",
    [
        {"status": FeedbackItem.Status.REJECTED, "rejection_reason": "vexatious"},
        {"status": FeedbackItem.Status.SAFEGUARDING},
        {"status": FeedbackItem.Status.NEW},
    ],
    ids=["rejected", "safeguarding", "unapproved"],
)
def test_publishing_a_response_citing_unapproved_feedback_is_refused(
    admin_client, response_index, make_item, fields
):
    bad = make_item("Not for publication", **fields)
    url = f"/admin/pages/add/you_said_we_did/responsepage/{response_index.pk}/"
    response = admin_client.post(url, _add_form([bad]))
    assert response.status_code == 200
    assert "can only cite approved feedback" in response.content.decode()
    assert not ResponsePage.objects.exists()


def test_publishing_a_response_citing_approved_feedback_works(
    admin_client, response_index, make_item
):
    good = make_item()
    url = f"/admin/pages/add/you_said_we_did/responsepage/{response_index.pk}/"
    response = admin_client.post(url, _add_form([good]))
    assert response.status_code == 302
    page = ResponsePage.objects.get()
    assert page.live
    assert [link.feedback_item for link in page.feedback_links.all()] == [good]


def test_not_able_to_needs_a_reason(admin_client, response_index, make_item):
    url = f"/admin/pages/add/you_said_we_did/responsepage/{response_index.pk}/"
    response = admin_client.post(url, _add_form([make_item()], status="not_able"))
    assert "Say why the council is not able to do this." in response.content.decode()
    assert not ResponsePage.objects.exists()


def test_status_lifecycle_sets_the_dates_and_shows_on_the_page(client, make_response):
    page = make_response(status=ResponseStatus.RECEIVED)
    assert page.responded_on is None and page.completed_on is None
    for status in [
        ResponseStatus.CONSIDERING,
        ResponseStatus.PLANNED,
        ResponseStatus.IN_PROGRESS,
        ResponseStatus.DONE,
    ]:
        page = republish(page, status=status)
        html = client.get(page.url).content.decode()
        assert ResponseStatus(status).label in html
    assert page.responded_on == timezone.localdate()
    assert page.completed_on == timezone.localdate()


def test_the_timeline_lists_progress_updates_newest_first(client, make_response):
    page = make_response(updates=[(datetime.date(2026, 1, 5), "Started the review.")])
    page = add_update(page, "Finished the first half.", date=datetime.date(2026, 3, 1))
    html = client.get(page.url).content.decode()
    assert html.index("1 March 2026") < html.index("5 January 2026")
    assert "Started the review." in html and "Finished the first half." in html


def test_evidence_counts_approved_items_and_quotes_only_consenting_approved_words(
    client, make_item, make_response, make_service
):
    quoted = make_item(
        "Original words with a name", public_text="Redacted words", publish_consent=True
    )
    not_quoted = make_item("Please do not quote me", publish_consent=False)
    later_rejected = make_item("Rejected later")
    service = make_service("Saturday club")
    page = make_response(items=[quoted, not_quoted, later_rejected], services=[service])
    FeedbackItem.objects.filter(pk=later_rejected.pk).update(status=FeedbackItem.Status.REJECTED)

    html = client.get(page.url).content.decode()
    assert "2 pieces of feedback" in html
    assert "Redacted words" in html
    assert "Original words with a name" not in html
    assert "Please do not quote me" not in html
    assert "Rejected later" not in html
    assert "Saturday club" in html


def test_a_service_page_lists_responses_about_it(client, make_response, make_service):
    service = make_service("Saturday club")
    make_response("Longer opening hours", services=[service], status=ResponseStatus.PLANNED)
    make_response("A draft about it", services=[service], publish=False)
    html = client.get(service.url).content.decode()
    assert "Longer opening hours" in html
    assert "A draft about it" not in html


def visible_text(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split()).replace("( ", "(").replace(" )", ")")


def test_the_index_filters_with_counts_and_removable_tags(
    client, make_response, make_item, make_service
):
    service = make_service("Saturday club")
    transport = make_item(themes=["Transport"])
    make_response("Buses", items=[transport], themes=list(transport.themes.all()), status="done")
    make_response("Opening hours", services=[service], status="planned")
    make_response("Draft one", publish=False)
    index_url = "/you-said-we-did/"

    html = client.get(index_url).content.decode()
    assert "2 responses" in html
    assert "Draft one" not in html
    text = visible_text(html)
    assert "Transport (1)" in text and "Done (1)" in text and "Planned (1)" in text

    html = client.get(index_url + "?status=done").content.decode()
    assert "1 response" in html and "Buses" in html and "Opening hours" not in html
    assert "Remove filter: Status: Done" in html
    # Counts in other groups follow the selection; the status group keeps its own counts.
    assert "Planned (1)" in visible_text(html)
    html = client.get(index_url + f"?service={service.pk}&source=service").content.decode()
    assert "Opening hours" in html and "Buses" not in html

    assert client.get(index_url + "?status=nonsense&year=abc&page=x").status_code == 200


def test_the_atom_feed_is_valid_and_holds_only_public_words(client, make_response, make_item):
    item = make_item("Secret original words", public_text="Checked words", publish_consent=True)
    make_response("Buses", items=[item])
    make_response("Draft", publish=False)
    response = client.get("/you-said-we-did/feed/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)
    assert root.tag == f"{ATOM}feed"
    for required in ("id", "title", "updated"):
        assert root.find(f"{ATOM}{required}") is not None
    entries = root.findall(f"{ATOM}entry")
    assert [e.find(f"{ATOM}title").text for e in entries] == ["Buses (Received)"]
    for required in ("id", "title", "updated", "link"):
        assert entries[0].find(f"{ATOM}{required}") is not None
    assert b"Secret original words" not in response.content
