# ruff: noqa: E501  (the word lists and sentence patterns read better unwrapped)
"""Realistic random services in bulk, for scale tests: 10,000 in seconds rather than minutes.

Wagtail's `add_child()` saves one page at a time (about 64 a second on SQLite). This module
writes rows directly instead: the `wagtailcore_page` rows with tree paths it computes itself,
then the service rows, their taxonomies, contacts, locations, opening times and a published
revision each, then the parent's child count and the search index, all in bulk.
"""

import datetime
import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.text import slugify
from modelsearch.backends import get_search_backends
from wagtail import hooks
from wagtail.models import Page, Revision

from directory.demo import places
from directory.demo.content import LoadSummary, ensure_taxonomies, town_for
from directory.models import (
    AccessRoute,
    DeliveryMethod,
    DirectoryIndexPage,
    District,
    Language,
    Need,
    OpeningTime,
    Organisation,
    ProviderType,
    ServiceContact,
    ServiceLocation,
    ServicePage,
    ServiceType,
)
from directory.models.pages import CostType

BATCH_SIZE = 1000
CHUNK_SIZE = 5000
# Wagtail hook run once after a bulk load, with the new page ids, so apps above the directory
# (search) can index them in bulk: `fn(page_ids: list[int]) -> None`.
AFTER_BULK_SERVICES_CREATED = "after_bulk_services_created"

