"""Service ownership follows explicit page permissions: the Editors group edits the directory,
which does not make every editor the owner of every service (and reader of its feedback)."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission

from directory.factories import DirectoryIndexPageFactory
from feedback.permissions import service_feedback_for, service_pages_owned_by
from feedback.tests.moderation_support import *  # noqa: F403

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(db):
    user = get_user_model().objects.create_user(username="ed", password="pw")
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def test_editors_edit_the_directory_but_not_the_whole_site(editor, site_root, directory_page):
    grants = GroupPagePermission.objects.filter(group__name="Editors")
    assert not grants.filter(page__depth=1).exists(), "no longer granted from the root"
    assert set(
        grants.filter(page=directory_page).values_list("permission__codename", flat=True)
    ) == {
        "add_page",
        "change_page",
    }
    assert directory_page.permissions_for_user(editor).can_add_subpage()
    assert not site_root.permissions_for_user(editor).can_edit()
    other = DirectoryIndexPageFactory(parent=site_root, title="Second", slug="second")
    editor = get_user_model().objects.get(pk=editor.pk)  # permissions are cached per user
    assert other.permissions_for_user(editor).can_add_subpage()


def test_a_directory_wide_grant_does_not_make_an_owner(editor, make_service, make_item):
    swim = make_service("Swim club")
    youth = make_service("Youth club", owner=editor)
    make_item(comment="Lovely pool", subject_page=swim, kind="service")
    make_item(comment="Noisy hall", subject_page=youth, kind="service")
    assert swim.permissions_for_user(editor).can_edit()
    assert list(service_pages_owned_by(editor).values_list("title", flat=True)) == ["Youth club"]
    assert [item.comment for item in service_feedback_for(editor)] == ["Noisy hall"]


def test_an_explicit_grant_on_the_service_makes_an_owner(editor, make_service, make_item):
    swim = make_service("Swim club")
    make_item(comment="Lovely pool", subject_page=swim, kind="service")
    group = Group.objects.create(name="Swim club team")
    GroupPagePermission.objects.create(
        group=group, page=swim, permission=Permission.objects.get(codename="change_page")
    )
    editor.groups.add(group)
    assert [item.comment for item in service_feedback_for(editor)] == ["Lovely pool"]
