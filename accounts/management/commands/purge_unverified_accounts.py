"""Delete accounts whose email address was never confirmed, 30 days after they were made.

Run it daily (cron or the platform's scheduler): `manage.py purge_unverified_accounts`.
"""

from django.core.management.base import BaseCommand

from accounts.services import UNVERIFIED_DAYS, purge_unverified_accounts


class Command(BaseCommand):
    help = f"Delete accounts never confirmed by email, older than {UNVERIFIED_DAYS} days."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--days", type=int, default=UNVERIFIED_DAYS)
        parser.add_argument("--dry-run", action="store_true", help="Only count them.")

    def handle(self, *args, days: int, dry_run: bool, **options) -> None:
        count = purge_unverified_accounts(days=days, dry_run=dry_run)
        verb = "Would delete" if dry_run else "Deleted"
        self.stdout.write(f"{verb} {count} unconfirmed account(s) older than {days} days.")
