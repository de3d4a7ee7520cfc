"""Admin forms: every change to an action's status goes through its trail."""

from django import forms
from wagtail.admin.forms import WagtailAdminModelForm

from forum.actions import display_name, record_update
from forum.models import ActionUpdate
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
            ActionUpdate.objects.create(
                action=action,
                user=user,
                by=display_name(user),
                text=f"Action agreed at {action.meeting.title}.",
                new_status=action.status,
            )
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
