"""Spam and abuse defences for the public feedback forms, built never to lose a real comment.

- Honeypot: a field people cannot see, reach or hear. A form that fills it is still stored, marked
  as suspected spam for the moderator (a password manager might fill it; we would rather a
  moderator skims past a bot than a parent's words vanish).
- Time to submit: the form carries a signed timestamp. A form sent faster than a person could
  write is stored too, marked as suspected spam with the number of seconds.
- Rate limit: each connection may send a few forms in a window. Over the limit, the form is shown
  again with the text kept and a friendly message, so nothing is lost: the person can send it later.
  The IP address is only used, hashed with the site's secret, as a cache key that expires; it is
  never written to the database or the logs.
"""

import time

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.http import HttpRequest
from django.utils.crypto import salted_hmac

_STARTED_SALT = "feedback.form-started"


def form_started_token(now: float | None = None) -> str:
    """A signed token saying when the form was shown, for the hidden `started` field."""
    return signing.dumps(int(now if now is not None else time.time()), salt=_STARTED_SALT)


def seconds_to_submit(token: str, now: float | None = None) -> float | None:
    """Seconds since the form was shown, or None if the token is missing or tampered with."""
    if not token:
        return None
    try:
        started = signing.loads(token, salt=_STARTED_SALT)
    except signing.BadSignature:
        return None
    if not isinstance(started, int):
        return None
    return (now if now is not None else time.time()) - started


def spam_signals(
    *, honeypot: str, started_token: str, min_seconds: int, now: float | None = None
) -> list[str]:
    """The reasons to suspect a submission is spam (empty for a normal one), for the moderator."""
    reasons = []
    if honeypot:
        reasons.append("The hidden field that people cannot see was filled in.")
    elapsed = seconds_to_submit(started_token, now)
    if elapsed is None:
        reasons.append("The form had no valid start time.")
    elif elapsed < min_seconds:
        seconds = round(max(elapsed, 0))
        plural = "" if seconds == 1 else "s"
        reasons.append(f"Sent {seconds} second{plural} after the form was opened.")
    return reasons


def client_ip(request: HttpRequest) -> str:
    """The client's address. Behind N trusted proxies (FEEDBACK_TRUSTED_PROXIES = N), the Nth
    address from the right of X-Forwarded-For; otherwise REMOTE_ADDR."""
    proxies = getattr(settings, "FEEDBACK_TRUSTED_PROXIES", 0)
    if proxies:
        forwarded = [
            part.strip()
            for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def _rate_key(scope: str, request: HttpRequest) -> str:
    digest = salted_hmac("feedback.rate-limit", client_ip(request), algorithm="sha256").hexdigest()
    return f"feedback:rate:{scope}:{digest}"


def over_rate_limit(request: HttpRequest, *, scope: str, limit: int, window_seconds: int) -> bool:
    """Count one more submission from this connection; True if it goes over `limit` per window.

    A fixed window per connection, kept in Django's cache (it expires by itself).
    """
    key = _rate_key(scope, request)
    cache.add(key, 0, timeout=window_seconds)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window_seconds)
        count = 1
    return count > limit
