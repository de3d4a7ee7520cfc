"""Many people sending feedback at the same moment: every submission and vote is kept."""

from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection
from django.test import Client

from feedback.models import FeedbackItem, PageHelpfulness

# serialized_rollback: the flush after a transactional test would drop Wagtail's root page,
# which the migrations create and every other test expects.
SENDERS = 50


def _in_thread(fn):
    """Run fn in a worker thread with its own database connection, closed afterwards."""

    def run(*args):
        try:
            return fn(*args)
        finally:
            connection.close()

    return run


@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_fifty_parallel_submissions_are_all_stored(site_root, adult_data):
    def send(n: int) -> int:
        # Each sender is a different household, so the rate limit does not apply.
        client = Client(REMOTE_ADDR=f"198.51.100.{n + 1}")
        data = {**adult_data, "comment": f"Parallel comment number {n}"}
        if n % 5 == 0:
            data["comment"] += " and he hit me"  # some go through the safeguarding path
        return client.post("/feedback/", data).status_code

    with ThreadPoolExecutor(max_workers=10) as pool:
        statuses = list(pool.map(_in_thread(send), range(SENDERS)))

    assert statuses == [302] * SENDERS
    comments = set(FeedbackItem.objects.values_list("comment", flat=True))
    assert len(comments) == SENDERS
    for n in range(SENDERS):
        assert any(c.startswith(f"Parallel comment number {n}") for c in comments)
    assert FeedbackItem.objects.filter(status="safeguarding").count() == SENDERS // 5


@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_fifty_parallel_votes_are_all_counted(site_root):
    def vote(n: int) -> int:
        client = Client(REMOTE_ADDR=f"203.0.113.{n + 1}")
        answer = "yes" if n % 2 else "no"
        response = client.post("/feedback/helpful/", {"page": site_root.pk, "helpful": answer})
        return response.status_code

    with ThreadPoolExecutor(max_workers=10) as pool:
        statuses = list(pool.map(_in_thread(vote), range(SENDERS)))

    assert statuses == [302] * SENDERS
    counts = PageHelpfulness.objects.get(page=site_root)
    assert (counts.yes_count, counts.no_count) == (SENDERS // 2, SENDERS // 2)
