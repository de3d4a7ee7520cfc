"""The "Forum minutes" workflow: Forum review, then Agreed by the forum (publishes)."""

from django.db import migrations

WORKFLOW = "Forum minutes"
MODERATORS = "Moderators"  # they may publish, which the last approval does


def create_workflow(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    ContentType = apps.get_model("contenttypes.ContentType")
    Workflow = apps.get_model("wagtailcore.Workflow")
    WorkflowTask = apps.get_model("wagtailcore.WorkflowTask")
    ForumReviewTask = apps.get_model("forum.ForumReviewTask")
    GroupApprovalTask = apps.get_model("wagtailcore.GroupApprovalTask")
    if Workflow.objects.filter(name=WORKFLOW).exists():
        return
    moderators, _ = Group.objects.get_or_create(name=MODERATORS)
    review = ForumReviewTask.objects.create(
        name="Forum review",
        content_type=ContentType.objects.get_or_create(app_label="forum", model="forumreviewtask")[0],
    )
    review.groups.add(moderators)
    agreed = GroupApprovalTask.objects.create(
        name="Agreed by the forum",
        content_type=ContentType.objects.get_or_create(
            app_label="wagtailcore", model="groupapprovaltask"
        )[0],
    )
    agreed.groups.add(moderators)
    workflow = Workflow.objects.create(name=WORKFLOW)
    WorkflowTask.objects.create(workflow=workflow, task=review, sort_order=0)
    WorkflowTask.objects.create(workflow=workflow, task=agreed, sort_order=1)


def remove_workflow(apps, schema_editor):
    apps.get_model("wagtailcore.Workflow").objects.filter(name=WORKFLOW).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("forum", "0001_meetings_minutes_actions"),
        ("wagtailcore", "0098_apitoken"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_workflow, remove_workflow)]
