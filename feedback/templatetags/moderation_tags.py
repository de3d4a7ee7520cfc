"""The moderation action forms on a feedback item's admin page: their words, in the order shown.

`feedback.admin.actions.ACTIONS` says what each action does; this table says how its form is
presented to a moderator. The item page loops over `moderation_action_forms`.
"""

from dataclasses import dataclass

from django import forms, template

register = template.Library()


@dataclass(frozen=True)
class ActionFormText:
    """How one action's form reads: its heading, button, an optional intro and button class."""

    action: str
    heading: str
    button: str
    intro: str = ""
    button_class: str = "button"


ACTION_FORM_TEXTS = [
    ActionFormText(
        "approve",
        "Approve for publication",
        "Approve",
        "Edit the public version if you need to: remove names and anything that identifies "
        "someone. The original is kept.",
    ),
    ActionFormText(
        "redact",
        "Edit the public version only",
        "Save public version",
        "Changes what the public may see without approving. The original is kept and the change "
        "is logged.",
    ),
    ActionFormText(
        "reject",
        "Reject",
        "Reject",
        "Rejected feedback is never published. If it is about an individual case you will see "
        "the complaints process.",
    ),
    ActionFormText("themes", "Themes", "Save themes"),
    ActionFormText(
        "flag",
        "Flag as a safeguarding concern",
        "Flag and email the safeguarding contact",
        "Takes it out of the queue for good, emails the safeguarding contact now, and it is "
        "never published.",
        button_class="button no",
    ),
    ActionFormText(
        "unflag",
        "Remove the safeguarding flag",
        "Remove flag and return to the queue",
        "Only if this is not a safeguarding concern, for example a false alarm from the word list.",
    ),
    ActionFormText("reopen", "Return to the queue", "Return to the queue"),
    ActionFormText("note", "Add a note", "Add note"),
]


@register.simple_tag
def moderation_action_forms(
    allowed_actions: set[str], action_forms: dict[str, forms.Form]
) -> list[tuple[ActionFormText, forms.Form]]:
    """The actions this moderator may take now, each with its words and its form."""
    return [
        (text, action_forms[text.action])
        for text in ACTION_FORM_TEXTS
        if text.action in allowed_actions
    ]
