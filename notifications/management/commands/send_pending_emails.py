"""Retry the outbox: run every few minutes from a timer (see docs/deploy.md)."""

from django.core.management.base import BaseCommand

from notifications.outbox import send_pending_emails


class Command(BaseCommand):
    help = "Send every pending email whose next attempt is due."

    def handle(self, *args, **options):
        count = send_pending_emails()
        self.stdout.write(f"Tried {count} pending email(s).")
