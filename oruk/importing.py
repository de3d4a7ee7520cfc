"""Importing services from the spreadsheet template or an ORUK 3.0 feed, as drafts for review.

`plan_import(rows)` checks every row and says what would happen to it (create, update,
unchanged or reject, with the row number and field of each problem) without writing anything;
`apply_import(plan)` then creates or updates the pages as draft revisions. Nothing is published:
an editor reviews and publishes each page (only the demo content, demo/, imports with
`publish=True`, and its bulk generator with `in_bulk=True`). Rows are matched to pages by
`external_id` (or the page's own id, which is what an export writes for services made in the
Local Offer).
"""

import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify

from directory.models import DirectoryIndexPage, Language, Organisation, ServicePage
from directory.models.pages import MAX_AGE, CostType

from .bulk_pages import create_live_pages
from .richtext import plain_to_rich_text, rich_text_to_plain
from .row_reader import Problem, RowReader
from .spreadsheet import MANY_TAXONOMY_COLUMNS, service_row
from .vocabularies import VOCABULARY_BY_KEY


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
    slug: str = ""  # an optional `slug` column: the new page's slug (made unique)


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


def _set_children(page: ServicePage, relation: str, items: list[dict]) -> None:
    """Replace a page's child objects, keeping existing ones (and their ids) by position."""
    model = page._meta.get_field(relation).related_model
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
    _set_children(page, "contacts", reader.contacts())
    _set_children(page, "locations", reader.locations())
    _set_children(page, "opening_times", reader.opening_times())
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
        plan.slug = slugify(row.get("slug") or "")[:200]
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


class _NewPages:
    """What creating pages under one parent needs, read once per import: slugs, organisations."""

    def __init__(self, parent: DirectoryIndexPage, plan: ImportPlan) -> None:
        self.taken = set(parent.get_children().values_list("slug", flat=True))
        self.organisations = {o.name.lower(): o for o in Organisation.objects.all()}
        ids = []
        for row in plan.rows:
            try:
                ids.append(uuid.UUID(row.external_id))
            except ValueError:
                pass
        self.uuids_taken = set(
            ServicePage.objects.filter(uuid__in=ids).values_list("uuid", flat=True)
        )

    def slug(self, base: str) -> str:
        base = slugify(base)[:200] or "service"
        slug, number = base, 2
        while slug in self.taken:
            slug, number = f"{base}-{number}", number + 1
        self.taken.add(slug)
        return slug

    def organisation(self, name: str) -> Organisation:
        found = self.organisations.get(name.lower())
        if found is None:
            base = slugify(name)[:240] or "organisation"
            slug, number = base, 2
            while Organisation.objects.filter(slug=slug).exists():
                slug, number = f"{base}-{number}", number + 1
            found = self.organisations[name.lower()] = Organisation.objects.create(
                name=name, slug=slug
            )
        return found

    def prepare(self, row: RowPlan) -> ServicePage:
        """The row's new page, unsaved: its id, slug and organisation set."""
        page = row.page
        page.external_id = row.external_id
        try:
            page_uuid = uuid.UUID(row.external_id)
            if page_uuid not in self.uuids_taken:
                page.uuid = page_uuid  # keep the ORUK id of an exported service
                self.uuids_taken.add(page_uuid)
        except ValueError:
            pass
        page.slug = self.slug(row.slug or page.title)
        return page


def directory_for_import() -> DirectoryIndexPage | None:
    """The directory new services go under: the first one in the page tree."""
    return DirectoryIndexPage.objects.order_by("path").first()


@transaction.atomic
def apply_import(
    plan: ImportPlan,
    *,
    parent: DirectoryIndexPage,
    user=None,
    publish: bool = False,
    in_bulk: bool = False,
    progress: Callable[[Iterable], Iterable] = lambda items: items,
) -> ImportPlan:
    """Create or update the planned pages as draft revisions; publish them only if asked.

    `in_bulk` (with `publish`, new pages only) writes the pages in a few queries instead of one
    save each: for loading thousands of services (see oruk/bulk_pages.py).
    """
    new_pages = _NewPages(parent, plan)
    bulk = []
    for row in progress(plan.rows):
        if row.action not in ("create", "update") or row.page is None:
            continue
        page = row.page
        if row.organisation_name:
            page.organisation = new_pages.organisation(row.organisation_name)
        if row.action == "create":
            new_pages.prepare(row)
            if in_bulk and publish:
                bulk.append(row)
                continue
            page.live = False
            page.has_unpublished_changes = True
            parent.add_child(instance=page)
        revision = page.save_revision(user=user, log_action=True)
        if publish:
            revision.publish(user=user)
        row.page_id = page.pk
    if bulk:
        ids = create_live_pages(parent, [row.page for row in bulk], user=user)
        for row, page_id in zip(bulk, ids, strict=True):
            row.page_id = page_id
    plan.applied = True
    return plan
