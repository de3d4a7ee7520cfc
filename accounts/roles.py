"""The roles people have on the site, decided in one place.

Roles are Django groups (staff roles also carry Wagtail and model permissions):
- public: anyone, signed in or not;
- member: anyone signed in;
- forum member: a member that staff added to the "Forum members" group (reads draft minutes,
  comments on them, proposes agenda items); not staff, never in the Wagtail admin;
- editor ("Editors"), moderator ("Moderators"), safeguarding lead ("Safeguarding leads"),
  site admin (superuser): staff, who use the Wagtail admin.
"""

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

FORUM_MEMBERS_GROUP = "Forum members"
EDITORS_GROUP = "Editors"
MODERATORS_GROUP = "Moderators"
SAFEGUARDING_LEADS_GROUP = "Safeguarding leads"

AnyUser = AbstractBaseUser | AnonymousUser


def _in_group(user: AnyUser, name: str) -> bool:
    if not user.is_authenticated or not user.is_active:
        return False
    return user.is_superuser or user.groups.filter(name=name).exists()


def is_forum_member(user: AnyUser) -> bool:
    """Whether the user may read and comment on the forum's draft minutes (staff may too)."""
    return _in_group(user, FORUM_MEMBERS_GROUP) or is_staff_member(user)


def is_staff_member(user: AnyUser) -> bool:
    """Whether the user has a staff role: may use the Wagtail admin."""
    return bool(
        user.is_authenticated and user.is_active and user.has_perm("wagtailadmin.access_admin")
    )
