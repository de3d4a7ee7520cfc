import secrets

from django.db import migrations, models

ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"


def give_references(apps, schema_editor):
    """Items received before reference numbers existed get one too."""
    FeedbackItem = apps.get_model("feedback", "FeedbackItem")
    for item in FeedbackItem.objects.filter(reference__isnull=True).only("pk"):
        code = "".join(secrets.choice(ALPHABET) for _ in range(8))
        FeedbackItem.objects.filter(pk=item.pk).update(reference=f"FB-{code[:4]}-{code[4:]}")


class Migration(migrations.Migration):
    dependencies = [("feedback", "0004_kinds_from_higher_modules")]

    operations = [
        migrations.AddField(
            model_name="feedbackitem",
            name="reference",
            field=models.CharField(
                editable=False,
                help_text="Given to the sender.",
                max_length=12,
                null=True,
                unique=True,
            ),
        ),
        migrations.RunPython(give_references, migrations.RunPython.noop),
    ]
