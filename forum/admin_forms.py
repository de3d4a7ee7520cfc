"""Admin forms: every change to an action's status goes through its trail."""

from django import forms
from wagtail.admin.forms import WagtailAdminModelForm

from forum.actions import record_update, start_trail
from forum.models.actions import ActionStatus


class ForumActionForm(WagtailAdminModelForm):
    """Edits an action; a status change or a note becomes a dated entry in its trail."""

    update_text = forms.CharField(
        label="Add to the trail",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="What has happened since the last update. Shown publicly with today's date.",
    )

    def clean(self):
        cleaned = super().clean()
        status = cleaned.get("status")
        if status == ActionStatus.DROPPED and not (cleaned.get("dropped_reason") or "").strip():
            self.add_error("dropped_reason", "Say why the action was dropped.")
        return cleaned

    def save(self, commit=True):
        user = getattr(self, "for_user", None)
        if self.instance.pk is None:
            action = super().save(commit=True)
            start_trail(action, user)
            if self.cleaned_data.get("update_text", "").strip():
                record_update(action, user=user, text=self.cleaned_data["update_text"])
            return action
        new_status = self.cleaned_data.get("status")
        old_status = self.initial.get("status")
        reason = self.cleaned_data.get("dropped_reason", "")
        # The status itself changes only through record_update, so the trail never misses one.
        self.instance.status = old_status
        self.instance.dropped_reason = self.initial.get("dropped_reason", "")
        action = super().save(commit=True)
        text = self.cleaned_data.get("update_text", "")
        if new_status != old_status or text.strip():
            record_update(
                action,
                user=user,
                text=text,
                status=new_status if new_status != old_status else "",
                dropped_reason=reason,
            )
        return action


class ProposalDecisionForm(WagtailAdminModelForm):
    """Accept a forum member's proposal onto an agenda, in the editor's words, or say why not."""

    DECISIONS = [("accept", "Put it on an agenda"), ("decline", "Do not put it on an agenda")]

    proposal_text = forms.CharField(
        label="What the member wrote",
        required=False,
        disabled=True,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="Never shown publicly. The agenda shows only the title you write.",
    )
    decision = forms.ChoiceField(choices=DECISIONS, widget=forms.RadioSelect)
    description = forms.CharField(
        label="Agenda item description", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["proposal_text"] = self.instance.feedback_item.comment

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk is None:
            raise forms.ValidationError(
                "Proposals come from forum members through the website's proposal form."
            )
        decision = cleaned.get("decision")
        if decision == "accept":
            if not cleaned.get("meeting"):
                self.add_error("meeting", "Choose the meeting whose agenda it goes on.")
            if not (cleaned.get("agenda_title") or "").strip():
                self.add_error("agenda_title", "Enter the agenda item's title.")
            if self.instance.feedback_item.is_safeguarding:
                self.add_error(None, "A proposal held for safeguarding cannot go on an agenda.")
        elif decision == "decline" and not (cleaned.get("reply") or "").strip():
            self.add_error("reply", "Say why it is not going on an agenda; the member is told.")
        return cleaned

    def save(self, commit=True):
        from forum.intake import accept_proposal, decline_proposal

        user = getattr(self, "for_user", None)
        proposal = self.instance
        if self.cleaned_data["decision"] == "accept":
            accept_proposal(
                proposal,
                user=user,
                meeting=self.cleaned_data["meeting"],
                agenda_title=self.cleaned_data["agenda_title"],
                description=self.cleaned_data.get("description", ""),
            )
        else:
            decline_proposal(proposal, user=user, reply=self.cleaned_data["reply"])
        return proposal
