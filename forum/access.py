"""Who may see what in the forum, decided in one place.

The public sees live pages and actions from published minutes only. Forum members also read
minutes while they are in the "Forum review" task, and comment on them. Staff read any draft.
"""

from wagtail.models import Page, WorkflowState

from accounts.roles import is_forum_member, is_staff_member
from forum.models import ForumReviewTask, MinutesPage


def in_forum_review(minutes: Page) -> bool:
    """Whether the minutes are waiting in the Forum review task now."""
    task = minutes.current_workflow_task
    return task is not None and isinstance(task.specific, ForumReviewTask)


def can_read_draft(user, minutes: MinutesPage) -> bool:
    """Staff read any draft; forum members only minutes in forum review."""
    if is_staff_member(user):
        return True
    return is_forum_member(user) and in_forum_review(minutes)


def can_comment(user, minutes: MinutesPage) -> bool:
    """Comments are taken while the forum reviews the draft, from forum members and staff."""
    return is_forum_member(user) and in_forum_review(minutes)


def can_propose(user) -> bool:
    return is_forum_member(user)


def drafts_in_review() -> list[MinutesPage]:
    """Minutes waiting for the forum's review, for the members' list."""
    ids = WorkflowState.objects.filter(status=WorkflowState.STATUS_IN_PROGRESS).values_list(
        "object_id", flat=True
    )
    pages = MinutesPage.objects.filter(pk__in=[int(pk) for pk in ids]).order_by(
        "-latest_revision_created_at"
    )
    return [page for page in pages if in_forum_review(page)]
