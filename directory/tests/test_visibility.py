"""One rule for what the public may see: live pages with no privacy restriction on them or on a
page above them. The sitemap and the directory's own listing follow it."""

import pytest

from directory.factories import InformationPageFactory, restrict_page
from directory.models import ServicePage
from directory.visibility import is_publicly_visible, publicly_visible

pytestmark = pytest.mark.django_db

KINDS = ["password", "login", "groups"]


@pytest.mark.parametrize("kind", KINDS)
def test_restricted_pages_and_their_descendants_are_not_visible(make_service, kind):
    private = make_service("Aiming High short breaks")
    public = make_service("Aiming Higher youth club")
    draft = make_service("Draft club", live=False)
    restrict_page(private, kind)
    assert list(publicly_visible(ServicePage.objects)) == [public]
    assert not is_publicly_visible(private)
    assert not is_publicly_visible(draft)
    assert is_publicly_visible(public)


@pytest.mark.parametrize("kind", KINDS)
def test_sitemap_leaves_out_restricted_pages(client, site_root, make_service, kind):
    private = make_service("Aiming High short breaks")
    public = make_service("Aiming Higher youth club")
    section = InformationPageFactory(parent=site_root, title="Members", slug="members")
    child = InformationPageFactory(parent=section, title="Members news", slug="news")
    restrict_page(private, kind)
    restrict_page(section, kind)
    xml = client.get("/sitemap.xml").content.decode()
    assert public.url in xml
    assert private.url not in xml
    assert "/members/" not in xml and child.url not in xml
