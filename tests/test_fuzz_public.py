"""Property-based requests to every public address and form: arbitrary strings, unicode,
numbers and lengths never give a server error, and the API always answers JSON with CORS.

Bounded: a few dozen examples per test, no deadline (the machine may be busy); the whole file
runs in well under a minute. The ORUK API's own parameters are also fuzzed from its OpenAPI
document by oruk/tests/test_fuzz.py.
"""

import pytest
from django.core.cache import cache
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from directory.factories import InformationPageFactory
from feedback.forms import FeedbackForm

# NUL and overflow errors differ by database: run again on PostgreSQL by `make test`.
pytestmark = [pytest.mark.django_db, pytest.mark.postgres]

FUZZ = settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# Text a URL or form can carry: any unicode but lone surrogates (not encodable as UTF-8).
TEXT = st.text(st.characters(exclude_categories=["Cs"]), max_size=300)
VALUES = st.one_of(
    TEXT,
    st.integers().map(str),
    st.from_regex(r"\A[0-9]{20,5000}\Z"),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
    st.sampled_from(["", " ", "\x00", '"', "'", "%", "²", "٣", "-1", "0", "1e309", "NaN"]),
    st.uuids().map(str),
    st.just("x" * 20_000),
)

SITE_PARAMS = {
    "/": ["q", "page", "helpful"],
    "/services/": [
        "q",
        "postcode",
        "distance",
        "age",
        "sort",
        "page",
        "type",
        "need",
        "district",
        "provider",
        "access",
        "delivery",
        "age_band",
    ],
    "/search/": ["q"],
    "/search/suggest/": ["q"],
    "/shortlist/": [],
    "/shortlist/shared/": ["ids"],
    "/feedback/": ["service", "page"],
    "/feedback/young-people/": ["age", "step"],
    "/feedback/thank-you/": [],
    "/sitemap.xml": ["p"],
}
API_PARAMS = {
    "/api/oruk/services": [
        "search",
        "taxonomy_term_id",
        "taxonomy_id",
        "minimum_age",
        "maximum_age",
        "day",
        "start_time",
        "end_time",
        "postcode",
        "proximity",
        "modified_after",
        "page",
        "per_page",
    ],
    "/api/oruk/service_at_locations": ["search", "postcode", "proximity", "page", "per_page"],
    "/api/oruk/taxonomies": ["page", "per_page"],
    "/api/oruk/taxonomy_terms": ["taxonomy_id", "page", "per_page"],
}
FORMS = {
    "/feedback/": list(FeedbackForm.base_fields),
    "/feedback/young-people/": ["age", "rating", "comment", "helped_by_parent", "email", "started"],
    "/feedback/helpful/": ["page", "helpful"],
    "/feedback/helpful/missing/": ["page", "comment", "started", "website"],
    "/shortlist/": ["email"],
    "/shortlist/add/": ["service", "next"],
    "/shortlist/remove/": ["service", "next"],
}
PATHS = [
    "/api/oruk/services/{}",
    "/api/oruk/service_at_locations/{}",
    "/api/oruk/taxonomies/{}",
    "/api/oruk/taxonomy_terms/{}",
    "/feedback/service/{}/",
    "/services/{}/",
]


@pytest.fixture
def site(site_root, directory_page, make_service):
    InformationPageFactory(parent=site_root, title="Autism support", summary="Help with autism.")
    make_service("Autism family support", summary="Autism advice.", needs=["autism"])
    return Client(raise_request_exception=False)


def params_for(names: list[str]):
    return st.dictionaries(st.sampled_from(names or ["x"]), VALUES, max_size=4)


def assert_answered(response, url: str) -> None:
    assert response.status_code < 500, (url, response.status_code)
    if url.startswith("/api/"):
        assert response["Content-Type"] == "application/json", url
        assert response["Access-Control-Allow-Origin"] == "*", url


@FUZZ
@pytest.mark.parametrize("params", [SITE_PARAMS, API_PARAMS], ids=["pages", "api"])
@given(data=st.data())
def test_public_pages_and_the_api_never_fail(site, params, data):
    """Never a server error; the API always answers JSON with CORS (see assert_answered)."""
    url = data.draw(st.sampled_from(sorted(params)))
    response = site.get(url, data.draw(params_for(params[url])))
    assert_answered(response, url)


@FUZZ
@given(path=st.sampled_from(PATHS), part=VALUES.filter(lambda v: "/" not in v and v.strip()))
def test_ids_in_paths_never_fail(site, path, part):
    url = path.format(part)
    assert_answered(site.get(url), url)


@FUZZ
@given(data=st.data())
def test_public_forms_never_fail(site, data):
    cache.clear()  # rate limits would otherwise answer most posts before the form is read
    url = data.draw(st.sampled_from(sorted(FORMS)))
    response = site.post(url, data.draw(params_for(FORMS[url])))
    assert_answered(response, url)
