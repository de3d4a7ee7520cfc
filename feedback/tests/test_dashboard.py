"""The feedback dashboard: accessible charts, each with a data table holding the right numbers."""

import datetime
from html.parser import HTMLParser

import pytest
from django.urls import reverse
from django.utils import timezone

from feedback.dashboard import items_per_week, week_start
from feedback.models import PageHelpfulness, Theme
from feedback.tests.moderation_support import *  # noqa: F403

DASHBOARD = reverse("feedback_admin:dashboard")


class TableReader(HTMLParser):
    """Tables by caption, as lists of row cell texts (header row included)."""

    def __init__(self):
        super().__init__()
        self.tables: dict[str, list[list[str]]] = {}
        self._caption = None
        self._rows = None
        self._cell = None
        self._in_caption = False

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self._rows, self._caption = [], ""
        elif tag == "caption":
            self._in_caption = True
        elif tag == "tr" and self._rows is not None:
            self._rows.append([])
        elif tag in ("td", "th") and self._rows is not None:
            self._cell = ""

    def handle_endtag(self, tag):
        if tag == "caption":
            self._in_caption = False
        elif tag in ("td", "th") and self._cell is not None:
            self._rows[-1].append(" ".join(self._cell.split()))
            self._cell = None
        elif tag == "table" and self._rows is not None:
            self.tables[self._caption.strip()] = self._rows
            self._rows = None

    def handle_data(self, data):
        if self._in_caption:
            self._caption += data
        elif self._cell is not None:
            self._cell += data


def tables(html: str) -> dict[str, list[list[str]]]:
    reader = TableReader()
    reader.feed(html)
    return reader.tables


@pytest.mark.postgres
def test_dashboard_tables_hold_the_figures(moderator_client, make_item, site_root):
    transport = Theme.objects.create(name="Transport", slug="transport")
    Theme.objects.create(name="Waiting times", slug="waiting-times")
    make_item(topic="accessibility", themes=[transport])
    make_item(topic="accessibility", themes=[transport])
    make_item(topic="missing")
    make_item(topic="")
    today = timezone.localdate()
    PageHelpfulness.objects.create(page=site_root, date=today, yes_count=7, no_count=2)
    PageHelpfulness.objects.create(
        page=site_root, date=today - datetime.timedelta(days=1), yes_count=1, no_count=1
    )

    response = moderator_client.get(DASHBOARD)
    assert response.status_code == 200
    html = response.content.decode()
    found = tables(html)

    topics = dict(found["Feedback per topic: the figures"][1:])
    assert topics["How easy the information is to find, read and use"] == "2"
    assert topics["Something that is missing"] == "1"
    assert topics["Not given"] == "1"

    themes = found["Feedback per theme: the figures"][1:]
    assert themes == [["Transport", "2"], ["Waiting times", "0"]]

    helpful = found["Was this page helpful? (pages with most votes): the figures"]
    assert helpful[0] == ["Page", "Yes", "No"]
    assert helpful[1] == [site_root.title, "8", "3"]

    weeks = found["Feedback received per week: the figures"][1:]
    assert len(weeks) == 12
    assert weeks[-1] == [f"Week of {week_start(today):%-d %b %Y}", "4"]

    # Each chart is an image with a text alternative.
    assert html.count('<svg role="img" aria-labelledby=') == 4


def test_items_per_week_counts_by_monday(db):
    today = datetime.date(2026, 11, 25)  # a Wednesday
    chart = items_per_week(weeks=2, today=today)
    assert [bar.label for bar in chart.bars] == ["Week of 16 Nov 2026", "Week of 23 Nov 2026"]


def test_dashboard_is_for_moderators(client, editor):
    client.force_login(editor)
    assert client.get(DASHBOARD).status_code == 403
