"""Reading import sources: the CSV template, and ORUK 3.0 JSON feeds from a file or a URL.

An ORUK feed may be one fully nested service, a list of them, or a page of the profile's
`/services` listing (`contents`); from a URL, the further pages of a listing are fetched too.
Each ORUK service is checked against the profile's `service.json` schema and turned into a
spreadsheet row, so both formats share one set of checks (`importing.plan_import`).
"""

import codecs
import csv
import io
import json
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from directory.exports import csv_unsafe
from directory.models.pages import MAX_AGE, CostType

from .importing import Problem
from .spreadsheet import SEPARATOR
from .validation import schema_errors
from .vocabularies import VOCABULARIES

FETCH_TIMEOUT_SECONDS = 30
MAX_FEED_PAGES = 500
# Limits on one spreadsheet upload, so a preview stays well inside a request's time.
MAX_CSV_BYTES = 10 * 1024 * 1024
MAX_CSV_ROWS = 5000
WEEKDAY_NAMES = {
    "MO": "Monday",
    "TU": "Tuesday",
    "WE": "Wednesday",
    "TH": "Thursday",
    "FR": "Friday",
    "SA": "Saturday",
    "SU": "Sunday",
}
SUMMARY_LENGTH = 300


class SourceError(Exception):
    """The source cannot be read at all (missing file, bad JSON, unreachable URL)."""


@dataclass
class Rows:
    """Rows to import, numbered from 1 (CSV rows count the header as row 1)."""

    rows: list[tuple[int, dict[str, str]]] = field(default_factory=list)
    notes: dict[int, list[str]] = field(default_factory=dict)
    problems: dict[int, list[Problem]] = field(default_factory=dict)


def is_url(source: str) -> bool:
    return urllib.parse.urlsplit(source).scheme in ("http", "https", "file")


def read_source(source: str) -> bytes:
    """The bytes of a file path or an http(s)/file URL."""
    if is_url(source):
        try:
            with urllib.request.urlopen(source, timeout=FETCH_TIMEOUT_SECONDS) as response:  # noqa: S310 (scheme checked above)
                return response.read()
        except (OSError, ValueError) as error:
            raise SourceError(f"Could not fetch {source}: {error}") from error
    try:
        return Path(source).read_bytes()
    except OSError as error:
        raise SourceError(f"Could not read {source}: {error.strerror or error}") from error


def decode_csv(data: bytes) -> str:
    """The text of a CSV file: UTF-16 with a byte order mark, UTF-8 (with or without one), or
    Windows-1252 (spreadsheets saved as "CSV" on Windows). Decode once and keep the text."""
    if len(data) > MAX_CSV_BYTES:
        raise SourceError(f"The file must be smaller than {MAX_CSV_BYTES // (1024 * 1024)} MB")
    try:
        if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            text = data.decode("utf-16")
        else:
            try:
                text = data.decode("utf-8-sig")
            except UnicodeDecodeError:
                text = data.decode("cp1252")
    except UnicodeDecodeError as error:
        raise SourceError("The file is not UTF-8, UTF-16 or Windows text") from error
    return text


def csv_rows(data: bytes | str) -> Rows:
    """Rows of the spreadsheet template (bytes, or text from `decode_csv`); row numbers as a
    spreadsheet shows them. At most MAX_CSV_ROWS rows; a row csv cannot read is an error naming it.
    """
    text = data if isinstance(data, str) else decode_csv(data)
    if "\x00" in text:
        raise SourceError(
            "The file contains NUL characters: it may not be a CSV file. Save it from your "
            "spreadsheet as “CSV UTF-8” and upload it again"
        )
    reader = csv.DictReader(io.StringIO(text))
    rows = Rows()
    number = 1
    try:
        if not reader.fieldnames or "external_id" not in reader.fieldnames:
            raise SourceError("The first row must be the template's column names, with external_id")
        for number, row in enumerate(reader, start=2):
            if any((value or "").strip() for value in row.values() if isinstance(value, str)):
                if len(rows.rows) >= MAX_CSV_ROWS:
                    raise SourceError(
                        f"The file has more than {MAX_CSV_ROWS:,} services: split it into files "
                        f"of {MAX_CSV_ROWS:,} rows or fewer and upload them one by one"
                    )
                # Undo the export's formula escaping: a round trip keeps the original text.
                rows.rows.append((number, _unescaped(row)))
    except csv.Error as error:
        if "field larger than field limit" in str(error):
            message = f"a value is longer than {csv.field_size_limit():,} characters"
        else:
            message = str(error)
        raise SourceError(f"Row {number + 1}: {message}") from error
    return rows


