"""`manage.py export_services [--output FILE]`: the published services as the import template."""

import sys

from django.core.management.base import BaseCommand

from oruk.exporting import export_services_csv


class Command(BaseCommand):
    help = "Export every published service as CSV in the import template's columns."

    def add_arguments(self, parser):
        parser.add_argument("--output", "-o", help="File to write (default: standard output)")

    def handle(self, *args, output=None, **options):
        if output:
            with open(output, "w", newline="", encoding="utf-8") as handle:
                count = export_services_csv(handle)
            self.stderr.write(f"Exported {count} services to {output}")
        else:
            count = export_services_csv(sys.stdout)
            self.stderr.write(f"Exported {count} services")
