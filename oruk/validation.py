"""Checking ORUK objects against the profile's JSON schemas (our output and imported feeds).

The schema files refer to one another by relative names (`"$ref": "schedule.json"`); each is
registered under its published address so those references resolve offline.
"""

import datetime
import functools
import urllib.parse

from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from .openapi import PUBLISHED_SCHEMA_BASE, schema_file, schema_names

format_checker = FormatChecker()


@format_checker.checks("date-time", raises=ValueError)
def _is_datetime(value: object) -> bool:
    if not isinstance(value, str):
        return True
    parsed = datetime.datetime.fromisoformat(value.replace("Z", "+00:00"))
    return parsed.tzinfo is not None and "T" in value


@format_checker.checks("uri", raises=ValueError)
def _is_uri(value: object) -> bool:
    if not isinstance(value, str):
        return True
    parts = urllib.parse.urlsplit(value)
    return bool(parts.scheme and (parts.netloc or parts.scheme in ("mailto", "tel", "urn")))


@functools.cache
def schema_registry() -> Registry:
    """Every shipped schema file, under its published address."""
    resources = [
        (
            PUBLISHED_SCHEMA_BASE + name,
            Resource.from_contents(schema_file(name), default_specification=DRAFT202012),
        )
        for name in schema_names()
    ]
    return Registry().with_resources(resources)


@functools.cache
def validator_for(name: str) -> Draft202012Validator:
    """A validator for one schema file, e.g. `service.json` or `compiled/service_list.json`."""
    return Draft202012Validator(
        {"$ref": PUBLISHED_SCHEMA_BASE + name},
        registry=schema_registry(),
        format_checker=format_checker,
    )


def schema_errors(data: object, name: str) -> list[str]:
    """Human-readable reasons why `data` does not match the schema (empty if it does)."""
    errors = sorted(validator_for(name).iter_errors(data), key=lambda e: list(e.absolute_path))
    return [
        f"{'/'.join(str(p) for p in error.absolute_path) or '(top)'}: {error.message}"
        for error in errors
    ]
