"""An Atom feed of published minutes and an iCalendar (RFC 5545) feed of upcoming meetings.

Both read live, public pages only: drafts never reach a feed.
"""

from django.contrib.syndication.views import Feed
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed

from directory.ical import calendar
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


def meeting_events(meetings, *, host: str, url_for) -> list[dict]:
    """Meetings as calendar events, each with a stable UID."""
    return [
        {
            "uid": f"forum-meeting-{meeting.pk}@{host}",
            "start": meeting.starts_at,
            "end": meeting.ends_at,
            "summary": meeting.title,
            "description": meeting.group_label + ". " + (meeting.summary or ""),
            "location": meeting.place or ("Online" if meeting.online_link else ""),
            "url": url_for(meeting),
        }
        for meeting in meetings
    ]


def meetings_calendar(request: HttpRequest) -> HttpResponse:
    """Upcoming meetings as an iCalendar file to subscribe to."""
    meetings = (
        MeetingPage.objects.live()
        .public()
        .filter(date__gte=timezone.localdate())
        .order_by("date", "start_time")
    )
    events = meeting_events(
        meetings,
        host=request.get_host().split(":")[0],
        url_for=lambda meeting: meeting.get_full_url(request),
    )
    body = calendar(
        events,
        name="Parent carer forum meetings",
        prodid="-//Local Offer//Parent carer forum//EN",
        method="PUBLISH",
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="forum-meetings.ics"'
    return response
