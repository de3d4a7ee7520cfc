"""Index updates that can touch thousands of services run as tasks, off the editor's request.

In production the database queue's worker (`manage.py db_worker`) runs them; tests and the
development server use the immediate backend, so they run at once.
"""

from django.tasks import task

from search.indexing import index_services


@task()
def reindex_services(page_ids: list[int]) -> int:
    """Re-index these services (the database index and Elasticsearch when configured)."""
    return index_services(page_ids)
