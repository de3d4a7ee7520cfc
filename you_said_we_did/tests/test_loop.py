"""Closing the loop: acknowledgement, one email per person and event, check-back,
unsubscribe and retention."""

import datetime
import re
import time

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from feedback.forms import SpamGuardForm  # noqa: F401  (the check-back form builds on it)
from feedback.intake import Submission, submit_feedback
from feedback.models import FeedbackItem
from feedback.spam import form_started_token
from notifications.models import OutgoingEmail
from you_said_we_did.loop import send_check_backs
from you_said_we_did.models import CheckBackAnswer, ResponseStatus, Subscriber
from you_said_we_did.tests.conftest import add_update, days_ago, republish

pytestmark = pytest.mark.django_db


def _emails_to(address: str) -> list:
    return [m for m in mail.outbox if address in m.to]


def _links(message) -> list[str]:
    return re.findall(r"https?://\S+", message.body)


@pytest.fixture
def asker(make_item):
    return make_item(wants_response=True, email="parent@example.org")


def test_every_item_gets_a_reference_and_an_acknowledgement_when_an_email_was_given():
    with_email = submit_feedback(
        Submission(kind="local_offer", comment="Hello", wants_response=True, email="a@example.org")
    )
    without = submit_feedback(Submission(kind="local_offer", comment="Hello again"))
    assert re.fullmatch(r"FB-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}", with_email.reference)
    assert without.reference and without.reference != with_email.reference
    [ack] = mail.outbox
    assert ack.to == ["a@example.org"]
    assert with_email.reference in ack.subject and with_email.reference in ack.body


def test_the_thank_you_page_shows_the_reference(client, adult_feedback_form):
    response = client.post("/feedback/", adult_feedback_form, follow=True)
    item = FeedbackItem.objects.get()
    assert item.reference in response.content.decode()


def test_one_email_when_published_even_when_published_twice(asker, make_response):
    page = make_response(items=[asker])
    republish(page)
    republish(page)
    [email] = _emails_to("parent@example.org")
    assert "We have responded to your feedback" in email.subject
    assert page.full_url in email.body
    assert "/you-said-we-did/unsubscribe/" in email.body
    assert email.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_drafts_tell_no_one(asker, make_response):
    make_response(items=[asker], publish=False)
    assert _emails_to("parent@example.org") == []


def test_one_email_per_status_change_and_progress_update(asker, make_response):
    page = make_response(items=[asker], status=ResponseStatus.PLANNED)
    page = republish(page, status=ResponseStatus.IN_PROGRESS)
    page = republish(page, status=ResponseStatus.IN_PROGRESS)  # no change: no email
    page = add_update(page, "Half the pages are rewritten.")
    republish(page)
    emails = _emails_to("parent@example.org")
    assert len(emails) == 3
    assert "It is now: In progress" in emails[1].body
    assert "Half the pages are rewritten." in emails[2].body


def test_one_email_per_person_even_when_two_of_their_items_are_cited(make_item, make_response):
    first = make_item(wants_response=True, email="Parent@Example.org")
    second = make_item(wants_response=True, email="parent@example.org")
    other = make_item(wants_response=True, email="other@example.org")
    no_reply = make_item(wants_response=False, email="")
    make_response(items=[first, second, other, no_reply])
    assert len(_emails_to("parent@example.org") + _emails_to("Parent@Example.org")) == 1
    assert len(_emails_to("other@example.org")) == 1


def test_a_signed_in_person_is_told_at_their_account_address(
    make_item, make_response, django_user_model
):
    user = django_user_model.objects.create_user("sam", "sam@example.org", "pw")
    item = make_item(wants_response=True, email="", user=user)
    make_response(items=[item])
    assert len(_emails_to("sam@example.org")) == 1


def test_unsubscribe_asks_then_stops_everything_and_erases_the_address(
    client, asker, make_response
):
    page = make_response(items=[asker])
    [email] = _emails_to("parent@example.org")
    url = next(link for link in _links(email) if "unsubscribe" in link)
    path = url.split("testserver", 1)[-1] if "testserver" in url else "/" + url.split("/", 3)[3]
    assert "Stop emails" in client.get(path).content.decode()
    assert Subscriber.objects.get().email == "parent@example.org"  # GET changes nothing
    assert client.post(path).status_code == 200
    subscriber = Subscriber.objects.get()
    assert subscriber.unsubscribed_at and subscriber.email == ""
    asker.refresh_from_db()
    assert asker.email == "" and asker.personal_data_erased_at
    republish(page, status=ResponseStatus.DONE)
    assert len(_emails_to("parent@example.org")) == 1
    assert client.get("/you-said-we-did/unsubscribe/not-a-token/").status_code == 404


