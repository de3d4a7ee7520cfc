"""Admin screens for sessions, the alert link on a directory search, and the account hooks."""

import datetime

import pytest
from django.urls import reverse
from wagtail import hooks

from parent_update.models import SearchAlert, ServiceSession, Subscriber

pytestmark = pytest.mark.django_db


def test_editors_add_a_weekly_session_with_a_service_chooser(admin_client, make_service):
    service = make_service("Youth club")
    index = admin_client.get(reverse("sessions:index"))
    assert index.status_code == 200
    add = admin_client.get(reverse("sessions:add"))
    assert add.status_code == 200
    data = {
        "service": service.pk,
        "title": "Friday club",
        "date": "2026-12-04",
        "starts_at": "18:00",
        "ends_at": "17:00",
        "repeats_weekly": "on",
        "when": "term",
    }
    response = admin_client.post(reverse("sessions:add"), data)
    assert response.status_code == 200  # errors: ends before it starts, no last date
    assert b"The session must end after it starts" in response.content
    assert b"Enter the last date" in response.content
    data.update(ends_at="20:00", repeat_until="2027-03-26")
    response = admin_client.post(reverse("sessions:add"), data)
    assert response.status_code == 302
    assert ServiceSession.objects.get().repeat_until == datetime.date(2027, 3, 26)
    assert admin_client.get(reverse("holidays:index")).status_code == 200
    assert admin_client.get(reverse("parent_update_sendings:index")).status_code == 200


def test_a_directory_search_offers_an_alert(client, directory_page, make_service):
    make_service("Swimming club")
    response = client.get(directory_page.url, {"q": "swimming", "page": "2"})
    assert b"Email me when a new service matches this search" in response.content
    assert b"/parent-update/alerts/new/?q=swimming" in response.content
    assert b"Email me when a new service" not in client.get(directory_page.url).content


def _hook(name):
    return [fn for fn in hooks.get_hooks(name) if fn.__module__ == "parent_update.wagtail_hooks"][0]


def test_account_hooks_list_export_and_erase(rf, django_user_model, site_root):
    user = django_user_model.objects.create_user("parent", email="parent@example.org")
    Subscriber.objects.create(email="parent@example.org", topics=["news"])
    SearchAlert.objects.create(email="parent@example.org", query_string="q=swimming")
    request = rf.get("/accounts/")
    request.user = user
    html = _hook("account_sections")(request)
    assert "You get the SEND Parent Update" in html
    assert "services matching" in html and "Stop this alert" in html
    export = _hook("account_data_export")(user)
    assert export["items"][0]["SEND Parent Update"] == "parent@example.org"
    assert export["items"][1]["Search alert"] == "q=swimming"
    _hook("account_deleted")(user)
    assert not Subscriber.objects.exists()
    assert not SearchAlert.objects.exists()
