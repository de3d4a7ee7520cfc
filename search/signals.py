"""Index sync: Wagtail's publish, unpublish, move and delete signals, taxonomy edits, and the
`after_bulk_services_created` hook of bulk generators. Drafts never reach an index."""

from django.db.models.signals import post_delete, post_save, pre_delete
from django.dispatch import receiver
from wagtail import hooks
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from directory.models import DirectoryIndexPage, District, Organisation, ServicePage
from directory.vocabularies import TAXONOMY_MODELS
from search import synonyms, understanding
from search.indexing import bump_index_version, index_services, remove_services
from search.models import SearchSynonym, ServiceDocument
from search.tasks import reindex_services


@receiver(page_published, sender=ServicePage)
def index_published_service(sender, instance, **kwargs) -> None:
    index_services([instance.pk])


@receiver(page_unpublished, sender=ServicePage)
def remove_unpublished_service(sender, instance, **kwargs) -> None:
    remove_services([instance.pk])


@receiver(post_delete, sender=ServicePage)
def remove_deleted_service(sender, instance, **kwargs) -> None:
    remove_services([instance.pk])


@receiver(post_page_move)
def reindex_moved_services(sender, instance, **kwargs) -> None:
    """A moved service, or the services under a moved page, have new web addresses."""
    page = instance if isinstance(instance, Page) else Page.objects.get(pk=instance.pk)
    ids = ServicePage.objects.descendant_of(page, inclusive=True).values_list("pk", flat=True)
    index_services(ids)


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def reindex_after_privacy_change(sender, instance, **kwargs) -> None:
    """A restricted service leaves the index; one whose last restriction goes comes back."""
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is None:  # the restricted page itself is being deleted
        return
    index_services(
        ServicePage.objects.descendant_of(page, inclusive=True).values_list("pk", flat=True)
    )


@receiver(page_published, sender=DirectoryIndexPage)
def reindex_services_after_directory_rename(sender, instance, **kwargs) -> None:
    """A new slug for the directory changes every service's web address."""
    stale = ServiceDocument.objects.filter(page__in=ServicePage.objects.child_of(instance)).exclude(
        url_path__startswith=instance.url_path
    )
    if stale.exists():
        index_services(ServicePage.objects.child_of(instance).values_list("pk", flat=True))


def _services_using(instance) -> list[int]:
    ids = set(instance.services.values_list("pk", flat=True))
    if isinstance(instance, District):
        # County-wide services carry every district.
        ids |= set(ServiceDocument.objects.filter(county_wide=True).values_list("pk", flat=True))
    return sorted(ids)


def reindex_after_taxonomy_save(sender, instance, **kwargs) -> None:
    """A renamed value (or a new district) changes labels and text of the services using it."""
    bump_index_version()  # the facet labels, even of a value no service uses yet
    ids = _services_using(instance)
    if ids:
        reindex_services.enqueue(ids)


def remember_services_before_delete(sender, instance, **kwargs) -> None:
    instance._search_service_ids = _services_using(instance)


def reindex_after_taxonomy_delete(sender, instance, **kwargs) -> None:
    bump_index_version()
    ids = getattr(instance, "_search_service_ids", [])
    if ids:
        reindex_services.enqueue(ids)


for model in (*TAXONOMY_MODELS.values(), Organisation):
    post_save.connect(reindex_after_taxonomy_save, sender=model, dispatch_uid=f"search-{model}")
    pre_delete.connect(
        remember_services_before_delete, sender=model, dispatch_uid=f"search-{model}"
    )
    post_delete.connect(reindex_after_taxonomy_delete, sender=model, dispatch_uid=f"search-{model}")


@hooks.register("after_bulk_services_created")
def index_bulk_created_services(page_ids) -> None:
    """Bulk generators insert pages without signals; they call this hook with the new ids."""
    index_services(page_ids)


@receiver([post_save, post_delete], sender=SearchSynonym)
def forget_cached_synonyms(sender, **kwargs) -> None:
    """An editor's change to the search words applies to the next search."""
    synonyms.clear_cache()


@receiver([post_save, post_delete], sender=District)
def forget_cached_district_names(sender, **kwargs) -> None:
    understanding.clear_district_cache()
