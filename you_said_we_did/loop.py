"""Closing the loop: tell everyone who asked, once per event, then ask if it made a difference.

- `announce(response)` runs when a response is published: people whose feedback it cites and
  who asked to be told become subscribers; the first time, each gets one email about the
  response; after that, one email per publish that brings a new status or new progress updates.
  Every email goes through the outbox with a key naming the response, the event and the person,
  so publishing twice (or two editors at once) never sends anything twice.
- `send_check_backs()` asks, four weeks after a response is done, "Did this make a
  difference?", once; then the loop is closed and the address erased.
- `erase_closed_addresses()` erases addresses whose loop closed or whose feedback is past the
  retention period.
"""

import hashlib
from datetime import timedelta

from django.core import signing
from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page

from feedback import moderation
from feedback.models import FeedbackItem
from feedback.retention import months_before
from feedback.safeguarding import current_feedback_settings
from notifications.outbox import queue_email
from you_said_we_did.models import (
    CheckBackAnswer,
    ResponseEvent,
    ResponsePage,
    ResponseStatus,
    Subscriber,
)

CHECK_BACK_AFTER = timedelta(weeks=4)
UNSUBSCRIBE_SALT = "you_said_we_did.unsubscribe"
CHECK_BACK_SALT = "you_said_we_did.check_back"


def person_key(email: str) -> str:
    """A stable, non-reversible name for a person (kept after the address is erased)."""
    return hashlib.sha256(email.strip().lower().encode()).hexdigest()[:32]


def subscriber_token(subscriber: Subscriber, salt: str) -> str:
    return signing.dumps(subscriber.pk, salt=salt, compress=True)


def subscriber_from_token(token: str, salt: str) -> Subscriber | None:
    try:
        pk = signing.loads(token, salt=salt)
    except signing.BadSignature:
        return None
    return Subscriber.objects.select_related("response").filter(pk=pk).first()


def _site_url(response: ResponsePage) -> str:
    site = response.get_site()
    return site.root_url if site else ""


def _address_for(item: FeedbackItem) -> str:
    if not item.wants_response or item.personal_data_erased_at:
        return ""
    if item.email:
        return item.email
    return item.user.email if item.user_id and item.user and item.user.email else ""


def sync_subscribers(response: ResponsePage) -> None:
    """Everyone whose approved, cited feedback asked for a reply becomes a subscriber once."""
    cutoff = months_before(timezone.now(), current_feedback_settings().retention_months)
    items = FeedbackItem.objects.filter(
        response_links__page=response,
        status=FeedbackItem.Status.APPROVED,
        wants_response=True,
        submitted_at__gte=cutoff,
    ).select_related("user")
    for item in items:
        address = _address_for(item)
        if not address:
            continue
        Subscriber.objects.get_or_create(
            response=response,
            person_key=person_key(address),
            defaults={"email": address, "user": item.user, "feedback_item": item},
        )


def _claim_events(response: ResponsePage, keys: list[str]) -> list[str]:
    """The event keys this call is the first to record (each is recorded once, ever)."""
    claimed = []
    for key in keys:
        try:
            with transaction.atomic():
                ResponseEvent.objects.create(response=response, key=key)
        except IntegrityError:
            continue
        claimed.append(key)
    return claimed


def _links(response: ResponsePage, subscriber: Subscriber) -> dict:
    root = _site_url(response)
    return {
        "response_url": response.get_full_url() or "",
        "unsubscribe_url": root
        + reverse(
            "you_said_we_did:unsubscribe",
            args=[subscriber_token(subscriber, UNSUBSCRIBE_SALT)],
        ),
    }


