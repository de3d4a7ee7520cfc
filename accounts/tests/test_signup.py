"""The whole journey: sign up, confirm the email with a code, sign in, reset the password."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail

from accounts.models import Profile

from .conftest import PASSWORD

pytestmark = pytest.mark.django_db

SIGNUP = {
    "email": "new.parent@example.org",
    "password1": PASSWORD,
    "password2": PASSWORD,
    "who": "parent_carer",
    "age": "13-or-over",
    "district": "",
    "email_responses": "on",
    "website": "",
}


def _code(message) -> str:
    match = re.search(r"^\s*([A-Z0-9]{4}-[A-Z0-9]{4})\s*$", message.body, re.MULTILINE)
    assert match, message.body
    return match.group(1)


def signup(client, django_capture_on_commit_callbacks, **changes):
    with django_capture_on_commit_callbacks(execute=True):
        return client.post("/accounts/signup/", {**SIGNUP, **changes})


@pytest.mark.postgres
def test_sign_up_verify_with_the_emailed_code_then_sign_in(
    client, django_capture_on_commit_callbacks
):
    response = signup(client, django_capture_on_commit_callbacks)
    assert response.status_code == 302
    assert response["Location"] == "/accounts/confirm-email/"
    user = get_user_model().objects.get(email="new.parent@example.org")
    profile = Profile.objects.get(user=user)
    assert profile.who == "parent_carer" and profile.age_confirmed_at is not None
    assert len(mail.outbox) == 1
    code = _code(mail.outbox[0])

    page = client.get("/accounts/confirm-email/")
    assert b"govuk-input" in page.content
    response = client.post("/accounts/confirm-email/", {"code": code})
    assert response.status_code == 302
    assert client.get("/accounts/").status_code == 200  # signed in straight after confirming
    assert user.emailaddress_set.get().verified

    client.logout()
    response = client.post(
        "/accounts/login/", {"login": "new.parent@example.org", "password": PASSWORD}
    )
    assert response.status_code == 302
    home = client.get("/accounts/")
    assert b"new.parent@example.org" in home.content


def test_a_wrong_code_is_answered_next_to_the_field(client, django_capture_on_commit_callbacks):
    signup(client, django_capture_on_commit_callbacks)
    response = client.post("/accounts/confirm-email/", {"code": "XXXXXX"})
    assert response.status_code == 200
    assert b"govuk-error-message" in response.content
    assert b"govuk-error-summary" in response.content


def test_an_under_13_on_their_own_cannot_make_an_account(
    client, django_capture_on_commit_callbacks
):
    response = signup(client, django_capture_on_commit_callbacks, age="under-13")
    assert response.status_code == 200
    assert b"You cannot make an account on your own if you are under 13" in response.content
    assert not get_user_model().objects.exists()
    assert mail.outbox == []
    # What they typed is still there.
    assert b'value="new.parent@example.org"' in response.content


def test_an_under_13_with_a_parent_helping_can(client, django_capture_on_commit_callbacks):
    signup(client, django_capture_on_commit_callbacks, age="parent-helping", who="young_person")
    assert Profile.objects.get().parent_helping


def test_the_honeypot_pretends_all_is_well_and_makes_nothing(
    client, django_capture_on_commit_callbacks
):
    response = signup(client, django_capture_on_commit_callbacks, website="http://spam.example")
    assert response.status_code == 302
    assert not get_user_model().objects.exists()
    assert mail.outbox == []


def test_signing_up_with_a_known_email_gives_the_same_answer(
    client, make_user, django_capture_on_commit_callbacks
):
    make_user("new.parent@example.org")
    response = signup(client, django_capture_on_commit_callbacks)
    assert response.status_code == 302
    assert response["Location"] == "/accounts/confirm-email/"
    assert get_user_model().objects.count() == 1


def test_signup_page_is_govuk_and_links_the_privacy_notice(client, settings):
    page = client.get("/accounts/signup/")
    html = page.content.decode()
    assert 'class="govuk-input' in html and "govuk-radios" in html
    assert "How old are you?" in html


def test_password_reset_by_emailed_link(client, make_user, django_capture_on_commit_callbacks):
    make_user("parent@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/accounts/password/reset/", {"email": "parent@example.org"})
    assert response.status_code == 302
    link = re.search(r"http://testserver(/accounts/password/reset/key/\S+)", mail.outbox[0].body)
    assert link, mail.outbox[0].body
    form_page = client.get(link.group(1), follow=True)
    action = form_page.redirect_chain[-1][0] if form_page.redirect_chain else link.group(1)
    new = "another long password 77"
    response = client.post(action, {"password1": new, "password2": new})
    assert response.status_code == 302
    assert (
        client.login(username="parent@example.org", password=new)
        or client.post(
            "/accounts/login/", {"login": "parent@example.org", "password": new}
        ).status_code
        == 302
    )


def test_reset_for_an_unknown_email_looks_the_same(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/accounts/password/reset/", {"email": "nobody@example.org"})
    assert response.status_code == 302
    assert response["Location"] == "/accounts/password/reset/done/"
