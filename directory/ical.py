"""iCalendar (RFC 5545) for any app's events: CRLF lines folded at 75 octets, text escaped.

Service sessions (parent_update) and forum meetings (forum) are both written by `calendar`.
"""

import datetime
from collections.abc import Iterable

from django.utils import timezone


def escape_text(value: str) -> str:
    """TEXT value escaping (RFC 5545 3.3.11)."""
    return (
        value.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def fold(line: str) -> str:
    """Split a content line into chunks of at most 75 octets, never inside a UTF-8 character."""
    out: list[str] = []
    current, size, limit = "", 0, 75
    for char in line:
        width = len(char.encode())
        if size + width > limit:
            out.append(current)
            current, size, limit = " ", 1, 75
        current += char
        size += width
    out.append(current)
    return "\r\n".join(out)


def _utc(value: datetime.datetime) -> str:
    return value.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


def calendar(
    events: Iterable[dict],
    *,
    name: str,
    prodid: str,
    method: str = "",
    now: datetime.datetime | None = None,
) -> bytes:
    """A VCALENDAR of events: dicts with uid, start, end (aware datetimes), summary, and
    optional description, location and url. Times are in UTC, so no VTIMEZONE is needed."""
    stamp = _utc(now or timezone.now())
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{prodid}", "CALSCALE:GREGORIAN"]
    if method:
        lines.append(f"METHOD:{method}")
    lines.append(f"X-WR-CALNAME:{escape_text(name)}")
    for event in events:
        lines += [
            "BEGIN:VEVENT",
            f"UID:{event['uid']}",
            f"DTSTAMP:{stamp}",
            f"DTSTART:{_utc(event['start'])}",
            f"DTEND:{_utc(event['end'])}",
            f"SUMMARY:{escape_text(event['summary'])}",
        ]
        for key, prop in (("description", "DESCRIPTION"), ("location", "LOCATION")):
            if event.get(key):
                lines.append(f"{prop}:{escape_text(event[key])}")
        if event.get("url"):
            lines.append(f"URL:{event['url']}")
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return ("\r\n".join(fold(line) for line in lines) + "\r\n").encode()
