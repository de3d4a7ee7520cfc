"""Taking in feedback: store a submission, screen it for safeguarding, count page votes."""

from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from wagtail.models import Page

from feedback.models import FeedbackItem, HelpfulnessComment, PageHelpfulness
from feedback.moderation import Action, log, notify_safeguarding_contact
from feedback.safeguarding import screen_for_safeguarding
from notifications.outbox import queue_email

ACKNOWLEDGEMENT = """Thank you for your feedback. We have received it.

Your reference number is {reference}. Please quote it if you contact us about it.

We read all feedback. You asked us to tell you what we do about it: we will email you when
there is a response in "You said, we did". We only keep your email address for that.
"""


@dataclass
class Submission:
    """What a feedback form collected, ready to store. Text is kept exactly as given."""

    kind: str
    comment: str
    subject_page: Page | None = None
    topic: str = ""
    writer: str = ""
    district_id: int | None = None
    rating: int | None = None
    wants_response: bool = False
    email: str = ""
    publish_consent: bool = False
    under_13: bool | None = None
    helped_by_parent: bool = False
    user_id: int | None = None
    spam_reasons: list[str] = field(default_factory=list)


def submit_feedback(submission: Submission) -> FeedbackItem:
    """Store a feedback item, log it, and run the safeguarding screen.

    An item whose words match a safeguarding phrase is held as a safeguarding concern (out of the
    normal queue, never published) and the safeguarding contact is emailed at once, after the item
    is safely committed.
    """
    terms = screen_for_safeguarding(submission.comment)
    with transaction.atomic():
        item = FeedbackItem.objects.create(
            kind=submission.kind,
            subject_page=submission.subject_page,
            topic=submission.topic,
            writer=submission.writer,
            district_id=submission.district_id,
            rating=submission.rating,
            comment=submission.comment,
            wants_response=submission.wants_response,
            email=submission.email if submission.wants_response else "",
            publish_consent=submission.publish_consent,
            under_13=submission.under_13,
            helped_by_parent=submission.helped_by_parent,
            user_id=submission.user_id,
            suspected_spam=bool(submission.spam_reasons),
            spam_reasons=submission.spam_reasons,
            status=FeedbackItem.Status.SAFEGUARDING if terms else FeedbackItem.Status.NEW,
            safeguarding_flag=FeedbackItem.SafeguardingFlag.AUTO if terms else "",
            safeguarding_terms=terms,
        )
        log(item, None, Action.SUBMITTED, details="; ".join(submission.spam_reasons))
        if terms:
            log(item, None, Action.AUTO_FLAGGED, details="Matched: " + ", ".join(terms))
    if terms:
        notify_safeguarding_contact(item)
    if item.email:
        queue_email(
            key=f"feedback-ack:{item.pk}",
            to=item.email,
            subject=f"We have received your feedback ({item.reference})",
            body=ACKNOWLEDGEMENT.format(reference=item.reference),
        )
    return item


def record_helpfulness_vote(page: Page, helpful: bool) -> None:
    """Count one "Was this page helpful?" answer for the page, today."""
    today = timezone.localdate()
    counter = "yes_count" if helpful else "no_count"
    row, _ = PageHelpfulness.objects.get_or_create(page=page, date=today)
    # An UPDATE with F() so that votes arriving together are all counted.
    PageHelpfulness.objects.filter(pk=row.pk).update(**{counter: F(counter) + 1})


def record_missing_comment(page: Page, comment: str) -> FeedbackItem | None:
    """Keep an answer to "What was missing?" for the page's editors.

    If it contains safeguarding words it becomes a safeguarding feedback item instead (held for
    urgent review, the contact emailed), so it never sits in the editors' plain list; that item
    is returned so the caller can show the help box.
    """
    if screen_for_safeguarding(comment):
        return submit_feedback(
            Submission(
                kind=FeedbackItem.Kind.GENERAL,
                topic=FeedbackItem.Topic.MISSING,
                subject_page=page,
                comment=comment,
            )
        )
    HelpfulnessComment.objects.create(page=page, comment=comment)
    return None
