"""The one rate-limit helper: counts per client (and per session where sessions matter) in the
shared Django cache, so every worker and a restart see the same counts.

The client is its IP address hashed with the site's secret (never stored, never logged). Behind
N trusted proxies (FEEDBACK_TRUSTED_PROXIES = N) the address is the Nth from the right of
X-Forwarded-For. Production refuses a per-process cache (`check_shared_cache`, below).
"""

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest
from django.utils.crypto import salted_hmac


def client_ip(request: HttpRequest) -> str:
    """The client's address, as the trusted proxies in front of the site report it."""
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


def client_key(request: HttpRequest) -> str:
    """A stable, secret-keyed stand-in for the client's address."""
    return salted_hmac("feedback.rate-limit", client_ip(request), algorithm="sha256").hexdigest()


def count_and_check(key: str, limit: int, window_seconds: int) -> bool:
    """Count one more event under `key` in a fixed window; True while within `limit`."""
    cache.add(key, 0, timeout=window_seconds)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window_seconds)
        count = 1
    return count <= limit


def over_rate_limit(
    request: HttpRequest,
    *,
    scope: str,
    limit: int,
    window_seconds: int,
    per_session: bool = False,
) -> bool:
    """Count one more event from this client; True if it goes over `limit` per window.

    With `per_session`, the session counts too (same limit): a client is limited as soon as
    either count goes over, so fresh sessions do not reset the client's count.
    """
    within = count_and_check(f"rate:{scope}:client:{client_key(request)}", limit, window_seconds)
    if per_session and hasattr(request, "session"):
        if not request.session.session_key:
            request.session.save()
        key = f"rate:{scope}:session:{request.session.session_key}"
        within = count_and_check(key, limit, window_seconds) and within
    return not within


PER_PROCESS_CACHES = (
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
)


def check_shared_cache(app_configs=None, **kwargs) -> list:
    """System check: with REQUIRE_SHARED_CACHE (production), the default cache must be shared."""
    from django.core.checks import Error

    backend = settings.CACHES.get("default", {}).get("BACKEND", "")
    if getattr(settings, "REQUIRE_SHARED_CACHE", False) and backend in PER_PROCESS_CACHES:
        return [
            Error(
                f"The cache ({backend}) is per process: rate limits and single-use form tokens "
                "would not hold across workers or a restart.",
                hint="Set CACHE_URL to redis://host:6379/0, or to db://localoffer_cache after "
                "`manage.py createcachetable` (see the README).",
                id="directory.E001",
            )
        ]
    return []
