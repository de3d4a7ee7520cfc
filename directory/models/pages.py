"""Page types of the Local Offer: home and information pages, and what services share (ages,
cost, Schedule 2 headings); the directory and its services are in `services.py`."""

import datetime

from django.db import models
from django.utils import timezone
from wagtail.admin.panels import (
    FieldPanel,
    MultiFieldPanel,
)
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from directory.blocks import InformationStreamBlock
from directory.model_fields import optional_link

MAX_AGE = 25

# Age bands families filter by; a service covers a band when its age range overlaps it.
AGE_BANDS: list[tuple[str, str, int, int]] = [
    ("0-4", "0 to 4 years", 0, 4),
    ("5-10", "5 to 10 years", 5, 10),
    ("11-15", "11 to 15 years", 11, 15),
    ("16-18", "16 to 18 years", 16, 18),
    ("19-25", "19 to 25 years", 19, 25),
]


def age_bands_for(min_age: int, max_age: int) -> list[str]:
    """The slugs of the age bands a service with this age range overlaps."""
    return [slug for slug, _label, low, high in AGE_BANDS if min_age <= high and max_age >= low]


class CostType(models.TextChoices):
    FREE = "free", "Free"
    PAID = "paid", "Families pay"
    FUNDED = "funded", "Funded for eligible families"


# The Schedule 2 headings (SEND Regulations 2014) and fixed pages each Local Offer must cover.
class Schedule2Heading(models.TextChoices):
    PROVISION_IN_AREA = "provision-in-area", "SEN provision in the area, by provider type"
    PROVISION_OUTSIDE = "provision-outside", "Provision outside the area"
    SCHOOLS = "schools", "Schools, colleges and funding arrangements"
    PROVIDER_APPROACH = "provider-approach", "How providers support learners"
    HEALTH = "health", "Health provision"
    SOCIAL_CARE = "social-care", "Social care, including short breaks"
    TRAINING = "training", "Training, apprenticeships and supported internships"
    TRAVEL = "travel", "Travel to school, college and early years settings"
    ADULTHOOD = "adulthood", "Preparing for adulthood"
    LEISURE = "leisure", "Leisure activities and support groups"
    CHILDCARE = "childcare", "Childcare"
    SENDIASS = "sendiass", "Information, advice and support (SENDIASS)"
    COMPLAINTS = "complaints", "Complaints, mediation and tribunal"
    EHC_ASSESSMENT = "ehc-assessment", "Requesting an EHC needs assessment"
    SHORT_BREAKS = "short-breaks", "Short breaks services statement"
    FORUM = "forum", "Parent carer forum"
    OFFLINE = "offline", "Getting the Local Offer offline and in other formats"
    ACCESSIBILITY = "accessibility", "Accessibility statement"


class HomePage(Page):
    """The front page of the Local Offer."""

    intro = models.CharField(max_length=255, blank=True)
    body = StreamField(InformationStreamBlock(), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["wagtailcore.Page"]
    # No subpage_types: page types on higher floors (surveys, forum, responses, ...) name the
    # home page as their parent; the ground floor never lists them.
    max_count = 1

    class Meta:
        verbose_name = "home page"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = (
            self.get_children().live().in_menu().specific().only("title", "url_path")
        )
        return context


class InformationPage(Page):
    """A guide: plain-English information such as 'Requesting an EHC needs assessment'."""

    summary = models.CharField(
        max_length=255,
        help_text="One or two sentences shown under the title and in search results.",
    )
    body = StreamField(InformationStreamBlock(), blank=True)
    easy_read_version = optional_link(
        "directory.InformationPage",
        help_text="An easy-read page with the same information, if there is one.",
    )
    schedule2_heading = models.CharField(
        "Schedule 2 heading",
        max_length=40,
        choices=Schedule2Heading.choices,
        blank=True,
        help_text="The statutory Local Offer heading this page answers, if any.",
    )
    is_easy_read = models.BooleanField(
        default=False, help_text="Tick if this page itself is written in easy read."
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("easy_read_version"), FieldPanel("is_easy_read")], heading="Easy read"
        ),
    ]
    promote_panels = Page.promote_panels + [FieldPanel("schedule2_heading")]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("schedule2_heading"),
    ]

    parent_page_types = ["directory.HomePage", "directory.InformationPage"]
    # No subpage_types, as on the home page: child page types name their parents.

    class Meta:
        verbose_name = "information page"


def _today() -> datetime.date:
    return timezone.localdate()


def _a_year_from_today() -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=365)
