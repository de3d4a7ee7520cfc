"""The directory page and its service pages (contacts, places and times: service_details.py)."""

import uuid

from django import forms
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils import timezone
from modelcluster.fields import ParentalManyToManyField
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
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from directory.blocks import RICH_TEXT_FEATURES
from directory.hooks import DIRECTORY_INDEX_CONTEXT
from directory.model_fields import optional_link
from directory.models.pages import MAX_AGE, CostType, _a_year_from_today, _today, age_bands_for
from directory.visibility import publicly_visible


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

    def route(self, request, path_components):
        """A service is fetched with everything its page shows (`with_details`)."""
        if len(path_components) == 1:
            services = with_details(ServicePage.objects.child_of(self))
            service = services.filter(slug=path_components[0]).first()
            if service is not None:
                service._cached_parent_obj = self  # as Page.route does: no query for the parent
                return service.route(request, [])
        return super().route(request, path_components)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        for fn in hooks.get_hooks(DIRECTORY_INDEX_CONTEXT):
            fn(request, self, context)
        if "services" not in context:
            paginator = Paginator(self.services(), self.page_size)
            context["services"] = paginator.get_page(request.GET.get("page"))
        return context


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
    organisation = optional_link("directory.Organisation", related_name="services")
    service_types = ParentalManyToManyField(
        "directory.ServiceType", blank=True, related_name="services"
    )
    needs = ParentalManyToManyField(
        "directory.Need", blank=True, related_name="services", verbose_name="SEND needs supported"
    )
    provider_type = optional_link("directory.ProviderType", related_name="services")
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


def with_details(services: models.QuerySet) -> models.QuerySet:
    """Services with everything shown of each (its page and JSON-LD, the Open Referral API and
    spreadsheet) fetched in bulk: one query for the pages with their organisation and provider
    type, then one for each relation, however many rows it has. (Previews are not fetched:
    they show their unsaved relations.)"""
    return services.select_related("organisation", "provider_type").prefetch_related(
        "service_types",
        "needs",
        "districts",
        "access_routes",
        "delivery_methods",
        "languages",
        "contacts",
        "locations",
        "opening_times",
    )
