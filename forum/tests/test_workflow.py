"""Minutes through the "Forum minutes" workflow: who sees what at each state, and corrections."""

import datetime

import pytest
from django.conf import settings
from django.shortcuts import resolve_url
from wagtail.models import TaskState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from feedback.models import FeedbackItem
from forum.access import in_forum_review
from forum.models import MinutesComment, MinutesCorrection, MinutesPage

pytestmark = pytest.mark.django_db

SECRET = "Zanzibarquiddity"  # a word only the draft contains


@pytest.fixture
def meeting(make_meeting):
    return make_meeting("October forum meeting", datetime.date(2026, 10, 7))


@pytest.fixture
def in_review(meeting, make_minutes, editor, fixed_today):
    minutes = make_minutes(
        meeting, live=False, items=[("Transport", f"The {SECRET} was discussed.")]
    )
    minutes.get_workflow().start(minutes, editor)
    minutes.refresh_from_db()
    return minutes


def draft_url(minutes) -> str:
    return f"/forum/drafts/{minutes.pk}/"


def test_minutes_go_through_forum_review_then_agreed_then_published(in_review, editor):
    assert in_forum_review(in_review)
    assert in_review.current_workflow_task.name == "Forum review"
    in_review.current_workflow_task_state.approve(user=editor)
    in_review.refresh_from_db()
    assert not in_forum_review(in_review)
    assert in_review.current_workflow_task.name == "Agreed by the forum"
    assert not in_review.live
    in_review.current_workflow_task_state.approve(user=editor)
    in_review.refresh_from_db()
    assert in_review.live
    assert in_review.current_workflow_state is None


def test_forum_member_reads_the_draft_in_review(client, in_review, member):
    client.force_login(member)
    response = client.get(draft_url(in_review))
    assert response.status_code == 200
    assert SECRET in response.content.decode()
    assert b"Draft for forum review" in response.content
    assert b"noindex" in response.content
    # And finds it in the members' list.
    assert draft_url(in_review).encode() in client.get("/forum/drafts/").content


def test_anonymous_visitors_are_sent_to_sign_in(client, in_review):
    for url in (draft_url(in_review), "/forum/drafts/", "/forum/propose/"):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(resolve_url(settings.LOGIN_URL))


def test_signed_in_non_members_cannot_read_drafts(client, in_review, outsider):
    client.force_login(outsider)
    assert client.get(draft_url(in_review)).status_code == 403
    assert client.get("/forum/drafts/").status_code == 403
    assert client.post(draft_url(in_review), {"comment": "hi"}).status_code == 403


def test_members_cannot_read_drafts_outside_forum_review(
    client, meeting, make_minutes, member, in_review, editor
):
    in_review.current_workflow_task_state.approve(user=editor)
    client.force_login(member)
    assert client.get(draft_url(in_review)).status_code == 404


def test_staff_can_read_any_draft(client, meeting, make_minutes, editor):
    minutes = make_minutes(meeting, live=False, items=[("Item", SECRET)])
    client.force_login(editor)
    assert SECRET in client.get(draft_url(minutes)).content.decode()


def test_the_public_never_sees_the_draft_anywhere(client, in_review, meeting, member):
    client.force_login(member)
    client.post(draft_url(in_review), {"comment": f"Please fix {SECRET}comment", "started": ""})
    client.logout()
    assert client.get(in_review.url or f"{meeting.url}{in_review.slug}/").status_code == 404
    public_urls = [
        meeting.url,
        meeting.get_parent().url,
        "/forum/actions/",
        "/forum/minutes.atom",
        "/forum/meetings.ics",
        f"/search/?q={SECRET}",
        "/sitemap.xml",
    ]
    for url in public_urls:
        response = client.get(url)
        assert response.status_code == 200, url
        body = (b"".join(response) if response.streaming else response.content).decode()
        if not url.startswith("/search/"):  # the search page repeats the words searched for
            assert SECRET not in body, url
        assert "Minutes of October forum meeting" not in body, url
        assert f"/{in_review.slug}/" not in body, url
        assert draft_url(in_review) not in body, url
    assert b"The minutes will be published here" in client.get(meeting.url).content


