"""An account from export to deletion: what we keep, ending sessions, deleting, purging."""

import datetime

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.usersessions.models import UserSession
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from accounts import audit
from accounts.hooks import data_exports, notify_account_deleted
from accounts.models import Profile

UNVERIFIED_DAYS = 30


def _when(moment: datetime.datetime | None) -> str | None:
    return moment.isoformat() if moment else None


def export_user_data(user) -> dict:
    """Everything the site keeps about this person, in plain values (for JSON and HTML)."""
    profile = Profile.objects.filter(user=user).select_related("district").first()
    return {
        "account": {
            "Email address": user.email,
            "Name": user.get_full_name() or None,
            "Account made": _when(user.date_joined),
            "Last signed in": _when(user.last_login),
            "Email addresses": [
                {"Email address": address.email, "Confirmed": address.verified}
                for address in EmailAddress.objects.filter(user=user)
            ],
            "Roles": sorted(user.groups.values_list("name", flat=True)),
            "Second factors": sorted(
                Authenticator.objects.filter(user=user).values_list("type", flat=True)
            ),
        },
        "profile": {
            "Who I am": profile.get_who_display() if profile else None,
            "District": str(profile.district) if profile and profile.district else None,
            "Email me about responses to my feedback": profile.email_responses if profile else None,
            "Email me news": profile.email_news if profile else None,
            "Said 13 or over, or a parent or carer helps": _when(profile.age_confirmed_at)
            if profile
            else None,
        },
        "sessions": [
            {
                "Signed in": _when(session.created_at),
                "Last seen": _when(session.last_seen_at),
                "IP address": session.ip,
                "Browser": session.user_agent,
            }
            for session in UserSession.objects.filter(user=user).order_by("-created_at")
        ],
        "parts": list(data_exports(user)),
        "exported_at": timezone.now().isoformat(),
    }


def end_all_sessions(user) -> int:
    """Sign the user out on every device; returns how many sessions ended."""
    sessions = list(UserSession.objects.filter(user=user))
    for session in sessions:
        session.end()
    return len(sessions)


def delete_account(user, *, by=None) -> None:
    """Delete the account: apps anonymise what it contributed (kept), sessions end, rows go."""
    with transaction.atomic():
        audit.log_account_event(user, audit.ACCOUNT_DELETED, by=by or user)
        notify_account_deleted(user)
        end_all_sessions(user)
        user.delete()


def unverified_accounts(*, now: datetime.datetime | None = None, days: int = UNVERIFIED_DAYS):
    """Accounts older than `days` that never confirmed an email address (never staff)."""
    cutoff = (now or timezone.now()) - datetime.timedelta(days=days)
    verified = EmailAddress.objects.filter(verified=True).values("user_id")
    return (
        get_user_model()
        .objects.filter(date_joined__lt=cutoff, is_staff=False, is_superuser=False)
        .exclude(pk__in=verified)
    )


def purge_unverified_accounts(*, now=None, days: int = UNVERIFIED_DAYS, dry_run=False) -> int:
    """Delete unverified accounts older than `days` (through delete_account); returns count."""
    users = list(unverified_accounts(now=now, days=days))
    if not dry_run:
        for user in users:
            delete_account(user)
    return len(users)


def mark_email_verified(user) -> None:
    """Record the user's address as verified, so they can sign in with email (demo accounts)."""
    EmailAddress.objects.update_or_create(
        user=user, email=user.email, defaults={"verified": True, "primary": True}
    )
