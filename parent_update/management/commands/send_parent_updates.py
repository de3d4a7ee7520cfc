"""Resume Parent Update sendings that stopped part-way (run on a timer, or after a failure)."""

from django.core.management.base import BaseCommand

from parent_update.sending import resume_unfinished


class Command(BaseCommand):
    help = "Carry on every Parent Update sending that has not finished. Never sends one twice."

    def handle(self, *args, **options):
        self.stdout.write(f"Resumed {resume_unfinished()} unfinished sending(s).")
