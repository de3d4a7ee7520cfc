"""Where each page type may live: editors cannot build a tree the site cannot serve."""

import pytest
from wagtail.models import Page

from directory.factories import InformationPageFactory
from directory.models import DirectoryIndexPage, HomePage, InformationPage, ServicePage

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


def test_service_pages_only_go_under_a_directory(site_root, directory_page):
    guide = InformationPageFactory(parent=site_root)

    assert ServicePage.can_create_at(directory_page)
    assert not ServicePage.can_create_at(site_root)
    assert not ServicePage.can_create_at(guide)
    assert not ServicePage.can_create_at(Page.get_first_root_node())


def test_a_directory_holds_only_services(directory_page):
    assert directory_page.specific_class.allowed_subpage_models() == [ServicePage]


def test_services_have_no_children(make_service):
    service = make_service()

    assert ServicePage.allowed_subpage_models() == []
    for model in (HomePage, InformationPage, DirectoryIndexPage, ServicePage):
        assert not model.can_create_at(service)


def test_the_home_page_sits_at_the_root_and_there_is_only_one(site_root):
    root = Page.get_first_root_node()

    assert HomePage.allowed_parent_page_models() == [Page]
    assert not HomePage.can_create_at(root), "a second home page must not be allowed"
    assert not HomePage.can_create_at(site_root)


def test_a_home_page_can_be_created_at_the_root_when_there_is_none(db):
    root = Page.get_first_root_node()
    for child in root.get_children():
        child.delete()

    assert HomePage.can_create_at(root)


def test_information_pages_nest_under_home_and_other_information_pages(site_root, directory_page):
    guide = InformationPageFactory(parent=site_root)

    assert InformationPage.can_create_at(site_root)
    assert InformationPage.can_create_at(guide)
    assert not InformationPage.can_create_at(directory_page)
    assert not InformationPage.can_create_at(Page.get_first_root_node())


def test_directories_go_under_home_or_an_information_page(site_root, directory_page):
    guide = InformationPageFactory(parent=site_root)

    assert DirectoryIndexPage.can_create_at(site_root)
    assert DirectoryIndexPage.can_create_at(guide)
    assert not DirectoryIndexPage.can_create_at(directory_page)


def test_services_and_pages_get_urls_from_the_tree(make_service, site_root):
    service = make_service("Autism outreach")
    guide = InformationPageFactory(parent=site_root, title="Short breaks", slug="short-breaks")

    assert service.url == "/services/autism-outreach/"
    assert guide.url == "/short-breaks/"
    assert site_root.url == "/"


def test_the_tree_stays_valid_after_creating_pages(site_root, directory_page, make_service):
    for n in range(3):
        make_service(f"Service {n}")
    InformationPageFactory(parent=site_root)

    problems = Page.find_problems()
    assert all(not found for found in problems), problems
    assert Page.objects.get(pk=directory_page.pk).numchild == 3
