"""Editors: feedback waiting for a response, "Create response" prefilled, figures, dashboard."""

import re

import pytest
from django.contrib.auth import get_user_model

from you_said_we_did.figures import median_days_to_first_response
from you_said_we_did.models import ResponsePage
from you_said_we_did.tests.conftest import days_ago

pytestmark = pytest.mark.django_db


@pytest.fixture
def moderator_client(client):
    user = get_user_model().objects.create_superuser("mod", "mod@example.org", "pw")
    client.force_login(user)
    return client


def test_waiting_lists_approved_feedback_without_response_oldest_first(
    moderator_client, make_item, make_response
):
    old = make_item("Oldest words", submitted_at=days_ago(40))
    new = make_item("Newer words", submitted_at=days_ago(3))
    answered = make_item("Answered words", submitted_at=days_ago(60))
    make_item("Not approved", status="new")
    make_response(items=[answered])
    html = moderator_client.get("/admin/you-said-we-did/waiting/").content.decode()
    assert html.index(old.reference) < html.index(new.reference)
    assert answered.reference not in html and "Not approved" not in html
    assert "<strong>40</strong>" in html


def test_a_person_who_cannot_moderate_is_refused(client, django_user_model):
    user = django_user_model.objects.create_user("editor", "e@example.org", "pw")
    from django.contrib.auth.models import Permission

    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    assert client.get("/admin/you-said-we-did/waiting/").status_code in (302, 403)
    assert client.get("/admin/you-said-we-did/create/").status_code in (302, 403)


def test_create_response_from_a_theme_prefills_the_evidence(
    moderator_client, response_index, make_item
):
    first = make_item("Bus one", themes=["Transport"], submitted_at=days_ago(20))
    second = make_item("Bus two", themes=["Transport"])
    make_item("Other", themes=["Parking"])
    form = moderator_client.get("/admin/you-said-we-did/create/?theme=transport").content.decode()
    checked = set(re.findall(r'<input[^>]*value="(\d+)"[^>]*checked', form))
    assert checked == {str(first.pk), str(second.pk)}
    response = moderator_client.post(
        "/admin/you-said-we-did/create/",
        {
            "title": "Better buses",
            "you_said": "Buses were unreliable.",
            "team": "Transport team",
            "decision_maker": "Head of Transport",
            "items": [first.pk, second.pk],
        },
    )
    page = ResponsePage.objects.get()
    assert response.status_code == 302 and response.url.endswith(f"/pages/{page.pk}/edit/")
    assert not page.live
    assert {link.feedback_item for link in page.feedback_links.all()} == {first, second}
    assert [t.slug for t in page.themes.all()] == ["transport"]
    assert page.first_raised == first.created_date
    # The edit view opens with the prefilled evidence.
    assert moderator_client.get(response.url).status_code == 200


def test_figures_median_days_and_counts_by_status_and_team(
    moderator_client, make_item, make_response
):
    a = make_item(submitted_at=days_ago(10))
    b = make_item(submitted_at=days_ago(20))
    c = make_item(submitted_at=days_ago(30))
    make_response("One", items=[a, b], status="done", team="Transport team")
    make_response("Two", items=[c], status="planned", team="Local Offer team")
    assert median_days_to_first_response() == 20
    html = moderator_client.get("/admin/you-said-we-did/figures/").content.decode()
    assert "Transport team" in html and "Local Offer team" in html
    assert "<strong>20</strong>" in html


def test_the_dashboard_warns_when_the_register_is_due(moderator_client, response_index):
    html = moderator_client.get("/admin/").content.decode()
    assert 'data-register-staleness="overdue"' in html
    assert "has never been published" in html
