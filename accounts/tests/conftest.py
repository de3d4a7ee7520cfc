"""Fixtures for the accounts tests: clean rate-limit counters, people with each role."""

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

PASSWORD = "a long test password 42"


@pytest.fixture(autouse=True)
def _clear_cache(empty_cache):
    """allauth keeps its rate-limit counters in the cache: each test starts with none."""


@pytest.fixture
def make_user(db):
    """A verified account with an email login, in the named groups."""

    def make(email: str = "parent@example.org", *groups: str, superuser: bool = False):
        user = get_user_model().objects.create_user(
            username=email, email=email, password=PASSWORD, is_superuser=superuser
        )
        user.groups.add(*Group.objects.filter(name__in=groups))
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
        return user

    return make


@pytest.fixture
def require_staff_mfa(settings):
    settings.ACCOUNTS_REQUIRE_STAFF_MFA = True
