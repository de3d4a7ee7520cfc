"""Validation messages an editor sees, in the models and in the page editor."""

import datetime
import html

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from directory.factories import (
    OpeningTimeFactory,
    ServiceContactFactory,
    ServiceLocationFactory,
    ServicePageFactory,
)
from directory.models import ServiceType
from directory.tests.editor_forms import service_form_data
from directory.validators import normalise_postcode, validate_uk_phone, validate_uk_postcode

AGE_MESSAGE = "The 'to' age must be the same as or more than the 'from' age"
POSTCODE_MESSAGE = "Enter a real UK postcode, like ST16 2DH"
PHONE_MESSAGE = "Enter a UK phone number, like 01785 123456 or +44 1785 123456"
EMAIL_MESSAGE = "Enter a valid email address."
URL_MESSAGE = "Enter a valid URL."


def errors_of(instance, exclude=("page",)) -> dict[str, list[str]]:
    with pytest.raises(ValidationError) as caught:
        instance.full_clean(exclude=list(exclude))
    return caught.value.message_dict


@pytest.mark.parametrize("postcode", ["ST16 2DH", "st162dh", "SW1A 1AA", "M1 1AE", "GIR 0AA"])
def test_real_postcode_shapes_are_accepted(postcode):
    validate_uk_postcode(postcode)


@pytest.mark.parametrize("postcode", ["", "ST16", "12345", "ST16 2D", "ZZZZ 1AA", "ST16-2DH!"])
def test_bad_postcodes_are_refused_with_an_example(postcode):
    with pytest.raises(ValidationError) as caught:
        validate_uk_postcode(postcode)
    assert caught.value.messages == [POSTCODE_MESSAGE]


def test_postcodes_are_stored_in_the_usual_form():
    assert normalise_postcode(" st16  2dh ") == "ST16 2DH"
    assert normalise_postcode("m11ae") == "M1 1AE"


@pytest.mark.parametrize(
    "phone", ["01785 123456", "(01785) 123-456", "+44 1785 123456", "0300 123 4567"]
)
def test_uk_phone_numbers_are_accepted(phone):
    validate_uk_phone(phone)


@pytest.mark.parametrize(
    "phone", ["123", "01785", "+1 555 123 4567", "phone us", "01785 123456 ext 2"]
)
def test_bad_phone_numbers_are_refused_with_an_example(phone):
    with pytest.raises(ValidationError) as caught:
        validate_uk_phone(phone)
    assert caught.value.messages == [PHONE_MESSAGE]


@pytest.mark.django_db
def test_an_age_range_must_not_run_backwards():
    service = ServicePageFactory.build(min_age=12, max_age=5, slug="s", path="0001", depth=1)

    assert errors_of(service)["max_age"] == [AGE_MESSAGE]


@pytest.mark.django_db
def test_ages_stop_at_25():
    service = ServicePageFactory.build(min_age=0, max_age=30, slug="s", path="0001", depth=1)

    assert errors_of(service)["max_age"] == ["Ensure this value is less than or equal to 25."]


@pytest.mark.django_db
def test_a_service_cannot_have_been_checked_in_the_future():
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    service = ServicePageFactory.build(last_reviewed=tomorrow, slug="s", path="0001", depth=1)

    assert errors_of(service)["last_reviewed"] == ["The last checked date cannot be in the future"]


def test_a_contact_with_bad_details_gets_a_message_per_field():
    contact = ServiceContactFactory.build(phone="12", email="not-an-email", website="not a url")

    errors = errors_of(contact)

    assert errors["phone"] == [PHONE_MESSAGE]
    assert errors["email"] == [EMAIL_MESSAGE]
    assert errors["website"] == [URL_MESSAGE]


def test_a_location_needs_a_real_postcode_and_both_coordinates():
    location = ServiceLocationFactory.build(postcode="ST16 2D", latitude=52.8, longitude=None)

    errors = errors_of(location)

    assert errors["postcode"] == [POSTCODE_MESSAGE]


def test_a_location_with_half_its_coordinates_is_refused():
    location = ServiceLocationFactory.build(latitude=52.8, longitude=None)

    assert errors_of(location)["longitude"] == ["Enter both latitude and longitude, or neither"]


def test_coordinates_must_be_on_the_earth():
    location = ServiceLocationFactory.build(latitude=120, longitude=-200)

    errors = errors_of(location)

    assert errors["latitude"] == ["Latitude must be between -90 and 90"]
    assert errors["longitude"] == ["Longitude must be between -180 and 180"]


def test_a_location_keeps_its_postcode_in_the_usual_form():
    location = ServiceLocationFactory.build(postcode="st162dh")

    location.full_clean(exclude=["page"])

    assert location.postcode == "ST16 2DH"


def test_opening_hours_must_close_after_they_open():
    opening = OpeningTimeFactory.build(opens=datetime.time(17), closes=datetime.time(9))

    assert errors_of(opening)["closes"] == ["The closing time must be after the opening time"]


@pytest.mark.django_db
def test_the_page_editor_shows_every_message_and_keeps_the_input(client, directory_page, sign_in):
    sign_in("Moderators")
    outreach = ServiceType.objects.create(name="Outreach", slug="outreach")
    data = service_form_data(
        service_types=[outreach.pk],
        min_age="16",
        max_age="11",
        contacts=[{"name": "Team", "phone": "12", "email": "not-an-email", "website": "not a url"}],
        locations=[
            {
                "name": "Family hub",
                "address_1": "1 Market Street",
                "address_2": "",
                "town": "Stafford",
                "postcode": "ST16 2D",
                "latitude": "",
                "longitude": "",
                "accessibility_notes": "",
            }
        ],
        action="action-publish",
    )

    response = client.post(
        reverse("wagtailadmin_pages:add", args=["directory", "servicepage", directory_page.pk]),
        data,
    )

    assert response.status_code == 200
    page = html.unescape(response.content.decode())
    for message in (AGE_MESSAGE, POSTCODE_MESSAGE, PHONE_MESSAGE, EMAIL_MESSAGE, URL_MESSAGE):
        assert message in page, message
    # What the editor typed is kept for them to correct.
    assert 'value="ST16 2D"' in response.content.decode()
