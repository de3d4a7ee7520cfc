"""Reading a search box the way a parent writes in it: ages and districts become filters.

"short breaks for my 8 year old in Stowford" searches "short breaks for my" with age 8 and the
Stowford district; the page shows both as tags the parent can remove
(search.directory_search). Shared by both backends: search.service_search applies it before
either runs.
"""

import re

from django.core.cache import cache

from directory.models.pages import MAX_AGE
from search.contract import Understood

DISTRICTS_CACHE_KEY = "search:district-names:v1"
TEENAGER = (13, 19)

_NUMBER = r"(\d{1,2})"
AGE_PATTERNS = [
    # "8 year old", "8-year-old", "2 year olds", "8 years", "8yrs"
    re.compile(rf"\b{_NUMBER}\s*-?\s*(?:years?|yrs?)(?:\s*-?\s*olds?)?\b", re.IGNORECASE),
    # "aged 14", "age 14"
    re.compile(rf"\bag(?:ed?)\s+{_NUMBER}\b", re.IGNORECASE),
    # "14yo", "14 y/o"
    re.compile(rf"\b{_NUMBER}\s*(?:yo|y/o)\b", re.IGNORECASE),
]
TEEN_PATTERN = re.compile(r"\b(?:teenagers?|teens?)\b", re.IGNORECASE)


def district_names() -> list[tuple[str, str]]:
    """Every district as (slug, name), cached until a district is saved or deleted."""
    names = cache.get(DISTRICTS_CACHE_KEY)
    if names is None:
        from directory.models import District

        names = list(District.objects.order_by("name").values_list("slug", "name"))
        cache.set(DISTRICTS_CACHE_KEY, names, None)
    return names


def clear_district_cache() -> None:
    cache.delete(DISTRICTS_CACHE_KEY)


def _squash(text: str) -> str:
    return " ".join(text.split())


def understand(text: str, districts: list[tuple[str, str]] | None = None) -> Understood:
    """The words with ages and district names taken out, and what they said."""
    districts = district_names() if districts is None else districts
    remaining = text
    age = None
    age_words = ""
    min_age = max_age = None
    for pattern in AGE_PATTERNS:
        match = pattern.search(remaining)
        if match and 0 <= int(match.group(1)) <= MAX_AGE:
            age, age_words = int(match.group(1)), match.group(0)
            remaining = remaining[: match.start()] + " " + remaining[match.end() :]
            break
    if age is None:
        match = TEEN_PATTERN.search(remaining)
        if match:
            (min_age, max_age), age_words = TEENAGER, match.group(0)
            remaining = remaining[: match.start()] + " " + remaining[match.end() :]
    found = []
    for slug, name in sorted(districts, key=lambda d: -len(d[1])):
        pattern = re.compile(rf"(?:\b(?:in|near|around)\s+)?\b{re.escape(name)}\b", re.IGNORECASE)
        match = pattern.search(remaining)
        if match:
            found.append((slug, name, match.group(0)))
            remaining = remaining[: match.start()] + " " + remaining[match.end() :]
    return Understood(
        text=_squash(remaining),
        age=age,
        age_words=age_words,
        min_age=min_age,
        max_age=max_age,
        districts=tuple(found),
    )


def without_words(text: str, words: str) -> str:
    """The text with these words (as typed) taken out once: the address of a removed tag."""
    index = text.lower().find(words.lower())
    if index < 0 or not words:
        return text
    return _squash(text[:index] + " " + text[index + len(words) :])
