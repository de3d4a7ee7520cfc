"""What a service page holds inline: contacts, locations and opening times."""

import uuid

from django.core.exceptions import ValidationError
from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
)
from wagtail.models import Orderable

from directory.models.services import ServicePage
from directory.validators import normalise_postcode, validate_uk_phone, validate_uk_postcode


class ServiceContact(Orderable):
    """A contact route for a service; publishing needs at least one phone, email or website."""

    page = ParentalKey(ServicePage, on_delete=models.CASCADE, related_name="contacts")
    uuid = models.UUIDField(default=uuid.uuid4, editable=False)
    name = models.CharField(
        max_length=255, blank=True, help_text="A team or role, not a person's private details."
    )
    phone = models.CharField(max_length=30, blank=True, validators=[validate_uk_phone])
    email = models.EmailField(blank=True)
    website = models.URLField(blank=True)

    panels = [FieldPanel("name"), FieldPanel("phone"), FieldPanel("email"), FieldPanel("website")]

    def __str__(self) -> str:
        return self.name or self.email or self.phone or self.website


class ServiceLocation(Orderable):
    """A place where the service is delivered."""

    page = ParentalKey(ServicePage, on_delete=models.CASCADE, related_name="locations")
    uuid = models.UUIDField(default=uuid.uuid4, editable=False)
    name = models.CharField(max_length=255)
    address_1 = models.CharField("address line 1", max_length=255)
    address_2 = models.CharField("address line 2", max_length=255, blank=True)
    town = models.CharField("town or city", max_length=100)
    postcode = models.CharField(max_length=10, validators=[validate_uk_postcode])
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    accessibility_notes = models.TextField(blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("address_1"),
        FieldPanel("address_2"),
        FieldPanel("town"),
        FieldPanel("postcode"),
        FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
        FieldPanel("accessibility_notes"),
    ]

    def clean(self):
        super().clean()
        if self.postcode:
            self.postcode = normalise_postcode(self.postcode)
        errors = {}
        if self.latitude is not None and not -90 <= self.latitude <= 90:
            errors["latitude"] = "Latitude must be between -90 and 90"
        if self.longitude is not None and not -180 <= self.longitude <= 180:
            errors["longitude"] = "Longitude must be between -180 and 180"
        if (self.latitude is None) != (self.longitude is None):
            errors["longitude"] = "Enter both latitude and longitude, or neither"
        if errors:
            raise ValidationError(errors)

    @property
    def address_lines(self) -> list[str]:
        return [line for line in (self.address_1, self.address_2, self.town, self.postcode) if line]

    def __str__(self) -> str:
        return self.name


class Weekday(models.IntegerChoices):
    MONDAY = 1, "Monday"
    TUESDAY = 2, "Tuesday"
    WEDNESDAY = 3, "Wednesday"
    THURSDAY = 4, "Thursday"
    FRIDAY = 5, "Friday"
    SATURDAY = 6, "Saturday"
    SUNDAY = 7, "Sunday"


class OpeningTime(Orderable):
    """When the service is open on one weekday."""

    page = ParentalKey(ServicePage, on_delete=models.CASCADE, related_name="opening_times")
    weekday = models.PositiveSmallIntegerField(choices=Weekday.choices)
    opens = models.TimeField()
    closes = models.TimeField()
    note = models.CharField(max_length=100, blank=True, help_text="For example: term time only.")

    panels = [
        FieldPanel("weekday"),
        FieldRowPanel([FieldPanel("opens"), FieldPanel("closes")]),
        FieldPanel("note"),
    ]

    class Meta(Orderable.Meta):
        ordering = ["weekday", "opens"]

    def clean(self):
        super().clean()
        if self.opens and self.closes and self.closes <= self.opens:
            raise ValidationError({"closes": "The closing time must be after the opening time"})

    def __str__(self) -> str:
        return f"{self.get_weekday_display()} {self.opens:%H:%M} to {self.closes:%H:%M}"
