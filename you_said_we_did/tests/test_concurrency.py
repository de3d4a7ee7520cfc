"""Two editors publishing the same response at the same moment tell each person once."""

import threading

import pytest
from django.core import mail
from django.db import connection

from you_said_we_did.models import ResponsePage

pytestmark = [
    pytest.mark.postgres_only,
    # Serialized rollback puts the migration data back the way the rest of the suite expects.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_concurrent_publishes_send_one_email_per_person(make_item, make_response):
    items = [make_item(wants_response=True, email=f"p{i}@example.org") for i in range(3)]
    page = make_response(items=items, publish=False)
    revisions = [page.save_revision() for _ in range(2)]
    barrier = threading.Barrier(2)
    errors = []

    def publish(revision):
        try:
            barrier.wait()
            ResponsePage.objects.get(pk=page.pk).revisions.get(pk=revision.pk).publish()
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=publish, args=[r]) for r in revisions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    for i in range(3):
        assert len([m for m in mail.outbox if m.to == [f"p{i}@example.org"]]) == 1
