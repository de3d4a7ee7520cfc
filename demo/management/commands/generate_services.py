"""Make many realistic random services in bulk, through the services import, for scale tests."""

import time

from django.core.management.base import BaseCommand, CommandError

from demo.generator import create_services_in_bulk, directory_for, generate_service_facts
from directory.models import DirectoryIndexPage
from oruk.bulk_pages import run_after_bulk_hooks


class Command(BaseCommand):
    help = (
        "Add N random but realistic services under a directory page, in bulk. "
        "The same --seed always gives the same services."
    )

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, required=True, help="How many services.")
        parser.add_argument("--seed", type=int, default=1, help="Random seed (default 1).")
        parser.add_argument(
            "--parent",
            help="Slug of the directory page to add them to (default: the first directory).",
        )

    def handle(self, *args, **options):
        if options["count"] < 1:
            raise CommandError("--count must be 1 or more")
        try:
            directory = directory_for(options["parent"])
        except DirectoryIndexPage.DoesNotExist as error:
            raise CommandError(str(error)) from error
        started = time.perf_counter()
        facts = generate_service_facts(options["count"], options["seed"])
        page_ids = create_services_in_bulk(directory, facts)
        created = time.perf_counter()
        run_after_bulk_hooks(page_ids)
        finished = time.perf_counter()
        self.stdout.write(
            self.style.SUCCESS(
                f"Created {len(page_ids)} services under {directory.url_path} in "
                f"{finished - started:.1f} s ({created - started:.1f} s for the pages, "
                f"{finished - created:.1f} s for other apps' after_bulk_services_created hooks)."
            )
        )
