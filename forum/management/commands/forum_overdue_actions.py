"""Email each owner team its overdue forum actions (run weekly; once per team per week)."""

import datetime

from django.core.management.base import BaseCommand

from forum import clock
from forum.reminders import send_overdue_actions


class Command(BaseCommand):
    help = "Email each owner team's contact the team's overdue forum actions, once a week."

    def add_arguments(self, parser):
        parser.add_argument(
            "--date", type=datetime.date.fromisoformat, help="Pretend today is this day."
        )

    def handle(self, *args, **options):
        teams = send_overdue_actions(options["date"] or clock.today())
        self.stdout.write(f"Overdue actions emailed to {teams} team(s).")
