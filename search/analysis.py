"""How service text becomes search terms: words, a light English stemmer, synonyms, spelling.

Used by the database backend's own index (documents and queries go through the same steps) and
by the spelling suggestions both backends show.
"""

import difflib
import functools
import re
import unicodedata
from dataclasses import dataclass

from search import synonyms

STOP_WORDS = frozenset(
    "a an and are as at be by for from in is it its of on or our that the this to we with you "
    "your".split()
)
WORD_RE = re.compile(r"[a-z0-9]+")
MAX_QUERY_WORDS = 12


def words(text: str) -> list[str]:
    """Lower-case words without accents or stop words."""
    folded = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode().lower()
    return [w for w in WORD_RE.findall(folded) if w not in STOP_WORDS]


def stem(word: str) -> str:
    """A light English stemmer: plurals and common verb endings ('breaks' -> 'break')."""
    if len(word) <= 3 or word.isdigit():
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("sses"):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    for suffix, min_len in (("ing", 7), ("ed", 6)):
        if word.endswith(suffix) and len(word) >= min_len:
            word = word[: -len(suffix)]
            if len(word) > 2 and word[-1] == word[-2] and word[-1] not in "lsz":
                word = word[:-1]
            break
    return word


def terms(text: str) -> list[str]:
    """The stemmed terms of a text, in order."""
    return [stem(w) for w in words(text)]


def _phrase(text: str) -> tuple[str, ...]:
    return tuple(terms(text))


# Words that say who is asking or how, not what for: dropped from a query (never from the index)
# unless the query has nothing else. Phrases of the synonym list are read before these go.
QUERY_STOP_WORDS = frozenset(
    "i im me my mine myself he she him her his hers they them their we us our son sons daughter "
    "daughters child childs children kid kids boy girl help helps helping someone somebody need "
    "needs needed want wants looking look find how do does did what where who which when why can "
    "could would should will get got getting go going has have had been being am was were there "
    "here any some about please near nearby local around other all also just really very lot lots "
    "way time times people person age ages old year years own am able t s m d ll ve re".split()
)


@dataclass(frozen=True)
class SynonymEntry:
    """One entry of the synonym list, analysed: the phrases that trigger it and what they find."""

    triggers: tuple[tuple[str, ...], ...]  # stemmed terms of each phrase people type
    alternatives: tuple[tuple[str, ...], ...]  # stemmed terms of everything it finds
    phrases: tuple[tuple[str, ...], ...]  # the same alternatives as unstemmed words


@functools.lru_cache(maxsize=4)
def _analysed(entries: tuple) -> tuple[SynonymEntry, ...]:
    analysed = []
    for words_, meaning in entries:
        found = list(dict.fromkeys([*words_, *meaning]))
        pairs = [(_phrase(entry), tuple(words(entry))) for entry in found]
        pairs = [(stemmed, plain) for stemmed, plain in pairs if stemmed]
        # An alternative containing another ("autism spectrum" beside "autism") adds nothing.
        kept = [
            (stemmed, plain)
            for stemmed, plain in pairs
            if not any(o != stemmed and set(o) <= set(stemmed) for o, _p in pairs)
        ]
        kept = list(dict((stemmed, plain) for stemmed, plain in kept).items())
        triggers = tuple(t for t in (_phrase(w) for w in words_) if t)
        if triggers and kept:
            analysed.append(
                SynonymEntry(triggers, tuple(k for k, _ in kept), tuple(p for _, p in kept))
            )
    return tuple(analysed)


def synonym_entries() -> tuple[SynonymEntry, ...]:
    """The editor-managed synonym list (search.synonyms), analysed once per version."""
    entries = synonyms.synonym_entries()
    return _analysed(tuple((tuple(w), tuple(m)) for w, m in entries))


@dataclass(frozen=True)
class Concept:
    """One thing the searcher asked for: any alternative matches, each needing all its terms."""

    alternatives: tuple[tuple[str, ...], ...]
    phrases: tuple[tuple[str, ...], ...] = ()  # the same alternatives as unstemmed words

    @property
    def all_terms(self) -> set[str]:
        return {t for alternative in self.alternatives for t in alternative}


def concepts(text: str) -> list[Concept]:
    """The query's concepts, with synonyms expanded ('short breaks' also finds 'respite') and
    words that carry no meaning in a search dropped ('my', 'son', 'help')."""
    query_words = words(text)[:MAX_QUERY_WORDS]
    query_terms = [stem(w) for w in query_words]
    entries = synonym_entries()
    found: list[Concept] = []
    dropped: list[Concept] = []
    i = 0
    while i < len(query_terms):
        best: tuple[int, SynonymEntry] | None = None
        for entry in entries:
            for phrase in entry.triggers:
                n = len(phrase)
                if tuple(query_terms[i : i + n]) == phrase and (best is None or n > best[0]):
                    best = (n, entry)
        if best:
            n, entry = best
            found.append(Concept(entry.alternatives, entry.phrases))
            i += n
            continue
        concept = Concept(((query_terms[i],),), ((query_words[i],),))
        if query_words[i] in QUERY_STOP_WORDS:
            dropped.append(concept)
        else:
            found.append(concept)
        i += 1
    return list(dict.fromkeys(found)) or dropped


def synonym_terms() -> set[str]:
    """Every term that appears in the synonym list: always known, never 'corrected'."""
    return {
        t
        for entry in synonym_entries()
        for phrase in (*entry.triggers, *entry.alternatives)
        for t in phrase
    }


def _one_swap_apart(a: str, b: str) -> bool:
    """Two letters typed the wrong way round ('cahms' for 'camhs')."""
    if len(a) != len(b) or a == b:
        return False
    diff = [i for i in range(len(a)) if a[i] != b[i]]
    return (
        len(diff) == 2
        and diff[1] == diff[0] + 1
        and a[diff[0]] == b[diff[1]]
        and (a[diff[1]] == b[diff[0]])
    )


def spelling_suggestion(text: str, known: set[str], vocabulary: list[str]) -> str | None:
    """The text with each unknown word replaced by the closest indexed term, or None.

    `known` holds the query's terms that are in the index; `vocabulary` every indexed term.
    """
    changed = False
    corrected: list[str] = []
    always_known = synonym_terms()
    # Whole words people type (from the synonym list) before indexed stems: 'camhs', not 'camh'.
    plain = sorted({w for e in synonym_entries() for phrase in e.phrases for w in phrase})
    for word in words(text):
        term = stem(word)
        if term in known or term in always_known or word.isdigit() or len(word) < 4:
            corrected.append(word)
            continue
        match = (
            [v for v in plain if _one_swap_apart(word, v)]
            or [v for v in vocabulary if _one_swap_apart(term, v)]
            or difflib.get_close_matches(term, vocabulary, n=1, cutoff=0.75)
        )
        if match:
            corrected.append(match[0])
            changed = True
        else:
            corrected.append(word)
    return " ".join(corrected) if changed else None


def search_text(raw: str, max_length: int) -> str:
    """Typed words as one line: no control characters (a NUL breaks PostgreSQL), spaces tidied."""
    return " ".join("".join(" " if ord(c) < 32 else c for c in raw[: max_length * 4]).split())[
        :max_length
    ]
