"""Double opt-in and one-click unsubscribe for the Parent Update and for search alerts.

Nothing about a person is stored until they follow the confirmation link: the signed link carries
the address and the choices. Unsubscribing deletes the row, address and all.
"""

import hashlib
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from notifications.outbox import queue_email
from parent_update.links import absolute, unsubscribe_headers, unsubscribe_url
from parent_update.models import SearchAlert, Subscriber, Topic
from parent_update.tokens import (
    LinkProblem,
    make_confirmation,
    make_unsubscribe,
    read_confirmation,
    read_unsubscribe,
)


def _address_key(email: str) -> str:
    return hashlib.sha256(email.encode()).hexdigest()[:20]


def normalise_email(email: str) -> str:
    return email.strip().lower()


def request_subscription(email: str, topics: list[str]) -> None:
    """Email a confirmation link (at most one a day per address); nothing is stored yet."""
    email = normalise_email(email)
    today = timezone.localdate().isoformat()
    key = f"parent-update-confirm:{_address_key(email)}:{today}"
    subscriber = Subscriber.objects.filter(email=email).first()
    if subscriber is not None:
        token = make_unsubscribe("update", subscriber.pk)
        body = render_to_string(
            "parent_update/emails/already_subscribed.txt",
            {"unsubscribe_url": unsubscribe_url(token)},
        )
        queue_email(key=key, to=email, subject="You already get the SEND Parent Update", body=body)
        return
    token = make_confirmation({"kind": "update", "email": email, "topics": topics})
    confirm_url = absolute(reverse("parent_update:confirm", args=[token]))
    body = render_to_string(
        "parent_update/emails/confirm_subscription.txt",
        {"confirm_url": confirm_url, "topics": [Topic(t).label for t in topics]},
    )
    queue_email(key=key, to=email, subject="Confirm you want the SEND Parent Update", body=body)


def request_alert(email: str, query_string: str, description: str, user_id: int | None) -> None:
    """Email a confirmation link for a saved search (at most one a day per address and search)."""
    email = normalise_email(email)
    today = timezone.localdate().isoformat()
    search_key = hashlib.sha256(query_string.encode()).hexdigest()[:12]
    token = make_confirmation(
        {"kind": "alert", "email": email, "query": query_string, "user": user_id}
    )
    body = render_to_string(
        "parent_update/emails/confirm_alert.txt",
        {
            "confirm_url": absolute(reverse("parent_update:confirm", args=[token])),
            "description": description,
        },
    )
    queue_email(
        key=f"alert-confirm:{_address_key(email)}:{search_key}:{today}",
        to=email,
        subject="Confirm your search alert",
        body=body,
    )


@dataclass
class Outcome:
    """What following a link did, in words for the person."""

    title: str
    message: str
    kind: str = ""


def confirm(token: str) -> Outcome:
    """Follow a confirmation link: create the subscription or alert, once. LinkProblem if bad."""
    payload = read_confirmation(token)
    email = normalise_email(str(payload.get("email", "")))
    if payload.get("kind") == "update":
        topics = [t for t in payload.get("topics", []) if t in Topic.values]
        try:
            with transaction.atomic():
                Subscriber.objects.create(email=email, topics=topics)
        except IntegrityError:
            return Outcome(
                "You are already subscribed",
                "This address already gets the SEND Parent Update. You do not need to do anything.",
                "update",
            )
        return Outcome(
            "You are subscribed",
            "Thank you. We will email you the SEND Parent Update. "
            "Every email has a link to stop it.",
            "update",
        )
    if payload.get("kind") == "alert":
        query = str(payload.get("query", ""))[:2000]
        user_id = payload.get("user") if isinstance(payload.get("user"), int) else None
        try:
            with transaction.atomic():
                SearchAlert.objects.create(email=email, query_string=query, user_id=user_id)
        except IntegrityError:
            return Outcome(
                "Your alert is already set up",
                "You already get emails about this search. You do not need to do anything.",
                "alert",
            )
        return Outcome(
            "Your search alert is set up",
            "We will email you when a new service matches your search, at most once a week.",
            "alert",
        )
    raise LinkProblem("This link is not complete. Copy the whole link from the email.")


def unsubscribe(token: str) -> Outcome:
    """Follow an unsubscribe link: delete the subscription or alert. LinkProblem if tampered."""
    kind, pk = read_unsubscribe(token)
    model = {"update": Subscriber, "alert": SearchAlert}.get(kind)
    if model is None:
        raise LinkProblem(
            "This unsubscribe link is not complete. Copy the whole link from the email."
        )
    deleted, _ = model.objects.filter(pk=pk).delete()
    what = "the SEND Parent Update" if kind == "update" else "this search alert"
    if not deleted:
        return Outcome("You are not subscribed", f"This address no longer gets {what}.")
    return Outcome(
        "You have unsubscribed",
        f"We will not email you {what} again, and we have deleted your email address from it.",
    )


def unsubscribe_token(obj: Subscriber | SearchAlert) -> str:
    return make_unsubscribe("update" if isinstance(obj, Subscriber) else "alert", obj.pk)


def email_headers(obj: Subscriber | SearchAlert) -> dict[str, str]:
    return unsubscribe_headers(unsubscribe_token(obj))