# What a generated service is: (service type, title patterns, summary pattern, needs, provider,
# ages, cost types, ways to access, delivery methods).
KINDS: list[dict] = [
    {
        "type": "activities-clubs",
        "titles": [
            "{town} {activity} club",
            "Inclusive {activity}, {town}",
            "{adj} {activity} sessions, {town}",
        ],
        "summary": "{Activity} for children and young people with SEND in {town}, led by trained staff.",
        "provider": "commissioned",
        "ages": [(5, 11), (8, 16), (11, 25), (5, 18)],
        "costs": ["paid", "free", "paid"],
        "access": ["self-referral"],
        "delivery": ["in-person"],
    },
    {
        "type": "support-groups",
        "titles": [
            "{town} {need} parent support group",
            "{need} family group, {town}",
            "{town} parent carer coffee morning",
        ],
        "summary": "Meet other parents and carers of children with {need_lower} in {town}, share tips and hear from local services.",
        "provider": "commissioned",
        "ages": [(0, 25), (0, 18), (5, 16)],
        "costs": ["free"],
        "access": ["self-referral"],
        "delivery": ["in-person", "online"],
    },
    {
        "type": "short-breaks",
        "titles": [
            "{town} {adj_lower} holiday play scheme",
            "{town} after-school short break club",
            "Saturday short breaks club, {town}",
        ],
        "summary": "Short breaks for disabled children in {town}: fun activities for them and a break for their families.",
        "provider": "commissioned",
        "ages": [(5, 12), (8, 18), (0, 18)],
        "costs": ["funded"],
        "access": ["self-referral", "assessment"],
        "delivery": ["in-person"],
    },
    {
        "type": "therapy",
        "titles": [
            "{therapy} clinic, {town}",
            "{town} {therapy_lower} drop-in",
            "{therapy} at {town} family hub",
        ],
        "summary": "{therapy} for children and young people, with advice for parents and settings in {town}.",
        "provider": "commissioned",
        "ages": [(0, 5), (0, 18), (5, 18)],
        "costs": ["free"],
        "access": ["professional-referral", "self-referral"],
        "delivery": ["in-person", "home-visits", "online"],
    },
    {
        "type": "early-years",
        "titles": ["{name} Nursery, {town}", "{name} Pre-school", "{town} {name} Childminders"],
        "summary": "Childcare in {town} for young children, with a SENCO and funded places for 2, 3 and 4-year-olds.",
        "provider": "early-years",
        "ages": [(0, 4), (2, 4)],
        "costs": ["paid", "funded"],
        "access": ["self-referral"],
        "delivery": ["in-person"],
    },
    {
        "type": "schools",
        "titles": ["{name} Primary School", "{name} Academy", "{town} {name} High School"],
        "summary": "A school in {town} with a SENCO and support for pupils with {need_lower}.",
        "provider": "school",
        "ages": [(4, 11), (11, 16), (11, 18)],
        "costs": ["free"],
        "access": ["self-referral", "ehc-plan"],
        "delivery": ["in-person"],
    },
    {
        "type": "employment-training",
        "titles": ["{town} supported internship", "{town} job club", "Work skills course, {town}"],
        "summary": "Help for young people with SEND in {town} to build skills for work and find a job.",
        "provider": "post-16",
        "ages": [(16, 25), (18, 25), (16, 24)],
        "costs": ["free"],
        "access": ["ehc-plan", "self-referral", "professional-referral"],
        "delivery": ["in-person"],
    },
    {
        "type": "mental-health",
        "titles": [
            "{town} wellbeing drop-in",
            "{town} young people's counselling",
            "Calm minds group, {town}",
        ],
        "summary": "Someone to talk to about feelings, stress and mental health, for young people in {town}.",
        "provider": "commissioned",
        "ages": [(11, 18), (11, 25), (13, 19)],
        "costs": ["free"],
        "access": ["self-referral", "professional-referral"],
        "delivery": ["in-person", "online", "phone"],
    },
]
ACTIVITIES = [
    "swimming",
    "football",
    "drama",
    "dance",
    "climbing",
    "trampolining",
    "music",
    "cycling",
    "gardening",
    "art",
    "cooking",
    "gaming",
    "boccia",
    "yoga",
]
ADJECTIVES = ["Relaxed", "Quiet", "Sensory-friendly", "Inclusive", "Adapted", "Family"]
NEED_LABELS = {
    "autism": "Autism",
    "adhd": "ADHD",
    "speech-language": "Speech and language",
    "hearing": "Deaf children's",
    "vision": "Visual impairment",
    "physical": "Physical disability",
    "learning-difficulties": "Learning disability",
    "semh": "Emotional wellbeing",
}
THERAPIES = [
    "Speech and language therapy",
    "Occupational therapy",
    "Physiotherapy",
    "Play therapy",
    "Music therapy",
]
NAMES = [
    "Oakfield",
    "Brookside",
    "Willow Bank",
    "Hollins",
    "Ashgrove",
    "Beacon",
    "Elmhurst",
    "Fernlea",
    "Greenacre",
    "Hawthorn",
    "Kingsley",
    "Larkspur",
    "Meadowview",
    "Northgate",
    "Orchard",
    "Priory",
    "Riverside",
    "Sandon",
    "Thornbury",
    "Yew Tree",
]
STREETS = [
    "High Street",
    "Church Road",
    "Station Road",
    "Mill Lane",
    "Park Avenue",
    "School Lane",
    "Victoria Road",
    "Green Lane",
    "Queen Street",
    "Manor Road",
]
VENUE_TYPES = [
    "Community Centre",
    "Family Hub",
    "Library",
    "Leisure Centre",
    "Village Hall",
    "Youth Centre",
]
OPENING_PATTERNS = [
    [(d, "09:00", "17:00", "") for d in (1, 2, 3, 4, 5)],
    [(d, "08:45", "15:15", "Term time only") for d in (1, 2, 3, 4, 5)],
    [(6, "10:00", "12:00", "")],
    [(2, "16:00", "18:00", ""), (4, "16:00", "18:00", "")],
    [(3, "18:30", "20:30", "")],
]
SCHOOL_PROVIDERS = ["maintained-school", "academy"]


@dataclass
class GeneratedService:
    """The facts of one generated service, before it becomes rows."""

    title: str
    summary: str
    description: str
    keywords: str
    type_slugs: list[str]
    need_slugs: list[str]
    provider_slug: str
    min_age: int
    max_age: int
    district_slugs: list[str]
    county_wide: bool
    outside_area: bool
    cost_type: str
    cost_details: str
    access_slugs: list[str]
    delivery_slugs: list[str]
    language_codes: list[str]
    location: dict
    phone: str
    email: str
    opening: list[tuple[int, str, str, str]]
    review_in_days: int
    organisation_index: int
    extra: dict = field(default_factory=dict)


def generate_service_facts(count: int, seed: int) -> list[GeneratedService]:
    """`count` realistic services; the same seed always gives the same services."""
    rng = random.Random(seed)
    by_district: dict[str, list[tuple[str, float, float]]] = {
        d: rows for d, rows in places.POSTCODES.items() if d != "outside"
    }
    districts = sorted(by_district)
    return [_one_service(rng, districts, by_district) for _ in range(count)]


