"""Page types of the forum: the index, one page per meeting, and the minutes under a meeting.

The minutes are their own page so that a meeting can be public while its minutes are a draft
in forum review. Published minutes are locked: a later edit must give a correction reason,
which is logged (`MinutesCorrection`) when the correction is published and shown on the page.
"""

import datetime

from django.db import models
from django.shortcuts import get_object_or_404
from django.utils import timezone
from modelcluster.fields import ParentalKey
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, Workflow
from wagtail.search import index

from directory.model_fields import optional_account, optional_link
from forum import clock
from forum.models.actions import actions_by_heading, carried_forward
from forum.models.workflow import MINUTES_WORKFLOW_NAME

MINUTES_FEATURES = ["h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]


class MeetingGroup(models.TextChoices):
    FORUM = "forum", "Parent carer forum"
    WORKING_GROUP = "working_group", "Working group"
    PARTNERSHIP_BOARD = "partnership_board", "SEND partnership board"


class ForumIndexPage(Page):
    """Where the forum's meetings live: upcoming ones first, then past ones with their minutes."""

    intro = models.TextField(blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["directory.HomePage"]
    subpage_types = ["forum.MeetingPage"]
    max_count = 1
    template = "forum/forum_index_page.html"

    def meetings(self):
        return MeetingPage.objects.child_of(self).live().public().order_by("date", "start_time")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        today = timezone.localdate()
        meetings = self.meetings()
        context["upcoming"] = meetings.filter(date__gte=today)
        context["past"] = meetings.filter(date__lt=today).order_by("-date", "-start_time")
        return context

    class Meta:
        verbose_name = "forum index page"


class MeetingPage(RoutablePageMixin, Page):
    """One meeting of the forum, a working group or the SEND partnership board."""

    group = models.CharField(
        max_length=20, choices=MeetingGroup.choices, default=MeetingGroup.FORUM
    )
    working_group_name = models.CharField(
        max_length=120,
        blank=True,
        help_text="Only for a working group, e.g. 'Preparing for adulthood'.",
    )
    date = models.DateField()
    start_time = models.TimeField()
    end_time = models.TimeField(null=True, blank=True)
    place = models.CharField(
        max_length=255, blank=True, help_text="The address, or leave empty for an online meeting."
    )
    online_link = models.URLField(
        blank=True, help_text="How to join online. Shown publicly: leave empty for private links."
    )
    summary = models.TextField(
        blank=True, help_text="What the meeting is for, in a sentence or two."
    )
    minutes_owner = optional_account(
        help_text=(
            "Who writes the minutes; reminded 3 and 7 days after the meeting if there is no draft."
        )
    )

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("group"), FieldPanel("working_group_name")]),
                FieldRowPanel(
                    [FieldPanel("date"), FieldPanel("start_time"), FieldPanel("end_time")]
                ),
                FieldPanel("place"),
                FieldPanel("online_link"),
                FieldPanel("minutes_owner"),
            ],
            heading="When and where",
        ),
        FieldPanel("summary"),
        InlinePanel("attendees", heading="Attendees by role", label="Attendee"),
        InlinePanel("agenda_items", heading="Agenda", label="Agenda item"),
        InlinePanel("papers", heading="Papers", label="Paper"),
    ]
    search_fields = Page.search_fields + [index.SearchField("summary")]
    parent_page_types = ["forum.ForumIndexPage"]
    subpage_types = ["forum.MinutesPage"]
    template = "forum/meeting_page.html"

    class Meta:
        verbose_name = "meeting"
        ordering = ["date"]

    @property
    def group_label(self) -> str:
        if self.group == MeetingGroup.WORKING_GROUP and self.working_group_name:
            return f"Working group: {self.working_group_name}"
        return self.get_group_display()

    @property
    def starts_at(self) -> datetime.datetime:
        return timezone.make_aware(datetime.datetime.combine(self.date, self.start_time))

    @property
    def ends_at(self) -> datetime.datetime:
        end = (
            self.end_time
            or (
                datetime.datetime.combine(self.date, self.start_time) + datetime.timedelta(hours=2)
            ).time()
        )
        return timezone.make_aware(datetime.datetime.combine(self.date, end))

    @property
    def is_upcoming(self) -> bool:
        return self.date >= timezone.localdate()

    def live_minutes(self) -> "MinutesPage | None":
        return MinutesPage.objects.child_of(self).live().public().first()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["minutes"] = self.live_minutes()
        context["attendees"] = self.attendees.all()
        url = self.get_url(request) or ""
        context["papers"] = [
            (paper, url + self.reverse_subpage("paper", args=[paper.pk]) if paper.body else "")
            for paper in self.papers.all()
        ]
        return context

    @path("")
    def meeting(self, request):
        return self.render(request)

    @path("papers/<int:paper_id>/")
    def paper(self, request, paper_id: int):
        """A paper's accessible HTML version, with the document as a download."""
        paper = get_object_or_404(self.papers.all(), pk=paper_id)
        return self.render(
            request,
            template="forum/meeting_paper.html",
            context_overrides={"paper": paper},
        )


