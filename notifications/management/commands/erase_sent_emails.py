"""Blank the address and text of sent emails after the retention period (run daily)."""

from django.core.management.base import BaseCommand

from notifications.outbox import SENT_EMAIL_RETENTION_DAYS, erase_sent_emails


class Command(BaseCommand):
    help = (
        f"Blank the address and text of emails sent more than {SENT_EMAIL_RETENTION_DAYS} days ago."
    )

    def handle(self, *args, **options):
        self.stdout.write(f"Erased {erase_sent_emails()} sent email(s).")
