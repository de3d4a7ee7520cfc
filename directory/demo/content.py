"""Rules that load the Westshire demo content. Everything is keyed by slug, so loading twice
creates nothing the second time: no duplicate pages or taxonomy values, and no new revisions.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Page, Site

from directory.demo import organisations, pages, places, services, taxonomies
from directory.models import (
    AccessRoute,
    DeliveryMethod,
    DirectoryIndexPage,
    District,
    HomePage,
    InformationPage,
    Language,
    LocalOfferSettings,
    Need,
    OpeningTime,
    Organisation,
    ProviderType,
    ServiceContact,
    ServiceLocation,
    ServicePage,
    ServiceType,
)
from directory.site_address import parse_site_address

TAXONOMIES = [
    (ServiceType, taxonomies.SERVICE_TYPES),
    (Need, taxonomies.NEEDS),
    (ProviderType, taxonomies.PROVIDER_TYPES),
    (AccessRoute, taxonomies.ACCESS_ROUTES),
    (DeliveryMethod, taxonomies.DELIVERY_METHODS),
]


@dataclass
class LoadSummary:
    """What one run of the loader created, by kind of thing."""

    created: dict[str, int] = field(default_factory=dict)

    def add(self, kind: str, count: int = 1) -> None:
        self.created[kind] = self.created.get(kind, 0) + count

    @property
    def total(self) -> int:
        return sum(self.created.values())

    def __str__(self) -> str:
        if not self.total:
            return "Demo content already loaded: nothing to do."
        parts = ", ".join(f"{count} {kind}" for kind, count in self.created.items() if count)
        return f"Created {parts}."


def postcode_places() -> dict[str, tuple[str, float, float]]:
    """Each demo postcode mapped to (district slug or "outside", latitude, longitude)."""
    return {
        postcode: (district, lat, lon)
        for district, rows in places.POSTCODES.items()
        for postcode, lat, lon in rows
    }


def town_for(postcode: str) -> str:
    """The demo town of a postcode, from its outward code."""
    return places.TOWNS_BY_OUTWARD[postcode.split()[0]]


def venue_location(key: str) -> dict:
    """The ServiceLocation fields for a named demo venue."""
    venue = places.VENUES[key]
    _district, lat, lon = postcode_places()[venue["postcode"]]
    return {
        "name": venue["name"],
        "address_1": venue["address_1"],
        "town": town_for(venue["postcode"]),
        "postcode": venue["postcode"],
        "latitude": lat,
        "longitude": lon,
        "accessibility_notes": venue["accessibility_notes"],
    }


def service_districts(spec: dict) -> list[str]:
    """District slugs a service serves: as listed, or else where its venues are."""
    if spec.get("county_wide"):
        return []
    if spec.get("districts"):
        return list(spec["districts"])
    found = []
    for key in spec.get("venues", []):
        district = postcode_places()[places.VENUES[key]["postcode"]][0]
        if district != "outside" and district not in found:
            found.append(district)
    return found


def service_slug(spec: dict) -> str:
    return spec.get("slug") or slugify(spec["title"])


def opening_hours(spec: dict) -> list[tuple[int, datetime.time, datetime.time, str]]:
    hours = spec.get("hours", [])
    rows = services.HOURS[hours] if isinstance(hours, str) else hours
    return [
        (day, datetime.time.fromisoformat(opens), datetime.time.fromisoformat(closes), note)
        for day, opens, closes, note in rows
    ]


def ensure_taxonomies(summary: LoadSummary) -> None:
    """Create any missing taxonomy values, districts and languages; never rename existing ones."""
    vocabularies = [*TAXONOMIES, (District, _district_rows())]
    for model, rows in vocabularies:
        for order, (slug, name, description) in enumerate(rows, start=1):
            _obj, created = model.objects.get_or_create(
                slug=slug,
                defaults={"name": name, "description": description, "sort_order": order * 10},
            )
            if created:
                summary.add("taxonomy values")
    for code, name in taxonomies.LANGUAGES:
        _obj, created = Language.objects.get_or_create(code=code, defaults={"name": name})
        if created:
            summary.add("languages")


def _district_rows() -> list[tuple[str, str, str]]:
    return [(d["slug"], d["name"], d["description"]) for d in places.DISTRICTS]


def ensure_organisations(summary: LoadSummary) -> None:
    for slug, name, description, website, email, phone in organisations.ORGANISATIONS:
        _obj, created = Organisation.objects.get_or_create(
            slug=slug,
            defaults={
                "name": name,
                "description": description,
                "website": website,
                "email": email,
                "phone": phone,
            },
        )
        if created:
            summary.add("organisations")


def ensure_home_page(summary: LoadSummary) -> tuple[HomePage, bool]:
    """The HomePage as the default site's root, replacing Wagtail's welcome page.

    Returns the page and whether it was created (and so still needs publishing).
    """
    home = HomePage.objects.first()
    created = False
    if home is None:
        root = Page.get_first_root_node()
        for child in root.get_children():
            # Wagtail's placeholder "Welcome to your new Wagtail site!" is a plain Page.
            if child.specific_class is Page and child.numchild == 0:
                child.delete()
        root.refresh_from_db()
        slug = "home" if not root.get_children().filter(slug="home").exists() else "westshire"
        home = HomePage(title=pages.HOME["title"], slug=slug, intro=pages.HOME["intro"], live=False)
        root.add_child(instance=home)
        summary.add("pages")
        created = True
    # Removing Wagtail's welcome page above also removed the Site that pointed at it.
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        # At BASE_URL, so links made while loading (demo emails) point where the site is served.
        hostname, port = parse_site_address(settings.BASE_URL)
        Site.objects.create(
            hostname=hostname,
            port=port,
            root_page=home,
            is_default_site=True,
            site_name=pages.SETTINGS["service_name"],
        )
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.site_name = pages.SETTINGS["service_name"]
        site.save()
    return home, created


def ensure_settings(summary: LoadSummary) -> None:
    site = Site.objects.get(is_default_site=True)
    _obj, created = LocalOfferSettings.objects.get_or_create(site=site, defaults=pages.SETTINGS)
    if created:
        summary.add("settings")


def ensure_directory(home: HomePage, summary: LoadSummary) -> tuple[DirectoryIndexPage, bool]:
    spec = pages.DIRECTORY
    directory = DirectoryIndexPage.objects.child_of(home).filter(slug=spec["slug"]).first()
    if directory is not None:
        return directory, False
    directory = DirectoryIndexPage(
        title=spec["title"], slug=spec["slug"], intro=spec["intro"], show_in_menus=True, live=False
    )
    home.add_child(instance=directory)
    summary.add("pages")
    return directory, True


def ensure_information_pages(
    home: HomePage, summary: LoadSummary
) -> tuple[dict[str, InformationPage], list[str]]:
    """Create missing information pages (unpublished) in tree order.

    Returns every page by slug, and the slugs of those created, which still need their
    bodies and publishing once every link target exists.
    """
    by_slug: dict[str, InformationPage] = {}
    created: list[str] = []
    for spec in pages.PAGES:
        parent = home if spec["parent"] is None else by_slug[spec["parent"]]
        page = InformationPage.objects.child_of(parent).filter(slug=spec["slug"]).first()
        if page is None:
            page = InformationPage(
                title=spec["title"],
                slug=spec["slug"],
                summary=spec["summary"],
                schedule2_heading=spec.get("schedule2", ""),
                is_easy_read=spec.get("easy_read", False),
                show_in_menus=spec.get("menu", False),
                live=False,
            )
            parent.add_child(instance=page)
            created.append(spec["slug"])
            summary.add("pages")
        by_slug[spec["slug"]] = page
    return by_slug, created


def ensure_services(directory: DirectoryIndexPage, summary: LoadSummary) -> None:
    """Create and publish each missing demo service, with its taxonomies, places and times."""
    lookups = {
        "types": {t.slug: t for t in ServiceType.objects.all()},
        "needs": {t.slug: t for t in Need.objects.all()},
        "districts": {t.slug: t for t in District.objects.all()},
        "access": {t.slug: t for t in AccessRoute.objects.all()},
        "delivery": {t.slug: t for t in DeliveryMethod.objects.all()},
        "providers": {t.slug: t for t in ProviderType.objects.all()},
        "languages": {lang.code: lang for lang in Language.objects.all()},
        "orgs": {o.slug: o for o in Organisation.objects.all()},
    }
    existing = set(ServicePage.objects.child_of(directory).values_list("slug", flat=True))
    today = timezone.localdate()
    for spec in services.SERVICES:
        slug = service_slug(spec)
        if slug in existing:
            continue
        page = build_service_page(spec, lookups, today)
        directory.add_child(instance=page)
        page.save_revision().publish()
        existing.add(slug)
        summary.add("services")


def build_service_page(spec: dict, lookups: dict, today: datetime.date) -> ServicePage:
    """An unsaved ServicePage with its relations held in memory, ready for add_child."""
    org = lookups["orgs"][spec["org"]]
    review_due = today + datetime.timedelta(days=spec["review"])
    last_reviewed = min(review_due - datetime.timedelta(days=365), today)
    cost_type, cost_details = spec["cost"]
    paragraphs = spec.get("description", "").split("\n")
    venues = spec.get("venues", [])
    page = ServicePage(
        title=spec["title"],
        slug=service_slug(spec),
        summary=spec["summary"],
        description="".join(f"<p>{text}</p>" for text in paragraphs if text),
        keywords=spec.get("keywords", ""),
        organisation=org,
        provider_type=lookups["providers"][spec["provider"]],
        min_age=spec["ages"][0],
        max_age=spec["ages"][1],
        without_parent=spec["title"] in services.WITHOUT_PARENT,
        county_wide=spec.get("county_wide", False),
        outside_area=spec.get("outside_area", False),
        cost_type=cost_type,
        cost_details=cost_details,
        access_details=spec.get("access_details", ""),
        accessibility_information=_accessibility_information(venues),
        opening_times_note=spec.get("hours_note", ""),
        last_reviewed=last_reviewed,
        review_due=review_due,
        live=False,
    )
    page.service_types = [lookups["types"][s] for s in spec["types"]]
    page.needs = [lookups["needs"][s] for s in spec.get("needs", [])]
    page.districts = [lookups["districts"][s] for s in service_districts(spec)]
    page.access_routes = [lookups["access"][s] for s in spec["access"]]
    page.delivery_methods = [lookups["delivery"][s] for s in spec["delivery"]]
    page.languages = [lookups["languages"][c] for c in spec.get("languages", ["en"])]
    contact = spec.get("contact") or {
        "name": org.name,
        "phone": org.phone,
        "email": org.email,
        "website": org.website,
    }
    page.contacts = [ServiceContact(**contact)]
    page.locations = [ServiceLocation(**venue_location(key)) for key in venues]
    page.opening_times = [
        OpeningTime(weekday=day, opens=opens, closes=closes, note=note)
        for day, opens, closes, note in opening_hours(spec)
    ]
    return page


def _accessibility_information(venues: list[str]) -> str:
    if not venues:
        return "This service is offered by phone or online. Tell us if you need another format."
    return (
        "Tell us before your visit about any adjustments you need, such as an interpreter, "
        "a quiet space or extra time."
    )


def stream_blocks(blocks: list[tuple], resolve: Callable[[str], dict]) -> list[dict]:
    """Turn the page data's blocks into raw StreamField data, resolving link targets."""
    result = []
    for block_type, value in blocks:
        if block_type == "link_list":
            value = {
                "heading": value["heading"],
                "links": [
                    {
                        "text": item[0],
                        "description": item[2] if len(item) > 2 else "",
                        **resolve(item[1]),
                    }
                    for item in value["links"]
                ],
            }
        if block_type == "directory_link":
            value = {
                **value,
                "directory": None,
                "words": "",
                "service_types": [
                    ServiceType.objects.get(slug=slug).pk for slug in value["service_types"]
                ],
                "needs": [Need.objects.get(slug=slug).pk for slug in value["needs"]],
            }
        result.append({"type": block_type, "value": value})
    return result