def _unescaped(row: dict) -> dict:
    """The row's cells (extra unnamed cells dropped) with the export's escaping undone."""
    return {
        key: csv_unsafe(value) if value and value[0] == "'" else value
        for key, value in row.items()
        if key is not None
    }


def _services_in(document) -> tuple[list[dict], int]:
    if isinstance(document, list):
        return document, 1
    if isinstance(document, dict) and isinstance(document.get("contents"), list):
        return document["contents"], int(document.get("total_pages") or 1)
    if isinstance(document, dict):
        return [document], 1
    raise SourceError("The feed is not an ORUK service, list of services or page of services")


def _parse_json(data: bytes, source: str):
    try:
        return json.loads(data)
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise SourceError(f"{source} is not JSON: {error}") from error


def _page_url(url: str, number: int) -> str:
    parts = urllib.parse.urlsplit(url)
    query = dict(urllib.parse.parse_qsl(parts.query))
    query["page"] = str(number)
    return urllib.parse.urlunsplit(parts._replace(query=urllib.parse.urlencode(query)))


def oruk_services(source: str) -> list[dict]:
    """Every service object of a feed, following a paginated listing's pages from a URL."""
    services, total_pages = _services_in(_parse_json(read_source(source), source))
    if is_url(source) and total_pages > 1:
        for number in range(2, min(total_pages, MAX_FEED_PAGES) + 1):
            more, _ = _services_in(_parse_json(read_source(_page_url(source, number)), source))
            services += more
    return services


def _known_terms() -> tuple[dict[str, tuple[str, str]], dict[str, str]]:
    """Our terms by UUID -> (column, slug), and our vocabularies by id or name -> column."""
    by_uuid, vocabularies = {}, {}
    for vocabulary in VOCABULARIES:
        vocabularies[str(vocabulary.uuid)] = vocabulary.key
        vocabularies[vocabulary.name.lower()] = vocabulary.key
        vocabularies[vocabulary.key] = vocabulary.key
        for term in vocabulary.terms():
            by_uuid[str(term.uuid)] = (vocabulary.key, term.slug)
    return by_uuid, vocabularies


def _split_description(text: str) -> tuple[str, str]:
    """The first paragraph as the summary (at most 300 characters), the rest as description."""
    paragraphs = [p.strip() for p in (text or "").split("\n\n") if p.strip()]
    if not paragraphs:
        return "", ""
    first = " ".join(paragraphs[0].split())
    if len(first) <= SUMMARY_LENGTH:
        return first, "\n\n".join(paragraphs[1:])
    cut = first[: SUMMARY_LENGTH - 1].rsplit(" ", 1)[0] + "…"
    return cut, "\n\n".join(paragraphs)


def _age(value, default: int) -> str:
    if value is None:
        return str(default)
    try:
        return str(max(0, min(MAX_AGE, int(float(value)))))
    except (TypeError, ValueError):
        return str(value)  # rejected with a reason by the row checks


