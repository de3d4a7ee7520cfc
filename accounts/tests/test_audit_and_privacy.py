"""The audit log in Wagtail's Site history, and the privacy notice linked from every form."""

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.contrib.auth.models import Group
from wagtail.log_actions import LogContext
from wagtail.models import ModelLogEntry

from accounts import audit
from accounts.roles import MODERATORS_GROUP
from accounts.wagtail_hooks import load_privacy_notice

from .conftest import PASSWORD

pytestmark = pytest.mark.django_db


def _actions(user) -> list[str]:
    return list(
        ModelLogEntry.objects.filter(object_id=str(user.pk))
        .order_by("pk")
        .values_list("action", flat=True)
    )


def test_sign_ins_failures_roles_and_mfa_are_logged_without_the_email(client, make_user):
    parent = make_user("parent@example.org")
    admin = make_user("admin@example.org", superuser=True)
    client.post("/accounts/login/", {"login": parent.email, "password": "wrong"})
    client.post("/accounts/login/", {"login": parent.email, "password": PASSWORD})
    client.post("/accounts/login/", {"login": "nobody@example.org", "password": "wrong"})
    with LogContext(user=admin):
        parent.groups.add(Group.objects.get(name=MODERATORS_GROUP))
    TOTP.activate(parent, generate_totp_secret())
    from allauth.mfa.models import Authenticator
    from allauth.mfa.signals import authenticator_added

    authenticator_added.send(
        sender=Authenticator,
        request=None,
        user=parent,
        authenticator=Authenticator.objects.get(user=parent),
    )
    assert _actions(parent) == [
        audit.SIGN_IN_FAILED,
        audit.SIGNED_IN,
        audit.GROUPS_CHANGED,
        audit.MFA_ADDED,
    ]
    groups = ModelLogEntry.objects.get(action=audit.GROUPS_CHANGED)
    assert groups.user == admin
    assert groups.data == {"change": "added", "groups": [MODERATORS_GROUP]}
    assert not ModelLogEntry.objects.filter(label__icontains="@").exists()


def test_site_admins_read_it_in_the_site_history_report(client, make_user):
    parent = make_user("parent@example.org")
    admin = make_user("admin@example.org", superuser=True)
    audit.log_account_event(parent, audit.SIGNED_IN)
    client.force_login(admin)
    page = client.get("/admin/reports/site-history/").content.decode()
    assert "Signed in" in page and f"Account {parent.pk}" in page
    filtered = client.get("/admin/reports/site-history/?action=accounts.sign_in")
    assert filtered.status_code == 200


def test_moderators_cannot_read_the_account_log(client, make_user):
    parent = make_user("parent@example.org")
    moderator = make_user("mod@example.org", MODERATORS_GROUP)
    audit.log_account_event(parent, audit.SIGNED_IN)
    client.force_login(moderator)
    page = client.get("/admin/reports/site-history/").content.decode()
    assert f"Account {parent.pk}" not in page


def test_privacy_notice_is_added_once_and_linked_from_footer_and_forms(client, site_root):
    assert load_privacy_notice() == "Privacy notice: added"
    assert load_privacy_notice() == "Privacy notice: already there"
    notice = client.get("/privacy/")
    assert notice.status_code == 200
    text = notice.content.decode()
    for heading in ("Feedback", "Young people", "Searches", "Accounts", "Emails"):
        assert heading in text
    for url in ("/", "/feedback/", "/feedback/young-people/?age=13-or-over", "/accounts/signup/"):
        page = client.get(url).content.decode()
        assert 'href="/privacy/"' in page, url
    # The footer once, and the form's own line too on forms.
    assert client.get("/feedback/").content.decode().count('href="/privacy/"') >= 2


def test_old_audit_entries_are_deleted_by_the_daily_command(make_user, settings):
    import datetime
    import io

    from django.core.management import call_command
    from django.utils import timezone

    settings.ACCOUNTS_AUDIT_LOG_DAYS = 365
    parent = make_user("parent@example.org")
    audit.log_account_event(parent, audit.SIGNED_IN)
    audit.log_account_event(parent, audit.DATA_EXPORTED)
    ModelLogEntry.objects.filter(action=audit.SIGNED_IN).update(
        timestamp=timezone.now() - datetime.timedelta(days=400)
    )
    output = io.StringIO()
    call_command("purge_unverified_accounts", stdout=output)
    assert _actions(parent) == [audit.DATA_EXPORTED]
    assert "Deleted 1 account audit entries" in output.getvalue()


def test_the_header_says_sign_in_or_your_account(client, site_root, make_user):
    assert 'href="/accounts/login/">Sign in</a>' in client.get("/").content.decode()
    client.force_login(make_user("parent@example.org"))
    assert 'href="/accounts/">Your account</a>' in client.get("/").content.decode()
