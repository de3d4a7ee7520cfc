"""`manage.py import_services SOURCE [--format csv|oruk] [--commit]`.

A dry run by default: prints what would be created, updated or rejected (row and field) and
changes nothing. With --commit the services are saved as drafts for editors to review.
"""

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from oruk.feeds import SourceError, rows_from
from oruk.importing import apply_import, directory_for_import, plan_import


class Command(BaseCommand):
    help = (
        "Import services from the CSV template or an ORUK 3.0 JSON feed (file or URL) as drafts. "
        "Dry run unless --commit."
    )

    def add_arguments(self, parser):
        parser.add_argument("source", help="A file path or an http(s):// or file:// URL")
        parser.add_argument("--format", choices=["csv", "oruk"], default=None)
        parser.add_argument(
            "--commit", action="store_true", help="Save the drafts (default: report only)"
        )

    def handle(self, *args, source, format=None, commit=False, **options):
        source_format = format or (
            "oruk" if source.lower().split("?")[0].endswith(".json") else "csv"
        )
        try:
            rows = rows_from(source, source_format)
        except SourceError as error:
            raise CommandError(str(error)) from error
        parent = directory_for_import()
        if parent is None:
            raise CommandError(
                "There is no directory page to import services into: create one first"
            )

        def progress(description):
            return lambda items: tqdm(items, desc=description, unit="row", file=self.stderr)

        plan = plan_import(
            rows.rows,
            notes=rows.notes,
            early_problems=rows.problems,
            progress=progress("Checking"),
        )
        if commit:
            apply_import(plan, parent=parent, progress=progress("Saving drafts"))
        for line in plan.report_lines():
            self.stdout.write(line)
        if not commit:
            self.stdout.write("Dry run: nothing was saved. Run again with --commit to save drafts.")
