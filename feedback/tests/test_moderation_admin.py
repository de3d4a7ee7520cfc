"""Moderation through the Wagtail admin, as a moderator would do it with the test client."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from feedback.models import FeedbackItem, ModerationLogEntry
from feedback.tests.moderation_support import *  # noqa: F403

Action = ModerationLogEntry.Action
QUEUE = "/admin/feedback/"


def item_page(item):
    return reverse("feedback_admin:item", args=[item.pk])


def post_action(client, item, action, **fields):
    data = {"action": action, **{f"{action}-{name}": value for name, value in fields.items()}}
    return client.post(item_page(item), data)


def test_queue_lists_new_items_with_counts_per_status(moderator_client, make_item):
    make_item(comment="New one")
    make_item(comment="Approved one", status="approved")
    make_item(comment="Rejected one", status="rejected")
    make_item(comment="Worrying one", status="safeguarding")
    response = moderator_client.get(QUEUE)
    html = response.content.decode()
    assert response.status_code == 200
    assert "New one" in html
    assert "Approved one" not in html  # the queue shows new items by default
    assert "Worrying one" not in html
    assert re.search(r"New: <strong>1</strong>", html)
    assert re.search(r"Approved: <strong>1</strong>", html)
    assert "Safeguarding concerns:" not in html  # moderators don't see safeguarding counts


@pytest.mark.parametrize(
    ("query", "expected", "hidden"),
    [
        ("status=all", ["Garden", "Library"], []),
        ("status=all&kind=service", ["Garden"], ["Library"]),
        ("status=all&topic=accessibility", ["Library"], ["Garden"]),
        ("status=approved", ["Library"], ["Garden"]),
        ("status=all&q=garden", ["Garden"], ["Library"]),
        ("status=all&suspected_spam=true", ["Library"], ["Garden"]),
        ("status=all&received_from=2026-01-01&received_to=2026-01-31", ["Garden"], ["Library"]),
    ],
)
def test_queue_filters(moderator_client, make_item, query, expected, hidden):
    import datetime

    from django.utils import timezone

    make_item(
        comment="Garden",
        kind="service",
        submitted_at=timezone.make_aware(datetime.datetime(2026, 1, 10, 12)),
    )
    make_item(comment="Library", topic="accessibility", status="approved", suspected_spam=True)
    html = moderator_client.get(f"{QUEUE}?{query}").content.decode()
    for text in expected:
        assert text in html
    for text in hidden:
        assert text not in html


def test_queue_filters_by_theme_and_district(moderator_client, make_item, theme):
    from directory.models import District

    north = District.objects.create(name="North", slug="north")
    make_item(comment="Tagged", themes=[theme])
    make_item(comment="In the north", district=north)
    html = moderator_client.get(f"{QUEUE}?themes={theme.pk}").content.decode()
    assert "Tagged" in html and "In the north" not in html
    html = moderator_client.get(f"{QUEUE}?district={north.pk}").content.decode()
    assert "In the north" in html and "Tagged" not in html


@pytest.mark.parametrize("count", [5, 30])
def test_queue_query_count_does_not_grow_with_items(
    moderator_client, make_item, theme, count, django_assert_max_num_queries
):
    from directory.models import District

    north = District.objects.create(name="North", slug="north")
    for _ in range(count):
        make_item(district=north, themes=[theme])
    # A constant per request: the session, account session tracking (2), page permissions.
    with django_assert_max_num_queries(24):
        response = moderator_client.get(QUEUE)
    assert response.content.decode().count('href="/admin/feedback/') >= min(count, 30)


def test_original_text_is_escaped_on_item_page(moderator_client, make_item):
    item = make_item(comment='<script>alert("x")</script><b>bold</b>')
    html = moderator_client.get(item_page(item)).content.decode()
    assert "<script>alert(" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;b&gt;bold&lt;/b&gt;" in html


def test_approve_with_redaction_through_admin_logs_who_and_why(
    moderator_client, moderator, make_item
):
    item = make_item(comment="Ms Jones at the club was rude to Amy.")
    response = post_action(
        moderator_client,
        item,
        "approve",
        public_text="A worker at the club was rude to my child.",
        reason="Removed names",
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.status == "approved"
    assert item.comment == "Ms Jones at the club was rude to Amy."
    assert item.public_text == "A worker at the club was rude to my child."
    html = moderator_client.get(item_page(item)).content.decode()
    log = html[html.index('data-testid="moderation-log"') :]
    assert "Public version edited" in log and "Removed names" in log
    assert "Mo Derator" in log
    assert "Approved for publication" in log


def test_redact_through_admin_needs_reason(moderator_client, make_item):
    item = make_item()
    response = post_action(moderator_client, item, "redact", public_text="Shorter", reason="")
    assert response.status_code == 200
    assert "This field is required" in response.content.decode()
    item.refresh_from_db()
    assert item.public_text == ""


def test_reject_with_reason_keeps_reason(moderator_client, make_item):
    item = make_item()
    post_action(moderator_client, item, "reject", reason="vexatious", note="")
    item.refresh_from_db()
    assert (item.status, item.rejection_reason) == ("rejected", "vexatious")
    html = moderator_client.get(item_page(item)).content.decode()
    assert "Rejected: Vexatious" in html


def test_individual_case_rejection_shows_complaints_text_and_emails_writer(
    moderator_client, make_item
):
    item = make_item(wants_response=True, email="carer@example.org")
    response = post_action(moderator_client, item, "reject", reason="individual_case", note="")
    assert response.status_code == 302
    html = moderator_client.get(item_page(item)).content.decode()
    assert 'data-testid="complaints-process"' in html
    assert "you can make a complaint" in html
    assert [m.to for m in mail.outbox] == [["carer@example.org"]]


def test_safeguarding_flag_emails_at_once_and_leaves_the_queue(moderator_client, make_item):
    item = make_item(comment="Flag me please")
    response = post_action(moderator_client, item, "flag", reason="Says they are unsafe")
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert "safeguarding" in mail.outbox[0].subject.lower()
    assert "Flag me please" not in moderator_client.get(f"{QUEUE}?status=all").content.decode()
    # A moderator who is not a safeguarding lead can no longer open it.
    assert moderator_client.get(item_page(item)).status_code == 403


def test_safeguarding_list_is_for_safeguarding_leads_only(
    client, moderator, safeguarding_lead, make_item
):
    make_item(comment="Held back", status="safeguarding")
    client.force_login(moderator)
    assert client.get(reverse("feedback_admin:safeguarding")).status_code == 403
    client.force_login(safeguarding_lead)
    response = client.get(reverse("feedback_admin:safeguarding"))
    assert response.status_code == 200
    assert "Held back" in response.content.decode()


def test_themes_through_admin(moderator_client, make_item, theme):
    item = make_item()
    post_action(moderator_client, item, "themes", themes=[theme.pk])
    assert list(item.themes.all()) == [theme]
    assert item.log_entries.filter(action=Action.THEMES_CHANGED).exists()


@pytest.mark.parametrize("action", ["approve", "reject", "flag", "themes"])
def test_non_moderators_cannot_act(client, editor, make_item, action):
    item = make_item()
    client.force_login(editor)
    assert client.get(QUEUE).status_code == 403
    assert client.get(item_page(item)).status_code == 403
    assert post_action(client, item, action, reason="x").status_code == 403
    item.refresh_from_db()
    assert item.status == FeedbackItem.Status.NEW


def test_anonymous_is_sent_to_login(client, make_item):
    response = client.get(QUEUE)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_personal_data_on_item_page_only_with_permission(
    client, moderator, safeguarding_lead, make_item
):
    item = make_item(wants_response=True, email="secret@example.org")
    client.force_login(moderator)
    assert "secret@example.org" not in client.get(item_page(item)).content.decode()
    client.force_login(safeguarding_lead)
    assert "secret@example.org" in client.get(item_page(item)).content.decode()


def test_safeguarding_email_links_to_the_item_page(moderator_client, make_item):
    item = make_item()
    post_action(moderator_client, item, "flag", reason="Worried")
    assert f"http://testserver/admin/feedback/{item.pk}/" in mail.outbox[0].body


def test_safeguarding_lead_opens_and_unflags(lead_client, make_item):
    item = make_item(comment="False alarm about a film", status="safeguarding")
    html = lead_client.get(item_page(item)).content.decode()
    assert "False alarm about a film" in html
    assert 'value="approve"' not in html  # never published while flagged
    response = post_action(lead_client, item, "unflag", reason="It is a film title")
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.status == "new"
    assert item.log_entries.get(action=Action.UNFLAGGED).reason == "It is a film title"


def test_approve_action_cannot_be_posted_for_a_safeguarding_item(lead_client, make_item):
    item = make_item(status="safeguarding")
    response = post_action(lead_client, item, "approve", public_text="x", reason="")
    assert response.status_code == 403
    item.refresh_from_db()
    assert item.status == "safeguarding"


def test_home_panel_counts_new_feedback(moderator_client, make_item):
    make_item()
    make_item()
    html = moderator_client.get("/admin/").content.decode()
    assert "2 new feedback items" in html


def test_home_panel_counts_safeguarding_concerns_only_for_safeguarding_leads(
    client, moderator, safeguarding_lead, make_item
):
    make_item(status=FeedbackItem.Status.SAFEGUARDING)
    client.force_login(safeguarding_lead)
    assert "1 safeguarding concern</strong>" in client.get("/admin/").content.decode()
    client.force_login(moderator)
    html = client.get("/admin/").content.decode()
    assert "No new feedback is waiting" in html
    assert "safeguarding concern</strong>" not in html


def test_menu_shows_feedback_entries_by_permission(moderator_client, make_item):
    html = moderator_client.get("/admin/").content.decode()
    assert "Moderation queue" in html
    assert "Safeguarding concerns" not in html


@pytest.mark.parametrize(
    "query",
    ["received_from=not-a-date", "district=99999", "status=nonsense", "kind=<script>", "p=abc"],
)
def test_bad_filter_input_never_breaks_the_queue(moderator_client, make_item, query):
    make_item()
    assert moderator_client.get(f"{QUEUE}?{query}").status_code == 200


def test_bad_action_input(moderator_client, make_item):
    item = make_item()
    assert post_action(moderator_client, item, "reject", reason="made-up").status_code == 200
    assert post_action(moderator_client, item, "explode").status_code == 403
    assert moderator_client.get(reverse("feedback_admin:item", args=[99999])).status_code == 404
    item.refresh_from_db()
    assert item.status == "new"
