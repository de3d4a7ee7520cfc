"""The forum's models: meetings and minutes (pages), actions and teams, and the intake links."""

from forum.models.actions import ActionUpdate, ForumAction, Team
from forum.models.intake import AgendaProposal, MinutesComment
from forum.models.pages import (
    AgendaItem,
    ForumIndexPage,
    MeetingAttendee,
    MeetingGroup,
    MeetingPage,
    MeetingPaper,
    MinutesCorrection,
    MinutesItem,
    MinutesPage,
)
from forum.models.workflow import ForumReviewTask

__all__ = [
    "ActionUpdate",
    "AgendaItem",
    "AgendaProposal",
    "ForumAction",
    "ForumIndexPage",
    "ForumReviewTask",
    "MeetingAttendee",
    "MeetingGroup",
    "MeetingPage",
    "MeetingPaper",
    "MinutesComment",
    "MinutesCorrection",
    "MinutesItem",
    "MinutesPage",
    "Team",
]
