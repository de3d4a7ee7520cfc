"""Ask "Did this make a difference?" four weeks after a response is done (run daily)."""

from django.core.management.base import BaseCommand

from you_said_we_did.loop import erase_closed_addresses, send_check_backs


class Command(BaseCommand):
    help = __doc__

    def handle(self, *args, **options) -> None:
        sent = send_check_backs()
        erased = erase_closed_addresses()
        self.stdout.write(f"Check-backs sent: {sent}. Addresses erased: {erased}.")
