"""Backup drill: dump the database with pg_dump, drop it, restore it with pg_restore, and check
that everything came back: every table row for row, and searches answer the same.

Runs in the PostgreSQL pass of `make test` (the throwaway cluster), as docs/deploy.md tells an
operations team to do it: `pg_dump --format=custom`, `dropdb`, `createdb`, `pg_restore`.
"""

import os
import shutil
import subprocess

import psycopg
import pytest
from django.db import connection

from directory.models import ServicePage
from feedback.intake import Submission, submit_feedback
from feedback.models import FeedbackItem
from search.contract import SearchQuery
from search.models import ServiceDocument
from search.service_search import search_services

pytestmark = [
    pytest.mark.postgres_only,
    # Serialized rollback puts the migration data back the way the rest of the suite expects.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def _table_fingerprints() -> dict[str, tuple[int, str]]:
    """Each table's row count and a hash of all its rows in a fixed order."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"
        )
        tables = [row[0] for row in cursor.fetchall()]
        found = {}
        for table in tables:
            cursor.execute(
                f"SELECT count(*), md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) FROM \"{table}\" t"  # noqa: S608 - names from pg_tables
            )
            found[table] = cursor.fetchone()
    return found


def _searches() -> list:
    answers = []
    for query in (
        SearchQuery(text="swimming"),
        SearchQuery(text="", filters={"type": ("short-breaks",)}),
        SearchQuery(text="autism support"),
    ):
        results = search_services(query)
        answers.append((results.total, [hit.page_id for hit in results.hits]))
    return answers


def _connection_args() -> dict:
    db = connection.settings_dict
    return {
        "host": db["HOST"] or "127.0.0.1",
        "port": str(db["PORT"] or 5432),
        "user": db["USER"] or "postgres",
        "name": db["NAME"],
        "password": db["PASSWORD"] or "",
    }


def _admin_sql(args: dict, sql: str) -> None:
    with psycopg.connect(
        host=args["host"],
        port=args["port"],
        user=args["user"],
        password=args["password"] or None,
        dbname="postgres",
        autocommit=True,
    ) as admin:
        admin.execute(sql)


@pytest.mark.skipif(not shutil.which("pg_dump"), reason="pg_dump is not installed")
def test_dump_drop_restore_gives_back_the_same_site(make_service, tmp_path):
    make_service(title="Riverside swimming club", service_types=["short-breaks"])
    service = make_service(title="Autism support group", summary="Support for autistic children")
    make_service(title="Weekend respite", service_types=["short-breaks"])
    submit_feedback(
        Submission(
            kind=FeedbackItem.Kind.SERVICE,
            comment="The swimming sessions were great",
            subject_page=service,
        )
    )
    assert ServicePage.objects.live().count() == 3
    assert ServiceDocument.objects.count() == 3
    assert FeedbackItem.objects.count() == 1
    before = _table_fingerprints()
    searches_before = _searches()
    assert searches_before[0][0] == 1
    assert searches_before[1][0] >= 2

    args = _connection_args()
    env = {**os.environ, "PGPASSWORD": args["password"]}
    where = ["-h", args["host"], "-p", args["port"], "-U", args["user"]]
    dump = tmp_path / "localoffer.dump"
    connection.close()
    subprocess.run(
        ["pg_dump", *where, "--format=custom", "--no-owner", f"--file={dump}", args["name"]],
        check=True,
        env=env,
    )
    assert dump.stat().st_size > 0
    _admin_sql(args, f'DROP DATABASE "{args["name"]}" WITH (FORCE)')
    _admin_sql(args, f'CREATE DATABASE "{args["name"]}"')
    subprocess.run(
        ["pg_restore", *where, "--no-owner", "--exit-on-error", f"--dbname={args['name']}", dump],
        check=True,
        env=env,
    )

    after = _table_fingerprints()
    assert after.keys() == before.keys()
    changed = [table for table in before if before[table] != after[table]]
    assert changed == []
    assert _searches() == searches_before
    assert FeedbackItem.objects.get().comment == "The swimming sessions were great"