def _one_service(rng: random.Random, districts: list[str], by_district: dict) -> GeneratedService:
    kind = rng.choice(KINDS)
    district = rng.choice(districts)
    postcode, lat, lon = rng.choice(by_district[district])
    town = town_for(postcode)
    need = rng.choice(sorted(NEED_LABELS))
    activity = rng.choice(ACTIVITIES)
    therapy = rng.choice(THERAPIES)
    adj = rng.choice(ADJECTIVES)
    words = {
        "town": town,
        "activity": activity,
        "Activity": activity.capitalize(),
        "adj": adj,
        "adj_lower": adj.lower(),
        "need": NEED_LABELS[need],
        "need_lower": NEED_LABELS[need].lower(),
        "therapy": therapy,
        "therapy_lower": therapy.lower(),
        "name": rng.choice(NAMES),
    }
    title = rng.choice(kind["titles"]).format(**words)
    summary = kind["summary"].format(**words)
    min_age, max_age = rng.choice(kind["ages"])
    cost_type = rng.choice(kind["costs"])
    cost_details = {
        CostType.PAID: f"£{rng.randint(2, 12)} a session.",
        CostType.FUNDED: "Funded for eligible families.",
    }.get(cost_type, "")
    provider = kind["provider"]
    if provider == "school":
        provider = rng.choice(SCHOOL_PROVIDERS)
    scope = rng.random()
    other_districts = rng.sample(districts, k=rng.choice([0, 0, 1, 2]))
    needs = sorted({need, *rng.sample(sorted(NEED_LABELS), k=rng.randint(0, 2))})
    return GeneratedService(
        title=title,
        summary=summary,
        description=(
            f"<p>{summary} We welcome children and young people with and without a diagnosis "
            f"or an EHC plan.</p><p>Contact us before your first visit so we can talk about "
            f"what support your child needs.</p>"
        ),
        keywords=", ".join([activity, need.replace("-", " "), town.lower()]),
        type_slugs=[kind["type"]],
        need_slugs=needs,
        provider_slug=provider,
        min_age=min_age,
        max_age=max_age,
        district_slugs=[] if scope < 0.1 else sorted({district, *other_districts}),
        county_wide=scope < 0.1,
        outside_area=0.1 <= scope < 0.13,
        cost_type=str(cost_type),
        cost_details=cost_details,
        access_slugs=sorted(set(rng.sample(kind["access"], k=rng.randint(1, len(kind["access"]))))),
        delivery_slugs=sorted(
            set(rng.sample(kind["delivery"], k=rng.randint(1, len(kind["delivery"]))))
        ),
        language_codes=["en"]
        + rng.sample(["pl", "ur", "pa", "ro", "bn", "ar", "bfi"], k=rng.choice([0, 0, 1])),
        location={
            "name": f"{town} {rng.choice(VENUE_TYPES)}",
            "address_1": f"{rng.randint(1, 120)} {rng.choice(STREETS)}",
            "town": town,
            "postcode": postcode,
            "latitude": lat,
            "longitude": lon,
            "accessibility_notes": rng.choice(
                [places.STEP_FREE, places.QUIET, places.UPSTAIRS, places.HEARING_LOOP]
            ),
        },
        phone=f"01632 96{rng.randint(1000, 1999)}",
        email=f"{slugify(title)[:40]}@services.westshire.example",
        opening=rng.choice(OPENING_PATTERNS),
        review_in_days=rng.randint(-60, 365),
        organisation_index=rng.randint(0, 10_000),
    )


def _batches(items: Sequence, size: int = BATCH_SIZE) -> Iterator[Sequence]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


class Vocabulary:
    """Taxonomy values by slug, created from the demo vocabulary if the database has none."""

    def __init__(self):
        if not ServiceType.objects.exists():
            ensure_taxonomies(LoadSummary())
        self.types = {t.slug: t for t in ServiceType.objects.all()}
        self.needs = {t.slug: t for t in Need.objects.all()}
        self.districts = {t.slug: t for t in District.objects.all()}
        self.providers = {t.slug: t for t in ProviderType.objects.all()}
        self.access = {t.slug: t for t in AccessRoute.objects.all()}
        self.delivery = {t.slug: t for t in DeliveryMethod.objects.all()}
        self.languages = {lang.code: lang for lang in Language.objects.all()}
        self.organisations = list(Organisation.objects.order_by("slug"))

    def pick(self, table: dict, slugs: list[str]) -> list:
        """The values for the slugs this database knows (an editor may have removed some)."""
        return [table[s] for s in slugs if s in table]


