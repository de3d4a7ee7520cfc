"""Creating thousands of live service pages in a few queries, for imports in bulk.

Wagtail's `add_child()` saves one page at a time (about 64 a second on SQLite). Here the pages
planned by the import are written together: the `wagtailcore_page` rows with the tree paths the
materialised-path tree would give them (treebeard's documented `alphabet` and `steplen`), then
the service rows, their taxonomies and child objects (contacts, locations, opening times), one
published revision each, then the parent's child count and Wagtail's search index. Apps above
the directory (search) index them in bulk through the `after_bulk_services_created` hook.
"""

from collections.abc import Iterator, Sequence

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import get_all_child_relations
from modelsearch.backends import get_search_backends
from treebeard.numconv import NumConv
from wagtail import hooks
from wagtail.models import Page, Revision

from directory.models import DirectoryIndexPage, ServicePage

BATCH_SIZE = 1000
# Wagtail hook run once after a bulk load, with the new page ids, so apps above the directory
# (search) can index them in bulk: `fn(page_ids: list[int]) -> None`.
AFTER_BULK_SERVICES_CREATED = "after_bulk_services_created"


def run_after_bulk_hooks(page_ids: list[int]) -> None:
    """Tell the apps above the directory (search) about new services, once, in bulk."""
    for fn in hooks.get_hooks(AFTER_BULK_SERVICES_CREATED):
        fn(page_ids)


def _batches(items: Sequence, size: int = BATCH_SIZE) -> Iterator[Sequence]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


@transaction.atomic
def create_live_pages(parent: DirectoryIndexPage, pages: list[ServicePage], user=None) -> list[int]:
    """Save unsaved pages (slugs set, relations held in memory) as live children of `parent`.

    Returns the new page ids in tree order; the caller runs `run_after_bulk_hooks` with them.
    """
    parent = Page.objects.select_for_update().get(pk=parent.pk)
    _place_in_tree(parent, pages)
    bases = [
        Page(**{f.attname: getattr(p, f.attname) for f in Page._meta.concrete_fields})
        for p in pages
    ]
    for batch in _batches(bases):
        Page.objects.bulk_create(batch)
    for page, base in zip(pages, bases, strict=True):
        page.id = page.page_ptr_id = base.id
        page._state.adding = False
    # Django refuses bulk_create on a multi-table model: insert only the service table's columns.
    fields = ServicePage._meta.local_concrete_fields
    batch_size = max(1, min(BATCH_SIZE, connection.ops.bulk_batch_size(fields, pages)))
    for batch in _batches(pages, batch_size):
        ServicePage._base_manager._insert(batch, fields=fields)
    _insert_relations(pages)
    _insert_live_revisions(pages, user)
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(pages))
    for backend in get_search_backends(with_auto_update=True):
        for batch in _batches(pages):
            backend.add_bulk(ServicePage, list(batch))
    return [page.id for page in pages]


def _place_in_tree(parent: Page, pages: list[ServicePage]) -> None:
    """Give each page the path, depth and url a new last child of `parent` would get."""
    numbers = NumConv(Page.alphabet)
    last = parent.get_last_child()
    position = numbers.str2int(last.path[-Page.steplen :]) if last else 0
    content_type = ContentType.objects.get_for_model(ServicePage)
    now = timezone.now()
    for page in pages:
        position += 1
        page.path = parent.path + numbers.int2str(position).rjust(Page.steplen, "0")
        page.depth, page.numchild = parent.depth + 1, 0
        page.url_path = f"{parent.url_path}{page.slug}/"
        page.content_type, page.locale_id = content_type, parent.locale_id
        page.draft_title = page.title
        page.live, page.has_unpublished_changes = True, False
        page.first_published_at = page.last_published_at = now
        page.latest_revision_created_at = now


def _insert_relations(pages: list[ServicePage]) -> None:
    """The taxonomy links and child objects (contacts, locations...) each page holds in memory."""
    for relation in get_all_child_relations(ServicePage):
        if relation.field.remote_field.model is not ServicePage:
            continue  # Wagtail's own (comments): a new page has none, and asking is a query
        accessor, key = relation.get_accessor_name(), relation.field.attname
        children = []
        for page in pages:
            for order, child in enumerate(getattr(page, accessor).all()):
                setattr(child, key, page.id)
                if hasattr(child, "sort_order"):
                    child.sort_order = order
                children.append(child)
        relation.related_model.objects.bulk_create(children, batch_size=BATCH_SIZE)
    for m2m in ServicePage._meta.get_fields():
        if not isinstance(m2m, ParentalManyToManyField):
            continue
        through = m2m.remote_field.through
        page_column = f"{m2m.m2m_field_name()}_id"
        value_column = f"{m2m.m2m_reverse_field_name()}_id"
        rows = [
            through(**{page_column: page.id, value_column: value.pk})
            for page in pages
            for value in getattr(page, m2m.name).all()
        ]
        through.objects.bulk_create(rows, batch_size=BATCH_SIZE)


def _insert_live_revisions(pages: list[ServicePage], user) -> None:
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
            user=user,
            object_str=page.title,
            content=page.serializable_data(),
        )
        for page in pages
    ]
    Revision.objects.bulk_create(revisions, batch_size=BATCH_SIZE)
    for page, revision in zip(pages, revisions, strict=True):
        page.latest_revision_id = page.live_revision_id = revision.pk
    rows = [Page(id=p.id, latest_revision_id=p.id, live_revision_id=p.id) for p in pages]
    for row, revision in zip(rows, revisions, strict=True):
        row.latest_revision_id = row.live_revision_id = revision.pk
    Page.objects.bulk_update(rows, ["latest_revision", "live_revision"], batch_size=BATCH_SIZE)
