"""Load the fictional Westshire Local Offer: vocabularies, page tree, 92 services and settings,
from the data files in demo/data/.

Apps above the directory add their own demo content through the `load_demo_content` hook
(directory.hooks), run after the directory's content every time.
"""

from django.core.management.base import BaseCommand
from wagtail import hooks

from demo.content import load_demo_content
from directory.hooks import LOAD_DEMO_CONTENT
from directory.models import ServicePage


class Command(BaseCommand):
    help = "Load the Westshire demo Local Offer. Safe to run again: it only adds what is missing."

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Do nothing if the directory already has any service.",
        )

    def handle(self, *args, **options):
        if options["if_empty"] and ServicePage.objects.exists():
            self.stdout.write("Services already exist: directory demo content not loaded.")
        else:
            summary = load_demo_content()
            self.stdout.write(self.style.SUCCESS(str(summary)))
        for load_more in hooks.get_hooks(LOAD_DEMO_CONTENT):
            summary = load_more()
            if summary:
                self.stdout.write(self.style.SUCCESS(str(summary)))
