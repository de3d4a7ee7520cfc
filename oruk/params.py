"""Reading the API's query parameters: each bad value becomes a ParameterError naming it."""

import datetime
import math
import re
import uuid
from dataclasses import dataclass

from django.http import QueryDict
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime

from directory.validators import UK_POSTCODE_RE, normalise_postcode

DEFAULT_PER_PAGE = 20
MAX_PER_PAGE = 100
MAX_PAGE = 100_000
MAX_SEARCH_LENGTH = 200
MAX_AGE_PARAM = 150
METRES_PER_MILE = 1609.344

DAYS = {
    "MO": 1,
    "TU": 2,
    "WE": 3,
    "TH": 4,
    "FR": 5,
    "SA": 6,
    "SU": 7,
    "MONDAY": 1,
    "TUESDAY": 2,
    "WEDNESDAY": 3,
    "THURSDAY": 4,
    "FRIDAY": 5,
    "SATURDAY": 6,
    "SUNDAY": 7,
}
_TIME_RE = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?$")


class ParameterError(ValueError):
    """A query parameter the API cannot use; `parameter` names it for the client."""

    def __init__(self, parameter: str, message: str) -> None:
        super().__init__(message)
        self.parameter = parameter
        self.message = message


@dataclass(frozen=True)
class Pagination:
    page: int = 1
    per_page: int = DEFAULT_PER_PAGE


@dataclass(frozen=True)
class ServiceFilters:
    """The ORUK filters of a service listing, all AND-ed together."""

    search: str = ""
    taxonomy_term_ids: tuple[uuid.UUID, ...] = ()
    taxonomy_id: uuid.UUID | None = None
    minimum_age: int | None = None
    maximum_age: int | None = None
    day: int | None = None
    start_time: datetime.time | None = None
    end_time: datetime.time | None = None
    postcode: str = ""
    proximity_miles: float | None = None
    modified_after: datetime.datetime | None = None

    @property
    def is_empty(self) -> bool:
        return self == ServiceFilters()


def _single(params: QueryDict, name: str) -> str | None:
    values = params.getlist(name)
    if not values:
        return None
    if len(values) > 1:
        raise ParameterError(name, f"Give {name} once")
    return values[0].strip()


def _whole_number(params: QueryDict, name: str, low: int, high: int) -> int | None:
    raw = _single(params, name)
    if raw is None or raw == "":
        return None
    if not re.fullmatch(r"[+-]?[0-9]+", raw):
        raise ParameterError(name, f"{name} must be a whole number")
    if len(raw.lstrip("+-").lstrip("0")) > len(str(high)):  # too long to be in range
        raise ParameterError(name, f"{name} must be between {low} and {high}")
    value = int(raw)
    if value < low or value > high:
        raise ParameterError(name, f"{name} must be between {low} and {high}")
    return value


def parse_pagination(params: QueryDict) -> Pagination:
    """`page` (from 1) and `per_page` (1 to 100; larger values are capped at 100)."""
    page = _whole_number(params, "page", 1, MAX_PAGE) or 1
    per_page = _whole_number(params, "per_page", 1, 10**9) or DEFAULT_PER_PAGE
    return Pagination(page=page, per_page=min(per_page, MAX_PER_PAGE))


def parse_uuid(value: str, parameter: str) -> uuid.UUID:
    """A UUID, or a ParameterError naming the parameter (or path segment) it came from."""
    try:
        return uuid.UUID(value.strip())
    except (ValueError, AttributeError):
        raise ParameterError(parameter, f"{parameter} must be a UUID") from None


def _age(params: QueryDict, name: str) -> int | None:
    raw = _single(params, name)
    if raw is None or raw == "":
        return None
    try:
        value = float(raw)
    except ValueError:
        raise ParameterError(name, f"{name} must be a number of years") from None
    if not math.isfinite(value) or value < 0 or value > MAX_AGE_PARAM:
        raise ParameterError(name, f"{name} must be between 0 and {MAX_AGE_PARAM}")
    return int(value)


