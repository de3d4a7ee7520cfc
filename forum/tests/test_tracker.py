"""The public actions tracker: filters with counts, overdue with a fixed clock, tags, addresses."""

import datetime

import pytest

from feedback.models import Theme
from forum.actions import create_action, record_update
from forum.factories import TeamFactory
from forum.models.actions import ActionStatus

pytestmark = pytest.mark.django_db


@pytest.fixture
def actions(make_meeting, make_minutes, fixed_today):
    july = make_meeting("July meeting", datetime.date(2026, 7, 1))
    september = make_meeting("September meeting", datetime.date(2026, 9, 1))
    make_minutes(july)
    make_minutes(september)
    transport = TeamFactory(name="Transport team")
    breaks = TeamFactory(name="Short breaks team")
    theme = Theme.objects.create(name="Getting to school", slug="getting-to-school")
    made = {
        "overdue": create_action(
            meeting=july,
            what="Bus times",
            team=transport,
            due_date=datetime.date(2026, 11, 1),
            theme=theme,
        ),
        "due_later": create_action(
            meeting=july, what="Bus passes", team=transport, due_date=datetime.date(2026, 12, 1)
        ),
        "done_late": create_action(
            meeting=september,
            what="Short breaks list",
            team=breaks,
            due_date=datetime.date(2026, 10, 1),
        ),
        "in_progress_overdue": create_action(
            meeting=september,
            what="Respite review",
            team=breaks,
            due_date=datetime.date(2026, 11, 19),
        ),
    }
    record_update(made["done_late"], status=ActionStatus.DONE)
    record_update(made["in_progress_overdue"], status=ActionStatus.IN_PROGRESS)
    return made


def titles(response) -> list[str]:
    return [a.what for a in response.context["actions"]]


def counts(response, key: str) -> dict[str, int]:
    group = next(g for g in response.context["groups"] if g.key == key)
    return {v.label: v.count for v in group.values}


def test_tracker_lists_every_published_action_with_counts(client, actions):
    response = client.get("/forum/actions/")
    assert response.status_code == 200
    assert sorted(titles(response)) == [
        "Bus passes",
        "Bus times",
        "Respite review",
        "Short breaks list",
    ]
    assert counts(response, "status") == {"Open": 2, "In progress": 1, "Done": 1, "Dropped": 0}
    assert counts(response, "team") == {"Short breaks team": 2, "Transport team": 2}
    assert response.context["overdue_count"] == 2
    html = response.content.decode()
    assert 'Transport team <span class="localoffer-facets__count">(2)</span>' in html


def test_overdue_filter_uses_the_fixed_clock(client, actions):
    response = client.get("/forum/actions/?overdue=yes")
    # Due 19 November and still in progress on the 20th: overdue. Done late: not overdue.
    assert sorted(titles(response)) == ["Bus times", "Respite review"]
    assert b"Overdue" in response.content


def test_filters_or_within_and_across_with_other_filters_counts(client, actions):
    response = client.get(
        f"/forum/actions/?status=open&status=in_progress&team={actions['overdue'].team_id}"
    )
    assert sorted(titles(response)) == ["Bus passes", "Bus times"]
    # Status counts ignore the status filter but keep the team filter.
    assert counts(response, "status") == {"Open": 2, "In progress": 0, "Done": 0, "Dropped": 0}
    # Team counts ignore the team filter but keep the status filter.
    assert counts(response, "team") == {"Short breaks team": 1, "Transport team": 2}


def test_meeting_and_theme_filters(client, actions):
    meeting_id = actions["done_late"].meeting_id
    assert sorted(titles(client.get(f"/forum/actions/?meeting={meeting_id}"))) == [
        "Respite review",
        "Short breaks list",
    ]
    theme_id = actions["overdue"].theme_id
    assert titles(client.get(f"/forum/actions/?theme={theme_id}")) == ["Bus times"]


def test_selected_filters_are_removable_tags(client, actions):
    response = client.get("/forum/actions/?status=open&overdue=yes")
    tags = {t["label"]: t["href"] for t in response.context["tags"]}
    assert tags == {"Status: Open": "?overdue=yes", "Overdue only": "?status=open"}
    assert b"Remove filter" in response.content


@pytest.mark.parametrize(
    "query",
    ["status=nonsense", "team=abc", "meeting=999999", "theme=%00", "page=-1", "overdue=maybe"],
)
def test_bad_filter_values_are_ignored_never_an_error(client, actions, query):
    response = client.get(f"/forum/actions/?{query}")
    assert response.status_code == 200
    assert len(titles(response)) == 4


def test_each_action_has_a_stable_public_address_with_its_trail(client, actions):
    action = actions["in_progress_overdue"]
    response = client.get(f"/forum/actions/{action.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Respite review" in html
    assert "Short breaks team" in html
    assert "Status changed to In progress." in html
    assert "Overdue" in html


def test_actions_from_unpublished_minutes_are_not_public(
    client, make_meeting, make_minutes, team, fixed_today
):
    meeting = make_meeting("October meeting", datetime.date(2026, 10, 1))
    make_minutes(meeting, live=False)
    secret = create_action(meeting=meeting, what="Draft-only action", team=team)
    assert b"Draft-only action" not in client.get("/forum/actions/").content
    assert client.get(f"/forum/actions/{secret.pk}/").status_code == 404


def test_the_clock_decides_overdue(client, actions, monkeypatch):
    # Due 1 December: not overdue on the fixed 20 November, overdue on 2 December.
    assert "Bus passes" not in titles(client.get("/forum/actions/?overdue=yes"))
    monkeypatch.setattr("forum.clock.today", lambda: datetime.date(2026, 12, 2))
    assert "Bus passes" in titles(client.get("/forum/actions/?overdue=yes"))
