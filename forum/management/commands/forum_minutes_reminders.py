"""Remind minutes owners 3 and 7 days after a meeting with no draft minutes (run daily)."""

from forum.management.day_command import DayCommand
from forum.reminders import send_minutes_reminders


class Command(DayCommand):
    help = "Email each meeting's minutes owner 3 and 7 days after a meeting with no draft minutes."

    def run_for(self, today):
        send_minutes_reminders(today)
        return "Minutes reminders queued."
