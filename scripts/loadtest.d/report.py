"""Turn a load test's raw results into docs/benchmarks-load.md (called by scripts/loadtest)."""

import csv
import json
import os
import platform
import sys
from datetime import UTC, datetime
from pathlib import Path

work, output = Path(sys.argv[1]), Path(sys.argv[2])
services, users, seconds, pg_down, workers = sys.argv[3:8]
# Requests in flight when PostgreSQL stopped, and the first ones after, belong to the fault.
GRACE = 5.0


def stamp(name: str) -> float | None:
    path = work / name
    return float(path.read_text().strip()) if path.exists() else None


pg_from, pg_to = stamp("pg-down"), stamp("pg-up")
failures = []
for line in (work / "failures.txt").read_text().splitlines():
    when, _, rest = line.partition(" ")
    failures.append((float(when), rest))
in_window = [f for f in failures if pg_from and pg_to and pg_from - 1 <= f[0] <= pg_to + GRACE]
outside = [f for f in failures if f not in in_window]
checks = json.loads((work / "checks.json").read_text())
rows = list(csv.DictReader((work / "locust_stats.csv").open()))

TARGET_P95 = 300
lost_mail = checks["emails_queued"] - checks["emails_distinct"]
doubled_mail = checks["emails_received"] - checks["emails_distinct"]
all_fast = all(float(r["95%"] or 0) <= TARGET_P95 for r in rows)


def verdict(ok: bool) -> str:
    return "PASS" if ok else "**FAIL**"


lines = [
    "# Load test: two app servers, PostgreSQL, Redis, the task worker, with faults",
    "",
    f"`make loadtest` on {datetime.now(UTC):%d %B %Y %H:%M} UTC, {os.cpu_count()} cores "
    f"({platform.machine()}), Python {platform.python_version()}. {services} services, "
    f"{users} locust users (1-3 s between actions) for {seconds} s against two gunicorn "
    f"instances ({workers} workers each) on loopback, round-robin per request, production "
    "settings, Redis cache, django-tasks-db worker, PostgreSQL 15. Locust itself runs on the "
    "same cores. Faults: the mail server unreachable from 20% to 60% of the run; PostgreSQL "
    f"stopped for {pg_down} s at 40%; `ELASTICSEARCH_URL` pointing at a closed port "
    "throughout (every search falls back to the database backend).",
    "",
    "| Request | Count | Errors | RPS | p50 ms | p95 ms | p99 ms | p95 <= 300 ms |",
    "|---|---:|---:|---:|---:|---:|---:|---|",
]
for row in rows:
    name = row["Name"]
    p95 = float(row["95%"] or 0)
    ok = "yes" if p95 <= TARGET_P95 else "**no**"
    if name == "Aggregated":
        name, ok = "**All**", ""
    lines.append(
        f"| {name} | {row['Request Count']} | {row['Failure Count']} | "
        f"{float(row['Requests/s']):.1f} | {row['50%']} | {row['95%']} | {row['99%']} | {ok} |"
    )
lines += [
    "",
    f"- Errors while PostgreSQL was down (from 1 s before the stop to {GRACE:.0f} s after it was "
    f"back): **{len(in_window)}**; errors outside that window: **{len(outside)}**.",
    f"- Feedback posts that reached the thank-you page: {checks['accepted']}; lost: "
    f"**{checks['lost']}**; stored twice or more: **{checks['duplicated']}** "
    f"({checks['stored']} load-test items stored in all).",
    f"- Emails queued while the mail server was unreachable: {checks['emails_queued']}; received "
    f"after it came back: {checks['emails_received']}; lost: **{lost_mail}**; sent twice or more: "
    f"**{doubled_mail}**.",
    f"- Task worker through the PostgreSQL restart: waited out the outage "
    f"{checks['worker_waits']} time(s), stopped {checks['worker_exits']} time(s) (0 is the target: "
    "it must not need restarting).",
    "",
    "Pass/fail:",
    "",
    f"- {verdict(not outside)} no errors outside the database outage",
    f"- {verdict(checks['lost'] == 0 and checks['duplicated'] == 0)} feedback stored exactly once",
    f"- {verdict(lost_mail == 0 and doubled_mail == 0)} emails from the mail outage sent once",
    f"- {verdict(checks['worker_exits'] == 0)} task worker survived the PostgreSQL restart",
    f"- {verdict(all_fast)} p95 <= {TARGET_P95} ms for every request type",
]
phases = (work / "phases.txt").read_text().splitlines() if (work / "phases.txt").exists() else []
if phases:
    lines += ["", "Seconds since the start of each phase, and the machine's load then (`uptime`):"]
    lines += ["", "```text", *phases, "```"]
if outside:
    lines += ["", "Errors outside the fault window (first 10):", "", "```text"]
    lines += [f"{when:.1f} {what}" for when, what in outside[:10]]
    lines += ["```"]
lines += [
    "",
    "A load average above the core count means other work shared the CPU with the test, so the",
    "figures are pessimistic; run `make loadtest` on an idle machine to compare releases.",
    "Settings: `LOADTEST_SERVICES`, `LOADTEST_USERS`, `LOADTEST_SECONDS`, `LOADTEST_PG_DOWN`,",
    "`LOADTEST_GUNICORN_WORKERS`.",
    "",
]
output.write_text("\n".join(lines))
print("\n".join(lines))
