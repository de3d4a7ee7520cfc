"""One feedback item in the admin: the writer's words, the public version, the log and the
moderation actions (the table in `feedback.admin.actions`)."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.functional import cached_property
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic import PermissionCheckedMixin, WagtailAdminTemplateMixin

from directory.admin_screens import ForbiddenPageMixin
from feedback import moderation
from feedback.admin.actions import ACTIONS, allowed_actions
from feedback.admin.listings import FORBIDDEN_TEMPLATE, item_url
from feedback.models import FeedbackItem
from feedback.permissions import (
    can_export_personal_data,
    can_moderate,
    feedback_permission_policy,
)

Status = FeedbackItem.Status


class FeedbackItemView(
    ForbiddenPageMixin, PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView
):
    """One feedback item: the writer's words, the public version, the log and the actions.

    Service owners see it read-only; moderators act on it; safeguarding concerns are for
    safeguarding leads only (the policy's "view" on the item decides). Each action posts
    `action=<name>` with its own form.
    """

    template_name = "feedback/admin/item.html"
    header_icon = "comment"
    permission_policy = feedback_permission_policy
    forbidden_template_name = FORBIDDEN_TEMPLATE

    def setup(self, request: HttpRequest, *args, **kwargs) -> None:
        super().setup(request, *args, **kwargs)
        self.forms: dict[str, forms.Form] = {}

    @cached_property
    def item(self) -> FeedbackItem:
        """The item, if the policy lets this user see it (read inside `dispatch`)."""
        return self.get_object()

    def get_object(self) -> FeedbackItem:
        item = get_object_or_404(
            FeedbackItem.objects.select_related("subject_page", "district", "user"),
            pk=self.kwargs["pk"],
        )
        if not self.user_has_permission_for_instance("view", item):
            raise PermissionDenied
        return item

    def get_page_title(self) -> str:
        return f"Feedback {self.item.pk}"

    def get_page_subtitle(self) -> str:
        return self.item.get_status_display()

    def get_breadcrumbs_items(self) -> list[dict]:
        if self.item.status == Status.SAFEGUARDING:
            parent = {
                "url": reverse("feedback_admin:safeguarding"),
                "label": "Safeguarding concerns",
            }
        elif can_moderate(self.request.user):
            parent = {"url": reverse("feedback_admin:index"), "label": "Feedback"}
        else:
            parent = {
                "url": reverse("feedback_admin:services"),
                "label": "Feedback about your services",
            }
        return [*self.breadcrumbs_items, parent, {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        allowed = allowed_actions(self.request.user, self.item)
        for name in allowed:
            if name not in self.forms:
                action = ACTIONS[name]
                self.forms[name] = action.form_class(prefix=name, initial=action.initial(self.item))
        item = self.item
        context.update(
            item=item,
            action_forms=[
                (name, action, self.forms[name])
                for name, action in ACTIONS.items()
                if name in allowed
            ],
            allowed_actions=allowed,
            log_entries=item.log_entries.select_related("user"),
            themes=item.themes.all(),
            show_personal_data=can_export_personal_data(self.request.user),
            complaints=(
                moderation.complaints_process()
                if item.rejection_reason == FeedbackItem.RejectionReason.INDIVIDUAL_CASE
                else None
            ),
        )
        return context

    def post(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        name = request.POST.get("action", "")
        if name not in ACTIONS or name not in allowed_actions(request.user, self.item):
            raise PermissionDenied
        action = ACTIONS[name]
        form = action.form_class(request.POST, prefix=name)
        self.forms[name] = form
        if form.is_valid():
            try:
                message = action.run(self.item, request.user, form.cleaned_data)
            except moderation.ModerationError as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, message)
                return HttpResponseRedirect(item_url(self.item))
        messages.error(request, "The action could not be done. Check the form below.")
        return self.render_to_response(self.get_context_data())
