"""Page types of the Local Offer: home, information pages, the directory and its services."""

import datetime
import uuid

from django import forms
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils import timezone
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from directory.blocks import RICH_TEXT_FEATURES, InformationStreamBlock
from directory.hooks import DIRECTORY_INDEX_CONTEXT
from directory.validators import normalise_postcode, validate_uk_phone, validate_uk_postcode
from directory.visibility import publicly_visible

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
    easy_read_version = models.ForeignKey(
        "directory.InformationPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
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


class DirectoryIndexPage(Page):
    """Where the service directory lives. Lists its services; the search app plugs in here.

    Apps above `directory` register a `directory_index_context` hook (directory.hooks),
    `fn(request, page, context) -> None`, to add search results to the context; a hook that
    sets `directory_results_template` has that template shown in place of the plain listing.
    """

    intro = models.CharField(max_length=255, blank=True)
    page_size = 20

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["directory.HomePage", "directory.InformationPage"]
    subpage_types = ["directory.ServicePage"]

    class Meta:
        verbose_name = "directory"

    def services(self):
        """The live services in this directory, ready for listing without further queries."""
        return (
            publicly_visible(ServicePage.objects.child_of(self))
            .select_related("organisation")
            .prefetch_related("service_types", "districts")
            .order_by("title")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        for fn in hooks.get_hooks(DIRECTORY_INDEX_CONTEXT):
            fn(request, self, context)
        if "services" not in context:
            paginator = Paginator(self.services(), self.page_size)
            context["services"] = paginator.get_page(request.GET.get("page"))
        return context


def _today() -> datetime.date:
    return timezone.localdate()


def _a_year_from_today() -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=365)


class ServicePageForm(WagtailAdminPageForm):
    """Checks what a family needs before a service can go live."""

    def clean(self):
        cleaned = super().clean()
        if not ("action-publish" in self.data or "action-submit" in self.data):
            return cleaned
        if not cleaned.get("service_types"):
            self.add_error("service_types", "Choose at least one service type before publishing")
        if not cleaned.get("review_due"):
            self.add_error("review_due", "Enter a review date before publishing")
        elif cleaned["review_due"] < timezone.localdate():
            self.add_error(
                "review_due",
                "The review date has passed: publishing confirms the page was checked, "
                "so set the next review date",
            )
        if not self._has_contact_method():
            message = (
                "Add a way to contact the service (a phone number, email address or website) "
                "before publishing"
            )
            formset = self.formsets.get("contacts")
            if formset is None:
                raise ValidationError(message)
            # Shown inside the contacts panel, so its tab gets the error badge as well.
            formset.non_form_errors().append(message)
        return cleaned

    def _has_contact_method(self) -> bool:
        formset = self.formsets.get("contacts")
        if formset is None:
            return False
        # modelcluster validates the child formsets after this clean(); validate them now so
        # their cleaned_data is there to read (is_valid() caches, so nothing runs twice).
        if not formset.is_valid():
            return True  # the contacts' own errors stop the publish and say what is wrong
        for form in formset.forms:
            data = getattr(form, "cleaned_data", {}) or {}
            if data.get("DELETE"):
                continue
            if data.get("phone") or data.get("email") or data.get("website"):
                return True
        return False


class ServicePage(Page):
    """One service in the Local Offer, with the structured facts a parent needs at a glance."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    external_id = models.CharField(
        max_length=255,
        blank=True,
        db_index=True,
        help_text="Identifier in the system this service was imported from, if any.",
    )
    summary = models.CharField(
        max_length=300, help_text="One sentence: what the service does and who it is for."
    )
    description = RichTextField(features=RICH_TEXT_FEATURES, blank=True)
    keywords = models.CharField(
        max_length=255,
        blank=True,
        help_text="Other words families use for this service, separated by commas (e.g. respite).",
    )
    organisation = models.ForeignKey(
        "directory.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="services",
    )
    service_types = ParentalManyToManyField(
        "directory.ServiceType", blank=True, related_name="services"
    )
    needs = ParentalManyToManyField(
        "directory.Need", blank=True, related_name="services", verbose_name="SEND needs supported"
    )
    provider_type = models.ForeignKey(
        "directory.ProviderType",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="services",
    )
    min_age = models.PositiveSmallIntegerField(
        "from age", default=0, validators=[MaxValueValidator(MAX_AGE)]
    )
    max_age = models.PositiveSmallIntegerField(
        "to age", default=MAX_AGE, validators=[MaxValueValidator(MAX_AGE)]
    )
    without_parent = models.BooleanField(
        "young people can go without a parent or carer",
        default=False,
        help_text="Tick if children or young people can take part on their own, without a "
        "parent or carer staying.",
    )
    districts = ParentalManyToManyField(
        "directory.District", blank=True, related_name="services", verbose_name="districts served"
    )
    county_wide = models.BooleanField(
        default=False, help_text="Tick if the service covers the whole county."
    )
    outside_area = models.BooleanField(
        "outside the area",
        default=False,
        help_text="Tick if the service is outside the county but used by families from it.",
    )
    cost_type = models.CharField(
        "cost", max_length=10, choices=CostType.choices, default=CostType.FREE
    )
    cost_details = models.CharField(
        max_length=255,
        blank=True,
        help_text="For example: £5 a session, or who qualifies for funding.",
    )
    access_routes = ParentalManyToManyField(
        "directory.AccessRoute", blank=True, related_name="services", verbose_name="how to access"
    )
    access_details = models.TextField(
        "how to get the service", blank=True, help_text="Who can refer and what happens next."
    )
    delivery_methods = ParentalManyToManyField(
        "directory.DeliveryMethod", blank=True, related_name="services", verbose_name="delivery"
    )
    languages = ParentalManyToManyField("directory.Language", blank=True, related_name="services")
    accessibility_information = models.TextField(
        blank=True, help_text="Step-free access, quiet rooms, interpreters, easy-read material."
    )
    opening_times_note = models.CharField(
        max_length=255, blank=True, help_text="For example: closed on bank holidays."
    )
    last_reviewed = models.DateField("last checked", default=_today, null=True, blank=True)
    review_due = models.DateField(default=_a_year_from_today, null=True, blank=True)

    base_form_class = ServicePageForm

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("description"),
        FieldPanel("keywords"),
        FieldPanel("organisation"),
        MultiFieldPanel(
            [
                FieldPanel("service_types", widget=forms.CheckboxSelectMultiple),
                FieldPanel("needs", widget=forms.CheckboxSelectMultiple),
                FieldPanel("provider_type"),
            ],
            heading="What it is and who it is for",
        ),
        FieldRowPanel([FieldPanel("min_age"), FieldPanel("max_age")], heading="Age range (years)"),
        FieldPanel("without_parent"),
        MultiFieldPanel([FieldPanel("cost_type"), FieldPanel("cost_details")], heading="Cost"),
        MultiFieldPanel(
            [
                FieldPanel("access_routes", widget=forms.CheckboxSelectMultiple),
                FieldPanel("access_details"),
                FieldPanel("delivery_methods", widget=forms.CheckboxSelectMultiple),
            ],
            heading="How to get it",
        ),
    ]
    where_panels = [
        MultiFieldPanel(
            [
                FieldPanel("districts", widget=forms.CheckboxSelectMultiple),
                FieldPanel("county_wide"),
                FieldPanel("outside_area"),
            ],
            heading="Area served",
        ),
        InlinePanel("locations", heading="Locations", label="Location"),
        InlinePanel("opening_times", heading="Opening times", label="Opening time"),
        FieldPanel("opening_times_note"),
    ]
    contact_panels = [
        InlinePanel("contacts", heading="Contacts", label="Contact", min_num=0),
        FieldPanel("languages", widget=forms.CheckboxSelectMultiple),
        FieldPanel("accessibility_information"),
    ]
    review_panels = [
        FieldRowPanel([FieldPanel("last_reviewed"), FieldPanel("review_due")]),
        FieldPanel("external_id", read_only=True),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading="Content"),
            ObjectList(where_panels, heading="Where and when"),
            ObjectList(contact_panels, heading="Contact"),
            ObjectList(review_panels, heading="Review"),
            ObjectList(Page.promote_panels, heading="Promote"),
        ]
    )

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("description"),
        index.SearchField("keywords"),
        index.AutocompleteField("keywords"),
        index.RelatedFields("organisation", [index.SearchField("name")]),
        index.RelatedFields("service_types", [index.SearchField("name")]),
        index.RelatedFields("needs", [index.SearchField("name")]),
        index.FilterField("min_age"),
        index.FilterField("max_age"),
        index.FilterField("cost_type"),
        index.FilterField("county_wide"),
    ]

    parent_page_types = ["directory.DirectoryIndexPage"]
    subpage_types: list[str] = []
    exclude_fields_in_copy = ["uuid", "external_id"]

    class Meta:
        verbose_name = "service"

    def clean(self):
        super().clean()
        if self.min_age is not None and self.max_age is not None and self.min_age > self.max_age:
            raise ValidationError(
                {"max_age": "The 'to' age must be the same as or more than the 'from' age"}
            )
        if self.last_reviewed and self.last_reviewed > timezone.localdate():
            raise ValidationError(
                {"last_reviewed": "The last checked date cannot be in the future"}
            )

    @property
    def age_bands(self) -> list[str]:
        return age_bands_for(self.min_age, self.max_age)

    @property
    def age_range_label(self) -> str:
        if self.min_age == 0 and self.max_age == MAX_AGE:
            return "All ages 0 to 25"
        return f"{self.min_age} to {self.max_age} years"

    @property
    def is_overdue(self) -> bool:
        return bool(self.review_due and self.review_due < timezone.localdate())

    @property
    def area_label(self) -> str:
        if self.county_wide:
            return "County-wide"
        names = ", ".join(d.name for d in self.districts.all())
        if self.outside_area:
            return f"{names} (outside the area)" if names else "Outside the area"
        return names

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["opening_times"] = list(self.opening_times.all())
        context["locations"] = list(self.locations.all())
        context["contacts"] = list(self.contacts.all())
        return context


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
