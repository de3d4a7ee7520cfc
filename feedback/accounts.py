"""Feedback in people's accounts: "Your feedback", "Download my data" and deleting an account.

Registered as accounts' hooks in wagtail_hooks.py (accounts/hooks.py declares them); feedback
does not import accounts.
"""

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils import timezone

from feedback import moderation
from feedback.models import FeedbackItem

# What the writer sees: never "safeguarding", which could put them at risk on a shared account.
STATUS_FOR_WRITER = {
    FeedbackItem.Status.NEW: "Waiting to be read",
    FeedbackItem.Status.APPROVED: "Read",
    FeedbackItem.Status.REJECTED: "Read",
    FeedbackItem.Status.SAFEGUARDING: "Read",
}


def status_for_writer(item: FeedbackItem) -> str:
    """The status in words the writer sees."""
    if item.status == FeedbackItem.Status.APPROVED and item.public_text:
        return "Read and published"
    return STATUS_FOR_WRITER.get(item.status, "Read")


def _items(user):
    return FeedbackItem.objects.filter(user=user).select_related("subject_page")


def account_section(request: HttpRequest) -> str:
    """The "Your feedback" section of My account: each item, its status and published words."""
    items = [
        {"item": item, "status": status_for_writer(item)} for item in _items(request.user)[:50]
    ]
    return render_to_string("feedback/includes/account_section.html", {"items": items}, request)


def data_export(user) -> dict:
    """Everything feedback keeps that is linked to this account."""
    return {
        "title": "Your feedback",
        "items": [
            {
                "Sent": item.submitted_at.isoformat(),
                "About": item.subject_page.title if item.subject_page else item.get_kind_display(),
                "Topic": item.get_topic_display() or None,
                "Who is writing": item.get_writer_display() or None,
                "District": str(item.district) if item.district_id else None,
                "Rating": item.rating,
                "What you wrote": item.comment,
                "Tell me about a response": item.wants_response,
                "Email address": item.email or None,
                "May publish anonymously": item.publish_consent,
                "Status": status_for_writer(item),
                "Published version": item.public_text
                if item.status == FeedbackItem.Status.APPROVED
                else None,
            }
            for item in _items(user).select_related("district")
        ],
    }


def anonymise_for_deleted_account(user) -> None:
    """Keep what they wrote; drop the account link and the email address, and log it."""
    now = timezone.now()
    ids = list(_items(user).values_list("pk", flat=True))
    FeedbackItem.objects.filter(pk__in=ids).update(
        user=None, email="", wants_response=False, personal_data_erased_at=now
    )
    moderation.log_erasures(ids, reason="The writer deleted their account", now=now)