def _time(params: QueryDict, name: str) -> datetime.time | None:
    raw = _single(params, name)
    if raw is None or raw == "":
        return None
    match = _TIME_RE.match(raw)
    if not match:
        raise ParameterError(name, f"{name} must be a time like 09:30 or 09:30:00")
    hour, minute, second = match.groups()
    return datetime.time(int(hour), int(minute), int(second or 0))


def _day(params: QueryDict) -> int | None:
    raw = _single(params, "day")
    if raw is None or raw == "":
        return None
    day = DAYS.get(raw.upper())
    if day is None and raw in {"1", "2", "3", "4", "5", "6", "7"}:
        day = int(raw)
    if day is None:
        raise ParameterError("day", "day must be a weekday such as MO, TU or Monday")
    return day


def _modified_after(params: QueryDict) -> datetime.datetime | None:
    raw = _single(params, "modified_after")
    if raw is None or raw == "":
        return None
    try:
        value = parse_datetime(raw.replace(" ", "+"))
        if value is None:
            day = parse_date(raw)
            value = datetime.datetime.combine(day, datetime.time()) if day else None
    except ValueError:
        value = None
    if value is None:
        raise ParameterError(
            "modified_after", "modified_after must be a date or datetime like 2026-01-31T09:00:00Z"
        )
    if timezone.is_naive(value):
        value = value.replace(tzinfo=datetime.UTC)
    try:  # the database compares in UTC: 9999-12-31T23:59:59-12:00 is past the last datetime
        value = value.astimezone(datetime.UTC)
    except OverflowError:
        value = None
    if value is None or not 1 < value.year < 9999:
        raise ParameterError("modified_after", "modified_after must be between 0002 and 9998")
    return value


def _term_ids(params: QueryDict) -> tuple[uuid.UUID, ...]:
    ids = []
    for raw in params.getlist("taxonomy_term_id"):
        ids += [parse_uuid(part, "taxonomy_term_id") for part in raw.split(",") if part.strip()]
    return tuple(dict.fromkeys(ids))


def parse_service_filters(params: QueryDict) -> ServiceFilters:
    """The ORUK service filters from a query string, checked."""
    search = (_single(params, "search") or "").replace("\x00", "")[:MAX_SEARCH_LENGTH]
    taxonomy_id = _single(params, "taxonomy_id")
    minimum_age = _age(params, "minimum_age")
    maximum_age = _age(params, "maximum_age")
    if minimum_age is not None and maximum_age is not None and minimum_age > maximum_age:
        raise ParameterError("maximum_age", "maximum_age must not be less than minimum_age")
    start_time = _time(params, "start_time")
    end_time = _time(params, "end_time")
    if start_time and end_time and end_time <= start_time:
        raise ParameterError("end_time", "end_time must be after start_time")
    postcode = _single(params, "postcode") or ""
    if postcode:
        postcode = normalise_postcode(postcode)
        if not UK_POSTCODE_RE.match(postcode):
            raise ParameterError("postcode", "postcode must be a UK postcode like ST16 2DH")
    proximity = _single(params, "proximity")
    proximity_miles = None
    if proximity:
        try:
            metres = float(proximity)
        except ValueError:
            raise ParameterError("proximity", "proximity must be a distance in metres") from None
        if not math.isfinite(metres) or metres <= 0 or metres > 1_000_000:
            raise ParameterError("proximity", "proximity must be between 1 and 1000000 metres")
        if not postcode:
            raise ParameterError("proximity", "proximity needs a postcode to measure from")
        proximity_miles = metres / METRES_PER_MILE
    return ServiceFilters(
        search=search,
        taxonomy_term_ids=_term_ids(params),
        taxonomy_id=parse_uuid(taxonomy_id, "taxonomy_id") if taxonomy_id else None,
        minimum_age=minimum_age,
        maximum_age=maximum_age,
        day=_day(params),
        start_time=start_time,
        end_time=end_time,
        postcode=postcode,
        proximity_miles=proximity_miles,
        modified_after=_modified_after(params),
    )
