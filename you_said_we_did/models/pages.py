"""The page types: the responses index, a response with its timeline and evidence, and the
register editions (regulation 56)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable, Page
from wagtail.search import index

from feedback.models import FeedbackItem


class ResponseStatus(models.TextChoices):
    RECEIVED = "received", "Received"
    CONSIDERING = "considering", "Under consideration"
    PLANNED = "planned", "Planned"
    IN_PROGRESS = "in_progress", "In progress"
    DONE = "done", "Done"
    NOT_ABLE = "not_able", "Not able to"


# GOV.UK tag colours per status.
STATUS_TAG_CLASSES = {
    ResponseStatus.RECEIVED: "govuk-tag--grey",
    ResponseStatus.CONSIDERING: "govuk-tag--yellow",
    ResponseStatus.PLANNED: "govuk-tag--light-blue",
    ResponseStatus.IN_PROGRESS: "govuk-tag--blue",
    ResponseStatus.DONE: "govuk-tag--green",
    ResponseStatus.NOT_ABLE: "govuk-tag--red",
}


class ResponseIndexPage(Page):
    """ "You said, we did": every response, filterable, with the register editions below it."""

    intro = models.TextField(blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["directory.HomePage"]
    subpage_types = ["you_said_we_did.ResponsePage", "you_said_we_did.RegisterEditionPage"]
    max_count = 1

    class Meta:
        verbose_name = "responses index"

    def get_context(self, request, *args, **kwargs) -> dict:
        from you_said_we_did.listing import response_listing
        from you_said_we_did.register import last_published_edition

        context = super().get_context(request, *args, **kwargs)
        context.update(response_listing(self, request))
        context["last_published"] = last_published_edition()
        context["editions"] = RegisterEditionPage.objects.live().public().order_by("-period_start")
        return context


class ResponsePageForm(WagtailAdminPageForm):
    """Refuses to cite feedback that is not approved, and "not able to" without a reason."""

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("status") == ResponseStatus.NOT_ABLE and not cleaned.get("not_able_reason"):
            self.add_error("not_able_reason", "Say why the council is not able to do this.")
        return cleaned

    def is_valid(self) -> bool:
        # The inline formsets are cleaned after the form's own clean(), so check them here.
        valid = super().is_valid()
        formset = self.formsets.get("feedback_links")
        if formset is None:
            return valid
        bad = [
            form.cleaned_data["feedback_item"]
            for form in formset.forms
            if getattr(form, "cleaned_data", None)
            and not form.cleaned_data.get("DELETE")
            and form.cleaned_data.get("feedback_item") is not None
            and form.cleaned_data["feedback_item"].status != FeedbackItem.Status.APPROVED
        ]
        if bad:
            refs = ", ".join(item.reference or str(item.pk) for item in bad)
            self.add_error(
                None,
                "A response can only cite approved feedback. Remove these items or approve "
                f"them first: {refs}.",
            )
            return False
        return valid


class ResponsePage(Page):
    """What people said, what the council did about it, who is accountable, and the evidence."""

    you_said = models.TextField(
        "you said", help_text="A plain-words summary of what people told us. No names."
    )
    we_did = models.TextField(
        "we did", blank=True, help_text="What changed, or what will change, and when."
    )
    status = models.CharField(
        max_length=20,
        choices=ResponseStatus.choices,
        default=ResponseStatus.RECEIVED,
        db_index=True,
    )
    not_able_reason = models.TextField(
        "why we are not able to", blank=True, help_text="Needed when the status is 'Not able to'."
    )
    team = models.CharField("accountable team", max_length=120)
    decision_maker = models.CharField(
        "decision-maker role", max_length=120, help_text="A role, not a name."
    )
    first_raised = models.DateField(null=True, blank=True)
    responded_on = models.DateField("responded", null=True, blank=True)
    expected_on = models.DateField("expected by", null=True, blank=True)
    completed_on = models.DateField("completed", null=True, blank=True)
    topic = models.CharField(
        "regulation 56 topic", max_length=20, choices=FeedbackItem.Topic.choices, blank=True
    )
    themes = ParentalManyToManyField("feedback.Theme", blank=True, related_name="responses")

    base_form_class = ResponsePageForm
    content_panels = Page.content_panels + [
        FieldPanel("you_said"),
        FieldPanel("we_did"),
        MultiFieldPanel(
            [FieldPanel("status"), FieldPanel("not_able_reason")], heading="Where it is up to"
        ),
        FieldRowPanel([FieldPanel("team"), FieldPanel("decision_maker")], heading="Accountable"),
        FieldRowPanel(
            [
                FieldPanel("first_raised"),
                FieldPanel("responded_on"),
                FieldPanel("expected_on"),
                FieldPanel("completed_on"),
            ],
            heading="Dates",
        ),
        MultiFieldPanel([FieldPanel("topic"), FieldPanel("themes")], heading="Grouping"),
        InlinePanel("updates", heading="Progress updates", label="Progress update"),
        InlinePanel("feedback_links", heading="Feedback cited", label="Feedback item"),
        InlinePanel("service_links", heading="Services", label="Service"),
        InlinePanel("evidence_links", heading="Other evidence", label="Evidence"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("you_said"),
        index.SearchField("we_did"),
    ]
    parent_page_types = ["you_said_we_did.ResponseIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = "response"

    def save(self, *args, **kwargs):
        if self.status == ResponseStatus.DONE and self.completed_on is None:
            self.completed_on = timezone.localdate()
        if self.status != ResponseStatus.RECEIVED and self.responded_on is None:
            self.responded_on = timezone.localdate()
        return super().save(*args, **kwargs)

    @property
    def status_tag_class(self) -> str:
        return STATUS_TAG_CLASSES.get(self.status, "")

    def public_updates(self) -> list:
        """The timeline, newest first."""
        return sorted(self.updates.all(), key=lambda u: (u.date, u.pk or 0), reverse=True)

    def get_context(self, request, *args, **kwargs) -> dict:
        from you_said_we_did.evidence import evidence_for
        from you_said_we_did.loop import check_back_counts

        context = super().get_context(request, *args, **kwargs)
        context["evidence"] = evidence_for(self)
        context["check_back"] = check_back_counts(self)
        return context


class ResponseUpdate(Orderable):
    """One dated entry on a response's public timeline."""

    page = ParentalKey(ResponsePage, on_delete=models.CASCADE, related_name="updates")
    date = models.DateField(default=timezone.localdate)
    text = models.TextField(help_text="What happened. Plain words, no names.")

    panels = [FieldPanel("date"), FieldPanel("text")]

    class Meta(Orderable.Meta):
        verbose_name = "progress update"

    def __str__(self) -> str:
        return f"{self.date}: {self.text[:40]}"


