"""Benchmark whole public pages as an anonymous visitor: `scripts/bench-pages` (part of
`make bench`) runs it on a SQLite database of 10,000 services and writes the "Pages" section of
docs/benchmarks.md.

    manage.py bench_pages --output docs/benchmarks.md     (measure the pages on this database)
    manage.py bench_pages --profile "/services/?q=autism"  (where the time of one page goes)

Each page is requested through Django's WSGI handler in-process (django.test.Client, no cookies,
so what a front-end cache would be sent) after warm-up requests; p50/p95 over the timed ones.
"""

import cProfile
import datetime
import io
import os
import pstats
import statistics
import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.test import Client
from django.test.utils import override_settings

from directory.models import DirectoryIndexPage, HomePage, InformationPage, ServicePage
from search.management.commands.bench_search import FACETS, TEXTS, _percentile, database_version

TARGET_MS = 50
START, END = "<!-- pages:start -->", "<!-- pages:end -->"


def facet_params(i: int) -> str:
    return "&".join(f"{group}={value}" for group, values in FACETS[i].items() for value in values)


def pages_to_time() -> dict[str, object]:
    """Page name -> a function of the run number giving the URL (varied like bench_search)."""
    directory = DirectoryIndexPage.objects.live().first()
    if directory is None:
        raise CommandError("No directory page: run load_demo_content first.")
    url = directory.url
    service = ServicePage.objects.live().order_by("-pk").first()
    guide = InformationPage.objects.live().first()
    pages = {
        "home": lambda i: HomePage.objects.live().first().url,
        "directory, browse": lambda i: f"{url}?page={1 + i % 5}",
        "directory, text": lambda i: f"{url}?q={TEXTS[i % len(TEXTS)]}",
        "directory, text + 3 facet groups": lambda i: (
            f"{url}?q={TEXTS[i % len(TEXTS)]}&{facet_params(i % len(FACETS))}"
        ),
        "service page": lambda i: service.url,
    }
    if guide is not None:
        pages["information page"] = lambda i: guide.url
    return pages


class Command(BaseCommand):
    help = "Time whole public pages as an anonymous visitor (see module doc)."

    def add_arguments(self, parser):
        parser.add_argument("--runs", type=int, default=60, help="Timed requests per page.")
        parser.add_argument("--output", type=Path, help="Write the Pages section into this file.")
        parser.add_argument("--profile", help="Profile this URL instead and print where time goes.")

    def handle(self, *args, **options):
        with override_settings(ALLOWED_HOSTS=["*"]):
            if options["profile"]:
                self.stdout.write(profile(options["profile"], options["runs"]))
                return
            rows = [
                {"page": name, **time_page(make_url, options["runs"])}
                for name, make_url in pages_to_time().items()
            ]
        for row in rows:
            self.stderr.write(str(row))
        if options["output"]:
            write_section(options["output"], render_section(rows))
            self.stdout.write(f"Wrote the Pages section of {options['output']}")


def time_page(make_url, runs: int) -> dict:
    client = Client()
    for i in range(5):
        response = client.get(make_url(i))
        if response.status_code != 200:
            raise CommandError(f"{make_url(i)} answered HTTP {response.status_code}")
    timings, cpu = [], []
    for i in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        response = client.get(make_url(i))
        timings.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    return {
        "p50_ms": round(statistics.median(timings), 1),
        "p95_ms": round(_percentile(timings, 95), 1),
        "cpu_p50_ms": round(statistics.median(cpu), 1),
        "kb": round(len(response.content) / 1024, 1),
        "cache_control": response.get("Cache-Control", ""),
    }


def profile(url: str, runs: int) -> str:
    client = Client()
    for _ in range(5):
        client.get(url)
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(runs):
        client.get(url)
    profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out).sort_stats("cumulative")
    stats.print_stats(40)
    return out.getvalue()


def render_section(rows: list[dict]) -> str:
    now = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    services = ServicePage.objects.live().count()
    lines = [
        START,
        "## Pages",
        "",
        f"Written by `manage.py bench_pages` ({now}, {database_version()}, {services:,} live "
        "services): whole pages as an anonymous visitor (no cookies: what a front-end cache is "
        "sent), through Django's WSGI handler in-process, after 5 warm-up requests. "
        f"Target: the directory search page p95 <= {TARGET_MS} ms. Load average (1, 5, 15 min) "
        f"at the end: {[round(x, 1) for x in os.getloadavg()]}; on a busy machine wall-clock "
        "times grow with the load, 'Python CPU' much less.",
        "",
        "| page | p50 ms | p95 ms | Python CPU p50 ms | HTML KB | Cache-Control |",
        "|---|---:|---:|---:|---:|---|",
    ]
    for row in rows:
        lines.append(
            f"| {row['page']} | {row['p50_ms']} | {row['p95_ms']} | {row['cpu_p50_ms']} | "
            f"{row['kb']} | `{row['cache_control']}` |"
        )
    notes = [
        "",
        "Where a search page's time goes (`bench_pages --profile URL`): the search itself "
        "(`search_services`), recording the search for the editors' report (one write), then "
        "rendering: the filter column's checkboxes, the 20 result cards, and the header, footer "
        "and breadcrumbs, which asked the database for the sections and footer pages on every "
        "page. The filter column is now cached by its content (`filter_groups_key`), the "
        "sections, footer pages and breadcrumbs against the page tree's version "
        "(`directory.public_cache.cached_for_pages`), and the cards and filters are sent "
        "without the whitespace between tags. In front of all of this, a front-end cache "
        "answers anonymous visitors (`Cache-Control` above) without reaching Django at all.",
    ]
    return "\n".join([*lines, *notes, "", END]) + "\n"


def write_section(path: Path, section: str) -> None:
    """Replace the Pages section of the file (or add it at the end); keep everything else."""
    old = path.read_text() if path.exists() else ""
    if START in old and END in old:
        before, rest = old.split(START, 1)
        new = before + section.rstrip("\n") + rest.split(END, 1)[1]
    else:
        new = old.rstrip("\n") + ("\n\n" if old else "") + section
    path.write_text(new)
