"""Every staff account needs a second factor before any admin page opens; admin sign-in is allauth's."""

import time

import pytest
from allauth.mfa.totp.internal.auth import (
    TOTP,
    format_hotp_value,
    generate_totp_secret,
    hotp_value,
)
from django.core import mail

from accounts.roles import EDITORS_GROUP, MODERATORS_GROUP, SAFEGUARDING_LEADS_GROUP

from .conftest import PASSWORD

pytestmark = pytest.mark.django_db

STAFF_ROLES = {
    "editor": (EDITORS_GROUP,),
    "moderator": (MODERATORS_GROUP,),
    "safeguarding lead": (SAFEGUARDING_LEADS_GROUP,),
    "site admin": (),
}
ADMIN_PAGES = ["/admin/", "/admin/pages/", "/admin/feedback/", "/admin/users/", "/django-admin/"]


@pytest.fixture
def staff(make_user, request):
    role = request.param
    return make_user(
        f"{role.replace(' ', '.')}@example.org", *STAFF_ROLES[role], superuser=role == "site admin"
    )


def _sign_in(client, user) -> None:
    response = client.post("/accounts/login/", {"login": user.email, "password": PASSWORD})
    assert response.status_code == 302


@pytest.mark.parametrize("staff", STAFF_ROLES, indirect=True)
def test_staff_without_a_second_factor_are_sent_to_set_one_up(client, staff, require_staff_mfa):
    _sign_in(client, staff)
    for url in ADMIN_PAGES:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"] == "/accounts/2fa/totp/activate/", url
    setup = client.get("/accounts/2fa/totp/activate/", follow=True)
    assert "set up a second way to prove it is you" in setup.content.decode()


@pytest.mark.parametrize("staff", STAFF_ROLES, indirect=True)
def test_staff_with_a_second_factor_reach_the_admin_after_giving_a_code(
    client, staff, require_staff_mfa
):
    secret = generate_totp_secret()
    TOTP.activate(staff, secret)
    response = client.post("/accounts/login/", {"login": staff.email, "password": PASSWORD})
    assert response["Location"] == "/accounts/2fa/authenticate/"
    assert client.get("/admin/").status_code == 302  # not signed in until the code is given
    counter = int(time.time()) // 30
    code = format_hotp_value(hotp_value(secret, counter))
    response = client.post("/accounts/2fa/authenticate/", {"code": code})
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


def test_setting_up_totp_through_the_pages_opens_the_admin(client, make_user, require_staff_mfa):
    editor = make_user("editor@example.org", EDITORS_GROUP)
    _sign_in(client, editor)
    # allauth asks for the password again before adding a second factor.
    response = client.get("/accounts/2fa/totp/activate/")
    if response.status_code == 302 and "reauthenticate" in response["Location"]:
        client.post(response["Location"], {"password": PASSWORD})
        response = client.get("/accounts/2fa/totp/activate/")
    assert response.status_code == 200
    secret = client.session["mfa.totp.secret"]
    code = format_hotp_value(hotp_value(secret, int(time.time()) // 30))
    response = client.post("/accounts/2fa/totp/activate/", {"code": code})
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


def test_a_member_never_sees_the_admin_nor_the_mfa_prompt(client, make_user, require_staff_mfa):
    member = make_user("parent@example.org")
    _sign_in(client, member)
    for url in ADMIN_PAGES:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"] == "/accounts/", url
    assert "Your account cannot use the admin" in client.get("/accounts/").content.decode()


def test_admin_sign_in_goes_through_allauth(client):
    response = client.get("/admin/login/?next=/admin/pages/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=%2Fadmin%2Fpages%2F"
    assert client.get("/admin/login/")["Location"] == "/accounts/login/?next=%2Fadmin%2F"
    # The admin's own login form cannot be posted to around allauth's limits.
    response = client.post("/admin/login/", {"username": "x", "password": "y"})
    assert response.status_code == 302
    anonymous = client.get("/admin/")
    assert anonymous["Location"].startswith("/accounts/login/")


def test_wrong_passwords_for_one_account_are_limited(client, make_user):
    editor = make_user("editor@example.org", EDITORS_GROUP)
    for _ in range(5):
        wrong = client.post("/accounts/login/", {"login": editor.email, "password": "wrong"})
        assert wrong.status_code == 200
        assert "govuk-error-summary" in wrong.content.decode()
    # Now even the right password is refused for a while, with a message saying so.
    right = client.post("/accounts/login/", {"login": editor.email, "password": PASSWORD})
    assert right.status_code == 200
    assert "Too many failed" in right.content.decode()
    assert client.get("/accounts/").status_code == 302


def test_password_reset_emails_are_limited(client, make_user, django_capture_on_commit_callbacks):
    make_user("parent@example.org")
    statuses = []
    with django_capture_on_commit_callbacks(execute=True):
        for _ in range(8):
            statuses.append(
                client.post(
                    "/accounts/password/reset/", {"email": "parent@example.org"}
                ).status_code
            )
    assert 429 in statuses, statuses
    assert len(mail.outbox) <= 5
