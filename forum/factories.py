"""Factories for the forum's pages, teams and actions (tests and demo)."""

import datetime

import factory
import wagtail_factories

from forum.models import ForumAction, ForumIndexPage, MeetingPage, MinutesPage, Team


class ForumIndexPageFactory(wagtail_factories.PageFactory):
    title = "Parent carer forum"
    slug = "parent-carer-forum"

    class Meta:
        model = ForumIndexPage


class MeetingPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Forum meeting {n}")
    date = datetime.date(2026, 10, 14)
    start_time = datetime.time(18, 30)
    end_time = datetime.time(20, 0)
    place = "Westshire Civic Centre, Room 2"

    class Meta:
        model = MeetingPage


class MinutesPageFactory(wagtail_factories.PageFactory):
    title = factory.LazyAttribute(lambda o: "Minutes")

    class Meta:
        model = MinutesPage


class TeamFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Team {n}")
    contact_email = factory.Sequence(lambda n: f"team{n}@westshire.example")

    class Meta:
        model = Team
        django_get_or_create = ("name",)


class ForumActionFactory(factory.django.DjangoModelFactory):
    what = factory.Sequence(lambda n: f"Do thing {n}")
    team = factory.SubFactory(TeamFactory)
    due_date = datetime.date(2026, 12, 1)

    class Meta:
        model = ForumAction
