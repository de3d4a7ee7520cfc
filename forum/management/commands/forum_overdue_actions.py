"""Email each owner team its overdue forum actions (run weekly; once per team per week)."""

from forum.management.day_command import DayCommand
from forum.reminders import send_overdue_actions


class Command(DayCommand):
    help = "Email each owner team's contact the team's overdue forum actions, once a week."

    def run_for(self, today):
        teams = send_overdue_actions(today)
        return f"Overdue actions emailed to {teams} team(s)."
