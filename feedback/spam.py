"""Spam and abuse defences for the public feedback forms, built never to lose a real comment.

- Honeypot: a field people cannot see, reach or hear. A form that fills it is still stored, marked
  as suspected spam for the moderator (a password manager might fill it; we would rather a
  moderator skims past a bot than a parent's words vanish).
- Time to submit: the form carries a signed timestamp. A form sent faster than a person could
  write is stored too, marked as suspected spam with the number of seconds.
- Time to submit also expires after a day, and each token counts once: a replayed form is kept
  but marked for the moderator.
- Rate limit: each connection may send a few forms in a window. Over the limit, the form is shown
  again with the text kept and a friendly message, so nothing is lost: the person can send it later.
  The IP address is only used, hashed with the site's secret, as a cache key that expires; it is
  never written to the database or the logs.
"""

import hashlib
import secrets
import time

from django import forms
from django.core import signing
from django.core.cache import cache
from django.http import HttpRequest

# The rate limit is the site's one helper, on the shared cache (re-exported for the forms here).
from directory.ratelimit import client_ip, over_rate_limit  # noqa: F401
from feedback.models import FeedbackSettings

_STARTED_SALT = "feedback.form-started"
# A form's start token is good for a day, and for one submission.
TOKEN_MAX_AGE_SECONDS = 24 * 60 * 60


def form_started_token(now: float | None = None) -> str:
    """A signed token saying when the form was shown, for the hidden `started` field."""
    started = int(now if now is not None else time.time())
    # The random part tells apart two forms opened in the same second (tokens are single-use).
    return signing.dumps([started, secrets.token_hex(8)], salt=_STARTED_SALT)


def seconds_to_submit(token: str, now: float | None = None) -> float | None:
    """Seconds since the form was shown, or None if the token is missing or tampered with."""
    if not token:
        return None
    try:
        started = signing.loads(token, salt=_STARTED_SALT)
    except signing.BadSignature:
        return None
    if isinstance(started, list) and started:  # [seconds, random part]
        started = started[0]
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
    elif elapsed > TOKEN_MAX_AGE_SECONDS:
        reasons.append("Sent more than a day after the form was opened.")
    elif not _first_use(started_token):
        reasons.append("The same form was sent before (sent twice, or replayed by a program).")
    return reasons


def _first_use(token: str) -> bool:
    """Remember the token in the shared cache until it expires; False if it was seen before."""
    digest = hashlib.sha256(token.encode()).hexdigest()
    return cache.add(f"feedback:started:{digest}", 1, timeout=TOKEN_MAX_AGE_SECONDS + 60)


def rate_limited(request: HttpRequest, form: forms.Form, *, scope: str, message: str) -> bool:
    """Count this submission against the feedback settings' rate limit; over it, put `message`
    on the form (`{minutes}` in it becomes the window) so the person can send it later."""
    config = FeedbackSettings.for_request(request)
    if not over_rate_limit(
        request,
        scope=scope,
        limit=config.rate_limit_count,
        window_seconds=config.rate_limit_minutes * 60,
    ):
        return False
    form.add_error(None, message.format(minutes=config.rate_limit_minutes))
    return True


def form_spam_signals(
    request: HttpRequest, form: forms.Form, *, started_token: str | None = None
) -> list[str]:
    """`spam_signals` for a valid SpamGuardForm, with the feedback settings' time to submit."""
    if started_token is None:
        started_token = form.cleaned_data.get("started", "")
    return spam_signals(
        honeypot=form.cleaned_data.get("website", ""),
        started_token=started_token,
        min_seconds=FeedbackSettings.for_request(request).min_seconds_to_submit,
    )
