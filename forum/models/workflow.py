"""The "Forum review" workflow task: while minutes sit in it, forum members read and comment."""

from wagtail.models import AbstractGroupApprovalTask

MINUTES_WORKFLOW_NAME = "Forum minutes"


class ForumReviewTask(AbstractGroupApprovalTask):
    """Forum members read the draft minutes and comment; the chosen groups close the review.

    Approving moves the minutes to the next task ("Agreed by the forum"); requesting changes
    sends them back to the editor.
    """

    def get_actions(self, obj, user):
        if user.is_superuser or self._user_in_groups(user):
            return [
                ("reject", "Send back for changes", True),
                ("approve", "End forum review", False),
                ("approve", "End forum review with a comment", True),
            ]
        return []

    @classmethod
    def get_description(cls) -> str:
        return (
            "Forum members can read the draft minutes and comment on them. Members of the "
            "chosen groups end the review."
        )

    class Meta:
        verbose_name = "Forum review"
        verbose_name_plural = "Forum reviews"
