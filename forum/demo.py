"""Demo content for the forum: past meetings with agreed minutes and actions in every status,
a draft in forum review for the demo forum member, and an upcoming meeting with an agenda.

Idempotent: each thing is added only if it is missing. Dates are relative to today.
"""

import datetime
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone
from wagtail.models import Site

from accounts.lifecycle import mark_email_verified
from accounts.roles import FORUM_MEMBERS_GROUP
from forum.actions import create_action, record_update
from forum.models import (
    AgendaItem,
    ForumAction,
    ForumIndexPage,
    MeetingAttendee,
    MeetingPage,
    MeetingPaper,
    MinutesItem,
    MinutesPage,
    Team,
)
from forum.models.actions import ActionStatus

MEMBER_EMAIL = "forum.member@westshire.example"

TEAMS = [
    ("SEND Transport team", "send.transport@westshire.example"),
    ("Short Breaks team", "short.breaks@westshire.example"),
    ("SEND Local Offer team", "local.offer@westshire.example"),
    ("Children's Therapies (NHS Westshire)", "therapies@westshire.example"),
]

ATTENDEES = [
    ("Chair, parent carer forum", "Sam Okafor", True, 1),
    ("Parent carer representative", "", False, 9),
    ("Head of SEND, Westshire Council", "", False, 1),
    ("Designated Clinical Officer, NHS Westshire", "", False, 1),
]

# (slug, title, days from today, minutes items, actions)
PAST = [
    (
        "forum-meeting-summer",
        "Forum meeting: school transport",
        -120,
        [
            (
                "School transport",
                "Parents described late taxis and drivers changing without notice.",
                "Transport team to publish route times each term.\n"
                "Forum to collect examples of late pick-ups.",
            ),
            (
                "Local Offer website",
                "Members found it hard to find short breaks.",
                "Add a short breaks guide.",
            ),
        ],
        [
            (
                "publish-times",
                "Publish school transport route times before each term",
                0,
                30,
                "School transport",
            ),
            (
                "driver-changes",
                "Tell families two days before a driver changes",
                0,
                45,
                "School transport",
            ),
            (
                "short-breaks-guide",
                "Write a short breaks guide for the Local Offer",
                2,
                40,
                "Local Offer website",
            ),
            (
                "transport-survey",
                "Run a transport survey with the forum",
                0,
                60,
                "School transport",
            ),
        ],
    ),
    (
        "forum-meeting-autumn",
        "Forum meeting: short breaks",
        -75,
        [
            (
                "Short breaks",
                "The new short breaks statement was discussed line by line.",
                "Publish the statement with the forum's changes.",
            ),
            ("Therapies", "Waiting times for speech and language therapy are long.", ""),
        ],
        [
            (
                "sb-statement",
                "Publish the short breaks statement with the forum's changes",
                1,
                20,
                "Short breaks",
            ),
            ("therapy-waits", "Publish therapy waiting times each quarter", 3, 30, "Therapies"),
        ],
    ),
    (
        "forum-meeting-winter",
        "Forum meeting: preparing for adulthood",
        -35,
        [
            (
                "Preparing for adulthood",
                "Young people's panel presented their report.",
                "Invite the young people's panel to every third meeting.",
            ),
        ],
        [
            (
                "pfa-pages",
                "Add preparing for adulthood pages in easy read",
                2,
                90,
                "Preparing for adulthood",
            ),
        ],
    ),
]

# What happened to each action afterwards: (key, days after its meeting, status, text, reason)
HISTORY = [
    ("publish-times", 20, ActionStatus.IN_PROGRESS, "Route times drafted for the autumn term.", ""),
    ("publish-times", 60, ActionStatus.DONE, "Route times are on the transport page.", ""),
    (
        "driver-changes",
        30,
        ActionStatus.IN_PROGRESS,
        "New contract clause agreed with operators.",
        "",
    ),
    ("short-breaks-guide", 35, ActionStatus.DONE, "The guide is published.", ""),
    (
        "transport-survey",
        50,
        ActionStatus.DROPPED,
        "",
        "The council's annual transport survey now asks the forum's questions.",
    ),
    ("sb-statement", 10, ActionStatus.DONE, "Statement published.", ""),
    ("therapy-waits", 15, "", "First quarter's figures are being checked.", ""),
]


def _at(day: datetime.date, hour: int = 12) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def _forum_index() -> ForumIndexPage:
    index = ForumIndexPage.objects.first()
    if index:
        return index
    site = Site.objects.filter(is_default_site=True).first() or Site.objects.first()
    home = site.root_page
    index = ForumIndexPage(
        title="Parent carer forum",
        slug="parent-carer-forum",
        intro=(
            "The Westshire parent carer forum meets with the council and the NHS to make SEND "
            "services better. Here are our meetings, what we agreed, and what happened next."
        ),
    )
    home.add_child(instance=index)
    index.save_revision().publish()
    return index


