"""Benchmark the ORUK API: `manage.py bench_oruk [--sizes 1000,10000] [--output FILE]`.

For each size N, services are added with `generate_services` until there are N, then each
scenario is requested through Django's WSGI handler in-process (django.test.Client, no network)
after warm-up requests, recording p50/p95 and the SQL queries of one request. The query count
must be the same at every size: the API fetches a page's services in bulk.
"""

import csv
import io
import json
import statistics
import time
from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, reset_queries
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings

from directory.models import DirectoryIndexPage, Need, ServicePage
from oruk.feeds import csv_rows
from oruk.importing import plan_import
from oruk.spreadsheet import columns

SCENARIOS = {
    "/services?per_page=50": lambda i, need: f"/api/oruk/services?per_page=50&page={1 + i % 5}",
    "/services?per_page=50 + term + age": lambda i, need: (
        f"/api/oruk/services?per_page=50&taxonomy_term_id={need}&minimum_age={i % 18}"
    ),
    "/services?search=autism&per_page=50": lambda i, need: (
        "/api/oruk/services?search=autism&per_page=50"
    ),
    "/services/{id}": None,  # filled in per size with real ids
}
TARGET_P95_MS = 150
PREVIEW_ROWS = 5000
TARGET_PREVIEW_S = 5


def _percentile(values: list[float], q: int) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1]


class Command(BaseCommand):
    help = "Benchmark /api/oruk/services at several numbers of services (see module doc)."

    def add_arguments(self, parser):
        parser.add_argument("--sizes", default="1000,10000")
        parser.add_argument("--runs", type=int, default=60, help="Timed requests per scenario.")
        parser.add_argument("--json", type=Path, help="Write the results as JSON here.")
        parser.add_argument("--output", type=Path, help="Write a Markdown table here.")

    def handle(self, *args, **options):
        if DirectoryIndexPage.objects.first() is None:
            raise CommandError("No directory page: run load_demo_content first.")
        client = Client()
        rows = []
        for size in sorted(int(s) for s in options["sizes"].split(",") if s.strip()):
            self._grow_to(size)
            with override_settings(ALLOWED_HOSTS=["testserver"], DEBUG=False):
                rows += self._measure(client, size, options["runs"])
        preview = preview_seconds()
        if options["json"]:
            options["json"].write_text(json.dumps({"api": rows, "preview_s": preview}, indent=2))
        markdown = render_markdown(rows, connection.vendor, preview)
        if options["output"]:
            options["output"].write_text(markdown)
            self.stderr.write(f"Wrote {options['output']}")
        self.stdout.write(markdown)
        counts = {}
        for row in rows:
            counts.setdefault(row["scenario"], set()).add(row["queries"])
        growing = [name for name, values in counts.items() if len(values) > 1]
        if growing:
            raise CommandError(f"Query count changed with the number of services: {growing}")

    def _grow_to(self, size: int) -> None:
        current = ServicePage.objects.live().count()
        if current < size:
            self.stderr.write(f"Generating {size - current} services (to {size})...")
            call_command("generate_services", count=size - current, seed=size, stdout=self.stderr)

    def _measure(self, client: Client, size: int, runs: int) -> list[dict]:
        need = Need.objects.order_by("pk").values_list("uuid", flat=True).first()
        ids = list(ServicePage.objects.live().order_by("?").values_list("uuid", flat=True)[:runs])
        rows = []
        for name, make_url in SCENARIOS.items():
            if make_url is None:

                def make_url(i, need, ids=ids):
                    return f"/api/oruk/services/{ids[i % len(ids)]}"

            for i in range(5):
                client.get(make_url(i, need))
            reset_queries()  # a request resets the log; start it empty so the count is right
            with CaptureQueriesContext(connection) as captured:
                client.get(make_url(0, need))
            queries = len(captured)  # now: the next request empties the log it reads
            timings = []
            for i in range(runs):
                url = make_url(i, need)
                start = time.perf_counter()
                response = client.get(url)
                timings.append((time.perf_counter() - start) * 1000)
                if response.status_code != 200:
                    raise CommandError(f"{url} answered {response.status_code}")
            rows.append(
                {
                    "services": size,
                    "scenario": name,
                    "p50_ms": round(statistics.median(timings), 1),
                    "p95_ms": round(_percentile(timings, 95), 1),
                    "queries": queries,
                }
            )
        return rows


def preview_seconds(runs: int = 3) -> float:
    """Median seconds to read and plan a spreadsheet of PREVIEW_ROWS new services: the import
    preview an editor waits for after uploading (nothing is written)."""
    output = io.StringIO()
    writer = csv.DictWriter(output, fieldnames=columns(), restval="")
    writer.writeheader()
    for n in range(PREVIEW_ROWS):
        writer.writerow({"external_id": f"BENCH-{n}", "title": f"Club {n}", "summary": "Play."})
    content = output.getvalue().encode()
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        plan_import(csv_rows(content).rows)
        timings.append(time.perf_counter() - start)
    return round(statistics.median(timings), 2)


def render_markdown(rows: list[dict], vendor: str, preview: float) -> str:
    lines = [
        f"### ORUK API ({vendor}, in-process WSGI requests, server-side time)",
        "",
        "| Services | Request | p50 ms | p95 ms | SQL queries |",
        "|---:|---|---:|---:|---:|",
    ]
    for row in rows:
        lines.append(
            f"| {row['services']:,} | `{row['scenario']}` | {row['p50_ms']} | "
            f"{row['p95_ms']} | {row['queries']} |"
        )
    lines.append("")
    lines.append(
        f"Target: `/services?per_page=50` p95 under {TARGET_P95_MS} ms at 10,000 services."
    )
    lines.append("")
    lines.append(
        f"Import preview of a {PREVIEW_ROWS:,}-row spreadsheet (read and plan, median of 3): "
        f"{preview} s; target under {TARGET_PREVIEW_S} s."
    )
    return "\n".join(lines) + "\n"