class ResponseFeedback(Orderable):
    """A feedback item this response answers (only approved items may be cited)."""

    page = ParentalKey(ResponsePage, on_delete=models.CASCADE, related_name="feedback_links")
    feedback_item = models.ForeignKey(
        FeedbackItem, on_delete=models.CASCADE, related_name="response_links"
    )

    panels = [FieldPanel("feedback_item")]

    class Meta(Orderable.Meta):
        constraints = [
            models.UniqueConstraint(fields=["page", "feedback_item"], name="yswd_feedback_once")
        ]


class ResponseService(Orderable):
    """A service page this response is about; the service page lists the response."""

    page = ParentalKey(ResponsePage, on_delete=models.CASCADE, related_name="service_links")
    service = models.ForeignKey(
        "directory.ServicePage", on_delete=models.CASCADE, related_name="response_links"
    )

    panels = [FieldPanel("service")]


def evidence_source_choices() -> list[tuple[str, str]]:
    from you_said_we_did.evidence import plugged_in_sources

    return [(source.key, source.label) for source in plugged_in_sources()]


class ResponseEvidence(Orderable):
    """Evidence from a source another app plugs in (a survey's results, a forum action): the
    source's key and the thing's reference, resolved to a title and link by that source."""

    page = ParentalKey(ResponsePage, on_delete=models.CASCADE, related_name="evidence_links")
    source = models.CharField(max_length=40, choices=evidence_source_choices)
    reference = models.CharField(max_length=100, help_text="The id the source gives it.")

    panels = [FieldPanel("source"), FieldPanel("reference")]


class RegisterEditionPage(Page):
    """One edition of the published comments and responses (regulation 56), for a period.

    The content is generated from approved feedback when the page is first saved or when
    "Generate again" is ticked, then reviewed and published like any page; it is a snapshot,
    so a past edition says what was known then.
    """

    period_start = models.DateField()
    period_end = models.DateField()
    intro = models.TextField(blank=True)
    small_numbers = models.PositiveSmallIntegerField(
        "smallest group shown",
        default=5,
        help_text="A district, theme or group with fewer items than this is not shown apart.",
    )
    regenerate = models.BooleanField(
        "generate again from feedback",
        default=False,
        help_text="Tick to rebuild the contents from feedback when you save.",
    )
    content = models.JSONField(default=dict, blank=True, editable=False)
    generated_at = models.DateTimeField(null=True, blank=True, editable=False)

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("period_start"), FieldPanel("period_end")], heading="Period"),
        FieldPanel("intro"),
        FieldPanel("small_numbers"),
        FieldPanel("regenerate"),
    ]
    parent_page_types = ["you_said_we_did.ResponseIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = "register edition"

    def clean(self):
        super().clean()
        if self.period_start and self.period_end and self.period_end < self.period_start:
            raise ValidationError({"period_end": "The end must be on or after the start."})

    def save(self, *args, **kwargs):
        if self.period_start and self.period_end and (self.regenerate or not self.content):
            from you_said_we_did.register import build_register

            self.content = build_register(self.period_start, self.period_end, self.small_numbers)
            self.generated_at = timezone.now()
            self.regenerate = False
        return super().save(*args, **kwargs)

    def get_context(self, request, *args, **kwargs) -> dict:
        from you_said_we_did.register import last_published_edition

        context = super().get_context(request, *args, **kwargs)
        context["last_published"] = last_published_edition()
        return context
