"""Erase personal data (email, account link) on feedback older than the retention period.

Run it daily or weekly from cron, e.g. `0 3 * * * manage.py erase_feedback_personal_data`.
"""

from django.core.management.base import BaseCommand

from feedback.retention import erase_personal_data


class Command(BaseCommand):
    help = "Erase email addresses and account links on feedback older than the retention period."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Say what would be erased, change nothing."
        )
        parser.add_argument(
            "--months",
            type=int,
            default=None,
            help="Override the retention period from the feedback settings.",
        )

    def handle(self, *args, dry_run: bool = False, months: int | None = None, **options):
        result = erase_personal_data(dry_run=dry_run, months=months)
        verb = "Would erase" if dry_run else "Erased"
        self.stdout.write(
            f"{verb} personal data on {result.count} feedback item(s) "
            f"received before {result.cutoff:%Y-%m-%d %H:%M}."
        )
        verb = "Would delete" if dry_run else "Deleted"
        self.stdout.write(f'{verb} {result.missing_answers} "What was missing?" answer(s).')
