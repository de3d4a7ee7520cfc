"""Create a demo editor login for local development, printing its password once."""

import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from accounts.lifecycle import mark_email_verified
from accounts.roles import EDITORS_GROUP, MODERATORS_GROUP, SAFEGUARDING_LEADS_GROUP

EDITOR_EMAIL = "editor@example.org"
# The demo editor can try every journey, moderation and safeguarding included.
EDITOR_GROUPS = (EDITORS_GROUP, MODERATORS_GROUP, SAFEGUARDING_LEADS_GROUP)


class Command(BaseCommand):
    help = (
        f"Development only: create the demo editor {EDITOR_EMAIL} (Editors and Moderators, "
        "not a superuser) with a random password, shown once."
    )

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("create_demo_editor only runs with DEBUG on (development).")
        groups = list(Group.objects.filter(name__in=EDITOR_GROUPS))
        if len(groups) != len(EDITOR_GROUPS):
            raise CommandError(
                f"The groups {', '.join(EDITOR_GROUPS)} are not all there: run migrate first."
            )
        user_model = get_user_model()
        lookup = {user_model.USERNAME_FIELD: EDITOR_EMAIL}
        if user_model.objects.filter(**lookup).exists():
            self.stdout.write(
                f"The demo editor {EDITOR_EMAIL} already exists. To set a new password, run: "
                f"python manage.py changepassword {EDITOR_EMAIL}"
            )
            return
        password = secrets.token_urlsafe(12)
        with transaction.atomic():
            fields = {user_model.USERNAME_FIELD: EDITOR_EMAIL, "email": EDITOR_EMAIL}
            user = user_model.objects.create_user(password=password, **fields)
            user.first_name, user.last_name = "Demo", "Editor"
            user.save(update_fields=["first_name", "last_name"])
            user.groups.add(*groups)
            mark_email_verified(user)
        self.stdout.write(
            self.style.SUCCESS(
                "Demo editor created. Sign in at /admin/ with:\n"
                f"  email/username: {EDITOR_EMAIL}\n"
                f"  password:       {password}\n"
                "This password is shown only once. The admin then asks you to set up an\n"
                "authenticator app (a second factor): see the README."
            )
        )
