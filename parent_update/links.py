"""Absolute links for emails, built from BASE_URL (emails have no request)."""

from django.conf import settings
from django.urls import reverse


def absolute(path: str) -> str:
    return f"{settings.BASE_URL}{path}"


def unsubscribe_url(token: str) -> str:
    return absolute(reverse("parent_update:unsubscribe", args=[token]))


def unsubscribe_headers(token: str) -> dict[str, str]:
    """RFC 2369 List-Unsubscribe with RFC 8058 one-click POST."""
    return {
        "List-Unsubscribe": f"<{unsubscribe_url(token)}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }
