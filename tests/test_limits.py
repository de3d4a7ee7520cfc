"""Limits that hold: counted per client (and per session where sessions matter) in the shared
cache; production refuses a per-process cache; form start tokens expire and count once."""

import time

import pytest
from django.core import mail
from django.test import Client, override_settings

from directory.ratelimit import check_shared_cache
from feedback.spam import TOKEN_MAX_AGE_SECONDS, form_started_token, spam_signals
from search import shortlist

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("empty_cache")]


def test_fresh_sessions_from_one_client_do_not_reset_the_shortlist_email_limit(
    make_service, django_capture_on_commit_callbacks
):
    service = make_service("Aiming High short breaks")
    sent = 0
    for _session in range(5):
        client = Client(REMOTE_ADDR="203.0.113.9")  # a new browser session each time
        client.post("/shortlist/add/", {"service": str(service.uuid)})
        for _ in range(3):
            with django_capture_on_commit_callbacks(execute=True):
                response = client.post("/shortlist/", {"email": "victim@example.org"})
            if response.status_code == 302:
                sent += 1
    assert sent == shortlist.EMAIL_LIMIT_PER_SESSION
    assert len(mail.outbox) == shortlist.EMAIL_LIMIT_PER_SESSION
    # Another client is not held back by the first.
    other = Client(REMOTE_ADDR="198.51.100.1")
    other.post("/shortlist/add/", {"service": str(service.uuid)})
    assert other.post("/shortlist/", {"email": "me@example.org"}).status_code == 302


def test_a_start_token_counts_once():
    token = form_started_token(time.time() - 60)
    assert spam_signals(honeypot="", started_token=token, min_seconds=3) == []
    assert spam_signals(honeypot="", started_token=token, min_seconds=3) == [
        "The same form was sent before (sent twice, or replayed by a program)."
    ]
    # Two forms opened in the same second have different tokens.
    assert form_started_token(1000) != form_started_token(1000)


def test_a_start_token_expires_after_a_day():
    now = time.time()
    token = form_started_token(now - TOKEN_MAX_AGE_SECONDS - 5)
    assert spam_signals(honeypot="", started_token=token, min_seconds=3, now=now) == [
        "Sent more than a day after the form was opened."
    ]


def test_a_replayed_feedback_form_is_kept_but_marked(site_root, client):
    from feedback.models import FeedbackItem

    data = {
        "about": "local_offer",
        "topic": "content",
        "writer": "parent_carer",
        "rating": "4",
        "comment": "The directory is hard to use on my phone.",
        "started": form_started_token(time.time() - 60),
    }
    for _ in range(2):
        assert client.post("/feedback/", data).status_code == 302
    items = list(FeedbackItem.objects.order_by("pk"))
    assert len(items) == 2, "nothing is lost"
    assert items[0].spam_reasons == []
    assert "The same form was sent before" in " ".join(items[1].spam_reasons)


@pytest.mark.parametrize(
    "backend, errors",
    [
        ("django.core.cache.backends.locmem.LocMemCache", ["directory.E001"]),
        ("django.core.cache.backends.dummy.DummyCache", ["directory.E001"]),
        ("django.core.cache.backends.redis.RedisCache", []),
        ("django.core.cache.backends.db.DatabaseCache", []),
    ],
)
def test_production_refuses_a_per_process_cache(backend, errors):
    caches = {"default": {"BACKEND": backend, "LOCATION": "localoffer_cache"}}
    with override_settings(CACHES=caches, REQUIRE_SHARED_CACHE=True):
        assert [e.id for e in check_shared_cache()] == errors
    with override_settings(CACHES=caches, REQUIRE_SHARED_CACHE=False):
        assert check_shared_cache() == []


@pytest.mark.parametrize(
    "url, backend, location",
    [
        ("redis://cache:6379/0", "django.core.cache.backends.redis.RedisCache", None),
        (
            "db://localoffer_cache",
            "django.core.cache.backends.db.DatabaseCache",
            "localoffer_cache",
        ),
    ],
)
def test_production_reads_cache_url(monkeypatch, url, backend, location):
    import importlib

    monkeypatch.setenv("SECRET_KEY", "x" * 50)
    monkeypatch.setenv("DATABASE_URL", "postgres://u:p@localhost/db")
    monkeypatch.setenv("ALLOWED_HOSTS", "localoffer.example.org")
    monkeypatch.setenv("BASE_URL", "https://localoffer.example.org")
    monkeypatch.setenv("CACHE_URL", url)
    production = importlib.reload(importlib.import_module("localoffer.settings.production"))
    assert production.CACHES["default"]["BACKEND"] == backend
    assert production.CACHES["default"]["LOCATION"] == (location or url)
    assert production.REQUIRE_SHARED_CACHE is True
