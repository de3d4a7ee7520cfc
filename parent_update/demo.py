# ruff: noqa: E501 - demo data reads best one record a line
"""Demo content: a Parent Update archive with two sent updates, What's on, and sessions.

Idempotent: only what is missing is added. Session dates are relative to today, so the demo
always has things to do this weekend.
"""

import datetime

from django.utils import timezone
from wagtail.models import Page

from directory.models import HomePage, ServicePage
from parent_update.models import (
    Holiday,
    ParentUpdateIndexPage,
    ParentUpdatePage,
    Sending,
    ServiceSession,
    Subscriber,
    WhatsOnPage,
)

# The two listing pages under the home page: the archive of sent updates, and What's on.
ARCHIVE = {
    "title": "SEND Parent Update",
    "slug": "parent-update",
    "intro": "News for families of children and young people with SEND, by email or here.",
}
WHATS_ON = {
    "title": "What's on",
    "slug": "whats-on",
    "intro": "Clubs, activities and holiday schemes for children and young people with SEND.",
}

UPDATES = [
    {
        "slug": "autumn-2026",
        "title": "Autumn 2026: new short breaks and the SEND strategy",
        "days_ago": 40,
        "topic": "news",
        "summary": "New Saturday clubs, the SEND strategy consultation results, and dates for forum meetings.",
        "body": "<p>Thank you to the 412 families who answered our short breaks survey.</p>"
        "<h2>New Saturday clubs</h2><p>From October there are two new Saturday clubs in Rugford and Stowford. "
        "Young people aged 11 to 18 can go without a parent or carer.</p>",
        "sent_to": 184,
    },
    {
        "slug": "you-said-we-did-november-2026",
        "title": "November 2026: you said, we did",
        "days_ago": 12,
        "topic": "responses",
        "summary": "What we changed after your feedback about transport, and what is still to do.",
        "body": "<p>You told us school transport letters came too late. This year every family had "
        "their letter by 1 August.</p><p>You asked for more activities at weekends. See What's on.</p>",
        "sent_to": 197,
    },
]

# (service title, session title, weekday (5 = Saturday), start, end, weekly, without parent, free, cost)
SESSIONS = [
    (
        "Friday Night Club for disabled young people, Rugford",
        "Friday Night Club",
        4,
        "18:30",
        "20:30",
        True,
        True,
        False,
        "£3 a session",
    ),
    (
        "Quiet swim sessions, Stowford Leisure Centre",
        "Quiet swim",
        5,
        "08:00",
        "09:00",
        True,
        False,
        False,
        "£2.50, carers free",
    ),
    (
        "Include Sport football for all",
        "Saturday football for all",
        5,
        "10:00",
        "11:30",
        True,
        True,
        True,
        "",
    ),
    (
        "Spotlight inclusive drama group, Kidsbury",
        "Spotlight drama",
        5,
        "13:00",
        "15:00",
        True,
        True,
        False,
        "£4",
    ),
    (
        "Relaxed film club, Stowford Library",
        "Relaxed film club",
        6,
        "14:00",
        "16:00",
        False,
        False,
        True,
        "",
    ),
    (
        "Chase Adventure Playground inclusive sessions",
        "Inclusive play",
        6,
        "10:00",
        "12:00",
        True,
        False,
        True,
        "",
    ),
    (
        "Bounce trampoline club, Penkford",
        "Trampoline club",
        2,
        "16:30",
        "17:30",
        True,
        True,
        False,
        "£5",
    ),
]


def _next(weekday: int, today: datetime.date) -> datetime.date:
    return today + datetime.timedelta(days=(weekday - today.weekday()) % 7)


def _time(value: str) -> datetime.time:
    return datetime.time.fromisoformat(value)


def _listing_page(home: HomePage, added: list[str], label: str, page: Page) -> Page:
    """The one page of `page`'s type: the existing one, or `page` added under the home page (in
    the menus) and published, noting `label` in `added`."""
    existing = type(page).objects.first()
    if existing is not None:
        return existing
    page.show_in_menus = True
    home.add_child(instance=page)
    page.save_revision().publish()
    added.append(label)
    return page


def load_demo_content() -> str:
    home = HomePage.objects.first()
    if home is None:
        return "Parent Update: no home page, nothing added."
    added = []
    index = _listing_page(home, added, "archive", ParentUpdateIndexPage(**ARCHIVE))
    today = timezone.localdate()
    for spec in UPDATES:
        if ParentUpdatePage.objects.filter(slug=spec["slug"]).exists():
            continue
        date = today - datetime.timedelta(days=spec["days_ago"])
        page = index.add_child(
            instance=ParentUpdatePage(
                title=spec["title"],
                slug=spec["slug"],
                date=date,
                topic=spec["topic"],
                summary=spec["summary"],
                body=spec["body"],
            )
        )
        page.save_revision().publish()
        sent = timezone.make_aware(datetime.datetime.combine(date, datetime.time(10)))
        Sending.objects.create(
            page=page, started_at=sent, recipients=spec["sent_to"], finished_at=sent
        )
        added.append(page.title)
    _listing_page(home, added, "What's on", WhatsOnPage(**WHATS_ON))
    if not Holiday.objects.exists():
        year = today.year
        Holiday.objects.bulk_create(
            [
                Holiday(
                    name="Christmas holidays",
                    starts_on=datetime.date(year, 12, 21),
                    ends_on=datetime.date(year + 1, 1, 2),
                ),
                Holiday(
                    name="February half term",
                    starts_on=datetime.date(year + 1, 2, 15),
                    ends_on=datetime.date(year + 1, 2, 19),
                ),
            ]
        )
    sessions = 0
    for title, name, weekday, start, end, weekly, alone, free, cost in SESSIONS:
        service = ServicePage.objects.filter(title=title).first()
        if service is None or ServiceSession.objects.filter(service=service, title=name).exists():
            continue
        first = _next(weekday, today)
        ServiceSession.objects.create(
            service=service,
            title=name,
            date=first,
            starts_at=_time(start),
            ends_at=_time(end),
            repeats_weekly=weekly,
            repeat_until=first + datetime.timedelta(weeks=12) if weekly else None,
            venue=title.split(", ")[-1] if ", " in title else "",
            booking_details="Just come along." if free else "Book with the club by phone or email.",
            cost=cost,
            is_free=free,
            without_parent=alone,
        )
        sessions += 1
    return (
        f"Parent Update: added {', '.join(added) or 'nothing new'}; {sessions} sessions; "
        f"{Subscriber.objects.count()} subscribers."
    )
