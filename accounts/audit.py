"""The audit log site admins read in Wagtail's "Site history" report.

Entries are Wagtail log entries (ModelLogEntry) about a user: who did it (`user`), when, what
(`action`) and details (`data`). They never hold passwords, codes or IP addresses.
"""

import datetime

from allauth.mfa.signals import authenticator_added, authenticator_removed, authenticator_reset
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.db.models.signals import m2m_changed
from django.dispatch import receiver
from django.utils import timezone
from wagtail.log_actions import get_active_log_context, log
from wagtail.models import ModelLogEntry

SIGNED_IN = "accounts.sign_in"
SIGN_IN_FAILED = "accounts.sign_in_failed"
GROUPS_CHANGED = "accounts.groups_changed"
MFA_ADDED = "accounts.mfa_added"
MFA_REMOVED = "accounts.mfa_removed"
MFA_RESET = "accounts.mfa_reset"
DATA_EXPORTED = "accounts.data_exported"
ACCOUNT_DELETED = "accounts.account_deleted"

# action, label (for the filter), message (for the report)
ACTIONS = [
    (SIGNED_IN, "Account: sign in", "Signed in"),
    (SIGN_IN_FAILED, "Account: failed sign in", "Failed to sign in (wrong password)"),
    (GROUPS_CHANGED, "Account: roles changed", "Roles (groups) changed"),
    (MFA_ADDED, "Account: second factor added", "Second factor added"),
    (MFA_REMOVED, "Account: second factor removed", "Second factor removed"),
    (MFA_RESET, "Account: recovery codes renewed", "Recovery codes renewed"),
    (DATA_EXPORTED, "Account: data downloaded", "Downloaded their personal data"),
    (ACCOUNT_DELETED, "Account: deleted", "Account deleted"),
]


def purge_old_entries(*, days: int, now: datetime.datetime | None = None) -> int:
    """Delete account audit entries older than `days` (the log's retention); returns count."""
    cutoff = (now or timezone.now()) - datetime.timedelta(days=days)
    actions = [action for action, _label, _message in ACTIONS]
    deleted, _ = ModelLogEntry.objects.filter(action__in=actions, timestamp__lt=cutoff).delete()
    return deleted


def account_label(user) -> str:
    """How the log names an account: its number, not the email (which deletion erases)."""
    return f"Account {user.pk}"


def log_account_event(account, action: str, *, by=None, data: dict | None = None) -> None:
    """Write one audit entry about `account`, done by `by` (default: the account itself)."""
    log(account, action, user=by or account, title=account_label(account), data=data or {})


@receiver(user_logged_in)
def _signed_in(sender, request, user, **kwargs) -> None:
    log_account_event(user, SIGNED_IN)


@receiver(user_login_failed)
def _sign_in_failed(sender, credentials, request=None, **kwargs) -> None:
    email = (credentials or {}).get("email") or (credentials or {}).get("username") or ""
    if not isinstance(email, str) or not email:
        return
    account = get_user_model().objects.filter(email__iexact=email).first()
    if account is not None:  # unknown addresses are not logged: nothing to tie them to
        log_account_event(account, SIGN_IN_FAILED, by=account)


@receiver(m2m_changed, sender=get_user_model().groups.through)
def _groups_changed(sender, instance, action, reverse, model, pk_set, **kwargs) -> None:
    if action not in ("post_add", "post_remove", "post_clear") or reverse:
        return
    names = sorted(Group.objects.filter(pk__in=pk_set or ()).values_list("name", flat=True))
    change = {"post_add": "added", "post_remove": "removed", "post_clear": "cleared"}[action]
    log(
        instance,
        GROUPS_CHANGED,
        user=get_active_log_context().user,
        title=account_label(instance),
        data={"change": change, "groups": names},
    )


@receiver(authenticator_added)
def _mfa_added(sender, request, user, authenticator, **kwargs) -> None:
    log_account_event(user, MFA_ADDED, data={"type": authenticator.type})


@receiver(authenticator_removed)
def _mfa_removed(sender, request, user, authenticator, **kwargs) -> None:
    log_account_event(user, MFA_REMOVED, data={"type": authenticator.type})


@receiver(authenticator_reset)
def _mfa_reset(sender, request, user, authenticator, **kwargs) -> None:
    log_account_event(user, MFA_RESET, data={"type": authenticator.type})
