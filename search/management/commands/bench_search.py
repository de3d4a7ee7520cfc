"""Benchmark service search: `make bench` runs this once per database, then writes the report.

    manage.py bench_search --sizes 1000,10000 --json results.json   (measure on this database)
    manage.py bench_search --report sqlite.json postgres.json --output docs/benchmarks.md

Measuring: for each size N, services are added with `generate_services` until there are N (the
`after_bulk_services_created` hook indexes them), then each scenario runs `search_services`
in-process (server-side time, no HTTP) after warm-up runs, recording p50/p95 and the number of
SQL queries. Beside ours, the same scenarios run on the stock-Wagtail peer and the in-memory
floor (search.bench_peers), whose totals must agree with ours. Throughput compares the search
page with a bare Django view, both requested through Django's WSGI handler in-process
(django.test.Client), one client, one request at a time; the pages' p95 is recorded too.
"""

import datetime
import json
import os
import platform
import statistics
import time
from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.http import HttpResponse
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings
from django.urls import include, path

from directory.models import DirectoryIndexPage, ServicePage
from search.backends import bitsets, database
from search.bench_peers import Floor, peer_search
from search.contract import SearchQuery
from search.service_search import search_services

TEXTS = ["autism", "short breaks", "speech", "swimming", "parent support", "respite", "ADHD"]
FACETS = [
    {"need": ("autism",), "age": ("5-10",), "district": ("stowford",)},
    {"need": ("adhd", "autism"), "age": ("11-15",), "district": ("ankerton",)},
    {"need": ("speech-language",), "age": ("0-4",), "district": ("lymebrook", "stowford")},
]
POSTCODES = ["ST16 2NZ", "WS11 1PZ", "B77 1JN", "ST17 9EX"]
SCENARIOS = {
    "browse, no text": lambda i: SearchQuery(page=1 + i % 5),
    "text only": lambda i: SearchQuery(text=TEXTS[i % len(TEXTS)]),
    "text only, not remembered": lambda i: SearchQuery(text=TEXTS[i % len(TEXTS)]),
    "text + 3 facet groups": lambda i: SearchQuery(
        text=TEXTS[i % len(TEXTS)], filters=FACETS[i % len(FACETS)]
    ),
    "3 facet groups, no text": lambda i: SearchQuery(filters=FACETS[i % len(FACETS)]),
    "postcode + distance": lambda i: SearchQuery(
        postcode=POSTCODES[i % len(POSTCODES)], distance_miles=5, sort="distance"
    ),
}
PAGES = {
    "bare view": "/__bench/bare/",
    "search page, browse": "{url}",
    "search page, text + facets": "{url}?q=autism&need=autism&age=5-10&district=stowford",
}
# Popular texts are remembered until the next publish; these runs forget them first.
FORGET_TEXTS = {"text only, not remembered"}
NO_PEER = {"postcode + distance"}  # the peer and the floor do not place postcodes
TARGET_MS = 20  # p95 of every scenario at 10,000 services (issue 16)
PAGE_TARGET_MS = 50


def bare_view(request):
    return HttpResponse("ok", content_type="text/plain")


# The bench serves the site's own URLs plus one bare view, through the same handler.
urlpatterns = [path("__bench/bare/", bare_view), path("", include("localoffer.urls"))]


def _percentile(values: list[float], q: int) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1]


def database_version() -> str:
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("select sqlite_version()")
            return f"SQLite {cursor.fetchone()[0]}"
        cursor.execute("show server_version")
        return f"PostgreSQL {cursor.fetchone()[0].split()[0]}"


