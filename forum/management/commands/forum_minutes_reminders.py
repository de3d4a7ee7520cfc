"""Remind minutes owners 3 and 7 days after a meeting with no draft minutes (run daily)."""

import datetime

from django.core.management.base import BaseCommand

from forum import clock
from forum.reminders import send_minutes_reminders


class Command(BaseCommand):
    help = "Email each meeting's minutes owner 3 and 7 days after a meeting with no draft minutes."

    def add_arguments(self, parser):
        parser.add_argument(
            "--date", type=datetime.date.fromisoformat, help="Pretend today is this day."
        )

    def handle(self, *args, **options):
        send_minutes_reminders(options["date"] or clock.today())
        self.stdout.write("Minutes reminders queued.")
