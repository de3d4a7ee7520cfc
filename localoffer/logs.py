"""Structured logs: one JSON object per line, each carrying the id of the request it belongs to.

`RequestIdMiddleware` takes the id from the `X-Request-ID` header the proxy or load balancer sets
(or makes one), returns it in the response, and writes one "request" line per request with the
method, path, status and duration. `RequestIdFilter` stamps every other log line written during
the request with the same id, so one request's lines can be found across app servers.
"""

import json
import logging
import re
import time
import uuid
from contextvars import ContextVar
from datetime import UTC, datetime

from django.http import HttpRequest, HttpResponse

REQUEST_ID_HEADER = "X-Request-ID"
# An id from outside is kept only if it is short and plain, so it cannot forge log lines.
_VALID_ID = re.compile(r"^[A-Za-z0-9._:-]{1,128}$")
_current_request_id: ContextVar[str] = ContextVar("request_id", default="")

request_logger = logging.getLogger("localoffer.request")


def current_request_id() -> str:
    """The id of the request being answered, or "" outside a request."""
    return _current_request_id.get()


class RequestIdMiddleware:
    """Give each request an id, send it back as X-Request-ID, and log the request once."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        given = request.headers.get(REQUEST_ID_HEADER, "")
        request_id = given if _VALID_ID.match(given) else uuid.uuid4().hex
        request.request_id = request_id
        token = _current_request_id.set(request_id)
        started = time.perf_counter()
        try:
            response = self.get_response(request)
            response[REQUEST_ID_HEADER] = request_id
            request_logger.info(
                "request",
                extra={
                    "method": request.method,
                    "path": request.path,
                    "status": response.status_code,
                    "duration_ms": round((time.perf_counter() - started) * 1000, 1),
                },
            )
            return response
        finally:
            _current_request_id.reset(token)


class RequestIdFilter(logging.Filter):
    """Add `request_id` to every record (empty outside a request)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not getattr(record, "request_id", ""):
            # django.request logs after the middleware has finished, passing the request along.
            request = getattr(record, "request", None)
            record.request_id = getattr(request, "request_id", "") or current_request_id()
        return True


# Attributes every LogRecord has; anything else was passed in `extra=` and goes in the JSON.
_STANDARD = set(logging.makeLogRecord({}).__dict__) | {"message", "asctime", "request_id"}


class JSONFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message, request_id, extras, exception."""

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", "") or current_request_id(),
        }
        for key, value in record.__dict__.items():
            if key not in _STANDARD and not key.startswith("_"):
                entry[key] = value
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, default=str)
