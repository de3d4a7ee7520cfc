"""Words families use for what services offer. One list, used by both search backends.

Editors manage it as the "Search words" snippet (`search.models.SearchSynonym`), so a council
tunes it without a release; `DEFAULT_SYNONYMS` seeds it (migration 0004) and answers when the
table cannot be read. Each entry is (words, meaning): searching for any of the words also finds
any of the meaning; an entry without a meaning makes its words equivalent to each other.
The list is cached and the cache is cleared whenever an entry is saved or deleted.
"""

from django.core.cache import cache
from django.db import DatabaseError

CACHE_KEY = "search:synonyms:v1"

# (words, meaning). Plain data: the first eight are the original equivalences.
DEFAULT_SYNONYMS: list[tuple[tuple[str, ...], tuple[str, ...]]] = [
    (("asd", "autism", "autistic", "autism spectrum"), ()),
    (("salt", "speech and language", "speech therapy"), ()),
    (("short break", "respite"), ()),
    (("camhs", "mental health", "emotional wellbeing"), ()),
    (("ehcp", "ehc plan", "education health and care plan"), ()),
    (("adhd", "attention deficit"), ()),
    (("sendiass", "send information advice and support"), ()),
    (("ot", "occupational therapy"), ()),
    # Families' and young people's words, and what the services call it.
    (
        ("a break", "break from caring", "time off from caring", "sitting service"),
        ("short break", "respite"),
    ),
    (
        ("things to do", "stuff to do", "something to do", "days out", "whats on", "weekend"),
        ("activities", "club", "play", "sport", "saturday"),
    ),
    (
        ("feeling low", "feel low", "feeling down", "feel down", "sad", "depressed", "unhappy"),
        ("mental health", "wellbeing", "counselling", "depression"),
    ),
    (
        ("anxious", "worried", "worry", "stressed", "panic"),
        ("anxiety", "mental health", "wellbeing", "counselling"),
    ),
    (
        ("someone to talk to", "talk to someone", "somebody to talk to"),
        ("counselling", "wellbeing", "youth worker", "confidential"),
    ),
    (
        ("job", "get a job", "paid work", "employment", "career"),
        ("job", "jobs", "employment", "careers", "apprenticeship", "internship"),
    ),
    (
        ("travel training", "get the bus", "catch the bus", "travel on my own", "learn to travel"),
        ("travel training", "travel safely"),
    ),
    (
        ("diagnosis", "diagnosed", "diagnose", "get assessed", "assess", "assessed"),
        ("diagnosis", "diagnose", "assessment"),
    ),
    (
        ("meet people", "meet other", "make friends", "friends", "lonely", "socialise"),
        ("friends", "social", "meet", "youth club", "group"),
    ),
    (
        ("taxi", "school bus", "transport to school", "get to school", "lift to school"),
        ("transport", "taxi", "travel"),
    ),
    (
        ("money", "pay for", "personal budget", "afford", "funding"),
        ("direct payments", "personal budget", "money", "funding"),
    ),
    (("cant sleep", "wont sleep", "not sleeping", "bedtime", "night waking"), ("sleep",)),
    (
        ("complain", "complaint", "not happy with", "disagree", "appeal", "unfair"),
        ("complaint", "disagreement", "dispute", "mediation", "appeal", "tribunal"),
    ),
    (
        ("excluded", "exclusion", "suspended", "expelled", "kicked out"),
        ("exclusion", "pupil referral unit", "alternative provision"),
    ),
    (
        ("moving out", "living on my own", "live on my own", "leave home", "independent living"),
        ("independent living", "preparing for adulthood", "adult"),
    ),
    (
        ("turns 18", "turn 18", "at 18", "adulthood", "becoming an adult"),
        ("transition", "adult", "preparing for adulthood"),
    ),
    (
        (
            "look after my mum",
            "look after my dad",
            "care for my mum",
            "care for my dad",
            "look after my brother",
            "look after my sister",
            "young carer",
        ),
        ("young carer",),
    ),
    (
        ("behaviour", "tantrums", "meltdowns", "challenging behaviour"),
        ("behaviour", "routines"),
    ),
    (("deaf", "hearing loss", "hearing impaired", "cant hear"), ("deaf", "hearing")),
    (
        ("blind", "visually impaired", "sight loss", "partially sighted"),
        ("vision", "visual impairment", "blind"),
    ),
    (("down syndrome", "downs syndrome", "trisomy 21"), ()),
    (("college", "further education", "course", "sixth form"), ("college", "course")),
    (
        ("childcare", "nursery", "childminder", "pre school", "babysitting"),
        ("childcare", "nursery", "childminder", "pre school"),
    ),
    (("counselling", "counsellor", "therapist"), ("counselling",)),
    (("dyslexia", "dyslexic", "reading difficulties"), ("dyslexia",)),
    (("social worker", "social services"), ("social worker", "social care")),
    (("physio", "physiotherapy"), ()),
    (("swim", "swimming", "swimming pool"), ("swimming", "swim")),
]


def _load() -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    from search.models import SearchSynonym

    try:
        rows = list(SearchSynonym.objects.order_by("pk").values_list("words", "meaning"))
    except DatabaseError:  # before the migration has run
        return DEFAULT_SYNONYMS
    return [
        (SearchSynonym.split(words), SearchSynonym.split(meaning))
        for words, meaning in rows
        if SearchSynonym.split(words)
    ]


def synonym_entries() -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    """The current (words, meaning) entries, from the cache or the database."""
    entries = cache.get(CACHE_KEY)
    if entries is None:
        entries = _load()
        cache.set(CACHE_KEY, entries, None)
    return entries


def clear_cache() -> None:
    cache.delete(CACHE_KEY)
