"""Issue 18's promise: a young person finds "things to do this weekend without my parents" in
two taps from the home page (home -> What's on -> this weekend, without a parent or carer)."""

import datetime
import re
from html import unescape
from unittest import mock

import pytest
from django.utils import timezone

from parent_update.models import ServiceSession, WhatsOnPage

pytestmark = pytest.mark.django_db

WEDNESDAY = datetime.datetime(2026, 12, 2, 10, tzinfo=datetime.UTC)
SATURDAY = datetime.date(2026, 12, 5)


def _link(html: str, text: str) -> str:
    pattern = rf'<a class="govuk-link[^"]*" href="([^"]+)">{re.escape(text)}</a>'
    match = re.search(pattern, unescape(html))
    assert match, f"no link {text!r}"
    return match.group(1)


@pytest.fixture
def whats_on(site_root, make_service):
    page = site_root.add_child(
        instance=WhatsOnPage(title="What's on", slug="whats-on", show_in_menus=True)
    )
    page.save_revision().publish()
    club = make_service("Youth club", min_age=11, max_age=18, without_parent=True)
    play = make_service("Stay and play", min_age=0, max_age=5)
    times = {"starts_at": datetime.time(10), "ends_at": datetime.time(12)}
    # The service says young people can go alone: its sessions say so without ticking each.
    ServiceSession.objects.create(service=club, title="Saturday youth club", date=SATURDAY, **times)
    ServiceSession.objects.create(
        service=play, title="Saturday stay and play", date=SATURDAY, **times
    )
    ServiceSession.objects.create(
        service=club,
        title="Thursday youth club",
        date=SATURDAY - datetime.timedelta(days=2),
        **times,
    )
    return page


def test_two_taps_from_the_home_page_to_this_weekend_without_a_parent_or_carer(client, whats_on):
    with mock.patch.object(timezone, "now", return_value=WEDNESDAY):
        home = client.get("/").content.decode()
        whats_on_page = client.get(_link(home, "What's on")).content.decode()  # tap 1
        url = _link(whats_on_page, "Things to do this weekend without a parent or carer")
        response = client.get(url)  # tap 2
    html = response.content.decode()
    assert response.status_code == 200
    assert "Saturday youth club" in html and "You can come without a parent or carer" in html
    assert "Saturday stay and play" not in html  # needs a parent or carer
    assert "Thursday youth club" not in html  # not at the weekend
    assert response.context["total"] == 1