def test_member_comment_goes_to_the_moderated_intake(client, in_review, member):
    client.force_login(member)
    response = client.post(
        draft_url(in_review), {"comment": "Item 1 should say buses.", "started": ""}
    )
    assert response.status_code == 302
    comment = MinutesComment.objects.get()
    assert comment.minutes.pk == in_review.pk
    assert comment.revision == in_review.get_latest_revision()
    item = comment.feedback_item
    assert item.kind == FeedbackItem.Kind.MINUTES_COMMENT
    assert item.status == FeedbackItem.Status.NEW
    assert item.user == member
    page = client.get(draft_url(in_review)).content.decode()
    assert "Thank you for your comment" in page
    # Not shown to other members until a moderator approves a public version.
    assert "Comments from forum members" not in page
    item.status, item.public_text = FeedbackItem.Status.APPROVED, "Item 1 should mention buses."
    item.save()
    assert "Item 1 should mention buses." in client.get(draft_url(in_review)).content.decode()


def test_an_empty_comment_gets_a_message_next_to_the_field(client, in_review, member):
    client.force_login(member)
    response = client.post(draft_url(in_review), {"comment": "   "})
    assert response.status_code == 200
    html = response.content.decode()
    assert "There is a problem" in html
    assert 'id="id_comment-error"' in html
    assert "Enter your comment" in html
    assert not MinutesComment.objects.exists()


def test_a_safeguarding_comment_is_held_and_shows_the_help_box(
    client, in_review, member, mailoutbox
):
    client.force_login(member)
    client.post(draft_url(in_review), {"comment": "I want to kill myself", "started": ""})
    item = MinutesComment.objects.get().feedback_item
    assert item.status == FeedbackItem.Status.SAFEGUARDING
    assert b"Get help" in client.get(draft_url(in_review)).content


def test_no_comments_once_the_review_is_over(client, in_review, member, editor):
    in_review.current_workflow_task_state.approve(user=editor)
    client.force_login(member)
    assert client.post(draft_url(in_review), {"comment": "Late"}).status_code == 404


# Corrections ---------------------------------------------------------------------------------


def minutes_form(minutes: MinutesPage, editor, **changes):
    form_class = MinutesPage.get_edit_handler().get_form_class()
    data = nested_form_data(
        {
            "title": minutes.title,
            "slug": minutes.slug,
            "summary": changes.get("summary", minutes.summary),
            "items": inline_formset(
                [
                    {
                        "id": item.pk,
                        "heading": item.heading,
                        "summary": rich_text("Fixed"),
                        "decisions": "",
                    }
                    for item in minutes.items.all()
                ]
            ),
            "correction_reason": changes.get("correction_reason", ""),
        }
    )
    return form_class(data, instance=minutes, parent_page=minutes.get_parent(), for_user=editor)


def test_published_minutes_refuse_an_edit_without_a_correction_reason(
    meeting, make_minutes, editor
):
    minutes = make_minutes(meeting)
    form = minutes_form(minutes, editor, summary="Changed quietly")
    assert not form.is_valid()
    assert "published and locked" in str(form.errors["correction_reason"])


def test_draft_minutes_need_no_reason(meeting, make_minutes, editor):
    minutes = make_minutes(meeting, live=False)
    form = minutes_form(minutes, editor, summary="Still drafting")
    assert form.is_valid(), form.errors


def test_a_correction_is_logged_and_shown_on_the_minutes(
    client, meeting, make_minutes, editor, fixed_today
):
    minutes = make_minutes(meeting)
    form = minutes_form(
        minutes, editor, summary="Corrected", correction_reason="Item 2 named the wrong team."
    )
    assert form.is_valid(), form.errors
    page = form.save(commit=False)
    page.save_revision(user=editor).publish(user=editor)
    [correction] = MinutesCorrection.objects.all()
    assert correction.reason == "Item 2 named the wrong team."
    assert correction.user == editor
    minutes.refresh_from_db()
    assert minutes.correction_reason == ""
    html = client.get(minutes.url).content.decode()
    assert "Corrections" in html
    assert "Item 2 named the wrong team." in html
    # The next edit starts with an empty reason, so it must give its own.
    minutes = MinutesPage.objects.get(pk=minutes.pk).get_latest_revision_as_object()
    assert not minutes_form(minutes, editor, summary="Again").is_valid()


def test_task_states_are_wagtail_task_states(in_review):
    assert TaskState.objects.filter(status="in_progress").count() == 1
