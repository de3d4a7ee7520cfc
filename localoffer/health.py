"""`/healthz`: is this app server fit to take requests? For load balancers and monitoring.

Each part is checked in turn: the database, the shared cache, the search backend (Elasticsearch
when `ELASTICSEARCH_URL` is set) and the task queue (a task waiting longer than
`HEALTHZ_TASK_MAX_WAIT` seconds means no worker is running). All well: 200 with every part "ok".
Anything wrong: 503 naming the failing part and why. `?parts=database,cache` checks only those,
which is what a load balancer should probe: search falls back to the database and queued tasks
wait for the worker, so neither should take every app server out of service.
"""

import logging
import uuid
from collections.abc import Callable
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import HttpRequest, JsonResponse
from django.tasks import task_backends
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

logger = logging.getLogger(__name__)


def check_database() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return "ok"


def check_cache() -> str:
    key = f"healthz:{uuid.uuid4().hex}"
    cache.set(key, "1", timeout=10)
    found = cache.get(key)
    cache.delete(key)
    if found != "1":
        raise RuntimeError("a value written to the cache could not be read back")
    return "ok"


def check_search() -> str:
    if not settings.ELASTICSEARCH_URL:
        return "ok (database search)"
    from elasticsearch import Elasticsearch

    client = Elasticsearch(settings.ELASTICSEARCH_URL, request_timeout=2, max_retries=0)
    try:
        if not client.indices.exists(index=settings.ELASTICSEARCH_INDEX):
            raise RuntimeError(f"index {settings.ELASTICSEARCH_INDEX} missing: rebuild it")
    finally:
        client.close()
    return "ok"


def check_tasks() -> str:
    backend = task_backends["default"]
    if type(backend).__module__.startswith("django_tasks_db"):
        from django_tasks_db.models import DBTaskResult

        oldest = DBTaskResult.objects.ready().order_by("enqueued_at").first()
        limit = timedelta(seconds=getattr(settings, "HEALTHZ_TASK_MAX_WAIT", 600))
        if oldest is not None and timezone.now() - oldest.enqueued_at > limit:
            raise RuntimeError(
                f"a task has waited since {oldest.enqueued_at:%H:%M:%S}: is the worker running?"
            )
    return "ok"


CHECKS: dict[str, Callable[[], str]] = {
    "database": check_database,
    "cache": check_cache,
    "search": check_search,
    "tasks": check_tasks,
}


def run_checks(parts: list[str]) -> tuple[bool, dict[str, str]]:
    """Run the named checks; (all ok, {part: "ok" or "failing: why"})."""
    results = {}
    healthy = True
    for part in parts:
        try:
            results[part] = CHECKS[part]()
        except Exception as error:  # noqa: BLE001 - any failure is the answer
            healthy = False
            results[part] = f"failing: {type(error).__name__}: {error}"[:300]
            logger.warning("health check failed", extra={"part": part, "error": str(error)})
    return healthy, results


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    asked = [p.strip() for p in request.GET.get("parts", "").split(",") if p.strip()]
    parts = [p for p in asked if p in CHECKS] or list(CHECKS)
    healthy, results = run_checks(parts)
    failing = [part for part in parts if results[part].startswith("failing")]
    body = {"status": "ok" if healthy else "failing", "failing": failing, "parts": results}
    return JsonResponse(body, status=200 if healthy else 503)
