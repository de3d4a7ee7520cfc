"""The forum actions' CSV export (Wagtail's list_export) is safe to open in a spreadsheet."""

import pytest
from django.urls import reverse

from forum.factories import ForumActionFactory, TeamFactory

pytestmark = pytest.mark.django_db


def test_actions_export_escapes_formulas(admin_client, make_meeting):
    ForumActionFactory(
        what='=HYPERLINK("http://evil.example","Click")',
        team=TeamFactory(name="@Transport team"),
        meeting=make_meeting(),
    )
    response = admin_client.get(reverse("forum_actions:index") + "?export=csv")
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode()
    assert "'=HYPERLINK" in text and ",=HYPERLINK" not in text
    assert "'@Transport team" in text
