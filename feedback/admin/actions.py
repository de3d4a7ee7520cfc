"""The moderation actions on one feedback item, as a table: name -> form, handler, first values,
and the words of its form on the item page (shown in the table's order).

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
    """One action: its form, what it does (item, user, cleaned data -> message), first values,
    and how its form reads: heading, button, an optional intro and the button's class."""

    form_class: type[forms.Form]
    run: Callable[[FeedbackItem, object, dict], str]
    heading: str
    button: str
    intro: str = ""
    button_class: str = "button"
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
    "approve": ModerationAction(
        PublicTextForm,
        _approve,
        "Approve for publication",
        "Approve",
        "Edit the public version if you need to: remove names and anything that identifies "
        "someone. The original is kept.",
        initial=_public_text,
    ),
    "redact": ModerationAction(
        RedactForm,
        _redact,
        "Edit the public version only",
        "Save public version",
        "Changes what the public may see without approving. The original is kept and the change "
        "is logged.",
        initial=_public_text,
    ),
    "reject": ModerationAction(
        RejectForm,
        _reject,
        "Reject",
        "Reject",
        "Rejected feedback is never published. If it is about an individual case you will see "
        "the complaints process.",
        initial=lambda item: {"reason": item.rejection_reason or None},
    ),
    "themes": ModerationAction(
        ThemesForm,
        _themes,
        "Themes",
        "Save themes",
        initial=lambda item: {"themes": list(item.themes.all())},
    ),
    "flag": ModerationAction(
        ReasonForm,
        _flag,
        "Flag as a safeguarding concern",
        "Flag and email the safeguarding contact",
        "Takes it out of the queue for good, emails the safeguarding contact now, and it is "
        "never published.",
        button_class="button no",
    ),
    "unflag": ModerationAction(
        ReasonForm,
        _unflag,
        "Remove the safeguarding flag",
        "Remove flag and return to the queue",
        "Only if this is not a safeguarding concern, for example a false alarm from the word list.",
    ),
    "reopen": ModerationAction(NoteForm, _reopen, "Return to the queue", "Return to the queue"),
    "note": ModerationAction(NoteForm, _note, "Add a note", "Add note"),
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
