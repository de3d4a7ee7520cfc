"""This app's own evidence sources: the feedback items a response cites, and service pages."""

from django.db.models import Q

from feedback.models import FeedbackItem
from you_said_we_did.evidence import EvidenceEntry, EvidenceGroup, EvidenceSource


def public_feedback(response) -> list[FeedbackItem]:
    """The cited items the public may know about: approved ones only."""
    return [
        link.feedback_item
        for link in response.feedback_links.select_related("feedback_item")
        if link.feedback_item.status == FeedbackItem.Status.APPROVED
    ]


def feedback_group(response) -> EvidenceGroup | None:
    """A count of the approved items, and the words of those who agreed to be quoted."""
    items = public_feedback(response)
    if not items:
        return None
    quotes = [
        item.public_text.strip()
        for item in items
        if item.publish_consent and item.public_text.strip()
    ]
    return EvidenceGroup("feedback", "Feedback", len(items), quotes=quotes)


def service_group(response) -> EvidenceGroup | None:
    services = [
        link.service
        for link in response.service_links.select_related("service")
        if link.service.live
    ]
    entries = [EvidenceEntry(title=s.title, url=s.url or "") for s in services]
    return EvidenceGroup("service", "Services", len(entries), entries) if entries else None


FEEDBACK = EvidenceSource(
    key="feedback",
    label="Feedback",
    group=feedback_group,
    response_filter=Q(feedback_links__feedback_item__status=FeedbackItem.Status.APPROVED),
)
SERVICES = EvidenceSource(
    key="service",
    label="Service pages",
    group=service_group,
    response_filter=Q(service_links__service__live=True),
)
