"""The base of the forum's scheduled commands: each does its job for one day."""

import datetime

from django.core.management.base import BaseCommand

from forum import clock


class DayCommand(BaseCommand):
    """A command that does its job for today by the forum's clock, or for the day `--date` names
    (to try it out, or to catch up a missed run)."""

    def add_arguments(self, parser):
        parser.add_argument(
            "--date", type=datetime.date.fromisoformat, help="Pretend today is this day."
        )

    def handle(self, *args, **options):
        self.stdout.write(self.run_for(options["date"] or clock.today()))

    def run_for(self, today: datetime.date) -> str:
        """Do the job as on `today`; return the line that says what was done."""
        raise NotImplementedError