def test_check_back_four_weeks_after_done_once_then_the_loop_closes(client, asker, make_response):
    page = make_response(items=[asker], status=ResponseStatus.DONE)
    page = republish(page, completed_on=timezone.localdate() - datetime.timedelta(days=27))
    assert send_check_backs() == 0
    page = republish(page, completed_on=timezone.localdate() - datetime.timedelta(days=28))
    call_command("send_check_backs")
    call_command("send_check_backs")
    check_backs = [m for m in _emails_to("parent@example.org") if "make a difference" in m.subject]
    assert len(check_backs) == 1
    subscriber = Subscriber.objects.get()
    assert subscriber.email == "" and subscriber.erased_at
    asker.refresh_from_db()
    assert asker.email == ""

    url = next(link for link in _links(check_backs[0]) if "did-it-make-a-difference" in link)
    path = "/" + url.split("/", 3)[3]
    form = client.get(path)
    assert "Did this make a difference?" in form.content.decode()
    started = form_started_token(time.time() - 60)
    client.post(path, {"answer": "partly", "sentence": "Better, but slow.", "started": started})
    client.post(path, {"answer": "yes", "started": started})  # a second answer is ignored
    answer = CheckBackAnswer.objects.get()
    assert answer.answer == "partly"
    assert answer.feedback_item.kind == FeedbackItem.Kind.CHECK_BACK
    assert answer.feedback_item.status == FeedbackItem.Status.NEW  # moderated before use
    html = client.get(page.url).content.decode()
    assert "Partly: 1" in html and "Yes: 0" in html
    assert "Better, but slow." not in html


def test_check_back_needs_an_answer(client, asker, make_response):
    page = make_response(items=[asker], status=ResponseStatus.DONE)
    republish(page, completed_on=timezone.localdate() - datetime.timedelta(days=30))
    send_check_backs()
    email = [m for m in mail.outbox if "make a difference" in m.subject][0]
    path = "/" + next(link for link in _links(email) if "difference" in link).split("/", 3)[3]
    response = client.post(path, {"answer": "", "started": form_started_token(time.time() - 60)})
    assert response.status_code == 200
    assert "Select yes, partly or no" in response.content.decode()


def test_addresses_past_the_retention_period_are_never_used(make_item, make_response):
    old = make_item(wants_response=True, email="old@example.org", submitted_at=days_ago(400))
    page = make_response(items=[old])
    assert _emails_to("old@example.org") == []
    recent = make_item(wants_response=True, email="new@example.org")
    page = make_response("Another", items=[recent])
    # Feedback's retention erases the item's address: the copy kept to tell them goes too.
    FeedbackItem.objects.filter(pk=recent.pk).update(
        email="", personal_data_erased_at=timezone.now()
    )
    republish(page, status=ResponseStatus.DONE)
    assert len(_emails_to("new@example.org")) == 1  # only the first, before erasure
    assert Subscriber.objects.get(feedback_item=recent).email == ""


def test_the_outbox_key_names_response_event_and_person_but_not_the_address(asker, make_response):
    make_response(items=[asker])
    email = OutgoingEmail.objects.get(to="parent@example.org", key__startswith="yswd:")
    assert "parent@example.org" not in email.key
    assert ":published:" in email.key


def test_my_account_lists_the_responses_to_a_signed_in_persons_feedback(
    rf, make_item, make_response, django_user_model
):
    from wagtail import hooks

    user = django_user_model.objects.create_user("sam", "sam@example.org", "pw")
    item = make_item(wants_response=True, email="", user=user)
    make_response("Buses", items=[item], status=ResponseStatus.PLANNED)
    make_response("Not theirs", items=[make_item()])
    request = rf.get("/accounts/")
    request.user = user
    html = "".join(fn(request) for fn in hooks.get_hooks("account_sections"))
    assert "Buses" in html and "Planned" in html and "Not theirs" not in html

    # Feedback adds its own part for the same person; this app's part is about responses.
    parts = [fn(user) for fn in hooks.get_hooks("account_data_export")]
    [export] = [p for p in parts if p and p["title"] == "Responses you asked to hear about"]
    assert export["items"][0]["Response"] == "Buses"
    for fn in hooks.get_hooks("account_deleted"):
        fn(user)
    assert Subscriber.objects.get().email == "" and Subscriber.objects.get().user is None
