"""Property-based requests generated from our served OpenAPI document: never a server error.

Schemathesis reads the document from the WSGI app and calls the app directly (no server), with
generated values for every parameter of every endpoint. Bounded by `MAX_EXAMPLES` per endpoint
so the whole run stays well under a minute.
"""

import pytest
import schemathesis
from django.core.wsgi import get_wsgi_application
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error

MAX_EXAMPLES = 80

pytestmark = pytest.mark.django_db


def test_no_generated_request_gets_a_server_error(full_service, bare_service, api_paths):
    schema = schemathesis.openapi.from_wsgi("/api/oruk/openapi.json", get_wsgi_application())
    operations = [result.ok() for result in schema.get_all_operations()]
    assert {op.path for op in operations} == api_paths
    statuses: dict[str, set[int]] = {}
    for operation in operations:
        fuzz(operation, statuses.setdefault(operation.path, set()))
    # The generated requests reached real answers, not only rejections.
    assert 200 in statuses["/services"]
    assert 400 in statuses["/services"]


def fuzz(operation, statuses: set[int]) -> None:
    """Call one endpoint with generated requests; fail on any server error."""

    @given(case=operation.as_strategy())
    @settings(
        max_examples=MAX_EXAMPLES,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    def call(case):
        response = case.call()
        case.validate_response(response, checks=[not_a_server_error])
        assert response.headers["access-control-allow-origin"] == ["*"]
        if response.status_code >= 400:
            assert response.json()["error"] in {"invalid_parameter", "not_found"}
        statuses.add(response.status_code)

    call()
