"""Editors' screens: feedback waiting for a response (with "Create response"), creating a draft
response from feedback, and the figures. Access is the feedback policy's "moderate"."""

from django import forms
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.text import Truncator
from django.views.generic import FormView, TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic import PermissionCheckedMixin, WagtailAdminTemplateMixin
from wagtail.admin.views.reports import ReportView

from directory.exports import FormulaSafeExportMixin
from feedback.models import FeedbackItem, Theme
from feedback.permissions import feedback_permission_policy
from you_said_we_did import figures
from you_said_we_did.models import (
    ResponseFeedback,
    ResponseIndexPage,
    ResponsePage,
)
from you_said_we_did.register import register_staleness


class Moderators(PermissionCheckedMixin):
    """Access to these screens: the feedback policy's "moderate" (their menu entries use it too)."""

    permission_policy = feedback_permission_policy
    permission_required = "moderate"


class WaitingForResponseView(Moderators, FormulaSafeExportMixin, ReportView):
    """Approved feedback with no response yet, oldest first, with the days each has waited."""

    page_title = "Feedback waiting for a response"
    header_icon = "time"
    index_url_name = "yswd_admin:waiting"
    index_results_url_name = "yswd_admin:waiting_results"
    results_template_name = "you_said_we_did/admin/waiting_results.html"
    list_export = ["reference", "submitted_at", "days_waiting", "summary", "theme_names"]
    export_headings = {
        "submitted_at": "Received",
        "summary": "Public text",
        "theme_names": "Themes",
    }

    def get_queryset(self):
        return figures.feedback_waiting()

    def decorate_paginated_queryset(self, object_list):
        today = timezone.localdate()
        for item in object_list:
            item.days_waiting = (today - item.created_date).days
            item.summary = Truncator(" ".join((item.public_text or item.comment).split())).chars(
                120
            )
            item.theme_names = ", ".join(theme.name for theme in item.themes.all())
        return object_list

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["themes"] = Theme.objects.filter(
            feedback_items__in=figures.feedback_waiting()
        ).distinct()
        return context


class CreateResponseForm(forms.Form):
    title = forms.CharField(max_length=255, help_text="A short, plain-words heading.")
    you_said = forms.CharField(
        label="You said",
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Summarise what people told us, in plain words. No names.",
    )
    team = forms.CharField(label="Accountable team", max_length=120)
    decision_maker = forms.CharField(label="Decision-maker role", max_length=120)
    items = forms.ModelMultipleChoiceField(
        label="Feedback to cite",
        queryset=FeedbackItem.objects.filter(status=FeedbackItem.Status.APPROVED),
        widget=forms.CheckboxSelectMultiple,
    )


class CreateResponseView(Moderators, WagtailAdminTemplateMixin, FormView):
    """ "Create response": a draft ResponsePage citing the chosen feedback (or a theme's)."""

    page_title = "Create a response"
    header_icon = "comment"
    template_name = "you_said_we_did/admin/create_response.html"
    form_class = CreateResponseForm

    def _preselected(self):
        waiting = figures.feedback_waiting()
        ids = [v for v in self.request.GET.getlist("item") if v.isdigit()]
        theme = self.request.GET.get("theme", "")
        if theme:
            return list(waiting.filter(themes__slug=theme))
        return list(FeedbackItem.objects.filter(pk__in=ids, status=FeedbackItem.Status.APPROVED))

    def get_initial(self):
        return {"items": [item.pk for item in self._preselected()]}

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        chosen = {item.pk for item in self._preselected()}
        # Offer what is waiting plus whatever was chosen, not every approved item ever.
        form.fields["items"].queryset = FeedbackItem.objects.filter(
            status=FeedbackItem.Status.APPROVED
        ).filter(pk__in=set(figures.feedback_waiting().values_list("pk", flat=True)) | chosen)
        form.fields["items"].label_from_instance = lambda item: (
            f"{item.reference} ({item.created_date:%d %b %Y}): "
            + Truncator(" ".join((item.public_text or item.comment).split())).chars(100)
        )
        return form

    def form_valid(self, form):
        index = ResponseIndexPage.objects.first()
        if index is None:
            form.add_error(None, "Create the 'You said, we did' page under the home page first.")
            return self.form_invalid(form)
        items = list(form.cleaned_data["items"].order_by("submitted_at"))
        topics = {item.topic for item in items if item.topic}
        response = ResponsePage(
            title=form.cleaned_data["title"],
            you_said=form.cleaned_data["you_said"],
            team=form.cleaned_data["team"],
            decision_maker=form.cleaned_data["decision_maker"],
            first_raised=items[0].created_date if items else None,
            topic=topics.pop() if len(topics) == 1 else "",
            live=False,
        )
        response.feedback_links = [ResponseFeedback(feedback_item=item) for item in items]
        response.themes.set({theme for item in items for theme in item.themes.all()})
        index.add_child(instance=response)
        response.save_revision(user=self.request.user)
        messages.success(self.request, f"Draft response '{response.title}' created.")
        return redirect("wagtailadmin_pages:edit", response.pk)


class FiguresView(Moderators, WagtailAdminTemplateMixin, TemplateView):
    """Median days to a first response, responses by status and by team, register freshness."""

    page_title = "You said, we did: figures"
    header_icon = "table"
    template_name = "you_said_we_did/admin/figures.html"
    model = ResponsePage

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            median_days=figures.median_days_to_first_response(),
            by_status=figures.responses_by_status(),
            by_team=figures.responses_by_team(),
            waiting_count=figures.feedback_waiting().count(),
            staleness=register_staleness(),
            waiting_url=reverse("yswd_admin:waiting"),
        )
        return context