class MeetingAttendee(Orderable):
    """Who came, by role; a name only where the editor chooses to show it."""

    page = ParentalKey(MeetingPage, on_delete=models.CASCADE, related_name="attendees")
    role = models.CharField(max_length=120, help_text="e.g. 'Parent carer representative'.")
    name = models.CharField(max_length=120, blank=True)
    show_name = models.BooleanField(default=False, help_text="Show the name on the public page.")
    count = models.PositiveSmallIntegerField(default=1, help_text="How many people in this role.")

    panels = [
        FieldRowPanel([FieldPanel("role"), FieldPanel("count")]),
        FieldRowPanel([FieldPanel("name"), FieldPanel("show_name")]),
    ]

    @property
    def public_name(self) -> str:
        return self.name if self.show_name else ""


class AgendaItem(Orderable):
    """One item on a meeting's agenda, perhaps from a forum member's proposal."""

    page = ParentalKey(MeetingPage, on_delete=models.CASCADE, related_name="agenda_items")
    title = models.CharField(max_length=255)
    description = models.TextField(blank=True)
    lead = models.CharField(max_length=120, blank=True, help_text="Who introduces it, by role.")
    proposal = optional_link("forum.AgendaProposal", editable=False)

    panels = [FieldPanel("title"), FieldPanel("description"), FieldPanel("lead")]


class MeetingPaper(Orderable):
    """A paper for the meeting: an accessible HTML version first, the document as a download."""

    page = ParentalKey(MeetingPage, on_delete=models.CASCADE, related_name="papers")
    title = models.CharField(max_length=255)
    body = RichTextField(
        features=MINUTES_FEATURES,
        blank=True,
        help_text="The paper as a web page. Needed when a PDF is attached.",
    )
    document = optional_link("wagtaildocs.Document")

    panels = [FieldPanel("title"), FieldPanel("body"), FieldPanel("document")]

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        if self.document_id and not self.body:
            raise ValidationError(
                {"body": "Add the paper as a web page: a PDF alone is not accessible to all."}
            )


class MinutesPageForm(WagtailAdminPageForm):
    """Published minutes are locked: changing them needs a correction reason, which is logged."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # Each correction gives its own reason; never reuse the last one.
        if "correction_reason" in self.fields:
            self.initial["correction_reason"] = ""

    def clean(self):
        cleaned = super().clean()
        if not minutes_are_locked(self.instance):
            cleaned["correction_reason"] = ""
        elif not (cleaned.get("correction_reason") or "").strip():
            self.add_error(
                "correction_reason",
                "These minutes are published and locked. To correct them, say what you "
                "corrected and why; the reason is shown on the minutes.",
            )
        return cleaned


def minutes_are_locked(page: Page) -> bool:
    """Minutes that have ever been published change only through a logged correction."""
    return bool(
        page.pk and Page.objects.filter(pk=page.pk, first_published_at__isnull=False).exists()
    )


class MinutesPage(Page):
    """The minutes of one meeting, agreed by the forum through the "Forum minutes" workflow."""

    meeting = models.ForeignKey(
        MeetingPage,
        null=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="minutes_pages",
    )
    summary = models.TextField(blank=True)
    correction_reason = models.TextField(
        blank=True,
        help_text="Published minutes only: what you corrected and why. Shown on the minutes.",
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        InlinePanel("items", heading="Minutes by agenda item", label="Agenda item"),
        FieldPanel("correction_reason"),
    ]
    search_fields = Page.search_fields + [index.SearchField("summary")]
    base_form_class = MinutesPageForm
    parent_page_types = ["forum.MeetingPage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1
    template = "forum/minutes_page.html"

    class Meta:
        verbose_name = "minutes"
        verbose_name_plural = "minutes"

    def save(self, *args, **kwargs):
        if self.meeting_id is None and self.path:
            parent = self.get_parent()
            if parent is not None:
                self.meeting_id = parent.pk
        return super().save(*args, **kwargs)

    def get_workflow(self):
        """Minutes always go through the forum's own workflow when it is active."""
        workflow = Workflow.objects.filter(name=MINUTES_WORKFLOW_NAME, active=True).first()
        return workflow or super().get_workflow()

    def get_meeting(self) -> MeetingPage:
        return self.meeting.specific if self.meeting_id else self.get_parent().specific

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        meeting = self.get_meeting()
        context["meeting"] = meeting
        context["items"] = actions_by_heading(meeting, self.items.all())
        context["carried_forward"] = carried_forward(meeting)
        context["corrections"] = self.corrections.all() if self.pk else []
        context["today"] = clock.today()
        return context


class MinutesItem(Orderable):
    """The minutes of one agenda item: what was discussed and what was decided."""

    page = ParentalKey(MinutesPage, on_delete=models.CASCADE, related_name="items")
    heading = models.CharField(
        max_length=255, help_text="The agenda item. Actions from this item give the same heading."
    )
    summary = RichTextField(features=MINUTES_FEATURES, blank=True, help_text="What was discussed.")
    decisions = models.TextField(blank=True, help_text="One decision per line.")

    panels = [FieldPanel("heading"), FieldPanel("summary"), FieldPanel("decisions")]

    def decision_list(self) -> list[str]:
        return [line.strip() for line in self.decisions.splitlines() if line.strip()]


class MinutesCorrection(models.Model):
    """A correction to published minutes: when, by whom, and the reason shown on the page."""

    page = models.ForeignKey(MinutesPage, on_delete=models.CASCADE, related_name="corrections")
    revision = optional_link("wagtailcore.Revision")
    reason = models.TextField()
    corrected_at = models.DateTimeField(default=timezone.now)
    user = optional_account()

    class Meta:
        ordering = ["corrected_at", "pk"]

    def __str__(self) -> str:
        return f"Correction to {self.page} on {self.corrected_at:%d %B %Y}"
