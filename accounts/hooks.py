"""Calling the hooks through which other apps plug into accounts: `account_sections`,
`account_data_export` and `account_deleted`, declared with their signatures in directory.hooks
(register them in the app's wagtail_hooks.py). Sections are shown in hook order."""

from collections.abc import Iterator

from wagtail import hooks

from directory.hooks import ACCOUNT_DATA_EXPORT, ACCOUNT_DELETED, ACCOUNT_SECTIONS


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
