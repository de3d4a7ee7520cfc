"""Reading one row of the services spreadsheet: each column checked, every problem collected.

`RowReader` turns the text of a row into field values, taxonomy terms and contacts, locations
and opening times, recording a `Problem` (column and what to fix) for each value it cannot use.
"""

import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator

from directory.models import Language, ServicePage
from directory.models.pages import MAX_AGE
from directory.validators import normalise_postcode, validate_uk_phone, validate_uk_postcode

from .spreadsheet import CONTACT_FIELDS, LOCATION_FIELDS, SEPARATOR

if TYPE_CHECKING:
    from .importing import Lookups

YES = {"yes", "y", "true", "1"}
NO = {"no", "n", "false", "0", ""}
DAYS = {
    name: number
    for number, names in {
        1: ("monday", "mon", "mo"),
        2: ("tuesday", "tue", "tues", "tu"),
        3: ("wednesday", "wed", "we"),
        4: ("thursday", "thu", "thurs", "th"),
        5: ("friday", "fri", "fr"),
        6: ("saturday", "sat", "sa"),
        7: ("sunday", "sun", "su"),
    }.items()
    for name in names
}
_OPENING_SPLIT_RE = re.compile(r";\s*(?=[A-Za-z]+\s+\d{1,2}:\d{2}\s*-)")
# A numbered column group: `contact_1_phone`, `location_2_postcode`.
_NUMBERED_RE = re.compile(r"^(?:contact|location)_([0-9]{1,3})_")
_OPENING_RE = re.compile(
    r"^(?P<day>[A-Za-z]+)\s+(?P<opens>\d{1,2}:\d{2})\s*-\s*(?P<closes>\d{1,2}:\d{2})\s*(?P<note>.*)$"
)


@dataclass
class Problem:
    """Why a row cannot be imported: the column and what to fix."""

    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.field}: {self.message}"


class RowReader:
    """Reads one spreadsheet row into a service page, collecting every problem on the way."""

    def __init__(self, row: dict[str, str], lookups: "Lookups") -> None:
        self.row = {(k or "").strip(): (v or "").strip() for k, v in row.items()}
        self.lookups = lookups
        self.problems: list[Problem] = []

    def problem(self, column: str, message: str) -> None:
        self.problems.append(Problem(column, message))

    def text(self, column: str, *, required: bool = False, max_length: int | None = None) -> str:
        value = self.row.get(column, "")
        if required and not value:
            self.problem(column, "is required")
        if max_length and len(value) > max_length:
            self.problem(column, f"must be {max_length} characters or fewer (it has {len(value)})")
        return value

    def field_text(self, column: str, *, required: bool = False) -> str:
        max_length = ServicePage._meta.get_field(column).max_length
        return self.text(column, required=required, max_length=max_length)

    def boolean(self, column: str) -> bool:
        value = self.row.get(column, "").lower()
        if value in YES:
            return True
        if value not in NO:
            self.problem(column, f"must be yes or no, not {value!r}")
        return False

    def age(self, column: str, default: int) -> int:
        value = self.row.get(column, "")
        if value == "":
            return default
        if not re.fullmatch(r"[0-9]{1,3}", value) or int(value) > MAX_AGE:
            self.problem(column, f"must be a whole number of years from 0 to {MAX_AGE}")
            return default
        return int(value)

    def date(self, column: str) -> datetime.date | None:
        value = self.row.get(column, "")
        if not value:
            return None
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            self.problem(column, f"must be a date like 2026-03-31, not {value!r}")
            return None

    def slugs(self, column: str) -> list[str]:
        return [s.strip() for s in self.row.get(column, "").split(SEPARATOR) if s.strip()]

    def terms(self, column: str) -> list:
        known = self.lookups.terms[column]
        values = []
        for slug in self.slugs(column):
            if slug in known:
                values.append(known[slug])
            else:
                self.problem(
                    column,
                    f"unknown value {slug!r}; use the slugs listed in Snippets "
                    f"({', '.join(sorted(known)) or 'none yet'})",
                )
        return values

    def languages(self) -> list[Language]:
        values = []
        for code in self.slugs("languages"):
            language = self.lookups.languages.get(code.lower())
            if language is None:
                self.problem("languages", f"unknown language code {code!r}")
            else:
                values.append(language)
        return values

    def numbered(self, prefix: str, fields: list[str]) -> list[tuple[int, dict[str, str]]]:
        numbers = sorted(
            {
                int(match.group(1))
                for key in self.row
                if key.startswith(f"{prefix}_") and (match := _NUMBERED_RE.match(key))
            }
        )
        groups = []
        for number in numbers:
            values = {f: self.row.get(f"{prefix}_{number}_{f}", "") for f in fields}
            if any(values.values()):
                groups.append((number, values))
        return groups

    def contacts(self) -> list[dict]:
        contacts = []
        for number, values in self.numbered("contact", CONTACT_FIELDS):
            column = f"contact_{number}_"
            checks: list[tuple[str, Callable]] = [
                ("phone", validate_uk_phone),
                ("email", EmailValidator()),
                ("website", URLValidator(schemes=["http", "https"])),
            ]
            for name, validator in checks:
                if values[name]:
                    try:
                        validator(values[name])
                    except ValidationError as error:
                        self.problem(column + name, error.messages[0])
            contacts.append(values)
        return contacts

    def locations(self) -> list[dict]:
        places = []
        for number, values in self.numbered("location", LOCATION_FIELDS):
            column = f"location_{number}_"
            for name in ("name", "address_1", "town", "postcode"):
                if not values[name]:
                    self.problem(column + name, "is required for a location")
            if values["postcode"]:
                try:
                    validate_uk_postcode(values["postcode"])
                    values["postcode"] = normalise_postcode(values["postcode"])
                except ValidationError as error:
                    self.problem(column + "postcode", error.messages[0])
            for name, limit in (("latitude", 90), ("longitude", 180)):
                raw = values[name]
                values[name] = None
                if raw:
                    try:
                        number_value = float(raw)
                    except ValueError:
                        number_value = None
                    if number_value is None or not -limit <= number_value <= limit:
                        self.problem(column + name, f"must be a number from -{limit} to {limit}")
                    else:
                        values[name] = number_value
            if (values["latitude"] is None) != (values["longitude"] is None):
                self.problem(column + "longitude", "give both latitude and longitude, or neither")
            places.append(values)
        return places

    def opening_times(self) -> list[dict]:
        openings = []
        # A note may itself contain ";", so split only where the next opening time starts.
        value = self.row.get("opening_times", "")
        for part in filter(None, (p.strip() for p in _OPENING_SPLIT_RE.split(value))):
            match = _OPENING_RE.match(part)
            day = DAYS.get(match.group("day").lower()) if match else None
            try:
                opens = (
                    datetime.time.fromisoformat(match.group("opens").zfill(5)) if match else None
                )
                closes = (
                    datetime.time.fromisoformat(match.group("closes").zfill(5)) if match else None
                )
            except ValueError:
                opens = closes = None
            if day is None or opens is None or closes is None:
                self.problem(
                    "opening_times", f"{part!r} should look like 'Monday 09:00-17:00 note'"
                )
                continue
            if closes <= opens:
                self.problem("opening_times", f"{part!r} closes before it opens")
                continue
            note = match.group("note").strip()
            if len(note) > 100:
                self.problem("opening_times", f"the note of {part!r} is over 100 characters")
            openings.append({"weekday": day, "opens": opens, "closes": closes, "note": note})
        return openings
