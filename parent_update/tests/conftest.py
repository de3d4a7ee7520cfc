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
def _run_on_commit_now(outbox_sends_at_commit):
    """Emails queued for after the commit go out at once (see the root conftest)."""
