"""Give Wagtail's Moderators group feedback moderation, and create a Safeguarding leads group.

- Moderators: moderate feedback, manage themes.
- Safeguarding leads: the above, plus see safeguarding concerns and export personal data.
Permissions are created here if `post_migrate` has not made them yet (a fresh database).
"""

from django.db import migrations

MODERATOR_PERMISSIONS = [
    ("feedbackitem", "moderate_feedbackitem", "Can moderate feedback"),
    ("theme", "add_theme", "Can add theme"),
    ("theme", "change_theme", "Can change theme"),
    ("theme", "delete_theme", "Can delete theme"),
]
SAFEGUARDING_LEAD_PERMISSIONS = MODERATOR_PERMISSIONS + [
    (
        "feedbackitem",
        "view_safeguarding",
        "Can see feedback flagged as a safeguarding concern",
    ),
    ("feedbackitem", "export_personal_data", "Can export feedback with personal data"),
]


def _permission(apps, model, codename, name):
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label="feedback", model=model)
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": name}
    )
    return permission


def _admin_access(apps):
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label="wagtailadmin", model="admin")
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename="access_admin",
        defaults={"name": "Can access Wagtail admin"},
    )
    return permission


def create_groups(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    moderators, _ = Group.objects.get_or_create(name="Moderators")
    moderators.permissions.add(
        _admin_access(apps), *(_permission(apps, *p) for p in MODERATOR_PERMISSIONS)
    )
    leads, _ = Group.objects.get_or_create(name="Safeguarding leads")
    leads.permissions.add(
        _admin_access(apps), *(_permission(apps, *p) for p in SAFEGUARDING_LEAD_PERMISSIONS)
    )


def remove_groups(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    Group.objects.filter(name="Safeguarding leads").delete()
    moderators = Group.objects.filter(name="Moderators").first()
    if moderators:
        moderators.permissions.remove(*(_permission(apps, *p) for p in MODERATOR_PERMISSIONS))


class Migration(migrations.Migration):
    dependencies = [
        ("feedback", "0002_moderation_permissions_complaints_digest"),
        ("wagtailcore", "0002_initial_data"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