def _meeting(
    index, slug, title, day, *, owner=None, agenda=(), papers=()
) -> tuple[MeetingPage, bool]:
    existing = MeetingPage.objects.child_of(index).filter(slug=slug).first()
    if existing:
        return existing, False
    meeting = MeetingPage(
        title=title,
        slug=slug,
        date=day,
        start_time=datetime.time(18, 30),
        end_time=datetime.time(20, 30),
        place="Westshire Civic Centre, Room 2, Market Street",
        online_link="https://meet.westshire.example/forum",
        summary="The forum's regular meeting with the council and the NHS.",
        minutes_owner=owner,
    )
    for role, name, show, count in ATTENDEES:
        meeting.attendees.add(MeetingAttendee(role=role, name=name, show_name=show, count=count))
    for title_, description in agenda:
        meeting.agenda_items.add(AgendaItem(title=title_, description=description))
    for paper_title, body in papers:
        meeting.papers.add(MeetingPaper(title=paper_title, body=body))
    index.add_child(instance=meeting)
    meeting.save_revision().publish()
    return meeting, True


def _minutes(meeting: MeetingPage, items) -> MinutesPage:
    minutes = MinutesPage(
        title=f"Minutes: {meeting.title}",
        slug="minutes",
        live=False,
        summary=f"What the forum discussed and agreed on {meeting.date:%d %B %Y}.",
    )
    for heading, summary, decisions in items:
        minutes.items.add(
            MinutesItem(heading=heading, summary=f"<p>{summary}</p>", decisions=decisions)
        )
    meeting.add_child(instance=minutes)
    return minutes


def _member() -> tuple[object, str]:
    """The demo forum member; a password only in development, shown once."""
    user_model = get_user_model()
    user = user_model.objects.filter(email=MEMBER_EMAIL).first()
    if user:
        return user, ""
    password = secrets.token_urlsafe(12) if settings.DEBUG else None
    fields = {user_model.USERNAME_FIELD: MEMBER_EMAIL, "email": MEMBER_EMAIL}
    user = user_model.objects.create_user(password=password, **fields)
    user.first_name, user.last_name = "Demo", "Forum member"
    user.save(update_fields=["first_name", "last_name"])
    user.groups.add(Group.objects.get(name=FORUM_MEMBERS_GROUP))
    mark_email_verified(user)
    return user, password or ""


@transaction.atomic
def load_demo() -> str:
    today = timezone.localdate()
    index = _forum_index()
    teams = {
        name: Team.objects.get_or_create(name=name, defaults={"contact_email": email})[0]
        for name, email in TEAMS
    }
    team_cycle = list(teams.values())
    added = 0
    keyed: dict[str, ForumAction] = {}
    for slug, title, offset, items, actions in PAST:
        day = today + datetime.timedelta(days=offset)
        meeting, created = _meeting(index, slug, title, day)
        if not created:
            continue
        added += 1
        minutes = _minutes(meeting, items)
        minutes.save_revision().publish()
        MinutesPage.objects.filter(pk=minutes.pk).update(
            first_published_at=_at(day + datetime.timedelta(days=21)),
            last_published_at=_at(day + datetime.timedelta(days=21)),
        )
        for key, what, team_index, due_in, heading in actions:
            keyed[key] = create_action(
                meeting=meeting,
                what=what,
                team=team_cycle[team_index],
                due_date=day + datetime.timedelta(days=due_in),
                agenda_item=heading,
                created_at=_at(day, 20),
            )
    for key, after, status, text, reason in HISTORY:
        action = keyed.get(key)
        if action is None:
            continue
        meeting_day = action.meeting.date
        record_update(
            action,
            status=status,
            text=text,
            dropped_reason=reason,
            when=_at(meeting_day + datetime.timedelta(days=after)),
        )

    member, password = _member()
    draft_day = today - datetime.timedelta(days=6)
    meeting, created = _meeting(
        index, "forum-meeting-december", "Forum meeting: the Local Offer", draft_day
    )
    if created:
        added += 1
        minutes = _minutes(
            meeting,
            [
                (
                    "Local Offer feedback",
                    "The team showed what families said about the website.",
                    "Add a 'was this page helpful?' question to every page.",
                ),
                ("Actions review", "Every open action was reviewed.", ""),
            ],
        )
        minutes.save_revision()
        create_action(
            meeting=meeting,
            what="Report what families said about the website to the next meeting",
            team=teams["SEND Local Offer team"],
            due_date=today + datetime.timedelta(days=40),
            agenda_item="Local Offer feedback",
        )
        workflow = minutes.get_workflow()
        if workflow is not None:
            workflow.start(minutes, None)

    upcoming_day = today + datetime.timedelta(days=21)
    _, created = _meeting(
        index,
        "forum-meeting-next",
        "Forum meeting: EHC plans and annual reviews",
        upcoming_day,
        agenda=[
            ("Welcome and apologies", ""),
            ("Actions from earlier meetings", "Every open action, carried forward."),
            ("EHC plan timeliness", "The council's figures for the last quarter."),
            ("Annual reviews", "How families are told about annual review meetings."),
        ],
        papers=[
            (
                "EHC plan timeliness: quarterly figures",
                "<h3>Summary</h3><p>62% of EHC plans were issued within 20 weeks this quarter.</p>",
            )
        ],
    )
    added += int(created)
    summary = f"Forum: {added} meetings added, {ForumAction.objects.count()} actions"
    if password:
        summary += f"; demo forum member {MEMBER_EMAIL} password: {password} (shown once)"
    return summary
