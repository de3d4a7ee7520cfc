"""The demo: a response in every status, a published register, one parent's three emails."""

import pytest
from django.core import mail

from you_said_we_did.demo import load_demo
from you_said_we_did.models import RegisterEditionPage, ResponsePage, ResponseStatus

pytestmark = pytest.mark.django_db


def test_demo_has_every_status_a_register_and_the_whole_loop_for_one_parent(site_root):
    summary = load_demo()
    assert "6 responses" in summary
    statuses = set(ResponsePage.objects.live().values_list("status", flat=True))
    assert statuses == set(ResponseStatus.values)
    assert RegisterEditionPage.objects.live().get().content["total"] == 8
    subjects = [m.subject for m in mail.outbox if m.to == ["demo.parent@example.org"]]
    assert len(subjects) == 3
    assert subjects[0].startswith("We have received your feedback (FB-")
    assert subjects[1].startswith("We have responded to your feedback")
    assert subjects[2].startswith("Did this make a difference?")

    sent = len(mail.outbox)
    assert "0 responses" in load_demo()
    assert len(mail.outbox) == sent
