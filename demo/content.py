"""Load the Westshire demo Local Offer from the data files in demo/data/.

Everything is keyed by slug, so loading twice creates nothing the second time: no duplicate
pages or vocabulary values, and no new revisions. Services go through the services import
(oruk/importing.py), the same road as a council's own spreadsheet.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from wagtail.models import Page, Site

from directory.models import HomePage, Language, LocalOfferSettings, Organisation
from directory.site_address import parse_site_address
from oruk.vocabularies import VOCABULARY_BY_KEY

from . import pages, services
from .places import read_csv


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


def ensure_vocabularies(summary: LoadSummary) -> None:
    """Create any missing vocabulary values and languages; never rename existing ones."""
    order: dict[str, int] = {}
    for row in read_csv("vocabularies.csv"):
        key = row["vocabulary"]
        order[key] = order.get(key, 0) + 10
        _obj, created = VOCABULARY_BY_KEY[key].model.objects.get_or_create(
            slug=row["slug"],
            defaults={
                "name": row["name"],
                "description": row["description"],
                "sort_order": order[key],
            },
        )
        if created:
            summary.add("taxonomy values")
    for row in read_csv("languages.csv"):
        _obj, created = Language.objects.get_or_create(
            code=row["code"], defaults={"name": row["name"]}
        )
        if created:
            summary.add("languages")


def ensure_organisations(summary: LoadSummary) -> None:
    for row in read_csv("organisations.csv"):
        _obj, created = Organisation.objects.get_or_create(slug=row.pop("slug"), defaults=row)
        if created:
            summary.add("organisations")


def ensure_home_page(summary: LoadSummary) -> tuple[HomePage, bool]:
    """The HomePage as the default site's root, replacing Wagtail's welcome page.

    Returns the page and whether it was created (and so still needs publishing).
    """
    site_data = pages.site_data()
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
        spec = site_data["home"]
        home = HomePage(title=spec["title"], slug=slug, intro=spec["intro"], live=False)
        root.add_child(instance=home)
        summary.add("pages")
        created = True
    service_name = site_data["settings"]["service_name"]
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
            site_name=service_name,
        )
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.site_name = service_name
        site.save()
    return home, created


def ensure_settings(summary: LoadSummary) -> None:
    site = Site.objects.get(is_default_site=True)
    _obj, created = LocalOfferSettings.objects.get_or_create(
        site=site, defaults=pages.site_data()["settings"]
    )
    if created:
        summary.add("settings")


def ensure_reference_data(summary: LoadSummary) -> None:
    """The vocabularies, languages and organisations that services name."""
    ensure_vocabularies(summary)
    ensure_organisations(summary)


@transaction.atomic
def load_demo_content() -> LoadSummary:
    """Load the Westshire demo: vocabularies, organisations, page tree, services and settings."""
    summary = LoadSummary()
    ensure_reference_data(summary)
    home, home_created = ensure_home_page(summary)
    ensure_settings(summary)
    directory, directory_created = pages.ensure_directory(home, summary)
    info_pages, created_slugs = pages.ensure_information_pages(home, summary)
    summary.add("services", services.import_demo_services(directory))
    if directory_created:
        directory.save_revision().publish()
    pages.publish_bodies(home if home_created else None, directory, info_pages, created_slugs)
    return summary
