"""Service owners: editors of a service page see its feedback in the admin; others do not."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from wagtail.models import GroupPagePermission

from feedback.tests.moderation_support import *  # noqa: F403

SERVICES = reverse("feedback_admin:services")


def page_editor(username, page):
    """A user whose group may edit `page` (and its children) and nothing else."""
    group = Group.objects.create(name=f"{username} editors")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    GroupPagePermission.objects.create(
        group=group, page=page, permission=Permission.objects.get(codename="change_page")
    )
    user = get_user_model().objects.create_user(username=username, password="pw")
    user.groups.add(group)
    return user


@pytest.fixture
def two_services(make_service):
    return make_service("Swim club"), make_service("Youth club")


def test_editor_of_a_service_sees_its_feedback_only(client, two_services, make_item):
    swim, youth = two_services
    mine = make_item(comment="Lovely pool", subject_page=swim, kind="service")
    theirs = make_item(comment="Noisy hall", subject_page=youth, kind="service")
    make_item(comment="Worrying", subject_page=swim, kind="service", status="safeguarding")
    client.force_login(page_editor("swim", swim))

    html = client.get(SERVICES).content.decode()
    assert "Lovely pool" in html
    assert "Noisy hall" not in html
    assert "Worrying" not in html

    page = client.get(reverse("feedback_admin:item", args=[mine.pk]))
    assert page.status_code == 200
    assert 'name="action"' not in page.content.decode()  # read-only for service owners
    assert client.get(reverse("feedback_admin:item", args=[theirs.pk])).status_code == 403


def test_service_owner_cannot_act_or_see_the_queue(client, two_services, make_item):
    swim, _ = two_services
    item = make_item(subject_page=swim)
    client.force_login(page_editor("swim", swim))
    assert client.get("/admin/feedback/").status_code == 403
    response = client.post(
        reverse("feedback_admin:item", args=[item.pk]),
        {"action": "approve", "approve-public_text": "x"},
    )
    assert response.status_code == 403
    item.refresh_from_db()
    assert item.status == "new"


def test_editor_without_page_permission_sees_nothing(client, editor, two_services, make_item):
    swim, _ = two_services
    item = make_item(subject_page=swim)
    client.force_login(editor)
    assert client.get(SERVICES).status_code == 403
    assert client.get(reverse("feedback_admin:item", args=[item.pk])).status_code == 403


def test_moderators_see_all_services_feedback(moderator_client, two_services, make_item):
    swim, youth = two_services
    make_item(comment="Lovely pool", subject_page=swim)
    make_item(comment="Noisy hall", subject_page=youth)
    html = moderator_client.get(SERVICES).content.decode()
    assert "Lovely pool" in html and "Noisy hall" in html


def test_page_editor_header_links_to_the_services_feedback(client, two_services):
    swim, youth = two_services
    client.force_login(page_editor("swim", swim))
    html = client.get(reverse("wagtailadmin_pages:edit", args=[swim.pk])).content.decode()
    assert f"{SERVICES}?subject_page={swim.pk}" in html
    assert "Feedback about this service" in html


def test_filter_by_service(moderator_client, two_services, make_item):
    swim, youth = two_services
    make_item(comment="Lovely pool", subject_page=swim)
    make_item(comment="Noisy hall", subject_page=youth)
    html = moderator_client.get(f"{SERVICES}?subject_page={youth.pk}").content.decode()
    assert "Noisy hall" in html and "Lovely pool" not in html


@pytest.mark.parametrize("count", [5, 30])
def test_services_list_query_count_is_constant(
    client, make_service, make_item, count, django_assert_max_num_queries
):
    swim = make_service("Swim club")
    for _ in range(count):
        make_item(subject_page=swim)
    client.force_login(page_editor("swim", swim))
    # A constant per request: the session, account session tracking (2), ownership checks.
    with django_assert_max_num_queries(24):
        response = client.get(SERVICES)
    assert response.content.decode().count("/admin/feedback/") >= min(count, 30)
