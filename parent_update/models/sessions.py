"""Things to do: dated sessions of activities and holiday schemes, and the "What's on" page."""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import Page


class Holiday(models.Model):
    """A school holiday (half term, Easter, summer...): what "term time" and "holidays" mean."""

    name = models.CharField(max_length=100)
    starts_on = models.DateField()
    ends_on = models.DateField()

    class Meta:
        ordering = ["starts_on"]

    def __str__(self) -> str:
        return f"{self.name} ({self.starts_on:%d %b} to {self.ends_on:%d %b %Y})"

    def clean(self):
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": "The holiday must end on or after its first day"})


class ServiceSession(models.Model):
    """A dated session of a service: once, or every week until a date, in term time or holidays."""

    class When(models.TextChoices):
        ANY = "any", "Any week"
        TERM = "term", "Term time only"
        HOLIDAYS = "holidays", "School holidays only"

    service = models.ForeignKey(
        "directory.ServicePage", on_delete=models.CASCADE, related_name="sessions"
    )
    title = models.CharField(
        max_length=120,
        blank=True,
        help_text="For example: Saturday youth club. Empty: the service's name.",
    )
    date = models.DateField(help_text="The first (or only) date.")
    starts_at = models.TimeField()
    ends_at = models.TimeField()
    repeats_weekly = models.BooleanField(default=False)
    repeat_until = models.DateField(
        null=True, blank=True, help_text="The last date it may repeat on."
    )
    when = models.CharField(max_length=10, choices=When.choices, default=When.ANY)
    venue = models.CharField(max_length=200, blank=True)
    booking_details = models.CharField(
        max_length=300,
        blank=True,
        help_text="For example: book by phone on 01234 567890. Empty: just come along.",
    )
    cost = models.CharField(max_length=100, blank=True, help_text="For example: £2 a session.")
    is_free = models.BooleanField("free", default=False)
    without_parent = models.BooleanField(
        "young people can come without a parent or carer", default=False
    )

    panels = [
        FieldPanel("service"),
        FieldPanel("title"),
        MultiFieldPanel(
            [
                FieldPanel("date"),
                FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
                FieldPanel("repeats_weekly"),
                FieldPanel("repeat_until"),
                FieldPanel("when"),
            ],
            heading="When",
        ),
        FieldPanel("venue"),
        FieldPanel("booking_details"),
        FieldRowPanel([FieldPanel("cost"), FieldPanel("is_free")]),
        FieldPanel("without_parent"),
    ]

    class Meta:
        ordering = ["date", "starts_at"]

    def __str__(self) -> str:
        return f"{self.name} from {self.date:%d %B %Y}"

    @property
    def name(self) -> str:
        return self.title or self.service.title

    @property
    def alone(self) -> bool:
        """Young people can come without a parent or carer: to this session, or to the service."""
        return self.without_parent or self.service.without_parent

    def clean(self):
        errors = {}
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            errors["ends_at"] = "The session must end after it starts"
        if self.repeats_weekly and not self.repeat_until:
            errors["repeat_until"] = "Enter the last date a weekly session may repeat on"
        if self.repeat_until and self.date and self.repeat_until < self.date:
            errors["repeat_until"] = "The last date must be on or after the first date"
        if errors:
            raise ValidationError(errors)

    def last_date(self) -> datetime.date:
        return self.repeat_until if self.repeats_weekly and self.repeat_until else self.date


class WhatsOnPage(Page):
    """Upcoming sessions of the directory's services, by date, with filters (see whats_on.py)."""

    intro = models.CharField(max_length=255, blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["directory.HomePage"]
    subpage_types: list[str] = []
    max_count = 1

    class Meta:
        verbose_name = "What's on page"

    def get_context(self, request, *args, **kwargs):
        from parent_update.whats_on import whats_on_context

        context = super().get_context(request, *args, **kwargs)
        context.update(whats_on_context(request))
        return context
