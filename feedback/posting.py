"""The request flow every public form shares: take a POST only when it is valid and within the
rate limit; otherwise show the form again, with 429 when over the limit (the text is kept)."""

from typing import NamedTuple

from django import forms
from django.http import HttpRequest

from feedback.spam import rate_limited


class PostCheck(NamedTuple):
    """Whether to store the form (`accepted`), else the status to show it again with."""

    accepted: bool
    status: int


def check_post(request: HttpRequest, form: forms.Form, *, scope: str, message: str) -> PostCheck:
    """Validate a POSTed form and count it against the rate limit of `scope`; over the limit,
    `message` (see `feedback.spam.rate_limited`) goes on the form."""
    if request.method != "POST" or not form.is_valid():
        return PostCheck(accepted=False, status=200)
    if rate_limited(request, form, scope=scope, message=message):
        return PostCheck(accepted=False, status=429)
    return PostCheck(accepted=True, status=200)
