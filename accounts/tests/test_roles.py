"""Who may reach what: every role against every area, in one table."""

import pytest
from django.test import Client

from accounts.roles import (
    EDITORS_GROUP,
    FORUM_MEMBERS_GROUP,
    MODERATORS_GROUP,
    SAFEGUARDING_LEADS_GROUP,
    is_forum_member,
    is_staff_member,
)

pytestmark = pytest.mark.django_db

ROLES = {
    "public": None,
    "member": (),
    "forum member": (FORUM_MEMBERS_GROUP,),
    "editor": (EDITORS_GROUP,),
    "moderator": (MODERATORS_GROUP,),
    "safeguarding lead": (SAFEGUARDING_LEADS_GROUP,),
    "site admin": "superuser",
}

AREAS = {
    "public pages": "/",
    "my account": "/accounts/",
    "admin": "/admin/",
    "moderation queue": "/admin/feedback/",
    "safeguarding items": "/admin/feedback/safeguarding/",
    "feedback personal-data export": "/admin/feedback/export.csv?personal_data=1",
    "import": "/admin/services-import/",
    "user admin": "/admin/users/",
}

# Who gets in (200); everyone else is sent away (sign in, or told they may not).
ALLOWED = {
    "public pages": set(ROLES),
    "my account": set(ROLES) - {"public"},
    "admin": {"editor", "moderator", "safeguarding lead", "site admin"},
    "moderation queue": {"moderator", "safeguarding lead", "site admin"},
    "safeguarding items": {"safeguarding lead", "site admin"},
    "feedback personal-data export": {"safeguarding lead", "site admin"},
    # Whoever may add pages under the directory; Wagtail's Moderators group may too.
    "import": {"editor", "moderator", "site admin"},
    "user admin": {"site admin"},
}


@pytest.fixture
def signed_in(make_user, directory_page):
    def make(role: str) -> Client:
        client = Client()
        groups = ROLES[role]
        if groups is None:
            return client
        email = f"{role.replace(' ', '.')}@example.org"
        user = make_user(
            email, *(() if groups == "superuser" else groups), superuser=groups == "superuser"
        )
        client.force_login(user)
        return client

    return make


@pytest.mark.parametrize("role", ROLES)
def test_every_role_against_every_area(signed_in, role):
    client = signed_in(role)
    reached = {area for area, url in AREAS.items() if client.get(url).status_code == 200}
    expected = {area for area, roles in ALLOWED.items() if role in roles}
    assert reached == expected


@pytest.mark.parametrize("role", ROLES)
def test_role_helpers_agree_with_the_table(make_user, role):
    groups = ROLES[role]
    if groups is None:
        from django.contrib.auth.models import AnonymousUser

        user = AnonymousUser()
    else:
        user = make_user(
            f"{role.replace(' ', '.')}@example.org",
            *(() if groups == "superuser" else groups),
            superuser=groups == "superuser",
        )
    assert is_staff_member(user) == (role in ALLOWED["admin"])
    assert is_forum_member(user) == (role in {"forum member"} | ALLOWED["admin"])
