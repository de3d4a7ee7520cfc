"""Demo content for You said, we did (the `load_demo_content` hook): feedback items (sent
through feedback's intake and approved), a response in every status, and a published register
edition. One demo parent (demo.parent@example.org) asked to be told: the console email backend
shows their acknowledgement, the response email and the check-back."""

import datetime
import json
from pathlib import Path

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from wagtail.models import Site

from directory.models import HomePage, ServicePage
from feedback import moderation
from feedback.intake import Submission, submit_feedback
from feedback.models import FeedbackItem, Theme
from you_said_we_did.loop import send_check_backs
from you_said_we_did.models import (
    RegisterEditionPage,
    ResponseFeedback,
    ResponseIndexPage,
    ResponsePage,
    ResponseService,
    ResponseUpdate,
)

DATA = json.loads((Path(__file__).parent / "demo_data.json").read_text())


def _home() -> HomePage | None:
    site = Site.objects.filter(is_default_site=True).first()
    if site and isinstance(site.root_page.specific, HomePage):
        return site.root_page.specific
    return HomePage.objects.first()


def _moderator():
    User = get_user_model()
    return (
        User.objects.filter(is_superuser=True).first()
        or User.objects.filter(groups__name="Moderators").first()
    )


def _feedback(themes: dict[str, Theme]) -> dict[str, FeedbackItem]:
    items = {}
    moderator = _moderator()
    for spec in DATA["feedback"]:
        item = FeedbackItem.objects.filter(comment=spec["comment"]).first()
        if item is None:
            item = submit_feedback(
                Submission(
                    kind=FeedbackItem.Kind.LOCAL_OFFER,
                    comment=spec["comment"],
                    topic=spec["topic"],
                    writer=spec["writer"],
                    wants_response=bool(spec.get("email")),
                    email=spec.get("email", ""),
                    publish_consent=spec["consent"],
                )
            )
            item.submitted_at = timezone.now() - datetime.timedelta(days=90)
            item.save(update_fields=["submitted_at", "created_date"])
            public = spec["public_text"]
            if not spec["consent"] and public == spec["comment"]:
                public = "Waiting lists are long (moderator's summary)."
            moderation.approve(item, moderator, public_text=public, reason="Demo")
            item.themes.add(themes[spec["theme"]])
        items[spec["key"]] = item
    return items


def _index(home: HomePage) -> ResponseIndexPage:
    index = ResponseIndexPage.objects.first()
    if index is None:
        index = ResponseIndexPage(
            title="You said, we did",
            slug="you-said-we-did",
            intro="What families and young people told us, and what we did about it.",
            show_in_menus=True,
            live=False,
        )
        home.add_child(instance=index)
        index.save_revision().publish()
    return index


def _response(index, spec, items, themes) -> ResponsePage | None:
    if ResponsePage.objects.filter(slug=spec["slug"]).exists():
        return None
    today = timezone.localdate()
    page = ResponsePage(
        title=spec["title"],
        slug=spec["slug"],
        you_said=spec["you_said"],
        we_did=spec["we_did"],
        status=spec["status"],
        not_able_reason=spec.get("not_able_reason", ""),
        team=spec["team"],
        decision_maker=spec["decision_maker"],
        topic=spec["topic"],
        first_raised=today - datetime.timedelta(days=90),
        live=False,
    )
    if "expected_weeks" in spec:
        page.expected_on = today + datetime.timedelta(weeks=spec["expected_weeks"])
    if "completed_weeks_ago" in spec:
        page.completed_on = today - datetime.timedelta(weeks=spec["completed_weeks_ago"])
    page.feedback_links = [ResponseFeedback(feedback_item=items[key]) for key in spec["items"]]
    page.updates = [
        ResponseUpdate(text=text, date=today - datetime.timedelta(days=days))
        for text, days in spec.get("updates", [])
    ]
    service = ServicePage.objects.live().first() if spec.get("service") else None
    if service:
        page.service_links = [ResponseService(service=service)]
    page.themes.set([themes[spec["theme"]]])
    index.add_child(instance=page)
    page.save_revision().publish()
    return page


def _register(index) -> bool:
    if RegisterEditionPage.objects.exists():
        return False
    today = timezone.localdate()
    edition = RegisterEditionPage(
        title=f"Comments and responses, {today.year - 1} to {today.year}",
        slug="register",
        period_start=today - datetime.timedelta(days=365),
        period_end=today,
        intro="Published every year, as regulation 56 of the SEND Regulations 2014 requires.",
        small_numbers=2,
        live=False,
    )
    index.add_child(instance=edition)
    edition.save_revision().publish()
    return True


@transaction.atomic
def load_demo() -> str:
    home = _home()
    if home is None:
        return "You said, we did: no home page, nothing added"
    themes = {}
    for spec in DATA["themes"]:
        themes[spec["slug"]], _ = Theme.objects.get_or_create(
            slug=spec["slug"], defaults={"name": spec["name"]}
        )
    items = _feedback(themes)
    index = _index(home)
    created = [_response(index, spec, items, themes) for spec in DATA["responses"]]
    added = sum(1 for page in created if page is not None)
    register = _register(index)
    check_backs = send_check_backs()
    return (
        f"You said, we did: {added} responses, "
        f"{'a register edition' if register else 'no new register edition'}, "
        f"{check_backs} check-back emails"
    )
