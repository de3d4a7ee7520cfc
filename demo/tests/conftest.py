"""Demo test fixtures: loading the demo publishes about a hundred pages, so a module does it once."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import transaction
from wagtail.models import Site


@pytest.fixture(scope="module")
def module_transaction(django_db_setup, django_db_blocker):
    """A transaction held open for a module's tests, then rolled back.

    A module-scoped fixture that depends on it (and loads the demo) writes inside it; each test,
    non-transactional, runs in a savepoint inside it, so what one test changes is undone before
    the next while the loaded demo stays.
    """
    with django_db_blocker.unblock():
        with transaction.atomic():
            yield
            transaction.set_rollback(True)
        # Caches that may point at rows the rollback removed.
        ContentType.objects.clear_cache()
        Site.clear_site_root_paths_cache()
        cache.clear()
