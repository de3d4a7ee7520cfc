"""Email survey owners whose surveys closed 14 days ago without published results (once each)."""

from django.core.management.base import BaseCommand

from surveys.reminders import remind_unpublished_results


class Command(BaseCommand):
    help = __doc__

    def handle(self, *args, **options) -> None:
        count = remind_unpublished_results()
        self.stdout.write(f"Survey reminders queued: {count}")
