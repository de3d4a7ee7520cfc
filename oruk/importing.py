"""Importing services from the spreadsheet template or an ORUK 3.0 feed, as drafts for review.

`plan_import(rows)` checks every row and says what would happen to it (create, update,
unchanged or reject, with the row number and field of each problem) without writing anything;
`apply_import(plan)` then creates or updates the pages as draft revisions. Nothing is published:
an editor reviews and publishes each page. Rows are matched to pages by `external_id` (or the
page's own id, which is what an export writes for services made in the Local Offer).
"""

import datetime
import re
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify

from directory.models import (
    DirectoryIndexPage,
    Language,
    OpeningTime,
    Organisation,
    ServiceContact,
    ServiceLocation,
    ServicePage,
)
from directory.models.pages import MAX_AGE, CostType
from directory.validators import normalise_postcode, validate_uk_phone, validate_uk_postcode

from .richtext import plain_to_rich_text, rich_text_to_plain
from .spreadsheet import (
    CONTACT_FIELDS,
    LOCATION_FIELDS,
    MANY_TAXONOMY_COLUMNS,
    SEPARATOR,
    service_row,
)
from .vocabularies import VOCABULARY_BY_KEY

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


@dataclass
class RowPlan:
    """What the import would do with one row."""

    row_number: int
    external_id: str
    title: str
    action: str = "reject"  # create, update, unchanged or reject
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    page: ServicePage | None = None  # the page as it would be saved (not yet saved)
    organisation_name: str = ""
    page_id: int | None = None  # the page created or updated, once applied


@dataclass
class ImportPlan:
    """Every row's outcome, in file order."""

    rows: list[RowPlan]
    new_organisations: list[str] = field(default_factory=list)
    applied: bool = False

    def count(self, action: str) -> int:
        return sum(1 for row in self.rows if row.action == action)

    @property
    def counts(self) -> dict[str, int]:
        return {a: self.count(a) for a in ("create", "update", "unchanged", "reject")}

    def summary(self) -> str:
        counts = self.counts
        created = "Created" if self.applied else "Would create"
        updated = "updated" if self.applied else "update"
        services = "service" if counts["create"] == 1 else "services"
        return (
            f"{created} {counts['create']} draft {services}, {updated} {counts['update']} "
            f"(as drafts), {counts['unchanged']} unchanged, {counts['reject']} rejected."
        )

    def report_lines(self) -> list[str]:
        """The report as plain lines: one per row, then one per problem or note."""
        lines = []
        for row in self.rows:
            label = row.title or "(no title)"
            lines.append(f"Row {row.row_number}: {row.action} - {label} [{row.external_id}]")
            lines += [f"    {problem}" for problem in row.problems]
            lines += [f"    note: {note}" for note in row.notes]
        if self.new_organisations:
            verb = "Created" if self.applied else "Would create"
            lines.append(f"{verb} organisations: {', '.join(self.new_organisations)}")
        lines.append(self.summary())
        return lines


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
                if (match := re.match(rf"^{prefix}_([0-9]{{1,3}})_", key))
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


@dataclass
class Lookups:
    """Every known taxonomy value, language and organisation, fetched once per import."""

    terms: dict[str, dict[str, object]]
    languages: dict[str, Language]
    organisations: dict[str, Organisation]

    @classmethod
    def load(cls) -> "Lookups":
        terms = {
            key: {value.slug: value for value in vocabulary.terms()}
            for key, vocabulary in VOCABULARY_BY_KEY.items()
        }
        return cls(
            terms=terms,
            languages={lang.code.lower(): lang for lang in Language.objects.all()},
            organisations={org.name.lower(): org for org in Organisation.objects.all()},
        )


def _set_children(page: ServicePage, relation: str, model, items: list[dict]) -> None:
    """Replace a page's child objects, keeping existing ones (and their ids) by position."""
    existing = list(getattr(page, relation).all())
    children = []
    for position, values in enumerate(items):
        child = existing[position] if position < len(existing) else model()
        for name, value in values.items():
            setattr(child, name, value)
        child.sort_order = position
        children.append(child)
    getattr(page, relation).set(children)


def read_row(row: dict[str, str], lookups: Lookups, page: ServicePage) -> tuple[list[Problem], str]:
    """Apply one row to a page in memory; return the problems and the organisation name."""
    reader = RowReader(row, lookups)
    page.title = reader.text("title", required=True, max_length=255)
    page.summary = reader.field_text("summary", required=True)
    description = plain_to_rich_text(reader.text("description"))
    if rich_text_to_plain(page.description) != rich_text_to_plain(description):
        page.description = description  # unchanged words keep the editor's formatting
    page.keywords = reader.field_text("keywords")
    organisation_name = reader.text("organisation", max_length=255)
    page.organisation = (
        lookups.organisations.get(organisation_name.lower()) or Organisation(name=organisation_name)
        if organisation_name
        else None
    )
    for column in MANY_TAXONOMY_COLUMNS:
        getattr(page, column).set(reader.terms(column))
    provider_types = reader.terms("provider_type")
    if len(provider_types) > 1:
        reader.problem("provider_type", "give one provider type only")
    page.provider_type = provider_types[0] if provider_types else None
    page.county_wide = reader.boolean("county_wide")
    page.outside_area = reader.boolean("outside_area")
    if "without_parent" in reader.row:  # older spreadsheets lack it: keep what the page says
        page.without_parent = reader.boolean("without_parent")
    page.min_age = reader.age("min_age", 0)
    page.max_age = reader.age("max_age", MAX_AGE)
    if page.min_age > page.max_age:
        reader.problem("max_age", "must be the same as or more than min_age")
    cost_type = reader.text("cost_type").lower() or CostType.FREE
    if cost_type not in CostType.values:
        reader.problem("cost_type", f"must be one of {', '.join(CostType.values)}")
        cost_type = CostType.FREE
    page.cost_type = cost_type
    page.cost_details = reader.field_text("cost_details")
    page.access_details = reader.text("access_details")
    page.languages.set(reader.languages())
    page.accessibility_information = reader.text("accessibility_information")
    page.opening_times_note = reader.field_text("opening_times_note")
    page.last_reviewed = reader.date("last_reviewed")
    if page.last_reviewed and page.last_reviewed > timezone.localdate():
        reader.problem("last_reviewed", "cannot be in the future")
    page.review_due = reader.date("review_due")
    _set_children(page, "contacts", ServiceContact, reader.contacts())
    _set_children(page, "locations", ServiceLocation, reader.locations())
    _set_children(page, "opening_times", OpeningTime, reader.opening_times())
    return reader.problems, organisation_name


