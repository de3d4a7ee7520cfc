"""`manage.py db_worker`: django-tasks-db's worker, which keeps going when the database goes away.

django-tasks-db 0.13.0's worker stops with a traceback on the first OperationalError, such as
"connection refused" while PostgreSQL restarts or fails over; `make loadtest` caught it. This
command (it replaces the library's, `notifications` comes first in INSTALLED_APPS) runs the same
worker, and when the database cannot be reached it logs a warning, drops the broken
connections, waits (1 s, doubling up to 30 s) and starts the loop again, so tasks queued during
or after the outage are worked without anyone restarting it. `--batch` keeps the library's
behaviour: it stops on the error (it is a one-off run that should fail loudly).
"""

import logging
import time

from django.db import DatabaseError, InterfaceError, OperationalError, connections
from django_tasks_db.management.commands import db_worker

logger = logging.getLogger("django_tasks_db")

# Seconds between attempts to reach the database again; doubles up to the maximum.
FIRST_PAUSE, MAX_PAUSE = 1.0, 30.0
# A loop that ran this long before failing was healthy: the next wait starts short again.
HEALTHY_SECONDS = 60.0


def drop_connections() -> None:
    """Close every database connection this process holds, ignoring ones already broken."""
    for connection in connections.all(initialized_only=True):
        try:
            connection.close()
        except DatabaseError:
            connection.connection = None


class Command(db_worker.Command):
    help = "Run the database task worker; it waits out a database outage instead of stopping."

    def handle(self, *args, **options) -> None:
        if options.get("batch"):
            return super().handle(*args, **options)
        pause = FIRST_PAUSE
        while True:
            started = time.monotonic()
            try:
                return super().handle(*args, **options)
            except (OperationalError, InterfaceError) as error:
                if time.monotonic() - started > HEALTHY_SECONDS:
                    pause = FIRST_PAUSE
                logger.warning(
                    "Task worker: database unavailable (%s); trying again in %.0f s",
                    str(error).strip().splitlines()[0] if str(error).strip() else type(error),
                    pause,
                )
                drop_connections()
                time.sleep(pause)
                pause = min(pause * 2, MAX_PAUSE)
