"""The profile's OpenAPI document and JSON schemas, as shipped in `oruk/schema/`."""

import copy
import functools
import json
from pathlib import Path

from django.http import HttpRequest
from django.urls import reverse

SCHEMA_DIR = Path(__file__).resolve().parent / "schema"
# The profile's documents refer to each other by these published addresses.
PUBLISHED_SCHEMA_BASE = "https://raw.githubusercontent.com/openreferral/uk-profile/main/schema/"


@functools.cache
def _load(relative: str) -> dict:
    return json.loads((SCHEMA_DIR / relative).read_text(encoding="utf-8"))


def schema_names() -> list[str]:
    """The schema files we ship, as paths relative to the schema folder."""
    return sorted(
        str(path.relative_to(SCHEMA_DIR))
        for path in SCHEMA_DIR.rglob("*.json")
        if path.name != "openapi.json"
    )


def schema_file(relative: str) -> dict | None:
    """One shipped schema file, or None if there is no such file."""
    if relative not in schema_names():
        return None
    return copy.deepcopy(_load(relative))


def openapi_path() -> str:
    return reverse("oruk:openapi")


def _point_refs_at(value, base: str):
    if isinstance(value, dict):
        return {
            key: (
                base + item[len(PUBLISHED_SCHEMA_BASE) :]
                if key == "$ref"
                and isinstance(item, str)
                and item.startswith(PUBLISHED_SCHEMA_BASE)
                else _point_refs_at(item, base)
            )
            for key, item in value.items()
        }
    if isinstance(value, list):
        return [_point_refs_at(item, base) for item in value]
    return value


def _corrected(document: dict) -> dict:
    """Fix the profile document's slips that stop OpenAPI tools from reading it.

    `"type": "time"` is not an OpenAPI type (a string in `time` format is meant), `datetime`
    is spelt `date-time`, and `/service_at_locations/{id}` names the service schema where it
    means the service_at_location one.
    """
    parameters = document["components"]["parameters"]
    for name in ("start_time", "end_time"):
        if parameters[name]["schema"].get("type") == "time":
            parameters[name]["schema"] = {"type": "string", "format": "time"}
    if parameters["modified_after"]["schema"].get("format") == "datetime":
        parameters["modified_after"]["schema"]["format"] = "date-time"
    detail = document["paths"]["/service_at_locations/{id}"]["get"]["responses"]["200"]
    schema = detail["content"]["application/json"]["schema"]
    if schema.get("$ref", "").endswith("compiled/service.json"):
        schema["$ref"] = PUBLISHED_SCHEMA_BASE + "compiled/service_at_location.json"
    return document


def document_for(request: HttpRequest) -> dict:
    """The OpenAPI document with this site as its server and its schema references served here."""
    document = _corrected(copy.deepcopy(_load("openapi.json")))
    api_root = request.build_absolute_uri(reverse("oruk:api_info")).rstrip("/")
    document["servers"] = [{"url": api_root, "description": "This Local Offer"}]
    schema_base = request.build_absolute_uri(reverse("oruk:schema_file", args=["x.json"]))
    return _point_refs_at(document, schema_base[: -len("x.json")])
