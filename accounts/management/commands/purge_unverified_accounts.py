"""Delete accounts whose email address was never confirmed, 30 days after they were made,
and account audit entries older than ACCOUNTS_AUDIT_LOG_DAYS (two years unless set).

Run it daily (cron or the platform's scheduler): `manage.py purge_unverified_accounts`.
"""

from django.conf import settings
from django.core.management.base import BaseCommand

from accounts.audit import purge_old_entries
from accounts.lifecycle import UNVERIFIED_DAYS, purge_unverified_accounts


class Command(BaseCommand):
    help = f"Delete accounts never confirmed by email, older than {UNVERIFIED_DAYS} days."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--days", type=int, default=UNVERIFIED_DAYS)
        parser.add_argument("--dry-run", action="store_true", help="Only count them.")

    def handle(self, *args, days: int, dry_run: bool, **options) -> None:
        count = purge_unverified_accounts(days=days, dry_run=dry_run)
        verb = "Would delete" if dry_run else "Deleted"
        self.stdout.write(f"{verb} {count} unconfirmed account(s) older than {days} days.")
        if not dry_run:
            log_days = getattr(settings, "ACCOUNTS_AUDIT_LOG_DAYS", 730)
            entries = purge_old_entries(days=log_days)
            self.stdout.write(
                f"Deleted {entries} account audit entries older than {log_days} days."
            )