class Command(BaseCommand):
    help = "Benchmark search at several numbers of services on this database (see module doc)."

    def add_arguments(self, parser):
        parser.add_argument("--sizes", default=os.environ.get("BENCH_SIZES", "1000,10000,50000"))
        parser.add_argument("--runs", type=int, default=60, help="Timed searches per scenario.")
        parser.add_argument("--peer-runs", type=int, default=3, help="Peer searches (slow).")
        parser.add_argument("--requests", type=int, default=50, help="Requests per page.")
        parser.add_argument("--json", type=Path, help="Write this database's results here.")
        parser.add_argument("--report", nargs="+", type=Path, help="Result files to report.")
        parser.add_argument("--output", type=Path, default=Path("docs/benchmarks.md"))

    def handle(self, *args, **options):
        if options["report"]:
            report = render_report([json.loads(p.read_text()) for p in options["report"]])
            # Keep what other benchmarks write after ours in the same file: the relevance section
            # (bench_relevance), the pages section (bench_pages) and the load test summary.
            old = options["output"].read_text() if options["output"].exists() else ""
            if "<!-- relevance:start -->" in old:
                kept = "<!-- relevance:start -->" + old.split("<!-- relevance:start -->", 1)[1]
                report = report.rstrip() + "\n\n" + kept
            options["output"].write_text(report)
            self.stdout.write(f"Wrote {options['output']}")
            return
        directory = DirectoryIndexPage.objects.first()
        if directory is None:
            raise CommandError("No directory page: run load_demo_content first.")
        sizes = sorted(int(s) for s in options["sizes"].split(",") if s.strip())
        results = {
            "database": database_version(),
            "timings": [],
            "throughput": [],
            "load_average_at_start": [round(x, 1) for x in os.getloadavg()],
        }
        for size in sizes:
            self._grow_to(size)
            results["timings"] += self._time_searches(size, options["runs"], options["peer_runs"])
            results["throughput"].append(self._throughput(size, directory, options["requests"]))
        if options["json"]:
            options["json"].write_text(json.dumps(results, indent=2))
        self.stdout.write(json.dumps(results, indent=2))

    def _grow_to(self, size: int) -> None:
        current = ServicePage.objects.count()
        if current < size:
            self.stderr.write(f"Generating {size - current} services (to {size})...")
            call_command("generate_services", count=size - current, seed=size, stdout=self.stderr)

    def _time_searches(self, size: int, runs: int, peer_runs: int) -> list[dict]:
        rows = []
        start = time.perf_counter()
        bitsets.build(bitsets.index_version())
        rebuild_ms = round((time.perf_counter() - start) * 1000, 1)
        floor = Floor()
        for name, make_query in SCENARIOS.items():
            for i in range(5):
                search_services(make_query(i))
            with CaptureQueriesContext(connection) as queries:
                search_services(make_query(0))
            timings, cpu = [], []
            for i in range(runs):
                query = make_query(i)
                if name in FORGET_TEXTS:
                    bitsets.current().texts.clear()
                start, start_cpu = time.perf_counter(), time.process_time()
                results = search_services(query)
                timings.append((time.perf_counter() - start) * 1000)
                cpu.append((time.process_time() - start_cpu) * 1000)
            rows.append(
                {
                    "services": size,
                    "scenario": name,
                    "p50_ms": round(statistics.median(timings), 1),
                    "p95_ms": round(_percentile(timings, 95), 1),
                    "cpu_p50_ms": round(statistics.median(cpu), 1),
                    "queries": len(queries.captured_queries),
                    "last_total": results.total,
                    "bitsets_rebuild_ms": rebuild_ms,
                    **(
                        {}
                        if name in NO_PEER
                        else self._peer_and_floor(make_query, floor, runs, peer_runs)
                    ),
                }
            )
            self.stderr.write(f"{size} {name}: {rows[-1]}")
        return rows

    def _peer_and_floor(self, make_query, floor: Floor, runs: int, peer_runs: int) -> dict:
        """The peer's and the floor's p50, and whether their totals agree with ours."""
        peer, floored, agree = [], [], True
        for i in range(max(runs, peer_runs)):
            query = make_query(i)
            ours = database.search(query, None).total
            start = time.perf_counter()
            floor_total, _counts = floor.search(query)
            floored.append((time.perf_counter() - start) * 1000)
            if i < peer_runs:
                start = time.perf_counter()
                peer_total, _counts, _titles = peer_search(query)
                peer.append((time.perf_counter() - start) * 1000)
                agree &= peer_total == ours
            agree &= floor_total == ours
        return {
            "peer_p50_ms": round(statistics.median(peer), 1),
            "floor_p50_ms": round(statistics.median(floored), 2),
            "totals_agree": agree,
        }

    def _throughput(self, size: int, directory, requests: int) -> dict:
        url = directory.url
        pages = {label: address.format(url=url) for label, address in PAGES.items()}
        out = {"services": size}
        with override_settings(ROOT_URLCONF=__name__, ALLOWED_HOSTS=["*"]):
            client = Client()
            for label, address in pages.items():
                for _ in range(5):
                    response = client.get(address)
                if response.status_code != 200:
                    out[label] = f"HTTP {response.status_code}"
                    continue
                timings = []
                for _ in range(requests):
                    start = time.perf_counter()
                    client.get(address)
                    timings.append((time.perf_counter() - start) * 1000)
                out[label] = round(requests / (sum(timings) / 1000), 1)
                out[f"{label} p95 ms"] = round(_percentile(timings, 95), 1)
        self.stderr.write(f"{size} throughput: {out}")
        return out


