"""The safeguarding screen: spot worrying words in feedback and tell the named contact at once.

The email to the safeguarding contact carries a link to the item in the admin and the matched
phrases, never the comment itself: email is copied, forwarded and kept in places this site cannot
protect, and the words of a child at risk belong behind the admin's login.
"""

import logging
import re
import unicodedata
from functools import lru_cache

from django.conf import settings
from django.core.mail import send_mail
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from wagtail.models import Site

from feedback.models import FeedbackItem, FeedbackSettings, ModerationLogEntry

logger = logging.getLogger(__name__)

_APOSTROPHES = str.maketrans({"\u2019": "", "\u2018": "", "'": "", "`": "", "\u02bc": ""})
_NON_WORD = re.compile(r"[^\w]+")


def normalise_for_screening(text: str) -> str:
    """Lower case, accents and apostrophes removed, punctuation and hyphens made into spaces.

    So "Don't", "dont" and "DON’T" read the same, as do "self-harm", "self harm" and "Self_Harm".
    """
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.casefold().translate(_APOSTROPHES)
    text = _NON_WORD.sub(" ", text.replace("_", " "))
    return " ".join(text.split())


@lru_cache(maxsize=32)
def _pattern_for(phrase: str) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)" + re.escape(phrase) + r"(?!\w)")


def screen_for_safeguarding(text: str, phrases: list[str] | None = None) -> list[str]:
    """The safeguarding phrases found in `text`, as whole words, ignoring case and punctuation.

    `phrases` defaults to the list in the default site's FeedbackSettings.
    """
    if phrases is None:
        phrases = current_feedback_settings().phrase_list()
    haystack = normalise_for_screening(text or "")
    if not haystack:
        return []
    found: list[str] = []
    for phrase in phrases:
        needle = normalise_for_screening(phrase)
        if needle and _pattern_for(needle).search(haystack) and phrase not in found:
            found.append(phrase)
    return found


def current_feedback_settings(request=None) -> FeedbackSettings:
    """The FeedbackSettings for the request's site, or the default site's."""
    if request is not None:
        return FeedbackSettings.for_request(request)
    site = Site.objects.filter(is_default_site=True).first() or Site.objects.first()
    if site is None:
        return FeedbackSettings()
    return FeedbackSettings.for_site(site)


def admin_url_for(item: FeedbackItem) -> str:
    """The full address of the item's page in the admin (the admin's home if none is wired)."""
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    try:
        return base + reverse("feedback_admin:item", args=[item.pk])
    except NoReverseMatch:
        return base + reverse("wagtailadmin_home")


def notify_safeguarding_contact(item: FeedbackItem, *, user=None, manual: bool = False) -> bool:
    """Email the named safeguarding contact about `item` now, and log it. True if sent.

    The email names the matched phrases and links to the item in the admin; it does not carry
    the comment (see the module docstring). Used by the automatic screen and by moderators.
    """
    feedback_settings = current_feedback_settings()
    recipient = feedback_settings.safeguarding_contact_email
    if not recipient:
        logger.error("Feedback %s flagged for safeguarding but no contact is set.", item.pk)
        return False
    how = "by a moderator" if manual else "automatically"
    terms = ", ".join(item.safeguarding_terms) or "none (flagged by a person)"
    subject = f"Urgent: feedback {item.pk} flagged as a safeguarding concern"
    body = (
        f"Feedback {item.pk} was flagged {how} as a possible safeguarding concern.\n\n"
        f"Received: {timezone.localtime(item.submitted_at):%d %B %Y at %H:%M}\n"
        f"Form: {item.get_kind_display()}\n"
        f"Matched words: {terms}\n"
        f"The person asked for a reply: {'yes' if item.wants_response else 'no'}\n\n"
        f"Read it in the admin (sign in needed):\n{admin_url_for(item)}\n\n"
        "The comment is not included in this email to keep it safe.\n"
    )
    try:
        send_mail(subject, body, None, [recipient], fail_silently=False)
    except Exception:
        # The item is already stored and flagged; a mail failure must not lose it or show a 500.
        logger.exception("Could not email the safeguarding contact about feedback %s", item.pk)
        return False
    item.safeguarding_notified_at = timezone.now()
    item.save(update_fields=["safeguarding_notified_at"])
    ModerationLogEntry.objects.create(
        item=item,
        user=user,
        action=ModerationLogEntry.Action.SAFEGUARDING_NOTIFIED,
        details=f"Emailed {recipient}",
    )
    return True
