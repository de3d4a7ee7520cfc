"""Point the default Site at BASE_URL (or the address given), so absolute links work."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from directory.site_address import set_site_address


class Command(BaseCommand):
    help = "Set the default Site's hostname and port from BASE_URL (or the URL given)."

    def add_arguments(self, parser):
        parser.add_argument("url", nargs="?", help="Defaults to the BASE_URL setting.")

    def handle(self, *args, **options):
        url = options["url"] or settings.BASE_URL
        try:
            site = set_site_address(url)
        except ValueError as error:
            raise CommandError(str(error)) from error
        if site is None:
            self.stdout.write("No default site yet: nothing to change.")
        else:
            self.stdout.write(f"The site's links now start {site.root_url}/")
