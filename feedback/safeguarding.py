"""The safeguarding screen: spot worrying words in feedback; where to read a flagged item.

Telling the named contact at once is a logged moderation step, in
`feedback.moderation.notify_safeguarding_contact`.
"""

import re
import unicodedata
from functools import lru_cache

from django.conf import settings
from django.urls import NoReverseMatch, reverse
from wagtail.models import Site

from feedback.models import FeedbackItem, FeedbackSettings

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
