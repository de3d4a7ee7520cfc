"""/healthz answers 200 when every part works and 503 naming the part that does not."""

import json
import logging
import sys
from datetime import timedelta
from unittest import mock

import pytest
from django.conf import settings
from django.db import OperationalError
from django.test import override_settings
from django.utils import timezone

from localoffer.logs import JSONFormatter, RequestIdFilter

pytestmark = pytest.mark.django_db

DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


def test_every_part_ok(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["failing"] == []
    assert set(body["parts"]) == {"database", "cache", "search", "tasks"}
    assert all(value.startswith("ok") for value in body["parts"].values())
    assert "no-cache" in response["Cache-Control"]


def test_database_down_is_a_503_naming_the_database(client):
    with mock.patch(
        "localoffer.health.connection.cursor", side_effect=OperationalError("connection refused")
    ):
        response = client.get("/healthz")
    assert response.status_code == 503
    body = response.json()
    assert body["failing"] == ["database"]
    assert "connection refused" in body["parts"]["database"]
    assert body["parts"]["cache"] == "ok"


def test_cache_down_is_a_503_naming_the_cache(client):
    with mock.patch("localoffer.health.cache.set", side_effect=ConnectionError("redis gone")):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["failing"] == ["cache"]
    assert "redis gone" in response.json()["parts"]["cache"]


def test_a_cache_that_forgets_is_failing(client):
    with mock.patch("localoffer.health.cache.get", return_value=None):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["failing"] == ["cache"]


@override_settings(ELASTICSEARCH_URL="http://127.0.0.1:9")
def test_elasticsearch_unreachable_fails_search_but_a_load_balancer_can_leave_it_out(client):
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["failing"] == ["search"]
    # What a load balancer probes: search falls back to the database, so the server can serve.
    response = client.get("/healthz?parts=database,cache")
    assert response.status_code == 200
    assert set(response.json()["parts"]) == {"database", "cache"}


@override_settings(TASKS=DB_TASKS)
def test_a_task_waiting_too_long_means_no_worker(client):
    from django_tasks_db.models import DBTaskResult

    from notifications.outbox import deliver_email

    result = deliver_email.enqueue(12345)
    assert client.get("/healthz").status_code == 200  # just queued: fine
    DBTaskResult.objects.filter(pk=result.id).update(
        enqueued_at=timezone.now() - timedelta(minutes=30)
    )
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["failing"] == ["tasks"]
    assert "worker" in response.json()["parts"]["tasks"]


class _Capture(logging.Handler):
    def __init__(self):
        super().__init__()
        self.lines: list[str] = []
        self.setFormatter(JSONFormatter())
        self.addFilter(RequestIdFilter())

    def emit(self, record):
        self.lines.append(self.format(record))


@pytest.fixture
def request_log():
    handler = _Capture()
    logger = logging.getLogger("localoffer.request")
    logger.addHandler(handler)
    old_level = logger.level
    logger.setLevel(logging.INFO)
    yield handler.lines
    logger.removeHandler(handler)
    logger.setLevel(old_level)


WITH_REQUEST_IDS = ["localoffer.logs.RequestIdMiddleware", *settings.MIDDLEWARE]


@override_settings(MIDDLEWARE=WITH_REQUEST_IDS)
def test_the_request_id_passes_through_and_the_log_line_is_json(client, request_log):
    response = client.get("/healthz", headers={"X-Request-ID": "lb-7f3a.42"})
    assert response["X-Request-ID"] == "lb-7f3a.42"
    entry = json.loads(request_log[-1])
    assert entry["request_id"] == "lb-7f3a.42"
    assert entry["message"] == "request"
    assert entry["method"] == "GET"
    assert entry["path"] == "/healthz"
    assert entry["status"] == 200
    assert entry["level"] == "INFO"
    assert isinstance(entry["duration_ms"], float)


@override_settings(MIDDLEWARE=WITH_REQUEST_IDS)
def test_a_forged_request_id_is_replaced(client, request_log):
    response = client.get("/healthz", headers={"X-Request-ID": 'x"\n{"level": "ERROR"}'})
    new_id = response["X-Request-ID"]
    assert len(new_id) == 32 and new_id.isalnum()
    assert json.loads(request_log[-1])["request_id"] == new_id
    assert len(request_log) == 1


def test_log_lines_outside_a_request_carry_exceptions_as_json():
    handler = _Capture()
    logger = logging.getLogger("localoffer.test")
    try:
        raise ValueError("bad thing")
    except ValueError:
        record = logger.makeRecord(
            "localoffer.test", logging.ERROR, __file__, 1, "failed %s", ("x",), sys.exc_info()
        )
    handler.handle(record)
    entry = json.loads(handler.lines[0])
    assert entry["message"] == "failed x"
    assert entry["request_id"] == ""
    assert "ValueError: bad thing" in entry["exception"]
