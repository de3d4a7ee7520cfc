"""Editors and moderators manage forum actions, teams and agenda proposals in the admin."""

from django.db import migrations

GROUPS = ("Editors", "Moderators")
MODELS = ("forumaction", "team", "agendaproposal")
ACTIONS = ("add", "change", "view")


def grant(apps, schema_editor):
    # Permissions are normally made after migrating; make these now so groups can hold them.
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    Group = apps.get_model("auth.Group")
    permissions = []
    for model in MODELS:
        content_type, _ = ContentType.objects.get_or_create(app_label="forum", model=model)
        verbose = apps.get_model("forum", model)._meta.verbose_name
        for action in ACTIONS:
            permission, _ = Permission.objects.get_or_create(
                content_type=content_type,
                codename=f"{action}_{model}",
                defaults={"name": f"Can {action} {verbose}"},
            )
            permissions.append(permission)
    for name in GROUPS:
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*permissions)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth.Permission")
    for group in apps.get_model("auth.Group").objects.filter(name__in=GROUPS):
        group.permissions.remove(*Permission.objects.filter(content_type__app_label="forum"))


class Migration(migrations.Migration):
    dependencies = [
        ("forum", "0002_minutes_workflow"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
