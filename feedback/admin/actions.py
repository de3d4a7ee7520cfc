"""The moderation actions on one feedback item, as a table: name -> form, handler, first values.

The item page posts `action=<name>` with that action's form; `ACTIONS[name].run` does the work
through `feedback.moderation` (which logs it) and returns the message for the moderator.
`allowed_actions` says which actions a user may take on an item in its current status.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django import forms

from feedback import moderation
from feedback.admin.forms import (
    NoteForm,
    PublicTextForm,
    ReasonForm,
    RedactForm,
    RejectForm,
    ThemesForm,
)
from feedback.models import FeedbackItem
from feedback.permissions import can_moderate, can_view_safeguarding

Status = FeedbackItem.Status


@dataclass(frozen=True)
class ModerationAction:
    """One action: its form, what it does (item, user, cleaned data -> message), first values."""

    form_class: type[forms.Form]
    run: Callable[[FeedbackItem, object, dict], str]
    initial: Callable[[FeedbackItem], dict] = lambda item: {}


def _public_text(item: FeedbackItem) -> dict:
    return {"public_text": item.public_text or item.comment}


def _approve(item: FeedbackItem, user, data: dict) -> str:
    moderation.approve(item, user, public_text=data["public_text"], reason=data["reason"])
    return "Approved for publication."


def _redact(item: FeedbackItem, user, data: dict) -> str:
    moderation.redact(item, user, public_text=data["public_text"], reason=data["reason"])
    return "Public version saved. The original is kept."


def _reject(item: FeedbackItem, user, data: dict) -> str:
    outcome = moderation.reject(item, user, reason=data["reason"], note=data["note"])
    if outcome.complaints:
        sent = " The writer has been emailed it." if outcome.submitter_emailed else ""
        return "Rejected as an individual case: see the complaints process below." + sent
    return "Rejected."


def _flag(item: FeedbackItem, user, data: dict) -> str:
    moderation.flag_safeguarding(item, user, reason=data["reason"])
    return "Flagged as a safeguarding concern. The safeguarding contact has been emailed."


def _unflag(item: FeedbackItem, user, data: dict) -> str:
    moderation.unflag_safeguarding(item, user, reason=data["reason"])
    return "Safeguarding flag removed. The item is back in the queue."


def _reopen(item: FeedbackItem, user, data: dict) -> str:
    moderation.reopen(item, user, reason=data["note"])
    return "Returned to the queue."


def _themes(item: FeedbackItem, user, data: dict) -> str:
    changed = moderation.set_themes(item, user, data["themes"])
    return "Themes saved." if changed else "Themes unchanged."


def _note(item: FeedbackItem, user, data: dict) -> str:
    moderation.add_note(item, user, note=data["note"])
    return "Note added."


ACTIONS: dict[str, ModerationAction] = {
    "approve": ModerationAction(PublicTextForm, _approve, _public_text),
    "redact": ModerationAction(RedactForm, _redact, _public_text),
    "reject": ModerationAction(
        RejectForm, _reject, lambda item: {"reason": item.rejection_reason or None}
    ),
    "flag": ModerationAction(ReasonForm, _flag),
    "unflag": ModerationAction(ReasonForm, _unflag),
    "reopen": ModerationAction(NoteForm, _reopen),
    "themes": ModerationAction(
        ThemesForm, _themes, lambda item: {"themes": list(item.themes.all())}
    ),
    "note": ModerationAction(NoteForm, _note),
}


def allowed_actions(user, item: FeedbackItem) -> set[str]:
    """The actions this user may take on the item now (none for service owners)."""
    if not can_moderate(user):
        return set()
    if item.status == Status.SAFEGUARDING:
        return {"unflag", "note"} if can_view_safeguarding(user) else set()
    allowed = {"approve", "redact", "reject", "flag", "themes", "note"}
    if item.status != Status.NEW:
        allowed.add("reopen")
    return allowed
