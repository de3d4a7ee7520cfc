"""Relevance benchmark: do the searches families type find the right services and guides?

    manage.py bench_relevance                       (print the figures)
    manage.py bench_relevance --output docs/benchmarks.md --label "after"

Reads the judged queries of `search/relevance/queries.json` (written from the demo content's
texts, never tuned to the output) and runs each through the search contract on the demo
directory: `search_services()` as the directory page calls it, on the database backend, and on
Elasticsearch too when ELASTICSEARCH_URL is set; site search's guides as `/search/` finds them.
Reports per kind of query: success@5 (a grade 2 or 3 result in the first five), nDCG@10 and the
share of queries that found nothing. Needs `load_demo_content` first (`scripts/bench-relevance`
does it on a throwaway SQLite database).
"""

import datetime
import json
import math
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.test.utils import override_settings

from directory.models import InformationPage, ServicePage
from search.contract import SearchQuery
from search.service_search import search_services
from search.site_search import guides_matching

QUERIES_FILE = Path(__file__).resolve().parents[2] / "relevance" / "queries.json"
START = "<!-- relevance:start -->"
END = "<!-- relevance:end -->"
KIND_ORDER = ["vocabulary", "parents", "everyday", "misspelling", "young_people", "process", "site"]
TARGETS = "success@5 >= 90% overall and >= 80% in every kind; zero-result queries <= 5%"


@dataclass
class Outcome:
    """One judged query's result: the ranked ids, and the measures."""

    kind: str
    query: str
    ranked: list[str]
    total: int
    success: bool
    ndcg: float
    relaxed: bool = False
    notes: list[str] = field(default_factory=list)


def ndcg_at(ranked: list[str], judgments: dict[str, int], k: int = 10) -> float:
    """Normalised discounted cumulative gain of the first k results (gain 2^grade - 1)."""

    def dcg(grades: list[int]) -> float:
        return sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(grades[:k]))

    ideal = dcg(sorted(judgments.values(), reverse=True))
    return dcg([judgments.get(r, 0) for r in ranked]) / ideal if ideal else 0.0


def judge(kind: str, query: str, ranked: list[str], total: int, judgments: dict) -> Outcome:
    success = any(judgments.get(r, 0) >= 2 for r in ranked[:5])
    return Outcome(kind, query, ranked, total, success, ndcg_at(ranked, judgments))


def run_directory(entries: list[dict]) -> list[Outcome]:
    outcomes = []
    for entry in entries:
        results = search_services(
            SearchQuery(text=entry["query"], per_page=10, with_facets=False, understand=True)
        )
        outcome = judge(
            entry["kind"],
            entry["query"],
            [h.title for h in results.hits],
            results.total,
            entry["judgments"],
        )
        outcome.relaxed = getattr(results, "partial", False)
        outcomes.append(outcome)
    return outcomes


def run_site(entries: list[dict]) -> list[Outcome]:
    return [
        judge(
            entry["kind"],
            entry["query"],
            ranked := [page.specific.slug for page in guides_matching(entry["query"], set())],
            len(ranked),
            entry["judgments"],
        )
        for entry in entries
    ]


def summarise(outcomes: list[Outcome]) -> list[tuple[str, int, float, float, float]]:
    """Rows of (kind, queries, success@5, nDCG@10, zero-result share), then 'all'."""
    by_kind: dict[str, list[Outcome]] = defaultdict(list)
    for outcome in outcomes:
        by_kind[outcome.kind].append(outcome)
    rows = []
    groups = [(k, by_kind[k]) for k in KIND_ORDER if k in by_kind] + [("all", outcomes)]
    for kind, items in groups:
        n = len(items)
        rows.append(
            (
                kind,
                n,
                sum(o.success for o in items) / n,
                sum(o.ndcg for o in items) / n,
                sum(o.total == 0 for o in items) / n,
            )
        )
    return rows


def table(title: str, outcomes: list[Outcome]) -> list[str]:
    lines = [
        f"#### {title}",
        "",
        "| Kind | Queries | success@5 | nDCG@10 | Zero results |",
        "|---|---:|---:|---:|---:|",
    ]
    for kind, n, success, ndcg, zero in summarise(outcomes):
        name = f"**{kind}**" if kind == "all" else kind
        lines.append(f"| {name} | {n} | {success:.0%} | {ndcg:.2f} | {zero:.0%} |")
    missed = [o for o in outcomes if not o.success]
    if missed:
        lines += ["", "Missed (no grade 2 or 3 result in the first five), with the first three:"]
        lines += [
            f'- {o.kind}: "{o.query}" ({o.total} found): ' + ("; ".join(o.ranked[:3]) or "nothing")
            for o in missed
        ]
    return [*lines, ""]


class Command(BaseCommand):
    help = "Relevance benchmark on the demo content (see the module docstring)."

    def add_arguments(self, parser):
        parser.add_argument("--queries", type=Path, default=QUERIES_FILE)
        parser.add_argument("--output", type=Path, help="Write the section into this file.")
        parser.add_argument("--label", default="current", help="Names this run in the report.")

    def handle(self, *args, **options):
        if not ServicePage.objects.live().exists() or not InformationPage.objects.exists():
            raise CommandError("No demo content: run load_demo_content first.")
        data = json.loads(options["queries"].read_text())
        held_out = data.get("directory_held_out", [])
        runs = [("Directory, database backend", run_directory(data["directory"]))]
        if held_out:
            runs.append(("Directory, held-out queries, database backend", run_directory(held_out)))
        if getattr(settings, "ELASTICSEARCH_URL", ""):
            from search.backends import elasticsearch_index as es

            es.create_index(delete_existing=True)
            from search.indexing import index_services, rebuild_ids

            index_services(rebuild_ids())
            es.refresh_index()
            runs.append(("Directory, Elasticsearch backend", run_directory(data["directory"])))
        with override_settings(ELASTICSEARCH_URL=""):
            runs.append(("Site search, guides", run_site(data["site"])))
        lines = [
            f"### {options['label']}",
            "",
            f"- Date: {datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC; "
            f"{len(data['directory'])} directory queries, {len(data['site'])} site queries.",
            "",
        ]
        for title, outcomes in runs:
            lines += table(title, outcomes)
        report = "\n".join(lines)
        self.stdout.write(report)
        if options["output"]:
            write_section(options["output"], options["label"], report)
            self.stdout.write(f"Wrote {options['output']}")


def write_section(path: Path, label: str, report: str) -> None:
    """Put this run's report in the file's relevance section, replacing a run of the same label."""
    text = path.read_text() if path.exists() else ""
    if START in text:
        head, rest = text.split(START, 1)
        body, tail = rest.split(END, 1)
    else:
        head, body, tail = text.rstrip() + "\n\n", "", "\n"
    runs = re.split(r"(?m)^(?=### )", body)
    intro = runs[0] if runs and not runs[0].startswith("### ") else ""
    kept = [r for r in runs if r.startswith("### ") and not r.startswith(f"### {label}\n")]
    intro = intro.strip() or (
        "## Relevance\n\nWritten by `make bench` (`manage.py bench_relevance`, queries and "
        f"judgments in `search/relevance/queries.json`). Targets: {TARGETS}."
    )
    body = "\n\n".join([intro, *[r.strip() for r in kept], report.strip()])
    path.write_text(f"{head}{START}\n{body}\n{END}{tail}")
