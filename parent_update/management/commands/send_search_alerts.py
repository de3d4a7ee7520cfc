"""Email saved-search alerts: at most one email a week per alert (run daily or weekly)."""

from django.core.management.base import BaseCommand

from parent_update.alerts import send_alerts


class Command(BaseCommand):
    help = "Email each search alert the services published or changed since its last email."

    def handle(self, *args, **options):
        self.stdout.write(f"Queued {send_alerts()} search alert email(s).")
