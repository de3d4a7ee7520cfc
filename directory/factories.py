"""Factories for the directory's taxonomies, organisations and pages (tests and scale runs).

Page factories need a parent: `ServicePageFactory(parent=directory_page)`. Pages are created
live; pass `live=False` for a draft.
"""

import datetime

import factory
import wagtail_factories
from django.contrib.auth.models import Group
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import PageViewRestriction

from directory.models import (
    AccessRoute,
    DeliveryMethod,
    DirectoryIndexPage,
    District,
    HomePage,
    InformationPage,
    Language,
    Need,
    OpeningTime,
    Organisation,
    ProviderType,
    ServiceContact,
    ServiceLocation,
    ServicePage,
    ServiceType,
)


class TaxonomyFactory(factory.django.DjangoModelFactory):
    """A taxonomy value; the slug follows the name unless given."""

    name = factory.Sequence(lambda n: f"Value {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))

    class Meta:
        abstract = True
        django_get_or_create = ("slug",)


class ServiceTypeFactory(TaxonomyFactory):
    name = factory.Sequence(lambda n: f"Service type {n}")

    class Meta:
        model = ServiceType


class NeedFactory(TaxonomyFactory):
    name = factory.Sequence(lambda n: f"Need {n}")

    class Meta:
        model = Need


class DistrictFactory(TaxonomyFactory):
    name = factory.Sequence(lambda n: f"District {n}")

    class Meta:
        model = District


class ProviderTypeFactory(TaxonomyFactory):
    name = factory.Sequence(lambda n: f"Provider type {n}")

    class Meta:
        model = ProviderType


class AccessRouteFactory(TaxonomyFactory):
    name = factory.Sequence(lambda n: f"Access route {n}")

    class Meta:
        model = AccessRoute


class DeliveryMethodFactory(TaxonomyFactory):
    name = factory.Sequence(lambda n: f"Delivery method {n}")

    class Meta:
        model = DeliveryMethod


class LanguageFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Language {n}")
    code = factory.Sequence(lambda n: f"l{n}")

    class Meta:
        model = Language
        django_get_or_create = ("code",)


class OrganisationFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Westshire Organisation {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))
    website = "https://www.westshire.example/"
    email = "info@westshire.example"
    phone = "01785 223344"

    class Meta:
        model = Organisation
        django_get_or_create = ("slug",)


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Westshire Local Offer"
    slug = "home"
    intro = "Information and services for children and young people with SEND, aged 0 to 25."

    class Meta:
        model = HomePage


class InformationPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Information page {n}")
    summary = "What families need to know, in plain English."

    class Meta:
        model = InformationPage


class DirectoryIndexPageFactory(wagtail_factories.PageFactory):
    title = "Find a service"
    slug = "services"
    intro = "Search for services, activities and support near you."

    class Meta:
        model = DirectoryIndexPage


class ServicePageFactory(wagtail_factories.PageFactory):
    """A live service with a summary and a review date a year ahead.

    Taxonomies and child objects are passed as lists and saved with the page (modelcluster),
    e.g. `ServicePageFactory(parent=index, service_types=[short_breaks],
    contacts=[ServiceContactFactory.build()])`.
    """

    title = factory.Sequence(lambda n: f"Service {n}")
    summary = factory.LazyAttribute(lambda o: f"{o.title}: support for children and families.")
    description = "<p>What the service offers and who it helps.</p>"
    min_age = 0
    max_age = 25
    cost_type = "free"
    last_reviewed = factory.LazyFunction(timezone.localdate)
    review_due = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=365))
    first_published_at = factory.LazyFunction(timezone.now)
    last_published_at = factory.LazyAttribute(lambda o: o.first_published_at)

    class Meta:
        model = ServicePage


class ServiceContactFactory(factory.django.DjangoModelFactory):
    name = "Duty team"
    phone = "01785 123456"
    email = "team@westshire.example"
    website = "https://www.westshire.example/team"

    class Meta:
        model = ServiceContact


class ServiceLocationFactory(factory.django.DjangoModelFactory):
    name = "Stafford Family Hub"
    address_1 = "1 Market Street"
    town = "Stafford"
    postcode = "ST16 2DH"
    latitude = 52.806
    longitude = -2.115
    accessibility_notes = "Step-free entrance and a quiet room."

    class Meta:
        model = ServiceLocation


class OpeningTimeFactory(factory.django.DjangoModelFactory):
    weekday = 1
    opens = datetime.time(9, 0)
    closes = datetime.time(17, 0)

    class Meta:
        model = OpeningTime


def restrict_page(page, kind: str = "password") -> PageViewRestriction:
    """Put a Wagtail privacy restriction on `page`: "password", "login" or "groups"."""
    restriction = PageViewRestriction.objects.create(
        page=page,
        restriction_type=kind,
        password="letmein" if kind == PageViewRestriction.PASSWORD else "",
    )
    if kind == PageViewRestriction.GROUPS:
        restriction.groups.add(Group.objects.get_or_create(name="Restricted readers")[0])
    return restriction
