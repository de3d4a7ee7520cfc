"""Browser fixtures: one headless Chromium per test session, a fresh page per test.

Use them with pytest-django's `live_server` and mark the tests `@pytest.mark.browser`.
"""

import io
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in this thread, and Django refuses ORM calls from a
# thread with a running loop. Tests only: the loop never runs our code concurrently.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def browser() -> Iterator:
    """The machine's Chromium, driven by Playwright (never a downloaded browser)."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: run `make test` to install it.")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def new_page(browser) -> Iterator[Callable]:
    """Opens a page in a browser context of its own, with these options (English, a 10 second
    timeout), closed after the test: `new_page(viewport=PHONE, java_script_enabled=False)`."""
    contexts = []

    def open_page(**options):
        context = browser.new_context(**{"locale": "en-GB", **options})
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(10_000)
        return page

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_page):
    """A fresh page in its own browser context (no cookies shared between tests)."""
    return new_page(viewport={"width": 1280, "height": 900})


# SQLite: an in-memory copy of a test database with the demo content loaded, by alias. Loading
# publishes hundreds of pages (seconds); putting the copy back takes milliseconds.
_DEMO_COPIES: dict = {}


@pytest.fixture
def demo_content(live_server, django_db_blocker) -> str:
    """The demo Local Offer (manage.py load_demo_content), served by the live server; its address.

    On SQLite it is loaded once per test process and copied back for each later test, so
    `make test` loads it at most once per worker.
    """
    import sqlite3

    from django.contrib.contenttypes.models import ContentType
    from django.core.cache import cache
    from django.core.management import call_command
    from django.db import connection
    from wagtail.models import Site

    with django_db_blocker.unblock():
        copy = _DEMO_COPIES.get(connection.alias)
        if copy is not None:
            connection.ensure_connection()
            copy.backup(connection.connection)
            ContentType.objects.clear_cache()
            Site.clear_site_root_paths_cache()
            cache.clear()
        else:
            call_command("load_demo_content", stdout=io.StringIO())
            if connection.vendor == "sqlite":
                _DEMO_COPIES[connection.alias] = copy = sqlite3.connect(":memory:")
                connection.connection.backup(copy)
    return live_server.url
