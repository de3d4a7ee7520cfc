"""A service page asks the database a fixed number of times, however much the service has.

The page, its JSON-LD and the hooks other apps show on it (shortlist button, feedback link,
"was this page helpful?", "you said, we did") read the service's relations from one fetch
(`directory.models.with_details`, used when the directory routes to a service), so each relation
is one query whether the service has one contact or five.
"""

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from directory.factories import InformationPageFactory

# The site; routing to the service (the home page, the directory page's two, the service with
# its organisation and provider type); one per relation `with_details` prefetches (9);
# Wagtail's view-restriction check (2); LocalOfferSettings; the description's document and page
# links (1 + 2, Wagtail fetches each kind in bulk); "you said, we did" (view restrictions, then
# the responses about the service). The privacy notice's link is cached with the page tree.
SERVICE_PAGE_QUERIES = 22


def _service_with(make_service, site_root, n: int):
    """A service with `n` of everything a service page lists, its description linking `n`
    documents and `n` pages."""
    documents = [
        get_document_model().objects.create(
            title=f"Leaflet {i}", file=ContentFile(b"%PDF-1.4", name=f"leaflet-{n}-{i}.pdf")
        )
        for i in range(n)
    ]
    guides = [InformationPageFactory(parent=site_root, title=f"Guide {n}-{i}") for i in range(n)]
    links = "".join(
        f'<p><a linktype="document" id="{doc.pk}">{doc.title}</a> and '
        f'<a linktype="page" id="{guide.pk}">{guide.title}</a></p>'
        for doc, guide in zip(documents, guides, strict=True)
    )
    return make_service(
        f"Service with {n} of each",
        organisation="Westshire Council",
        provider_type="local-authority",
        description=f"<p>What the service offers.</p>{links}",
        service_types=[f"type-{i}" for i in range(n)],
        needs=[f"need-{i}" for i in range(n)],
        districts=[f"district-{i}" for i in range(n)],
        access_routes=[f"route-{i}" for i in range(n)],
        delivery_methods=[f"method-{i}" for i in range(n)],
        languages=[f"lang-{i}" for i in range(n)],
        contacts=[{"name": f"Team {i}", "phone": f"01785 00000{i}"} for i in range(n)],
        locations=[{"name": f"Hub {i}"} for i in range(n)],
        opening_times=[{"weekday": i + 1, "note": f"Slot {i}"} for i in range(n)],
    )


@pytest.mark.django_db
def test_service_page_query_count_is_the_same_for_one_and_five_of_each(
    client, make_service, site_root, django_assert_num_queries
):
    for n in (1, 5):
        service = _service_with(make_service, site_root, n)
        client.get(service.url)  # the first visit fills the page-tree caches every page shares

        with django_assert_num_queries(SERVICE_PAGE_QUERIES):
            response = client.get(service.url)

        assert response.status_code == 200
        html = response.content.decode()
        # Everything of each kind is on the page (and in its JSON-LD), from the one fetch.
        for i in range(n):
            for text in (f"Team {i}", f"Hub {i}", f"Slot {i}", f"Need {i}", f"Leaflet {i}"):
                assert text in html
            assert f'"name": "District {i}"' in html
        assert "Westshire Council" in html and "Local authority" in html
