"""What's on: repeating sessions across term dates, filters with counts, calendars, past dates."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from parent_update.models import Holiday, ServiceSession, WhatsOnPage
from parent_update.sessions_report import services_with_only_past_sessions
from parent_update.whats_on import session_dates

pytestmark = pytest.mark.django_db

MONDAY = datetime.date(2026, 11, 30)


def _session(service, **fields):
    defaults = {
        "date": MONDAY,
        "starts_at": datetime.time(10),
        "ends_at": datetime.time(11),
    }
    return ServiceSession.objects.create(service=service, **{**defaults, **fields})


def test_weekly_sessions_respect_term_time_and_holidays(make_service):
    service = make_service("Youth club")
    holidays = [(datetime.date(2026, 12, 21), datetime.date(2027, 1, 1))]
    weekly = {"repeats_weekly": True, "repeat_until": datetime.date(2027, 1, 11)}
    term = _session(service, when="term", **weekly)
    holiday = _session(service, when="holidays", **weekly)
    last = datetime.date(2027, 3, 1)
    assert session_dates(term, MONDAY, last, holidays) == [
        datetime.date(2026, 11, 30),
        datetime.date(2026, 12, 7),
        datetime.date(2026, 12, 14),
        datetime.date(2027, 1, 4),
        datetime.date(2027, 1, 11),
    ]
    assert session_dates(holiday, MONDAY, last, holidays) == [
        datetime.date(2026, 12, 21),
        datetime.date(2026, 12, 28),
    ]
    # From a later day, earlier dates have dropped off.
    assert session_dates(term, datetime.date(2027, 1, 5), last, holidays)[0] == datetime.date(
        2027, 1, 11
    )


@pytest.fixture
def whats_on(site_root):
    page = site_root.add_child(instance=WhatsOnPage(title="What's on", slug="whats-on"))
    page.save_revision().publish()
    return page


def _saturday():
    today = timezone.localdate()
    return today + datetime.timedelta(days=(5 - today.weekday()) % 7 or 7)


def test_filters_with_counts_and_removable_tags(client, whats_on, make_service):
    saturday = _saturday()
    club = make_service("Saturday club", needs=["autism"], min_age=11, max_age=18)
    swim = make_service("Quiet swim", needs=["sensory"], min_age=0, max_age=10)
    _session(club, title="Football", date=saturday, without_parent=True, is_free=True)
    _session(swim, title="Quiet swim", date=saturday + datetime.timedelta(days=21))
    _session(swim, title="Long gone", date=timezone.localdate() - datetime.timedelta(days=3))
    response = client.get(whats_on.url)
    assert b"Football" in response.content
    assert b"Quiet swim" in response.content
    assert b"Long gone" not in response.content
    assert b"I can go without a parent or carer (1)" in response.content
    response = client.get(whats_on.url, {"alone": "on", "age": "14"})
    assert b"Football" in response.content
    assert b"Quiet swim" not in response.content
    assert b"Remove filter: Without a parent or carer" in response.content
    assert response.context["total"] == 1
    response = client.get(whats_on.url, {"need": "sensory"})
    assert [o.session.name for _d, os in response.context["days"] for o in os] == ["Quiet swim"]


def test_hostile_filters_never_break_the_page(client, whats_on):
    response = client.get(
        whats_on.url, {"when": "<script>x", "age": "abc", "need": ["x" * 500], "district": "';--"}
    )
    assert response.status_code == 200
    assert b"Enter the age as a number" in response.content
    assert b"<script>x" not in response.content


def _parse_ics(content: bytes) -> list[dict]:
    text = content.decode()
    assert text.endswith("\r\n")
    assert "\n" not in text.replace("\r\n", "")
    for line in text.split("\r\n"):
        assert len(line.encode()) <= 75
    unfolded = text.replace("\r\n ", "")
    events, current = [], None
    for line in unfolded.split("\r\n"):
        if line == "BEGIN:VEVENT":
            current = {}
        elif line == "END:VEVENT":
            events.append(current)
            current = None
        elif current is not None and ":" in line:
            name, value = line.split(":", 1)
            current[name] = value
    assert unfolded.startswith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:")
    return events


def test_calendars_are_valid_icalendar(client, whats_on, make_service):
    service = make_service("Drama")
    long_name = "Spotlight drama; songs, dance & more — a very long title that needs folding ok"
    session = _session(
        service,
        title=long_name,
        date=_saturday(),
        repeats_weekly=True,
        repeat_until=_saturday() + datetime.timedelta(weeks=2),
        booking_details="Call us,\nor email",
    )
    events = _parse_ics(client.get(reverse("parent_update:session_ics", args=[session.pk])).content)
    assert len(events) == 3
    assert len({e["UID"] for e in events}) == 3
    first = events[0]
    assert first["SUMMARY"] == long_name.replace(";", "\\;").replace(",", "\\,")
    assert "Call us\\,\\nor email" in first["DESCRIPTION"]
    assert first["DTSTART"].endswith("Z") and "DTSTAMP" in first
    search = client.get(reverse("parent_update:whats_on_ics"), {"when": "weekend"})
    assert search["Content-Type"].startswith("text/calendar")
    assert len(_parse_ics(search.content)) == 1


def test_services_whose_sessions_have_all_passed_are_flagged(make_service):
    old = make_service("Old club")
    current = make_service("Current club")
    today = timezone.localdate()
    _session(old, date=today - datetime.timedelta(days=30))
    _session(
        current,
        date=today - datetime.timedelta(days=30),
        repeats_weekly=True,
        repeat_until=today + datetime.timedelta(days=30),
    )
    assert [s.title for s in services_with_only_past_sessions()] == ["Old club"]


def test_holiday_filter(client, whats_on, make_service):
    saturday = _saturday()
    Holiday.objects.create(name="Half term", starts_on=saturday, ends_on=saturday)
    service = make_service("Play scheme")
    _session(service, title="Play", date=saturday)
    _session(service, title="Later", date=saturday + datetime.timedelta(days=7))
    response = client.get(whats_on.url, {"when": "holidays"})
    assert response.context["total"] == 1


def test_owners_are_emailed_once_when_every_session_has_passed(make_service, django_user_model):
    from django.core import mail

    from parent_update.sessions_report import flag_services_with_only_past_sessions

    owner = django_user_model.objects.create_user("owner", email="owner@example.org")
    old = make_service("Old club")
    old.owner = owner
    old.save()
    _session(old, date=timezone.localdate() - datetime.timedelta(days=30))
    flag_services_with_only_past_sessions()
    flag_services_with_only_past_sessions()
    assert [m.to for m in mail.outbox] == [["owner@example.org"]]
    assert "Add new dates for Old club" == mail.outbox[0].subject
