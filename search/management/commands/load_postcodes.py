"""Load postcodes with their coordinates from an ONS Postcode Directory CSV (ONSPD).

The ONSPD's `pcds` column holds the postcode and `lat`/`long` its position; terminated
postcodes (a `doterm` date) are skipped. Set SEARCH_POSTCODES_FROM_DATABASE=1 to use them.
"""

import csv
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from directory.validators import normalise_postcode
from search.models import Postcode

BATCH = 5000


class Command(BaseCommand):
    help = "Load an ONS Postcode Directory CSV into the postcode table (replacing it)."

    def add_arguments(self, parser):
        parser.add_argument("csv_file", type=Path)
        parser.add_argument("--postcode-column", default="pcds")
        parser.add_argument("--latitude-column", default="lat")
        parser.add_argument("--longitude-column", default="long")

    def handle(self, *args, csv_file: Path, **options):
        if not csv_file.exists():
            raise CommandError(f"No such file: {csv_file}")
        columns = (
            options["postcode_column"],
            options["latitude_column"],
            options["longitude_column"],
        )
        loaded = 0
        with csv_file.open(newline="", encoding="utf-8-sig") as handle, transaction.atomic():
            reader = csv.DictReader(handle)
            missing = [c for c in columns if c not in (reader.fieldnames or [])]
            if missing:
                raise CommandError(f"The file has no column {', '.join(missing)}")
            Postcode.objects.all().delete()
            batch: list[Postcode] = []
            for row in reader:
                if row.get("doterm"):
                    continue
                try:
                    lat, lon = float(row[columns[1]]), float(row[columns[2]])
                except ValueError:
                    continue
                # ONSPD marks postcodes without a grid reference with latitude 99.999999.
                if not -90 <= lat <= 90:
                    continue
                batch.append(
                    Postcode(
                        postcode=normalise_postcode(row[columns[0]]), latitude=lat, longitude=lon
                    )
                )
                if len(batch) >= BATCH:
                    Postcode.objects.bulk_create(batch, ignore_conflicts=True)
                    loaded += len(batch)
                    batch = []
            Postcode.objects.bulk_create(batch, ignore_conflicts=True)
            loaded += len(batch)
        self.stdout.write(self.style.SUCCESS(f"Loaded {loaded} postcodes."))
