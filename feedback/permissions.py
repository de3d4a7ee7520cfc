"""Who may see and do what with feedback: the one place these rules live.

- Moderators (`feedback.moderate_feedbackitem`) work the queue: approve, redact, reject, flag,
  tag, and see the dashboard and the export without personal data.
- Safeguarding leads (`feedback.view_safeguarding`) also see items flagged as safeguarding
  concerns; nobody else does, not even moderators.
- `feedback.export_personal_data` adds email addresses to the export and the item page.
- Service owners: whoever created a service page, or is in a group granted "edit" on that very
  page, sees the feedback about that service (never safeguarding items, never personal data).
  A broad grant (the Editors group on the whole directory) does not make everyone an owner.
Superusers have every permission.
"""

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import Q, QuerySet
from wagtail.models import GroupPagePermission, Page
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permission_policies.pages import PagePermissionPolicy

from directory.models import ServicePage
from feedback.models import FeedbackItem

MODERATORS_GROUP = "Moderators"
SAFEGUARDING_LEADS_GROUP = "Safeguarding leads"

User = AbstractBaseUser | AnonymousUser


class FeedbackPermissionPolicy(ModelPermissionPolicy):
    """Model permissions on FeedbackItem, with our custom actions mapped to their codenames.

    Actions: "moderate", "export_personal_data", "view_safeguarding" (and Django's own
    add/change/delete/view, which the admin does not use for feedback); "see_service_feedback"
    (moderators and service owners); on one item, "view" (`can_see_item`).
    """

    CUSTOM_CODENAMES = {
        "moderate": "moderate_feedbackitem",
        "export_personal_data": "export_personal_data",
        "view_safeguarding": "view_safeguarding",
    }

    def _get_permission_codename(self, action: str) -> str:
        return self.CUSTOM_CODENAMES.get(action) or super()._get_permission_codename(action)

    def user_has_permission(self, user, action: str) -> bool:
        if action == "see_service_feedback":
            return can_see_service_feedback(user)
        return super().user_has_permission(user, action)

    def user_has_permission_for_instance(self, user, action: str, instance) -> bool:
        if action == "view":
            return can_see_item(user, instance)
        return super().user_has_permission_for_instance(user, action, instance)


feedback_permission_policy = FeedbackPermissionPolicy(FeedbackItem)


def can_moderate(user: User) -> bool:
    """Whether the user may work the moderation queue."""
    return feedback_permission_policy.user_has_permission(user, "moderate")


def can_view_safeguarding(user: User) -> bool:
    """Whether the user may see items flagged as safeguarding concerns."""
    return feedback_permission_policy.user_has_permission(user, "view_safeguarding")


def can_export_personal_data(user: User) -> bool:
    """Whether the user may see submitters' email addresses (item page and export)."""
    return feedback_permission_policy.user_has_permission(user, "export_personal_data")


def pages_user_can_edit(user: User) -> QuerySet[Page]:
    """Pages the user may edit through Wagtail's page permissions (owners of pages included)."""
    return PagePermissionPolicy().instances_user_has_permission_for(user, "change")


def service_pages_owned_by(user: User) -> QuerySet[Page]:
    """Pages the user answers for: they created it, or one of their groups has an explicit
    "edit" permission on that page itself (not one inherited from a section above it)."""
    if not user.is_authenticated or not user.is_active:
        return Page.objects.none()
    explicit = GroupPagePermission.objects.filter(
        group__in=user.groups.all(), permission__codename="change_page"
    ).values("page_id")
    return Page.objects.type(ServicePage).filter(Q(owner=user) | Q(pk__in=explicit))


def can_see_service_feedback(user: User) -> bool:
    """Whether the "Feedback about your services" list has anything for this user to see."""
    if not user.is_authenticated or not user.is_active:
        return False
    return can_moderate(user) or service_pages_owned_by(user).exists()


def service_feedback_for(user: User) -> QuerySet[FeedbackItem]:
    """Feedback about the pages this user can edit (all pages for moderators).

    Safeguarding concerns never appear here: they belong to the safeguarding list only.
    """
    items = FeedbackItem.objects.filter(subject_page__isnull=False).exclude(
        status=FeedbackItem.Status.SAFEGUARDING
    )
    if not user.is_authenticated or not user.is_active:
        return items.none()
    if can_moderate(user):
        return items
    return items.filter(subject_page__in=service_pages_owned_by(user).values("pk"))


def can_see_item(user: User, item: FeedbackItem) -> bool:
    """Whether the user may open this item's page in the admin."""
    if item.status == FeedbackItem.Status.SAFEGUARDING:
        return can_view_safeguarding(user)
    if can_moderate(user):
        return True
    return service_feedback_for(user).filter(pk=item.pk).exists()


def moderators() -> QuerySet:
    """Active users who moderate feedback (superusers included), for the weekly digest."""
    return (
        feedback_permission_policy.users_with_permission("moderate")
        .filter(is_active=True)
        .order_by("pk")
    )