def create_services_in_bulk(
    parent: DirectoryIndexPage, facts: list[GeneratedService], *, run_hooks: bool = True
) -> list[int]:
    """Insert the services as live pages under `parent`; returns the new page ids in tree order.

    With `run_hooks=False` the caller runs `run_after_bulk_hooks` itself (to time it apart).
    """
    vocabulary = Vocabulary()
    page_ids: list[int] = []
    # A chunk at a time keeps memory flat however many services are asked for.
    for chunk in _batches(facts, CHUNK_SIZE):
        page_ids.extend(_create_chunk(parent, list(chunk), vocabulary))
    if run_hooks:
        run_after_bulk_hooks(page_ids)
    return page_ids


def _create_chunk(
    parent: DirectoryIndexPage, facts: list[GeneratedService], vocabulary: Vocabulary
) -> list[int]:
    with transaction.atomic():
        parent = Page.objects.select_for_update().get(pk=parent.pk)
        pages = _build_pages(parent, facts, vocabulary)
        for batch in _batches(pages):
            Page.objects.bulk_create([page.page_ptr for page in batch])
        for page in pages:
            page.id = page.page_ptr.id
            page.page_ptr_id = page.page_ptr.id
        _insert_service_rows(pages)
        _insert_relations(pages, facts, vocabulary)
        _insert_live_revisions(pages)
        Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(pages))
    index_services(pages)
    return [page.id for page in pages]


def run_after_bulk_hooks(page_ids: list[int]) -> None:
    """Tell the apps above the directory (search) about new services, once, in bulk."""
    for fn in hooks.get_hooks(AFTER_BULK_SERVICES_CREATED):
        fn(page_ids)


def _build_pages(
    parent: Page, facts: list[GeneratedService], vocabulary: Vocabulary
) -> list[ServicePage]:
    """Unsaved ServicePages, each with an unsaved base Page row and a computed tree path."""
    children = Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)
    last_path = children.order_by("-path").values_list("path", flat=True).first()
    position = Page._str2int(last_path[-Page.steplen :]) if last_path else 0
    taken = set(children.values_list("slug", flat=True))
    content_type = ContentType.objects.get_for_model(ServicePage)
    now = timezone.now()
    today = timezone.localdate()
    pages = []
    for fact in facts:
        position += 1
        slug = _free_slug(slugify(fact.title)[:200], taken)
        review_due = today + datetime.timedelta(days=fact.review_in_days)
        base = Page(
            title=fact.title,
            draft_title=fact.title,
            slug=slug,
            content_type=content_type,
            locale_id=parent.locale_id,
            path=Page._get_path(parent.path, parent.depth + 1, position),
            depth=parent.depth + 1,
            numchild=0,
            url_path=f"{parent.url_path}{slug}/",
            live=True,
            has_unpublished_changes=False,
            first_published_at=now,
            last_published_at=now,
            latest_revision_created_at=now,
        )
        organisation = None
        if vocabulary.organisations:
            organisation = vocabulary.organisations[
                fact.organisation_index % len(vocabulary.organisations)
            ]
        page = ServicePage(
            page_ptr=base,
            summary=fact.summary,
            description=fact.description,
            keywords=fact.keywords,
            organisation=organisation,
            provider_type=vocabulary.providers.get(fact.provider_slug),
            min_age=fact.min_age,
            max_age=fact.max_age,
            county_wide=fact.county_wide,
            outside_area=fact.outside_area,
            cost_type=fact.cost_type,
            cost_details=fact.cost_details,
            accessibility_information="Tell us about any adjustments you need before you visit.",
            last_reviewed=min(review_due - datetime.timedelta(days=365), today),
            review_due=review_due,
        )
        # The base row's fields, copied so the revision content reads like a saved page.
        for page_field in Page._meta.concrete_fields:
            setattr(page, page_field.attname, getattr(base, page_field.attname))
        pages.append(page)
    return pages


def _free_slug(slug: str, taken: set[str]) -> str:
    candidate, number = slug, 1
    while candidate in taken:
        number += 1
        candidate = f"{slug}-{number}"
    taken.add(candidate)
    return candidate


def _insert_service_rows(pages: list[ServicePage]) -> None:
    """Insert only the service table's own columns; the base page rows already exist."""
    fields = ServicePage._meta.local_concrete_fields
    batch_size = max(1, min(BATCH_SIZE, connection.ops.bulk_batch_size(fields, pages)))
    for batch in _batches(pages, batch_size):
        ServicePage._base_manager._insert(batch, fields=fields)