def render_report(all_results: list[dict]) -> str:
    """The markdown table of docs/benchmarks.md."""
    now = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    lines = [
        "# Search benchmarks",
        "",
        "Tables written by `make bench` (`manage.py bench_search`); the notes after them by hand.",
        "",
        f"- Date: {now}",
        f"- Machine: {os.cpu_count()} CPU cores (nproc), {platform.machine()}, "
        f"{platform.system()} {platform.release()}",
        f"- Python {platform.python_version()}; databases: "
        + ", ".join(r["database"] for r in all_results),
        "- Load average (1, 5, 15 min) when each database's run started: "
        + "; ".join(f"{r['database']} {r.get('load_average_at_start')}" for r in all_results)
        + ". Other work on the machine inflates wall-clock times; 'Python CPU' is the time the "
        "search's own process spent (the database engine runs in-process for SQLite only).",
        "- Backend: the database backend (no Elasticsearch server here).",
        "- Server-side time: `search_services()` called in-process after 5 warm-up runs; "
        "p50/p95 over the timed runs; queries = SQL queries of one search.",
        "- Throughput: requests per second through Django's WSGI handler in-process "
        "(django.test.Client), one client, sequential requests; the search page and a bare "
        "view returning 'ok' go through the same middleware.",
        "- Peer: the stock-Wagtail way (live ServicePage queryset, Wagtail's database search "
        "for the text, one COUNT ... GROUP BY per facet group), p50 of a few runs; floor: "
        "bitsets in memory built once (search/bench_peers.py). 'Totals agree': the peer's and "
        "the floor's totals equal ours in every run. Ratios are p50 over p50.",
        f"- Targets at 10,000 services: every scenario p95 <= {TARGET_MS} ms; the search page "
        f"p95 <= {PAGE_TARGET_MS} ms.",
        "",
        "## Search time",
        "",
        "| Database | Services | Scenario | p50 ms | p95 ms | Python CPU p50 ms | SQL queries "
        "| Peer p50 ms | Floor p50 ms | Ours / peer | Ours / floor | Totals agree | Target |",
        "|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---|",
    ]
    for results in all_results:
        for row in results["timings"]:
            verdict = ""
            if row["services"] == 10_000:
                verdict = f"p95 <= {TARGET_MS}: " + (
                    "met" if row["p95_ms"] <= TARGET_MS else "MISSED"
                )
            peer, floor = row.get("peer_p50_ms"), row.get("floor_p50_ms")
            lines.append(
                f"| {results['database']} | {row['services']:,} | {row['scenario']} | "
                f"{row['p50_ms']} | {row['p95_ms']} | {row.get('cpu_p50_ms', '')} | "
                f"{row['queries']} | {peer or 'n/a'} | {floor or 'n/a'} | "
                f"{_ratio(row['p50_ms'], peer)} | {_ratio(row['p50_ms'], floor)} | "
                f"{ {True: 'yes', False: 'NO'}.get(row.get('totals_agree'), 'n/a') } | {verdict} |"
            )
    lines += ["", "Rebuilding the facet bitsets (the first search after a publish, per process):"]
    for results in all_results:
        rebuilds = {row["services"]: row.get("bitsets_rebuild_ms") for row in results["timings"]}
        lines.append(
            f"- {results['database']}: "
            + ", ".join(f"{ms} ms at {size:,}" for size, ms in rebuilds.items())
        )
    lines += [
        "",
        "## Search page (in-process, requests per second and p95)",
        "",
        "| Database | Services | Bare view | Search page, browse | Search page, text + facets "
        "| Browse p95 ms | Text + facets p95 ms | Ratio (text + facets / bare) | Target |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for results in all_results:
        for row in results["throughput"]:
            bare, browse = row["bare view"], row["search page, browse"]
            text = row["search page, text + facets"]
            ratio = (
                f"{text / bare:.3f}"
                if isinstance(text, float | int) and isinstance(bare, float | int)
                else "n/a"
            )
            pages_p95 = [row.get(f"{page} p95 ms") for page in PAGES if page != "bare view"]
            verdict = ""
            if row["services"] == 10_000 and all(pages_p95):
                worst = max(pages_p95)
                verdict = f"p95 <= {PAGE_TARGET_MS}: " + (
                    "met" if worst <= PAGE_TARGET_MS else "MISSED"
                )
            lines.append(
                f"| {results['database']} | {row['services']:,} | {bare} | {browse} | {text} "
                f"| {pages_p95[0]} | {pages_p95[1]} | {ratio} | {verdict} |"
            )
    return "\n".join(lines) + "\n"


def _ratio(ours: float, other: float | None) -> str:
    return f"{ours / other:.3g}" if other else "n/a"
