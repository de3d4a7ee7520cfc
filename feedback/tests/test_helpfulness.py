""" "Was this page helpful?": one click without JavaScript, counted per page per day."""

import datetime

import pytest
from django.test import Client
from django.utils import timezone

from feedback.models import FeedbackItem, HelpfulnessComment, PageHelpfulness

pytestmark = pytest.mark.django_db

VOTE = "/feedback/helpful/"
MISSING = "/feedback/helpful/missing/"


def test_every_public_page_asks(site_root, client, service):
    for page in (site_root, service):
        html = client.get(page.url).content.decode()
        assert "Was this page helpful?" in html
        assert f'action="{VOTE}"' in html
        assert f'name="page" value="{page.pk}"' in html


def test_feedback_form_pages_do_not_ask(site_root, client):
    assert "Was this page helpful?" not in client.get("/feedback/").content.decode()


def test_yes_is_one_click_and_says_thank_you(site_root, client, service):
    response = client.post(VOTE, {"page": service.pk, "helpful": "yes"})
    assert response.status_code == 302
    assert response["Location"] == f"{service.url}?helpful=thanks#page-helpful"
    counts = PageHelpfulness.objects.get(page=service)
    assert (counts.yes_count, counts.no_count) == (1, 0)
    assert counts.date == timezone.localdate()
    html = client.get(response["Location"]).content.decode()
    assert "Thank you for your feedback" in html
    assert "Was this page helpful?" not in html


@pytest.mark.postgres
def test_votes_are_counted_per_page_per_day(site_root, client, service, make_service):
    other = make_service("Another service")
    for answer in ("yes", "yes", "no"):
        client.post(VOTE, {"page": service.pk, "helpful": answer})
    client.post(VOTE, {"page": other.pk, "helpful": "no"})
    mine = PageHelpfulness.objects.get(page=service)
    assert (mine.yes_count, mine.no_count) == (2, 1)
    theirs = PageHelpfulness.objects.get(page=other)
    assert (theirs.yes_count, theirs.no_count) == (0, 1)
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    PageHelpfulness.objects.filter(page=service).update(date=yesterday)
    client.post(VOTE, {"page": service.pk, "helpful": "yes"})
    assert PageHelpfulness.objects.filter(page=service).count() == 2
    assert PageHelpfulness.objects.get(page=service, date=timezone.localdate()).yes_count == 1


def test_no_leads_to_what_was_missing(site_root, client, service):
    response = client.post(VOTE, {"page": service.pk, "helpful": "no"})
    assert response["Location"] == f"{service.url}?helpful=no#page-helpful"
    assert PageHelpfulness.objects.get(page=service).no_count == 1
    html = client.get(response["Location"]).content.decode()
    assert "What was missing?" in html
    assert f'action="{MISSING}"' in html
    sent = client.post(MISSING, {"page": service.pk, "comment": "Opening times in school holidays"})
    assert sent["Location"] == f"{service.url}?helpful=thanks#page-helpful"
    assert (
        HelpfulnessComment.objects.get(page=service).comment == "Opening times in school holidays"
    )


def test_what_was_missing_is_optional(site_root, client, service):
    sent = client.post(MISSING, {"page": service.pk, "comment": ""})
    assert sent.status_code == 302
    assert HelpfulnessComment.objects.count() == 0


def test_what_was_missing_too_long_shows_an_error_and_keeps_text(site_root, client, service):
    response = client.post(MISSING, {"page": service.pk, "comment": "b" * 1001})
    html = response.content.decode()
    assert response.status_code == 200
    assert "What was missing must be 1,000 characters or fewer" in html
    assert "b" * 1001 in html
    assert HelpfulnessComment.objects.count() == 0


@pytest.mark.parametrize(
    "data",
    [{}, {"page": "abc", "helpful": "yes"}, {"page": "999999", "helpful": "yes"}],
)
def test_bad_votes_are_404_not_500(site_root, client, data):
    assert client.post(VOTE, data).status_code == 404


def test_unknown_answer_is_not_counted(site_root, client, service):
    client.post(VOTE, {"page": service.pk, "helpful": "maybe"})
    assert PageHelpfulness.objects.count() == 0


def test_draft_pages_cannot_be_voted_on(site_root, client, make_service):
    draft = make_service("Draft", live=False)
    assert client.post(VOTE, {"page": draft.pk, "helpful": "yes"}).status_code == 404


def test_voting_needs_post(site_root, client, service):
    assert client.get(VOTE, {"page": service.pk, "helpful": "yes"}).status_code == 405


def test_voting_sets_no_cookies_beyond_csrf(site_root, service):
    browser = Client(enforce_csrf_checks=True)
    page = browser.get(service.url)
    assert set(page.cookies) <= {"csrftoken"}
    # The vote form is in a cacheable page: no token; the browser's origin header is checked.
    headers = {"sec-fetch-site": "same-origin"}
    voted = browser.post(VOTE, {"page": service.pk, "helpful": "yes"}, headers=headers)
    assert voted.status_code == 302
    assert set(voted.cookies) <= {"csrftoken"}


def test_missing_comment_with_safeguarding_words_becomes_a_flagged_item(
    site_root, client, service, mailoutbox
):
    sent = client.post(MISSING, {"page": service.pk, "comment": "my dad hits me when I ask"})
    assert sent["Location"] == f"{service.url}?helpful=help#page-helpful"
    assert HelpfulnessComment.objects.count() == 0
    item = FeedbackItem.objects.get()
    assert item.status == "safeguarding"
    assert item.subject_page_id == service.pk
    assert len(mailoutbox) == 1
    html = client.get(sent["Location"]).content.decode()
    assert "Childline" in html
    assert "0800 1111" in html
