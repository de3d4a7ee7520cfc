"""Tell service owners when every session of their service has passed."""

from django.core.management.base import BaseCommand

from parent_update.sessions_report import flag_services_with_only_past_sessions


class Command(BaseCommand):
    help = "Email the owner of each live service whose listed sessions have all passed (once)."

    def handle(self, *args, **options):
        flagged = flag_services_with_only_past_sessions()
        for service in flagged:
            self.stdout.write(f"{service.title}: every session has passed")
        self.stdout.write(f"{len(flagged)} service(s) flagged.")
