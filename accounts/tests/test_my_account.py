"""My account, download my data, delete my account, and purging unconfirmed accounts."""

import datetime
import json

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import ModelLogEntry

from accounts import audit
from feedback.intake import Submission, submit_feedback
from feedback.models import FeedbackItem

from .conftest import PASSWORD

pytestmark = pytest.mark.django_db


@pytest.fixture
def parent(make_user):
    return make_user("parent@example.org")


def _feedback(user, comment="The Saturday club helped us a lot.", **extra) -> FeedbackItem:
    return submit_feedback(
        Submission(
            kind=FeedbackItem.Kind.GENERAL,
            comment=comment,
            wants_response=True,
            email=user.email,
            user_id=user.pk,
            **extra,
        )
    )


def _signed_in(client, user):
    response = client.post("/accounts/login/", {"login": user.email, "password": PASSWORD})
    assert response.status_code == 302, response.content
    return client


def test_my_account_needs_sign_in(client):
    response = client.get("/accounts/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_feedback_given_while_signed_in_shows_under_my_account(client, parent, adult_feedback_form):
    _signed_in(client, parent)
    response = client.post("/feedback/", adult_feedback_form)
    assert response.status_code == 302
    item = FeedbackItem.objects.get()
    assert item.user == parent
    item.status = FeedbackItem.Status.APPROVED
    item.public_text = "The club helped."
    item.save()
    page = client.get("/accounts/").content.decode()
    assert "Your feedback" in page
    assert "The short breaks page helped us find a Saturday club." in page
    assert "Read and published" in page and "The club helped." in page


def test_a_safeguarding_item_is_never_called_that_to_its_writer(client, parent):
    item = _feedback(parent)
    item.status = FeedbackItem.Status.SAFEGUARDING
    item.save()
    page = _signed_in(client, parent).get("/accounts/").content.decode()
    assert "afeguarding" not in page


def test_someone_elses_feedback_is_not_shown(client, parent, make_user):
    other = make_user("other@example.org")
    _feedback(other, comment="Other person's words")
    page = _signed_in(client, parent).get("/accounts/").content.decode()
    assert "Other person's words" not in page


@pytest.mark.postgres
def test_download_my_data_as_json_and_html(client, parent):
    _feedback(parent)
    _signed_in(client, parent)
    response = client.get("/accounts/my-data.json")
    assert response["Content-Disposition"].startswith("attachment;")
    data = json.loads(response.content)
    assert data["account"]["Email address"] == "parent@example.org"
    assert data["sessions"] and data["sessions"][0]["IP address"]
    # Every app that keeps something about the person adds a part; feedback is one of them.
    (feedback,) = [part for part in data["parts"] if part["title"] == "Your feedback"]
    assert feedback["items"][0]["What you wrote"] == "The Saturday club helped us a lot."
    assert feedback["items"][0]["Email address"] == "parent@example.org"
    page = client.get("/accounts/my-data/").content.decode()
    assert "The Saturday club helped us a lot." in page and "parent@example.org" in page
    logged = ModelLogEntry.objects.filter(action=audit.DATA_EXPORTED, object_id=str(parent.pk))
    assert logged.count() == 2


def _reauthenticate(client) -> None:
    response = client.get("/accounts/delete/")
    assert response["Location"].startswith("/accounts/reauthenticate/")
    client.post(response["Location"], {"password": PASSWORD})
    assert client.get("/accounts/delete/").status_code == 200


@pytest.mark.postgres
def test_delete_account_after_signing_in_again_keeps_feedback_anonymised(client, parent):
    item = _feedback(parent)
    _signed_in(client, parent)
    # Deleting asks for the password again first, then carries on with the request.
    response = client.post("/accounts/delete/", {"confirm": "on"})
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/reauthenticate/")
    assert get_user_model().objects.filter(pk=parent.pk).exists()
    client.post(response["Location"], {"password": "wrong password"})
    assert get_user_model().objects.filter(pk=parent.pk).exists()

    client.post(response["Location"], {"password": PASSWORD}, follow=True)
    assert not get_user_model().objects.filter(pk=parent.pk).exists()
    assert not EmailAddress.objects.filter(email="parent@example.org").exists()
    item.refresh_from_db()
    assert item.comment == "The Saturday club helped us a lot."  # kept, meaning unchanged
    assert item.user is None and item.email == "" and item.personal_data_erased_at
    assert client.get("/accounts/").status_code == 302  # signed out
    entry = ModelLogEntry.objects.get(action=audit.ACCOUNT_DELETED)
    assert "parent@example.org" not in entry.label


def test_delete_needs_the_tick(client, parent):
    _signed_in(client, parent)
    _reauthenticate(client)
    response = client.post("/accounts/delete/", {})
    assert response.status_code == 200
    assert "Tick the box to say you understand" in response.content.decode()
    assert get_user_model().objects.filter(pk=parent.pk).exists()


def test_sign_out_everywhere_ends_every_session(client, parent, django_user_model):
    from django.test import Client

    other_device = _signed_in(Client(), parent)
    _signed_in(client, parent)
    client.post("/accounts/sessions/sign-out-everywhere/")
    assert client.get("/accounts/").status_code == 302
    assert other_device.get("/accounts/").status_code == 302


def test_details_change(client, parent):
    _signed_in(client, parent)
    response = client.post(
        "/accounts/details/", {"who": "professional", "district": "", "email_news": "on"}
    )
    assert response.status_code == 302
    parent.profile.refresh_from_db()
    assert parent.profile.who == "professional" and parent.profile.email_news
    response = client.post("/accounts/details/", {"who": "nonsense"})
    assert response.status_code == 200
    assert "govuk-error-message" in response.content.decode()


@pytest.mark.postgres
def test_unconfirmed_accounts_older_than_30_days_are_purged(make_user):
    old = get_user_model().objects.create_user(username="old", email="old@example.org")
    EmailAddress.objects.create(user=old, email="old@example.org", verified=False, primary=True)
    get_user_model().objects.filter(pk=old.pk).update(
        date_joined=timezone.now() - datetime.timedelta(days=31)
    )
    recent = get_user_model().objects.create_user(username="new", email="new@example.org")
    confirmed = make_user("confirmed@example.org")
    get_user_model().objects.filter(pk=confirmed.pk).update(
        date_joined=timezone.now() - datetime.timedelta(days=400)
    )
    item = _feedback(old)
    call_command("purge_unverified_accounts", stdout=__import__("io").StringIO())
    remaining = set(get_user_model().objects.values_list("email", flat=True))
    assert remaining == {"new@example.org", "confirmed@example.org"}
    assert recent.pk and FeedbackItem.objects.filter(pk=item.pk, user=None).exists()


SIGNED_IN_PAGES = [
    "/accounts/",
    "/accounts/details/",
    "/accounts/my-data/",
    "/accounts/email/",
    "/accounts/password/change/",
    "/accounts/2fa/",
    "/accounts/sessions/",
    "/accounts/reauthenticate/",
    "/accounts/logout/",
]
SIGNED_OUT_PAGES = [
    "/accounts/login/",
    "/accounts/signup/",
    "/accounts/login/code/",
    "/accounts/password/reset/",
]


def test_every_account_page_uses_the_site_layout(client, parent):
    for url in SIGNED_OUT_PAGES:
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert 'class="govuk-template__body"' in html and "govuk-heading" in html, url
    _signed_in(client, parent)
    for url in SIGNED_IN_PAGES:
        response = client.get(url)
        assert response.status_code == 200, url
        assert 'class="govuk-template__body"' in response.content.decode(), url