def _insert_relations(
    pages: list[ServicePage], facts: list[GeneratedService], vocabulary: Vocabulary
) -> None:
    """Taxonomy links, contacts, locations and opening times; also held on each page in memory
    so its revision content includes them."""
    m2m = {
        "service_types": (vocabulary.types, "type_slugs"),
        "needs": (vocabulary.needs, "need_slugs"),
        "districts": (vocabulary.districts, "district_slugs"),
        "access_routes": (vocabulary.access, "access_slugs"),
        "delivery_methods": (vocabulary.delivery, "delivery_slugs"),
        "languages": (vocabulary.languages, "language_codes"),
    }
    contacts, locations, opening_times = [], [], []
    for page, fact in zip(pages, facts, strict=True):
        contacts.append(
            ServiceContact(
                page=page, sort_order=0, name=fact.title, phone=fact.phone, email=fact.email
            )
        )
        locations.append(ServiceLocation(page=page, sort_order=0, **fact.location))
        for order, (day, opens, closes, note) in enumerate(fact.opening):
            opening_times.append(
                OpeningTime(
                    page=page,
                    sort_order=order,
                    weekday=day,
                    opens=datetime.time.fromisoformat(opens),
                    closes=datetime.time.fromisoformat(closes),
                    note=note,
                )
            )
    for model, rows in (
        (ServiceContact, contacts),
        (ServiceLocation, locations),
        (OpeningTime, opening_times),
    ):
        model.objects.bulk_create(rows, batch_size=BATCH_SIZE)

    by_page: dict[int, dict[str, list]] = {page.id: {} for page in pages}
    for relation, (table, attribute) in m2m.items():
        through = getattr(ServicePage, relation).through
        page_column = f"{ServicePage._meta.model_name}_id"
        target_column = f"{getattr(ServicePage, relation).field.related_model._meta.model_name}_id"
        rows = []
        for page, fact in zip(pages, facts, strict=True):
            values = vocabulary.pick(table, getattr(fact, attribute))
            by_page[page.id][relation] = values
            rows.extend(
                through(**{page_column: page.id, target_column: value.pk}) for value in values
            )
        through.objects.bulk_create(rows, batch_size=BATCH_SIZE)

    children: dict[int, dict[str, list]] = {
        page.id: {"contacts": [], "locations": [], "opening_times": []} for page in pages
    }
    for name, rows in (
        ("contacts", contacts),
        ("locations", locations),
        ("opening_times", opening_times),
    ):
        for row in rows:
            children[row.page_id][name].append(row)
    for page in pages:
        for name, rows in children[page.id].items():
            setattr(page, name, rows)
        for relation, values in by_page[page.id].items():
            setattr(page, relation, values)


def _insert_live_revisions(pages: list[ServicePage]) -> None:
    """One published revision per page, as `save_revision().publish()` would leave it."""
    content_type = ContentType.objects.get_for_model(ServicePage)
    base_content_type = ContentType.objects.get_for_model(Page)
    now = timezone.now()
    revisions = [
        Revision(
            content_type=content_type,
            base_content_type=base_content_type,
            object_id=str(page.id),
            created_at=now,
            object_str=page.title,
            content=page.serializable_data(),
        )
        for page in pages
    ]
    Revision.objects.bulk_create(revisions, batch_size=BATCH_SIZE)
    table = connection.ops.quote_name(Page._meta.db_table)
    with connection.cursor() as cursor:
        cursor.executemany(
            f"UPDATE {table} SET latest_revision_id = %s, live_revision_id = %s WHERE id = %s",  # noqa: S608
            [
                (revision.pk, revision.pk, page.id)
                for page, revision in zip(pages, revisions, strict=True)
            ],
        )


def index_services(pages: list[ServicePage]) -> None:
    """Add the services to Wagtail's own search index, a batch at a time.

    The pages hold their organisation and taxonomies in memory, so indexing needs no queries
    (prefetching does not reach modelcluster's many-to-many managers).
    """
    for backend in get_search_backends(with_auto_update=True):
        for batch in _batches(pages):
            backend.add_bulk(ServicePage, list(batch))


def directory_for(slug: str | None) -> DirectoryIndexPage:
    """The directory to add services to: the one with this slug, or the first one."""
    directories = DirectoryIndexPage.objects.order_by("path")
    directory = directories.filter(slug=slug).first() if slug else directories.first()
    if directory is None:
        raise DirectoryIndexPage.DoesNotExist(
            f"No directory page{f' with slug {slug!r}' if slug else ''}: "
            "run load_demo_content or create a directory first."
        )
    return directory
