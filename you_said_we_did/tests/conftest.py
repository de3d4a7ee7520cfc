"""Fixtures: the responses index, approved feedback, and publishing a response as an editor."""

import datetime
from collections.abc import Callable

import pytest
from django.utils import timezone

from feedback.models import FeedbackItem, Theme
from you_said_we_did.models import (
    ResponseFeedback,
    ResponseIndexPage,
    ResponsePage,
    ResponseService,
    ResponseUpdate,
)


@pytest.fixture(autouse=True)
def _commit_callbacks_run_at_once(outbox_sends_at_commit):
    """Emails queued for after the commit go out at once (see the root conftest)."""


@pytest.fixture(autouse=True)
def _clear_cache(empty_cache):
    """Each test starts with empty rate-limit counters (they live in the cache)."""


@pytest.fixture
def response_index(site_root) -> ResponseIndexPage:
    index = ResponseIndexPage(title="You said, we did", slug="you-said-we-did")
    site_root.add_child(instance=index)
    index.save_revision().publish()
    return index


@pytest.fixture
def make_item() -> Callable[..., FeedbackItem]:
    """An approved feedback item (override any field); `themes` a list of names."""

    def make(
        comment: str = "The short breaks list is out of date.",
        *,
        themes=(),
        public_text: str | None = None,
        **fields,
    ) -> FeedbackItem:
        fields.setdefault("kind", FeedbackItem.Kind.LOCAL_OFFER)
        fields.setdefault("status", FeedbackItem.Status.APPROVED)
        fields.setdefault("topic", FeedbackItem.Topic.CONTENT)
        item = FeedbackItem.objects.create(
            comment=comment,
            public_text=comment if public_text is None else public_text,
            **fields,
        )
        for name in themes:
            theme, _ = Theme.objects.get_or_create(name=name, slug=name.lower().replace(" ", "-"))
            item.themes.add(theme)
        return item

    return make


@pytest.fixture
def make_response(response_index) -> Callable[..., ResponsePage]:
    """A ResponsePage citing `items` (and `services`), published through a revision unless
    `publish=False`; `updates` a list of (date, text)."""

    def make(
        title: str = "Keeping the short breaks list up to date",
        *,
        items=(),
        services=(),
        updates=(),
        themes=(),
        publish: bool = True,
        **fields,
    ) -> ResponsePage:
        fields.setdefault("you_said", "The short breaks list was out of date.")
        fields.setdefault("we_did", "We now check every entry every three months.")
        fields.setdefault("team", "Local Offer team")
        fields.setdefault("decision_maker", "Head of SEND")
        page = ResponsePage(title=title, live=False, **fields)
        page.feedback_links = [ResponseFeedback(feedback_item=item) for item in items]
        page.service_links = [ResponseService(service=service) for service in services]
        page.updates = [ResponseUpdate(date=date, text=text) for date, text in updates]
        page.themes.set(list(themes))
        response_index.add_child(instance=page)
        if publish:
            page.save_revision().publish()
        return page

    return make


def republish(page: ResponsePage, **changes) -> ResponsePage:
    """Change fields on the latest version and publish again, as an editor would."""
    page = ResponsePage.objects.get(pk=page.pk)
    for name, value in changes.items():
        setattr(page, name, value)
    page.save_revision().publish()
    return ResponsePage.objects.get(pk=page.pk)


def add_update(page: ResponsePage, text: str, date=None) -> ResponsePage:
    page = ResponsePage.objects.get(pk=page.pk)
    page.updates.add(ResponseUpdate(date=date or timezone.localdate(), text=text))
    page.save_revision().publish()
    return ResponsePage.objects.get(pk=page.pk)


def days_ago(days: int) -> datetime.datetime:
    return timezone.now() - datetime.timedelta(days=days)
