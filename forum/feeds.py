"""An Atom feed of published minutes and an iCalendar (RFC 5545) feed of upcoming meetings.

Both read live, public pages only: drafts never reach a feed.
"""

import datetime

from django.contrib.syndication.views import Feed
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed

from forum.models import MeetingPage, MinutesPage

FEED_SIZE = 50


class MinutesFeed(Feed):
    feed_type = Atom1Feed
    title = "Parent carer forum: published minutes"
    subtitle = "Minutes of forum meetings, working groups and the SEND partnership board."
    link = "/forum/actions/"

    def items(self):
        return (
            MinutesPage.objects.live()
            .public()
            .select_related("meeting")
            .order_by("-first_published_at")[:FEED_SIZE]
        )

    def item_title(self, item: MinutesPage) -> str:
        return item.title

    def item_description(self, item: MinutesPage) -> str:
        meeting = item.meeting
        when = f"Meeting on {meeting.date:%d %B %Y}. " if meeting else ""
        return when + (item.summary or "")

    def item_link(self, item: MinutesPage) -> str:
        return item.get_url()

    def item_pubdate(self, item: MinutesPage):
        return item.first_published_at

    def item_updateddate(self, item: MinutesPage):
        return item.last_published_at


# iCalendar ---------------------------------------------------------------------------------


def ical_escape(text: str) -> str:
    """Escape TEXT values (RFC 5545 3.3.11): backslash, semicolon, comma and new lines."""
    return (
        text.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def fold(line: str) -> str:
    """Fold a content line at 75 octets (RFC 5545 3.1), never splitting a UTF-8 character."""
    out, current, size = [], "", 0
    for char in line:
        width = len(char.encode("utf-8"))
        limit = 75 if not out else 74  # continuation lines start with a space
        if size + width > limit:
            out.append(current)
            current, size = "", 0
        current += char
        size += width
    out.append(current)
    return "\r\n ".join(out)


def _utc(moment: datetime.datetime) -> str:
    return moment.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


def calendar_text(meetings, *, host: str, url_for, now: datetime.datetime) -> str:
    """The calendar: CRLF line ends, folded lines, escaped text, a stable UID per meeting."""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Local Offer//Parent carer forum//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "X-WR-CALNAME:Parent carer forum meetings",
    ]
    for meeting in meetings:
        where = meeting.place or ("Online" if meeting.online_link else "")
        lines += [
            "BEGIN:VEVENT",
            f"UID:forum-meeting-{meeting.pk}@{host}",
            f"DTSTAMP:{_utc(now)}",
            f"DTSTART:{_utc(meeting.starts_at)}",
            f"DTEND:{_utc(meeting.ends_at)}",
            f"SUMMARY:{ical_escape(meeting.title)}",
            f"DESCRIPTION:{ical_escape(meeting.group_label + '. ' + (meeting.summary or ''))}",
            f"URL:{url_for(meeting)}",
        ]
        if where:
            lines.append(f"LOCATION:{ical_escape(where)}")
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)


def meetings_calendar(request: HttpRequest) -> HttpResponse:
    """Upcoming meetings as an iCalendar file to subscribe to."""
    meetings = (
        MeetingPage.objects.live()
        .public()
        .filter(date__gte=timezone.localdate())
        .order_by("date", "start_time")
    )
    body = calendar_text(
        meetings,
        host=request.get_host().split(":")[0],
        url_for=lambda meeting: meeting.get_full_url(request),
        now=timezone.now(),
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="forum-meetings.ics"'
    return response
