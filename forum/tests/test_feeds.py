"""The Atom feed of published minutes and the iCalendar feed of upcoming meetings."""

import datetime
import re
import xml.etree.ElementTree as ET

import pytest

from directory.ical import escape_text as ical_escape
from directory.ical import fold

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def test_atom_feed_lists_only_published_minutes(client, make_meeting, make_minutes):
    published = make_minutes(make_meeting("September meeting", datetime.date(2026, 9, 1)))
    make_minutes(make_meeting("October meeting", datetime.date(2026, 10, 1)), live=False)
    response = client.get("/forum/minutes.atom")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)
    assert root.tag == f"{ATOM}feed"
    assert root.find(f"{ATOM}title").text
    assert root.find(f"{ATOM}id").text
    assert root.find(f"{ATOM}updated").text
    entries = root.findall(f"{ATOM}entry")
    assert [e.find(f"{ATOM}title").text for e in entries] == [published.title]
    entry = entries[0]
    assert entry.find(f"{ATOM}link").get("href").endswith(published.url)
    assert entry.find(f"{ATOM}updated").text
    assert entry.find(f"{ATOM}id").text


def unfold(text: str) -> list[str]:
    return text.replace("\r\n ", "").split("\r\n")


def test_ical_feed_is_valid_rfc5545(client, make_meeting, fixed_today, monkeypatch):
    monkeypatch.setattr("forum.feeds.timezone.localdate", lambda: datetime.date(2026, 11, 20))
    make_meeting("Past meeting", datetime.date(2026, 10, 1))
    long_title = "Working group; transport, buses and taxis — " + "very long title " * 6
    upcoming = make_meeting(
        long_title,
        datetime.date(2026, 12, 3),
        start_time=datetime.time(18, 30),
        end_time=datetime.time(20, 0),
        place="Civic Centre, Room 2\nWestshire",
    )
    response = client.get("/forum/meetings.ics")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    raw = response.content.decode("utf-8")
    # Every line ends in CRLF, no bare LF, and no line is longer than 75 octets.
    assert raw.endswith("\r\n")
    assert "\n" not in raw.replace("\r\n", "")
    for line in raw.split("\r\n"):
        assert len(line.encode("utf-8")) <= 75, line
    lines = unfold(raw)
    assert lines[0] == "BEGIN:VCALENDAR"
    assert lines[-2] == "END:VCALENDAR"
    assert "VERSION:2.0" in lines and any(line.startswith("PRODID:") for line in lines)
    assert lines.count("BEGIN:VEVENT") == 1 == lines.count("END:VEVENT")
    event = lines[lines.index("BEGIN:VEVENT") : lines.index("END:VEVENT")]
    fields = dict(line.split(":", 1) for line in event[1:])
    assert fields["UID"].startswith(f"forum-meeting-{upcoming.pk}@")
    assert re.fullmatch(r"\d{8}T\d{6}Z", fields["DTSTAMP"])
    # 18:30 in London in December is 18:30 UTC.
    assert fields["DTSTART"] == "20261203T183000Z"
    assert fields["DTEND"] == "20261203T200000Z"
    assert fields["SUMMARY"].startswith("Working group\\; transport\\, buses")
    assert fields["LOCATION"] == "Civic Centre\\, Room 2\\nWestshire"
    assert "Past meeting" not in raw


def test_fold_never_splits_a_character():
    folded = fold("SUMMARY:" + "é" * 100)
    for line in folded.split("\r\n"):
        assert len(line.encode("utf-8")) <= 75
    assert folded.replace("\r\n ", "") == "SUMMARY:" + "é" * 100


def test_escape_text():
    assert ical_escape("a\\b;c,d\ne") == "a\\\\b\\;c\\,d\\ne"
