"""Fixtures for the public feedback tests."""

import pytest

from feedback.spam import form_started_token


@pytest.fixture(autouse=True)
def _clear_rate_limits(empty_cache):
    """Each test starts with empty rate-limit counters (they live in the cache)."""


@pytest.fixture
def service(make_service):
    return make_service("Aiming High short breaks")


@pytest.fixture
def started_long_ago() -> str:
    """A valid start token from a minute ago, as a person who took their time would send."""
    import time

    return form_started_token(time.time() - 60)


@pytest.fixture
def adult_data(adult_feedback_form) -> dict:
    """A complete, valid adult feedback form."""
    return adult_feedback_form


@pytest.fixture
def young_data(started_long_ago) -> dict:
    """A complete, valid young person's form from a 13-or-over young person."""
    return {
        "age": "13-or-over",
        "rating": "5",
        "comment": "The club is fun.",
        "email": "",
        "website": "",
        "started": started_long_ago,
    }