def oruk_service_row(service: dict, terms, vocabularies) -> tuple[dict[str, str], list[str]]:
    """An ORUK service as a spreadsheet row, with notes on what could not be carried over."""
    notes: list[str] = []
    summary, description = _split_description(service.get("description") or "")
    row = {
        "external_id": str(service.get("id") or ""),
        "title": service.get("name") or "",
        "summary": summary or service.get("name") or "",
        "description": description,
        "organisation": (service.get("organization") or {}).get("name") or "",
        "min_age": _age(service.get("minimum_age"), 0),
        "max_age": _age(service.get("maximum_age"), MAX_AGE),
        "last_reviewed": (service.get("assured_date") or "")[:10],
    }
    for age_field in ("minimum_age", "maximum_age"):
        value = service.get(age_field)
        if isinstance(value, int | float) and not 0 <= value <= MAX_AGE:
            notes.append(f"{age_field} {value} is outside 0 to {MAX_AGE}: kept within it")
    chosen: dict[str, list[str]] = {}
    for attribute in service.get("attributes") or []:
        term = attribute.get("taxonomy_term") or {}
        term_id = str(attribute.get("taxonomy_term_id") or term.get("id") or "")
        if term_id in terms:
            column, slug = terms[term_id]
        else:
            column = vocabularies.get(str(term.get("taxonomy_id") or "")) or vocabularies.get(
                str(term.get("taxonomy") or "").lower()
            )
            slug = term.get("code") or term.get("name") or term_id
            if column is None:
                notes.append(
                    f"term {term.get('name') or term_id!r} of taxonomy "
                    f"{term.get('taxonomy') or 'unknown'!r} is not a Local Offer vocabulary, "
                    "so it was left out"
                )
                continue
        chosen.setdefault(column, []).append(slug)
    for column, slugs in chosen.items():
        row[column] = f"{SEPARATOR} ".join(dict.fromkeys(slugs))
    options = service.get("cost_options") or []
    if options:
        amounts = [o.get("amount") for o in options if o.get("amount") is not None]
        row["cost_type"] = CostType.FREE if amounts and not any(amounts) else CostType.PAID
        row["cost_details"] = "; ".join(
            o.get("amount_description") or o.get("option") or "" for o in options
        )[:255]
    elif service.get("fees"):
        row["cost_type"], row["cost_details"] = CostType.PAID, service["fees"][:255]
    row["languages"] = f"{SEPARATOR} ".join(
        lang["code"] for lang in service.get("languages") or [] if lang.get("code")
    )
    contacts = []
    for contact in service.get("contacts") or []:
        phones = contact.get("phones") or []
        contacts.append(
            {
                "name": contact.get("name") or contact.get("title") or "",
                "phone": phones[0].get("number", "") if phones else "",
                "email": contact.get("email") or "",
                "website": contact.get("url") or "",
            }
        )
    if service.get("email") and not any(c["email"] for c in contacts):
        contacts.append({"name": "", "phone": "", "email": service["email"], "website": ""})
    for number, contact in enumerate(contacts, start=1):
        for name, value in contact.items():
            row[f"contact_{number}_{name}"] = value
    places = [sal.get("location") or {} for sal in service.get("service_at_locations") or []]
    for number, place in enumerate(places, start=1):
        address = next(
            (a for a in place.get("addresses") or [] if a.get("address_type") != "postal"),
            (place.get("addresses") or [{}])[0],
        )
        notes_text = "; ".join(
            a.get("description") or a.get("accessibility") or ""
            for a in place.get("accessibility") or []
        )
        values = {
            "name": place.get("name") or address.get("address_1") or "",
            "address_1": address.get("address_1") or "",
            "town": address.get("city") or "",
            "postcode": address.get("postal_code") or "",
            "latitude": "" if place.get("latitude") is None else str(place["latitude"]),
            "longitude": "" if place.get("longitude") is None else str(place["longitude"]),
            "accessibility_notes": notes_text,
        }
        for name, value in values.items():
            row[f"location_{number}_{name}"] = value
    openings = []
    for item in service.get("schedules") or []:
        if item.get("opens_at") and item.get("closes_at") and item.get("byday"):
            for code in str(item["byday"]).split(","):
                day = WEEKDAY_NAMES.get(code.strip()[-2:].upper())
                opening = f"{day} {item['opens_at'][:5]}-{item['closes_at'][:5]}"
                openings.append(f"{opening} {item.get('notes') or ''}".strip())
        elif item.get("description"):
            row["opening_times_note"] = item["description"][:255]
    row["opening_times"] = f"{SEPARATOR} ".join(openings)
    if any(area.get("extent_type") == "county" for area in service.get("service_areas") or []):
        row["county_wide"] = "yes"
    return row, notes


def oruk_rows(source: str) -> Rows:
    """Rows for an ORUK feed, numbered by the service's position in the feed."""
    terms, vocabularies = _known_terms()
    rows = Rows()
    for number, service in enumerate(oruk_services(source), start=1):
        if not isinstance(service, dict):
            rows.rows.append((number, {}))
            rows.problems[number] = [Problem("service", "is not a JSON object")]
            continue
        row, notes = oruk_service_row(service, terms, vocabularies)
        rows.rows.append((number, row))
        rows.notes[number] = notes
        errors = schema_errors(service, "service.json")
        if errors:
            rows.problems[number] = [Problem("schema", error) for error in errors]
    return rows


def rows_from(source: str, source_format: str) -> Rows:
    """The rows of a CSV file or an ORUK feed, from a path or a URL."""
    if source_format == "oruk":
        return oruk_rows(source)
    return csv_rows(read_source(source))
