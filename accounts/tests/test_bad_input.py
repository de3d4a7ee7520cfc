"""Bad input on the account forms: a clear message next to the field, never a 500."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from .conftest import PASSWORD
from .test_signup import SIGNUP

pytestmark = pytest.mark.django_db

BAD_EMAILS = {
    "crlf": "parent@example.org\r\nBcc: victim@example.org",
    "lf": "parent@example.org\nparent2@example.org",
    "list with comma": "parent@example.org, other@example.org",
    "list with semicolon": "parent@example.org;other@example.org",
    "10,000 characters": "a" * 9_988 + "@example.org",
}


@pytest.mark.parametrize("email", BAD_EMAILS.values(), ids=BAD_EMAILS.keys())
def test_signup_refuses_bad_emails_next_to_the_field(client, email):
    response = client.post("/accounts/signup/", {**SIGNUP, "email": email})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="id_email-error"' in html and "govuk-error-summary" in html
    assert not get_user_model().objects.exists()


@pytest.mark.parametrize("email", BAD_EMAILS.values(), ids=BAD_EMAILS.keys())
def test_sign_in_and_reset_refuse_bad_emails_cleanly(client, email):
    response = client.post("/accounts/login/", {"login": email, "password": PASSWORD})
    assert response.status_code == 200
    assert "govuk-error-message" in response.content.decode()
    response = client.post("/accounts/password/reset/", {"email": email})
    assert response.status_code == 200
    assert "govuk-error-message" in response.content.decode()
    response = client.post("/accounts/login/code/", {"email": email})
    assert response.status_code == 200


def test_nothing_typed_is_lost_on_an_error(client):
    response = client.post("/accounts/signup/", {**SIGNUP, "who": ""})
    html = response.content.decode()
    assert "Select who you are" in html
    assert 'value="new.parent@example.org"' in html
    assert 'value="13-or-over" checked' in html


@pytest.mark.parametrize(
    "url",
    [
        "/accounts/login/",
        "/accounts/signup/",
        "/accounts/password/reset/",
        "/accounts/delete/",
        "/accounts/sessions/sign-out-everywhere/",
        "/accounts/details/",
    ],
)
def test_a_post_without_a_csrf_token_is_refused(make_user, url):
    client = Client(enforce_csrf_checks=True)
    user = make_user("parent@example.org")
    if url.startswith(("/accounts/delete", "/accounts/sessions", "/accounts/details")):
        client.force_login(user)
    response = client.post(
        url, {**SIGNUP, "login": user.email, "password": PASSWORD, "confirm": "on"}
    )
    assert response.status_code == 403
    assert get_user_model().objects.filter(pk=user.pk).exists()
