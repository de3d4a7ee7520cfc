"""Send the weekly feedback digest to service owners and moderators (once a week each).

Schedule it weekly from cron, e.g. `0 8 * * 1 manage.py send_feedback_digest` (Mondays 8am).
Running it again in the same week sends nothing new.
"""

from django.core.management.base import BaseCommand

from feedback.digest import send_weekly_digests


class Command(BaseCommand):
    help = "Email this week's new feedback to service owners and moderators (once a week each)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="List who would get a digest, send nothing."
        )

    def handle(self, *args, dry_run: bool = False, **options):
        result = send_weekly_digests(dry_run=dry_run)
        verb = "Would send" if dry_run else "Sent"
        self.stdout.write(
            f"{verb} {len(result.sent_to)} digest(s) for the week of {result.week_start:%d %B %Y}."
        )
        if result.skipped_already_sent:
            self.stdout.write(f"{len(result.skipped_already_sent)} already had this week's digest.")
