"""Editor freshness: the 'Services due for review' report, the dashboard panel, the headings audit."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone

from directory.admin_views import overdue_count, schedule2_coverage, services_due_for_review
from directory.factories import InformationPageFactory
from directory.models.pages import Schedule2Heading

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


def days_from_today(days: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=days)


@pytest.fixture
def editor(sign_in):
    return sign_in("Editors", first_name="Priya", last_name="Shah")


@pytest.fixture
def services(make_service, editor):
    """Two overdue services, one due soon, one fine, and an overdue draft."""
    return {
        "long_overdue": make_service(
            "Speech and language therapy", review_due=days_from_today(-40), owner=editor
        ),
        "overdue": make_service("CAMHS", review_due=days_from_today(-1)),
        "due_soon": make_service("Sensory support", review_due=days_from_today(10)),
        "fine": make_service("SENDIASS", review_due=days_from_today(200)),
        "draft": make_service("Draft service", review_due=days_from_today(-5), live=False),
    }


def report_rows(response) -> list[list[str]]:
    soup = BeautifulSoup(response.content, "html.parser")
    return [
        [cell.get_text(" ", strip=True) for cell in row.find_all("td")]
        for row in soup.select("table.listing tbody tr")
    ]


def test_the_query_lists_live_services_due_in_30_days_most_overdue_first(services):
    titles = [s.title for s in services_due_for_review()]

    assert titles == ["Speech and language therapy", "CAMHS", "Sensory support"]
    assert overdue_count() == 2


def test_the_report_shows_days_overdue_and_owner(client, services):
    response = client.get(reverse("directory_services_due_for_review"))

    assert response.status_code == 200
    rows = report_rows(response)
    assert [row[0] for row in rows] == ["Speech and language therapy", "CAMHS", "Sensory support"]
    assert rows[0][2] == "40 days overdue"
    assert rows[0][3] == "Priya Shah"
    assert rows[1][2] == "1 day overdue"
    assert rows[1][3] == "No owner"
    assert rows[2][2] == "Due soon"


def test_the_report_links_each_service_to_its_editor(client, services):
    response = client.get(reverse("directory_services_due_for_review"))

    edit_url = reverse("wagtailadmin_pages:edit", args=[services["long_overdue"].pk])
    assert f'href="{edit_url}"' in response.content.decode()


def test_the_report_says_when_nothing_is_due(client, editor, make_service):
    make_service("SENDIASS", review_due=days_from_today(200))

    response = client.get(reverse("directory_services_due_for_review"))

    assert "No services are overdue or due for review in the next 30 days." in (
        response.content.decode()
    )


def test_the_report_exports_a_spreadsheet(client, services):
    response = client.get(reverse("directory_services_due_for_review") + "?export=csv")

    assert response.status_code == 200
    lines = b"".join(response.streaming_content).decode().splitlines()
    assert lines[0] == "Service,Review due,Days overdue,Owner,Last checked"
    assert lines[1].startswith("Speech and language therapy,")
    assert ",40,Priya Shah," in lines[1]


def test_the_report_is_for_signed_in_editors_only(client, services):
    client.logout()

    response = client.get(reverse("directory_services_due_for_review"))

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


def test_the_dashboard_shows_how_many_services_are_overdue(client, services):
    response = client.get(reverse("wagtailadmin_home"))

    assert response.status_code == 200
    page = response.content.decode()
    assert "2 services overdue for review" in page
    assert "and 1 due in the next 30 days" in page
    assert reverse("directory_services_due_for_review") in page


def test_the_dashboard_says_when_nothing_is_overdue(client, editor, make_service):
    make_service("SENDIASS", review_due=days_from_today(200))

    response = client.get(reverse("wagtailadmin_home"))

    assert "No services are overdue for review" in response.content.decode()


def test_the_headings_audit_lists_missing_headings_first(client, editor, site_root):
    InformationPageFactory(
        parent=site_root, title="Short breaks", schedule2_heading=Schedule2Heading.SHORT_BREAKS
    )
    InformationPageFactory(
        parent=site_root,
        title="Draft health page",
        schedule2_heading=Schedule2Heading.HEALTH,
        live=False,
    )

    response = client.get(reverse("directory_schedule2_audit"))

    assert response.status_code == 200
    rows = report_rows(response)
    assert len(rows) == len(Schedule2Heading.choices)
    by_heading = dict((row[0], row[1]) for row in rows)
    assert by_heading[Schedule2Heading.SHORT_BREAKS.label] == "Short breaks"
    assert by_heading[Schedule2Heading.HEALTH.label] == "No published page covers this heading"
    assert rows[-1][0] == Schedule2Heading.SHORT_BREAKS.label


def test_coverage_counts_only_live_pages(site_root):
    InformationPageFactory(
        parent=site_root, title="Draft", schedule2_heading=Schedule2Heading.FORUM, live=False
    )

    coverage = {row["value"]: row["pages"] for row in schedule2_coverage()}

    assert coverage[Schedule2Heading.FORUM] == []
