"""The admin page to import services from a CSV, and the export download."""

import csv
import io

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.models import GroupPagePermission

from directory.models import ServicePage
from oruk.exporting import export_services_csv

pytestmark = pytest.mark.django_db


@pytest.fixture
def exported(full_service) -> bytes:
    output = io.StringIO()
    export_services_csv(output)
    full_service.delete()
    return output.getvalue().encode()


def upload(client, content: bytes):
    return client.post(
        reverse("oruk_import"),
        {"file": SimpleUploadedFile("services.csv", content, content_type="text/csv")},
    )


def test_upload_shows_the_report_then_creates_drafts_on_confirm(admin_client, exported):
    response = upload(admin_client, exported)
    assert response.status_code == 200
    html = response.content.decode()
    assert "What the import would do" in html
    assert "Would create 1 draft service, update 0" in html
    assert "Create drafts" in html
    assert not ServicePage.objects.exists()

    response = admin_client.post(reverse("oruk_import"), {"action": "commit"})
    assert response.status_code == 200
    assert "Import finished" in response.content.decode()
    page = ServicePage.objects.get()
    assert page.live is False
    assert page.latest_revision.user is not None


def test_report_shows_rejections_with_row_and_field(admin_client, exported):
    rows = list(csv.DictReader(io.StringIO(exported.decode())))
    rows[0]["needs"] = "autism; invented"
    output = io.StringIO()
    writer = csv.DictWriter(output, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    html = upload(admin_client, output.getvalue().encode()).content.decode()
    assert "<strong>needs</strong>: unknown value &#x27;invented&#x27;" in html
    assert "Create drafts" not in html


def test_a_file_that_is_not_the_template_is_refused(admin_client, db, directory_page):
    html = upload(admin_client, b"name,phone\nx,y\n").content.decode()
    assert "The first row must be the template&#x27;s column names" in html


def test_import_needs_permission_to_add_services(client, django_user_model, directory_page):
    user = django_user_model.objects.create_user("reader", password="pw")
    editors = Group.objects.create(name="Readers")
    editors.permissions.add(Permission.objects.get(codename="access_admin"))
    user.groups.add(editors)
    client.force_login(user)
    refused = client.get(reverse("oruk_import"))
    # Wagtail turns a refusal into a redirect to the dashboard with a message.
    assert (refused.status_code, refused.url) == (302, reverse("wagtailadmin_home"))
    GroupPagePermission.objects.create(
        group=editors, page=directory_page, permission=Permission.objects.get(codename="add_page")
    )
    assert client.get(reverse("oruk_import")).status_code == 200


def test_export_download(admin_client, full_service):
    response = admin_client.get(reverse("oruk_export"))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="services-')
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert [row["title"] for row in rows] == ["Sunflower short breaks"]


def test_menu_item_under_settings(admin_client, directory_page):
    html = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Import and export services" in html
