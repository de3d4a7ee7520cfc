"""The Editors group may add and edit services in every directory page, and nowhere else unless
an administrator grants it (see migrations/0003_editors_directory_only.py)."""

from django.contrib.auth.models import Group, Permission
from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.models import GroupPagePermission

from directory.models import DirectoryIndexPage

EDITORS_GROUP = "Editors"
EDITOR_PAGE_PERMISSIONS = ("add_page", "change_page")


@receiver(post_save, sender=DirectoryIndexPage)
def let_editors_edit_a_new_directory(sender, instance, created, raw=False, **kwargs) -> None:
    editors = Group.objects.filter(name=EDITORS_GROUP).first()
    if not created or raw or editors is None:
        return
    for permission in Permission.objects.filter(
        content_type__app_label="wagtailcore", codename__in=EDITOR_PAGE_PERMISSIONS
    ):
        GroupPagePermission.objects.get_or_create(
            group=editors, page=instance, permission=permission
        )
