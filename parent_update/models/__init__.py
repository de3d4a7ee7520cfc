"""The SEND Parent Update, saved-search alerts and dated sessions ("things to do")."""

from parent_update.models.alerts import SearchAlert
from parent_update.models.sessions import Holiday, ServiceSession, WhatsOnPage
from parent_update.models.updates import (
    ParentUpdateIndexPage,
    ParentUpdatePage,
    Sending,
    Subscriber,
    Topic,
)

__all__ = [
    "Holiday",
    "ParentUpdateIndexPage",
    "ParentUpdatePage",
    "SearchAlert",
    "Sending",
    "ServiceSession",
    "Subscriber",
    "Topic",
    "WhatsOnPage",
]
