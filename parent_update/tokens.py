"""Signed links: confirmations expire after a few days; unsubscribe links work until used."""

from typing import Any

from django.core import signing

CONFIRM_MAX_AGE = 3 * 24 * 60 * 60
CONFIRM_SALT = "parent_update.confirm"
UNSUBSCRIBE_SALT = "parent_update.unsubscribe"


class LinkProblem(Exception):
    """A link that cannot be used, with a plain message for the person who followed it."""


def make_confirmation(payload: dict[str, Any]) -> str:
    return signing.dumps(payload, salt=CONFIRM_SALT, compress=True)


def read_confirmation(token: str) -> dict[str, Any]:
    try:
        payload = signing.loads(token, salt=CONFIRM_SALT, max_age=CONFIRM_MAX_AGE)
    except signing.SignatureExpired as error:
        raise LinkProblem(
            "This confirmation link has expired. Links work for 3 days: please sign up again."
        ) from error
    except signing.BadSignature as error:
        raise LinkProblem(
            "This link is not complete. Copy the whole link from the email, or sign up again."
        ) from error
    if not isinstance(payload, dict):
        raise LinkProblem("This link is not complete. Copy the whole link from the email.")
    return payload


def make_unsubscribe(kind: str, pk: int) -> str:
    return signing.dumps([kind, pk], salt=UNSUBSCRIBE_SALT)


def read_unsubscribe(token: str) -> tuple[str, int]:
    try:
        kind, pk = signing.loads(token, salt=UNSUBSCRIBE_SALT)
        return str(kind), int(pk)
    except (signing.BadSignature, ValueError, TypeError) as error:
        raise LinkProblem(
            "This unsubscribe link is not complete. Copy the whole link from the email, "
            "or contact us and we will take you off the list."
        ) from error
