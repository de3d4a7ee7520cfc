"""The publish rules, through the real Wagtail page editor as a signed-in editor.

A service cannot go live without a service type, a way to contact it and a future review date;
the editor sees why, and the page stays as it was.
"""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from directory.models import ServicePage, ServiceType
from directory.tests.editor_forms import service_form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(sign_in):
    """A signed-in moderator: may add, edit and publish pages."""
    return sign_in("Moderators", first_name="Sam", last_name="Editor")


@pytest.fixture
def outreach():
    return ServiceType.objects.create(name="Outreach", slug="outreach")


def add_service_url(directory_page) -> str:
    return reverse("wagtailadmin_pages:add", args=["directory", "servicepage", directory_page.pk])


def edit_url(page) -> str:
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def test_publishing_without_a_service_type_is_refused(client, editor, directory_page):
    response = client.post(add_service_url(directory_page), service_form_data(service_types=[]))

    assert response.status_code == 200
    assert "Choose at least one service type before publishing" in response.content.decode()
    assert "The page could not be created due to validation errors" in response.content.decode()
    assert not ServicePage.objects.exists()


def test_publishing_without_a_way_to_contact_is_refused(client, editor, directory_page, outreach):
    data = service_form_data(
        service_types=[outreach.pk],
        contacts=[{"name": "Outreach team", "phone": "", "email": "", "website": ""}],
    )

    response = client.post(add_service_url(directory_page), data)

    assert response.status_code == 200
    html = response.content.decode()
    assert (
        "Add a way to contact the service (a phone number, email address or website) "
        "before publishing" in html
    )
    # Inside the contacts panel, where the Contact tab's error badge counts it.
    contacts_panel = html.split('id="tab-contact', 1)[-1]
    assert 'class="error-message"' in contacts_panel.split("Add a way to contact", 1)[0][-400:]
    assert not ServicePage.objects.exists()


def test_publishing_without_a_review_date_is_refused(client, editor, directory_page, outreach):
    data = service_form_data(service_types=[outreach.pk], review_due=None)

    response = client.post(add_service_url(directory_page), data)

    assert response.status_code == 200
    assert "Enter a review date before publishing" in response.content.decode()
    assert not ServicePage.objects.exists()


def test_publishing_with_a_past_review_date_is_refused(client, editor, make_service, outreach):
    service = make_service("Sensory support", contacts=[], locations=[], live=False)
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    data = service_form_data(
        title="Sensory support",
        slug=service.slug,
        service_types=[outreach.pk],
        review_due=yesterday,
    )

    response = client.post(edit_url(service), data)

    assert response.status_code == 200
    assert (
        "The review date has passed: publishing confirms the page was checked, "
        "so set the next review date" in response.content.decode()
    )
    assert not ServicePage.objects.get(pk=service.pk).live


def test_saving_a_draft_skips_the_publish_rules(client, editor, directory_page):
    data = service_form_data(service_types=[], contacts=[], review_due=None, action=None)

    response = client.post(add_service_url(directory_page), data)

    assert response.status_code == 302
    service = ServicePage.objects.get()
    assert not service.live
    assert service.has_unpublished_changes


def test_a_complete_service_is_published(client, editor, directory_page, outreach):
    response = client.post(
        add_service_url(directory_page), service_form_data(service_types=[outreach.pk])
    )

    assert response.status_code == 302
    service = ServicePage.objects.get()
    assert service.live
    assert list(service.service_types.all()) == [outreach]
    assert [c.phone for c in service.contacts.all()] == ["01785 123456"]
    assert client.get(service.url).status_code == 200


def test_an_overdue_draft_is_published_once_given_a_new_review_date(
    client, editor, make_service, outreach
):
    service = make_service(
        "Sensory support",
        contacts=[],
        locations=[],
        review_due=timezone.localdate() - datetime.timedelta(days=10),
        live=False,
    )
    next_year = timezone.localdate() + datetime.timedelta(days=365)
    data = service_form_data(
        title="Sensory support",
        slug=service.slug,
        service_types=[outreach.pk],
        contacts=[{"name": "", "phone": "", "email": "sensory@westshire.example", "website": ""}],
        review_due=next_year,
    )

    response = client.post(edit_url(service), data)

    assert response.status_code == 302
    service.refresh_from_db()
    assert service.live
    assert service.review_due == next_year


def test_a_service_cannot_be_added_outside_a_directory(client, editor, site_root):
    url = reverse("wagtailadmin_pages:add", args=["directory", "servicepage", site_root.pk])

    response = client.get(url, follow=True)

    assert response.redirect_chain[0] == (reverse("wagtailadmin_home"), 302)
    assert "Sorry, you do not have permission to access this area" in response.content.decode()
