"""Factories for the directory's pages and their contacts, locations and opening times (tests).

Taxonomy values and organisations come from the root conftest's `make_service` (by slug).

Page factories need a parent: `ServicePageFactory(parent=directory_page)`. Pages are created
live; pass `live=False` for a draft.
"""

import datetime

import factory
import wagtail_factories
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.models import PageViewRestriction

from directory.models import (
    DirectoryIndexPage,
    HomePage,
    InformationPage,
    OpeningTime,
    ServiceContact,
    ServiceLocation,
    ServicePage,
)


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
