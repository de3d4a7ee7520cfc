"""The Editors group edits the directory, not the whole site: its page permissions move from
the root of the page tree to each directory page (new directory pages get them too, see
directory/signals.py). Other sections are granted explicitly by an administrator."""

from django.db import migrations

EDITOR_PAGE_PERMISSIONS = ("add_page", "change_page")


def narrow_editors(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    DirectoryIndexPage = apps.get_model("directory", "DirectoryIndexPage")
    editors = Group.objects.filter(name="Editors").first()
    if editors is None:
        return
    GroupPagePermission.objects.filter(group=editors, page__depth=1).delete()
    permissions = Permission.objects.filter(
        content_type__app_label="wagtailcore", codename__in=EDITOR_PAGE_PERMISSIONS
    )
    for directory in DirectoryIndexPage.objects.all():
        for permission in permissions:
            GroupPagePermission.objects.get_or_create(
                group=editors, page_id=directory.pk, permission=permission
            )


def widen_editors(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    Page = apps.get_model("wagtailcore", "Page")
    editors = Group.objects.filter(name="Editors").first()
    root = Page.objects.filter(depth=1).first()
    if editors is None or root is None:
        return
    for permission in Permission.objects.filter(
        content_type__app_label="wagtailcore", codename__in=EDITOR_PAGE_PERMISSIONS
    ):
        GroupPagePermission.objects.get_or_create(group=editors, page=root, permission=permission)


class Migration(migrations.Migration):
    dependencies = [
        ("directory", "0002_directory_link_block"),
        ("wagtailcore", "0098_apitoken"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(narrow_editors, widen_editors)]
