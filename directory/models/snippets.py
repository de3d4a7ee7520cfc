"""Editor-managed vocabularies (taxonomies) and organisations, registered as Wagtail snippets.

Every taxonomy value has a stable `slug` (used in search URLs and imports) and a stable `uuid`
(used as the Open Referral taxonomy term id). Renaming a value never changes either.
"""

import uuid

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from directory.validators import validate_uk_phone


class NamedSnippet(index.Indexed, models.Model):
    """A record editors manage and know by its unique `name` (which each subclass declares):
    listed in name order, shown by its name, found by it in choosers and the admin search."""

    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Taxonomy(NamedSnippet):
    """A value in one of the directory's controlled vocabularies."""

    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(
        max_length=100,
        unique=True,
        help_text="Used in web addresses and imports. Do not change it once services use it.",
    )
    description = models.CharField(
        max_length=255, blank=True, help_text="Shown as a hint next to the filter."
    )
    sort_order = models.PositiveSmallIntegerField(
        default=100, help_text="Lower numbers come first in filters."
    )
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("sort_order"),
    ]

    class Meta(NamedSnippet.Meta):
        abstract = True
        ordering = ["sort_order", "name"]


class ServiceType(Taxonomy):
    """What kind of service it is: short breaks, information and advice, therapy, activity..."""

    class Meta(Taxonomy.Meta):
        verbose_name = "service type"


class Need(Taxonomy):
    """A special educational need or disability a service supports."""

    class Meta(Taxonomy.Meta):
        verbose_name = "SEND need"


class District(Taxonomy):
    """A district of the county. County-wide and out-of-area are flags on the service."""

    class Meta(Taxonomy.Meta):
        verbose_name = "district"


class ProviderType(Taxonomy):
    """The provider types of Schedule 2 of the SEND Regulations 2014 (early years, academy...)."""

    class Meta(Taxonomy.Meta):
        verbose_name = "provider type"


class AccessRoute(Taxonomy):
    """How a family gets the service: self-referral, professional referral, EHC plan..."""

    class Meta(Taxonomy.Meta):
        verbose_name = "way to access"
        verbose_name_plural = "ways to access"


class DeliveryMethod(Taxonomy):
    """How the service is delivered: in person, online, by phone, home visits."""

    class Meta(Taxonomy.Meta):
        verbose_name = "delivery method"


class Language(models.Model):
    """A language a service is offered in, with its ISO 639 code."""

    name = models.CharField(max_length=100, unique=True)
    code = models.CharField(
        max_length=10, unique=True, help_text="ISO 639-1 code where there is one, like en or pl."
    )

    panels = [FieldPanel("name"), FieldPanel("code")]

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Organisation(NamedSnippet):
    """The body that runs a service: the council, an NHS trust, a charity, a school."""

    name = models.CharField(max_length=255, unique=True)
    slug = models.SlugField(max_length=255, unique=True)
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    description = models.TextField(blank=True)
    website = models.URLField(blank=True)
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=30, blank=True, validators=[validate_uk_phone])

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("website"),
        FieldPanel("email"),
        FieldPanel("phone"),
    ]

    class Meta(NamedSnippet.Meta):
        verbose_name = "organisation"
