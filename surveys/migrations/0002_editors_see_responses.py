"""Editors see survey responses; Safeguarding leads may also export them with accounts."""

from django.db import migrations

EDITOR_PERMISSIONS = [("surveyresponse", "view_surveyresponse", "Can view survey response")]
LEAD_PERMISSIONS = EDITOR_PERMISSIONS + [
    ("surveypage", "export_survey_personal_data", "Can export survey responses with accounts")
]


def _permission(apps, model, codename, name):
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label="surveys", model=model)
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": name}
    )
    return permission


def grant(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    for name, permissions in (("Editors", EDITOR_PERMISSIONS), ("Safeguarding leads", LEAD_PERMISSIONS)):
        group = Group.objects.filter(name=name).first()
        if group:
            group.permissions.add(*(_permission(apps, *p) for p in permissions))


class Migration(migrations.Migration):
    dependencies = [
        ("surveys", "0001_surveys_and_responses"),
        ("feedback", "0003_moderation_groups"),
        ("wagtailcore", "0001_squashed_0016_change_page_url_path_to_text_field"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
