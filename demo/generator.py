"""Realistic random services in bulk, for scale tests, through the services import.

Each generated service is a row in the import template's columns, built from the word lists in
demo/data/generator.yaml and the demo postcodes; the rows go through `plan_import` and
`apply_import(in_bulk=True)`, the same road as the demo's own services and a council's
spreadsheet, a chunk at a time so memory stays flat however many are asked for.
"""

import functools
import random
import uuid

import yaml
from django.utils import timezone
from django.utils.text import slugify

from directory.models import DirectoryIndexPage, Organisation

from .content import LoadSummary, ensure_vocabularies
from .places import DATA, postcodes, town_for
from .services import import_and_publish, review_dates

CHUNK_SIZE = 5000
ACCESSIBILITY = "Tell us about any adjustments you need before you visit."


@functools.cache
def words() -> dict:
    """The word lists and sentence patterns of generated services."""
    return yaml.safe_load((DATA / "generator.yaml").read_text(encoding="utf-8"))


def generate_service_facts(count: int, seed: int) -> list[dict[str, str]]:
    """`count` realistic services as import rows; the same seed always gives the same services."""
    rng = random.Random(seed)
    by_district: dict[str, list[tuple[str, float, float]]] = {}
    for postcode, (district, lat, lon) in postcodes().items():
        if district != "outside":
            by_district.setdefault(district, []).append((postcode, lat, lon))
    organisations = list(Organisation.objects.order_by("slug").values_list("name", flat=True))
    today = timezone.localdate()
    return [_one_service(rng, by_district, organisations, today) for _ in range(count)]


def _one_service(rng: random.Random, by_district: dict, organisations: list[str], today) -> dict:
    w = words()
    districts = sorted(by_district)
    needs = w["need_labels"]
    kind = rng.choice(w["kinds"])
    district = rng.choice(districts)
    postcode, lat, lon = rng.choice(by_district[district])
    town = town_for(postcode)
    need = rng.choice(sorted(needs))
    activity, therapy, adj = (
        rng.choice(w[key]) for key in ("activities", "therapies", "adjectives")
    )
    fill = {
        "town": town,
        "activity": activity,
        "Activity": activity.capitalize(),
        "adj": adj,
        "adj_lower": adj.lower(),
        "need": needs[need],
        "need_lower": needs[need].lower(),
        "therapy": therapy,
        "therapy_lower": therapy.lower(),
        "name": rng.choice(w["names"]),
    }
    title = rng.choice(kind["titles"]).format(**fill)
    summary = kind["summary"].format(**fill)
    min_age, max_age = rng.choice(kind["ages"])
    cost_type = rng.choice(kind["costs"])
    cost_details = {
        "paid": f"£{rng.randint(2, 12)} a session.",
        "funded": "Funded for eligible families.",
    }
    provider = kind["provider"]
    if provider == "school":
        provider = rng.choice(w["school_providers"])
    scope = rng.random()
    other_districts = rng.sample(districts, k=rng.choice([0, 0, 1, 2]))
    need_slugs = sorted({need, *rng.sample(sorted(needs), k=rng.randint(0, 2))})
    access = sorted(set(rng.sample(kind["access"], k=rng.randint(1, len(kind["access"])))))
    delivery = sorted(set(rng.sample(kind["delivery"], k=rng.randint(1, len(kind["delivery"])))))
    languages = [
        "en",
        *rng.sample(["pl", "ur", "pa", "ro", "bn", "ar", "bfi"], k=rng.choice([0, 0, 1])),
    ]
    return {
        "external_id": str(uuid.uuid4()),
        "title": title,
        "summary": summary,
        "description": f"{summary} We welcome children and young people with and without a "
        "diagnosis or an EHC plan.\n\nContact us before your first visit so we can talk about "
        "what support your child needs.",
        "keywords": ", ".join([activity, need.replace("-", " "), town.lower()]),
        "service_types": kind["type"],
        "needs": "; ".join(need_slugs),
        "provider_type": provider,
        "min_age": str(min_age),
        "max_age": str(max_age),
        "districts": "" if scope < 0.1 else "; ".join(sorted({district, *other_districts})),
        "county_wide": "yes" if scope < 0.1 else "no",
        "outside_area": "yes" if 0.1 <= scope < 0.13 else "no",
        "cost_type": cost_type,
        "cost_details": cost_details.get(cost_type, ""),
        "access_routes": "; ".join(access),
        "delivery_methods": "; ".join(delivery),
        "languages": "; ".join(languages),
        "accessibility_information": ACCESSIBILITY,
        "location_1_name": f"{town} {rng.choice(w['venue_types'])}",
        "location_1_address_1": f"{rng.randint(1, 120)} {rng.choice(w['streets'])}",
        "location_1_town": town,
        "location_1_postcode": postcode,
        "location_1_latitude": repr(lat),
        "location_1_longitude": repr(lon),
        "location_1_accessibility_notes": rng.choice(w["accessibility_notes"]),
        "contact_1_name": title,
        "contact_1_phone": f"01632 96{rng.randint(1000, 1999)}",
        "contact_1_email": f"{slugify(title)[:40]}@services.westshire.example",
        "opening_times": rng.choice(w["opening_patterns"]),
        **review_dates(rng.randint(-60, 365), today),
        "organisation": _pick(organisations, rng.randint(0, 10_000)),
    }


def _pick(names: list[str], index: int) -> str:
    return names[index % len(names)] if names else ""


def create_services_in_bulk(parent: DirectoryIndexPage, rows: list[dict[str, str]]) -> list[int]:
    """Import the rows as live services under `parent`; returns the new page ids in tree order.

    The caller then runs `oruk.bulk_pages.run_after_bulk_hooks` with them (search indexes them).
    """
    ensure_vocabularies(LoadSummary())  # the vocabulary values the rows name
    page_ids: list[int] = []
    for start in range(0, len(rows), CHUNK_SIZE):
        plan = import_and_publish(rows[start : start + CHUNK_SIZE], parent, in_bulk=True)
        page_ids += [row.page_id for row in plan.rows]
    return page_ids


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
