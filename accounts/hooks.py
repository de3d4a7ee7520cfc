"""The hooks through which other apps plug into accounts (register them in wagtail_hooks.py).

All take the same first argument order: the request (pages) or the user (data).

- `account_sections`: fn(request) -> safe HTML or None. A section of "My account" (e.g. feedback's
  "Your feedback", with status and any public response). Shown in hook order.
- `account_data_export`: fn(user) -> dict. What the app keeps about this user, for "Download my
  data": {"title": "Your feedback", "items": [ {label: value, ...}, ... ]}. Values are plain
  text, numbers, dates or None; an empty dict or None means nothing kept.
- `account_deleted`: fn(user) -> None. Called before the user row is deleted, inside the same
  transaction: anonymise what the user contributed (keep it, never lose or change its meaning),
  remove subscriptions. Must not delete contributions.
"""

from collections.abc import Iterator

from wagtail import hooks

ACCOUNT_SECTIONS = "account_sections"
ACCOUNT_DATA_EXPORT = "account_data_export"
ACCOUNT_DELETED = "account_deleted"


def account_sections(request) -> Iterator[str]:
    """The HTML of every app's section of "My account"."""
    for fn in hooks.get_hooks(ACCOUNT_SECTIONS):
        html = fn(request)
        if html:
            yield html


def data_exports(user) -> Iterator[dict]:
    """Every app's part of "Download my data"."""
    for fn in hooks.get_hooks(ACCOUNT_DATA_EXPORT):
        part = fn(user)
        if part:
            yield part


def notify_account_deleted(user) -> None:
    """Let every app anonymise what the user left before the account goes."""
    for fn in hooks.get_hooks(ACCOUNT_DELETED):
        fn(user)
