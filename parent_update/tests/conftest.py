from unittest import mock

import pytest
from django.core.cache import cache

from parent_update.models import ParentUpdateIndexPage, ParentUpdatePage


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()


@pytest.fixture
def update_index(site_root):
    index = site_root.add_child(
        instance=ParentUpdateIndexPage(title="SEND Parent Update", slug="parent-update")
    )
    index.save_revision().publish()
    return index


@pytest.fixture
def make_update(update_index):
    def make(title="Autumn news", topic="news", **fields):
        page = update_index.add_child(
            instance=ParentUpdatePage(
                title=title,
                topic=topic,
                summary=fields.pop("summary", "What is new this term."),
                body=fields.pop("body", "<p>New clubs &amp; groups.</p>"),
                **fields,
            )
        )
        page.save_revision().publish()
        page.refresh_from_db()
        return page

    return make


@pytest.fixture(autouse=True)
def _run_on_commit_now(request):
    """Tests run inside a transaction that never commits: run on-commit work (sending) at once.
    Tests marked transaction=True commit for real and need no help."""
    marker = request.node.get_closest_marker("django_db")
    if marker and marker.kwargs.get("transaction"):
        yield
        return
    with mock.patch("django.db.transaction.on_commit", side_effect=lambda fn, *a, **k: fn()):
        yield