def _send(subscriber: Subscriber, response: ResponsePage, event: str, template: str, **extra):
    links = _links(response, subscriber)
    context = {"response": response, "subscriber": subscriber, **links, **extra}
    subject, _, body = render_to_string(template, context).strip().partition("\n")
    queue_email(
        key=f"yswd:{response.pk}:{event}:{subscriber.person_key}",
        to=subscriber.email,
        subject=subject.strip(),
        body=body.strip() + "\n",
        headers={
            "List-Unsubscribe": f"<{links['unsubscribe_url']}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )


def announce(response: ResponsePage) -> int:
    """Tell subscribers about a newly published response or what changed. Returns emails queued."""
    with transaction.atomic():
        # One announcement at a time per response: two editors publishing together must not
        # split the events between them (one would send "published", the other "changed").
        Page.objects.select_for_update().filter(pk=response.pk).values_list("pk").first()
        return _announce(ResponsePage.objects.get(pk=response.pk))


def _announce(response: ResponsePage) -> int:
    erase_closed_addresses()
    updates = list(response.updates.all())
    new_events = _claim_events(
        response, ["published", f"status:{response.status}"] + [f"update:{u.pk}" for u in updates]
    )
    changes = [key for key in new_events if key != "published"]
    sync_subscribers(response)
    now = timezone.now()
    queued = 0
    for subscriber in response.people_to_tell.filter(unsubscribed_at__isnull=True).exclude(
        email=""
    ):
        first = Subscriber.objects.filter(pk=subscriber.pk, first_told_at__isnull=True).update(
            first_told_at=now
        )
        if first:
            _send(subscriber, response, "published", "you_said_we_did/emails/published.txt")
            queued += 1
        elif changes:
            new_updates = [u for u in updates if f"update:{u.pk}" in changes]
            event = "change:" + hashlib.sha256("+".join(changes).encode()).hexdigest()[:12]
            _send(
                subscriber,
                response,
                event,
                "you_said_we_did/emails/changed.txt",
                status_changed=any(key.startswith("status:") for key in changes),
                new_updates=new_updates,
            )
            queued += 1
    return queued


def check_backs_due(today=None):
    """Live responses done four weeks ago or more."""
    today = today or timezone.localdate()
    return ResponsePage.objects.live().filter(
        status=ResponseStatus.DONE, completed_on__lte=today - CHECK_BACK_AFTER
    )


def send_check_backs(today=None) -> int:
    """Ask each subscriber of a response done four weeks ago, once; then close their loop."""
    erase_closed_addresses()
    sent = 0
    for response in check_backs_due(today):
        for subscriber in response.people_to_tell.filter(
            unsubscribed_at__isnull=True, check_back_sent_at__isnull=True
        ).exclude(email=""):
            if not Subscriber.objects.filter(
                pk=subscriber.pk, check_back_sent_at__isnull=True
            ).update(check_back_sent_at=timezone.now()):
                continue
            check_back_url = _site_url(response) + reverse(
                "you_said_we_did:check_back", args=[subscriber_token(subscriber, CHECK_BACK_SALT)]
            )
            _send(
                subscriber,
                response,
                "check-back",
                "you_said_we_did/emails/check_back.txt",
                check_back_url=check_back_url,
            )
            close_loop(subscriber, "Loop closed: the check-back was sent")
            sent += 1
    return sent


def close_loop(subscriber: Subscriber, reason: str) -> None:
    """Erase the address kept to tell this person; the feedback item's too once no loop needs it."""
    now = timezone.now()
    Subscriber.objects.filter(pk=subscriber.pk).update(email="", user=None, erased_at=now)
    item = subscriber.feedback_item
    if item is None or not item.email:
        return
    still_open = (
        Subscriber.objects.filter(feedback_item=item, erased_at__isnull=True)
        .exclude(pk=subscriber.pk)
        .exists()
    )
    if still_open:
        return
    FeedbackItem.objects.filter(pk=item.pk).update(email="", personal_data_erased_at=now)
    moderation.log(
        item,
        None,
        moderation.Action.PERSONAL_DATA_ERASED,
        reason=reason,
        details="Email address kept only to tell them about a response deleted.",
    )


def erase_closed_addresses(now=None) -> int:
    """Erase subscriber addresses whose feedback is past retention or already erased."""
    now = now or timezone.now()
    cutoff = months_before(now, current_feedback_settings().retention_months)
    return (
        Subscriber.objects.exclude(email="")
        .filter(
            Q(feedback_item__isnull=True)
            | Q(feedback_item__submitted_at__lt=cutoff)
            | Q(feedback_item__personal_data_erased_at__isnull=False)
            | Q(unsubscribed_at__isnull=False)
        )
        .update(email="", user=None, erased_at=now)
    )


def unsubscribe(subscriber: Subscriber) -> None:
    """Stop every email about this response to this person, and forget their address."""
    Subscriber.objects.filter(pk=subscriber.pk, unsubscribed_at__isnull=True).update(
        unsubscribed_at=timezone.now()
    )
    close_loop(subscriber, "They unsubscribed from emails about a response")


def check_back_counts(response: ResponsePage) -> dict[str, int]:
    """How many answered yes, partly and no."""
    counts = dict(
        CheckBackAnswer.objects.filter(response=response)
        .values_list("answer")
        .annotate(n=Count("pk"))
        .order_by()
    )
    result = {answer.value: counts.get(answer.value, 0) for answer in CheckBackAnswer.Answer}
    result["total"] = sum(result.values())
    return result