def _existing_pages(keys: Iterable[str]) -> dict[str, ServicePage]:
    keys = [k for k in keys if k]
    uuids = []
    for key in keys:
        try:
            uuids.append(uuid.UUID(key))
        except ValueError:
            pass
    pages = ServicePage.objects.filter(Q(external_id__in=keys) | Q(uuid__in=uuids))
    found = {}
    for page in pages:
        if page.external_id:
            found.setdefault(page.external_id, page)
        found.setdefault(str(page.uuid), page)
    return found


def plan_import(
    rows: Iterable[tuple[int, dict[str, str]]],
    *,
    progress: Callable[[Iterable], Iterable] = lambda items: items,
    notes: dict[int, list[str]] | None = None,
    early_problems: dict[int, list[Problem]] | None = None,
) -> ImportPlan:
    """Check every (row number, row) and decide what importing it would do. Writes nothing."""
    rows = list(rows)
    lookups = Lookups.load()
    existing = _existing_pages(row.get("external_id", "").strip() for _n, row in rows)
    seen: set[str] = set()
    plans, new_organisations = [], []
    for row_number, row in progress(rows):
        external_id = (row.get("external_id") or "").strip()
        plan = RowPlan(row_number, external_id, (row.get("title") or "").strip())
        plan.notes += (notes or {}).get(row_number, [])
        plan.problems += (early_problems or {}).get(row_number, [])
        if not external_id:
            plan.problems.append(Problem("external_id", "is required"))
        elif len(external_id) > 255:
            plan.problems.append(Problem("external_id", "must be 255 characters or fewer"))
        elif external_id in seen:
            plan.problems.append(Problem("external_id", "appears on an earlier row too"))
        seen.add(external_id)
        current = existing.get(external_id)
        if current is not None:
            page = current.get_latest_revision_as_object()
            before = service_row(page)
        else:
            page, before = ServicePage(), None
        problems, organisation_name = read_row(row, lookups, page)
        plan.problems += problems
        plan.organisation_name = organisation_name
        if plan.problems:
            plan.action = "reject"
        elif current is None:
            plan.action = "create"
        else:
            plan.action = "unchanged" if service_row(page) == before else "update"
        if plan.action in ("create", "update"):
            plan.page = page
            if organisation_name and organisation_name.lower() not in lookups.organisations:
                if organisation_name not in new_organisations:
                    new_organisations.append(organisation_name)
                    plan.notes.append(f"new organisation {organisation_name!r}")
        plans.append(plan)
    return ImportPlan(plans, new_organisations)


def _unique_slug(parent: DirectoryIndexPage, title: str) -> str:
    base = slugify(title)[:200] or "service"
    taken = set(parent.get_children().values_list("slug", flat=True))
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


def _organisation(name: str) -> Organisation:
    found = Organisation.objects.filter(name__iexact=name).first()
    if found:
        return found
    base = slugify(name)[:240] or "organisation"
    slug, number = base, 2
    while Organisation.objects.filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return Organisation.objects.create(name=name, slug=slug)


def directory_for_import() -> DirectoryIndexPage | None:
    """The directory new services go under: the first one in the page tree."""
    return DirectoryIndexPage.objects.order_by("path").first()


@transaction.atomic
def apply_import(
    plan: ImportPlan,
    *,
    parent: DirectoryIndexPage,
    user=None,
    progress: Callable[[Iterable], Iterable] = lambda items: items,
) -> ImportPlan:
    """Create or update the planned pages as draft revisions. Never publishes."""
    for row in progress(plan.rows):
        if row.action not in ("create", "update") or row.page is None:
            continue
        page = row.page
        if row.organisation_name:
            page.organisation = _organisation(row.organisation_name)
        if row.action == "create":
            page.external_id = row.external_id
            try:
                page_uuid = uuid.UUID(row.external_id)
                if not ServicePage.objects.filter(uuid=page_uuid).exists():
                    page.uuid = page_uuid  # keep the ORUK id of an exported service
            except ValueError:
                pass
            page.slug = _unique_slug(parent, page.title)
            page.live = False
            page.has_unpublished_changes = True
            parent.add_child(instance=page)
        page.save_revision(user=user, log_action=True)
        row.page_id = page.pk
    plan.applied = True
    return plan
