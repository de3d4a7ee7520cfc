"""The SEND Parent Update: pages editors write, the people who asked for it, and each sending."""

from django.core.paginator import Paginator
from django.db import models
from django.utils import timezone
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from directory.model_fields import optional_account


class Topic(models.TextChoices):
    NEWS = "news", "News"
    CONSULTATIONS = "consultations", "Consultations and surveys"
    FORUM = "forum", "Parent carer forum meetings"
    RESPONSES = "responses", "\u201cYou said, we did\u201d responses"


class Subscriber(models.Model):
    """Someone who confirmed they want the Parent Update. Deleted (address and all) on unsubscribe.

    Nobody is stored before they confirm: the confirmation link itself carries the address.
    """

    email = models.EmailField(max_length=254, unique=True)
    topics = models.JSONField(default=list, help_text="Topic values this person chose.")
    confirmed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.email

    def wants(self, topic: str) -> bool:
        return not self.topics or topic in self.topics


class ParentUpdateIndexPage(RoutablePageMixin, Page):
    """The Parent Update archive, with the subscribe link and an Atom feed at feed/."""

    intro = models.CharField(max_length=255, blank=True)
    page_size = 20

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["directory.HomePage"]
    subpage_types = ["parent_update.ParentUpdatePage"]
    max_count = 1

    class Meta:
        verbose_name = "Parent Update archive"

    def updates(self):
        return ParentUpdatePage.objects.child_of(self).live().public().order_by("-date", "-pk")

    @path("")
    def archive(self, request):
        paginator = Paginator(self.updates(), self.page_size)
        return self.render(
            request, context_overrides={"updates": paginator.get_page(request.GET.get("page"))}
        )

    @path("feed/")
    def feed(self, request):
        from parent_update.feeds import atom_response

        return atom_response(request, self)


class ParentUpdatePage(Page):
    """One issue of the Parent Update: published on the site, and emailed to subscribers."""

    date = models.DateField(default=timezone.localdate)
    topic = models.CharField(max_length=20, choices=Topic.choices, default=Topic.NEWS)
    summary = models.CharField(max_length=300, help_text="One or two sentences: the email preview.")
    body = RichTextField(features=["h2", "h3", "bold", "link", "ol", "ul"])

    content_panels = Page.content_panels + [
        FieldPanel("date"),
        FieldPanel("topic"),
        FieldPanel("summary"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [index.SearchField("summary"), index.SearchField("body")]
    parent_page_types = ["parent_update.ParentUpdateIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = "Parent Update"


class Sending(models.Model):
    """One "Send to subscribers" of an update: when, by whom, and how many emails it queued.

    Batches move `last_subscriber_id` forward, so an interrupted sending resumes where it stopped;
    the outbox key per update and subscriber means nobody gets one update twice.
    """

    page = models.ForeignKey(ParentUpdatePage, on_delete=models.CASCADE, related_name="sendings")
    started_at = models.DateTimeField(default=timezone.now)
    started_by = optional_account()
    recipients = models.PositiveIntegerField(default=0, help_text="Emails queued so far.")
    last_subscriber_id = models.PositiveBigIntegerField(default=0)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-started_at"]

    def __str__(self) -> str:
        return f"{self.page.title}: {self.recipients} on {self.started_at:%d %B %Y}"
