"""The demo's directory and information pages, from demo/data/site.yaml and pages.yaml.

Pages are created unpublished in tree order, then given their bodies and published once every
page a body links to exists. A link's `to` is "page:<slug>", "service:<slug>", "directory" or
a web address.
"""

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING

import yaml
from wagtail.models import Page

from directory.models import (
    DirectoryIndexPage,
    HomePage,
    InformationPage,
    Need,
    ServicePage,
    ServiceType,
)

from .places import DATA

if TYPE_CHECKING:
    from .content import LoadSummary


@functools.cache
def site_data() -> dict:
    """The site settings, home page, directory page and easy read pairs."""
    return yaml.safe_load((DATA / "site.yaml").read_text(encoding="utf-8"))


@functools.cache
def information_pages() -> list[dict]:
    """The information pages in tree order: a page's parent comes before it."""
    return yaml.safe_load((DATA / "pages.yaml").read_text(encoding="utf-8"))


def ensure_directory(home: HomePage, summary: "LoadSummary") -> tuple[DirectoryIndexPage, bool]:
    spec = site_data()["directory"]
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
    home: HomePage, summary: "LoadSummary"
) -> tuple[dict[str, InformationPage], list[str]]:
    """Create missing information pages (unpublished) in tree order.

    Returns every page by slug, and the slugs of those created, which still need their
    bodies and publishing once every link target exists.
    """
    by_slug: dict[str, InformationPage] = {}
    created: list[str] = []
    for spec in information_pages():
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


def stream_blocks(blocks: list[dict], resolve: Callable[[str], dict]) -> list[dict]:
    """Turn the page data's blocks into raw StreamField data, resolving link targets."""
    result = []
    for block in blocks:
        block_type, value = block["type"], block["value"]
        if block_type == "link_list":
            value = {
                "heading": value["heading"],
                "links": [
                    {
                        "text": link["text"],
                        "description": link.get("description", ""),
                        **resolve(link["to"]),
                    }
                    for link in value["links"]
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
    directory: DirectoryIndexPage, info_pages: dict[str, InformationPage]
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


def publish_bodies(
    home: HomePage | None,
    directory: DirectoryIndexPage,
    info_pages: dict[str, InformationPage],
    created_slugs: list[str],
) -> None:
    """Give the newly created pages (and a new home page) their bodies, and publish them."""
    resolve = link_resolver(directory, info_pages)
    easy_read = site_data()["easy_read_versions"]
    for spec in information_pages():
        if spec["slug"] not in created_slugs:
            continue
        page = info_pages[spec["slug"]]
        if spec["slug"] in easy_read:
            page.easy_read_version = info_pages[easy_read[spec["slug"]]]
        publish_with_body(page, stream_blocks(spec["body"], resolve))
    if home is not None:
        publish_with_body(home, stream_blocks(site_data()["home"]["body"], resolve))