def link_resolver(
    home: HomePage, directory: DirectoryIndexPage, info_pages: dict[str, InformationPage]
) -> Callable[[str], dict]:
    """A function from a link target in the page data to LinkBlock fields (page id or url)."""

    def resolve(target: str) -> dict:
        if target == "directory":
            return {"page": directory.pk, "url": ""}
        if target.startswith("page:"):
            return {"page": info_pages[target.removeprefix("page:")].pk, "url": ""}
        if target.startswith("service:"):
            # An editor may have removed a demo service; the directory is the next best link.
            service = (
                ServicePage.objects.child_of(directory)
                .filter(slug=target.removeprefix("service:"))
                .first()
            )
            return {"page": (service or directory).pk, "url": ""}
        return {"page": None, "url": target}

    return resolve


def publish_with_body(page: Page, body: list[dict]) -> None:
    page.body = body
    page.save_revision().publish()


@transaction.atomic
def load_demo_content() -> LoadSummary:
    """Load the Westshire demo: taxonomies, organisations, page tree, services and settings."""
    summary = LoadSummary()
    ensure_taxonomies(summary)
    ensure_organisations(summary)
    home, home_created = ensure_home_page(summary)
    ensure_settings(summary)
    directory, directory_created = ensure_directory(home, summary)
    info_pages, created_slugs = ensure_information_pages(home, summary)
    ensure_services(directory, summary)

    resolve = link_resolver(home, directory, info_pages)
    if directory_created:
        directory.save_revision().publish()
    for spec in pages.PAGES:
        if spec["slug"] not in created_slugs:
            continue
        page = info_pages[spec["slug"]]
        easy_read_slug = pages.EASY_READ_VERSIONS.get(spec["slug"])
        if easy_read_slug:
            page.easy_read_version = info_pages[easy_read_slug]
        publish_with_body(page, stream_blocks(spec["body"], resolve))
    if home_created:
        publish_with_body(home, stream_blocks(pages.HOME["body"], resolve))
    return summary
