"""How service text becomes search terms: words, a light English stemmer, synonyms, spelling.

Used by the database backend's own index (documents and queries go through the same steps) and
by the spelling suggestions both backends show.
"""

import difflib
import re
import unicodedata
from dataclasses import dataclass

from search.synonyms import SYNONYMS

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


SYNONYM_PHRASES: list[list[tuple[str, ...]]] = [
    [_phrase(entry) for entry in group] for group in SYNONYMS
]
SYNONYM_WORDS: list[list[tuple[str, ...]]] = [
    [tuple(words(entry)) for entry in group] for group in SYNONYMS
]


@dataclass(frozen=True)
class Concept:
    """One thing the searcher asked for: any alternative matches, each needing all its terms."""

    alternatives: tuple[tuple[str, ...], ...]
    phrases: tuple[tuple[str, ...], ...] = ()  # the same alternatives as unstemmed words

    @property
    def all_terms(self) -> set[str]:
        return {t for alternative in self.alternatives for t in alternative}


def concepts(text: str) -> list[Concept]:
    """The query's concepts, with synonyms expanded ('short breaks' also finds 'respite')."""
    query_words = words(text)[:MAX_QUERY_WORDS]
    query_terms = [stem(w) for w in query_words]
    found: list[Concept] = []
    i = 0
    while i < len(query_terms):
        best: tuple[int, int] | None = None
        for g, group in enumerate(SYNONYM_PHRASES):
            for phrase in group:
                n = len(phrase)
                if n and tuple(query_terms[i : i + n]) == phrase and (best is None or n > best[0]):
                    best = (n, g)
        if best:
            n, g = best
            # An alternative containing another ("autism spectrum" beside "autism") adds nothing.
            keep = [
                k
                for k, phrase in enumerate(SYNONYM_PHRASES[g])
                if not any(
                    other != phrase and set(other) <= set(phrase) for other in SYNONYM_PHRASES[g]
                )
            ]
            found.append(
                Concept(
                    tuple(dict.fromkeys(SYNONYM_PHRASES[g][k] for k in keep)),
                    tuple(SYNONYM_WORDS[g][k] for k in keep),
                )
            )
            i += n
        else:
            found.append(Concept(((query_terms[i],),), ((query_words[i],),)))
            i += 1
    return found


def synonym_terms() -> set[str]:
    """Every term that appears in the synonym list: always known, never 'corrected'."""
    return {t for group in SYNONYM_PHRASES for phrase in group for t in phrase}


def spelling_suggestion(text: str, known: set[str], vocabulary: list[str]) -> str | None:
    """The text with each unknown word replaced by the closest indexed term, or None.

    `known` holds the query's terms that are in the index; `vocabulary` every indexed term.
    """
    changed = False
    corrected: list[str] = []
    always_known = synonym_terms()
    for word in words(text):
        term = stem(word)
        if term in known or term in always_known or word.isdigit() or len(word) < 4:
            corrected.append(word)
            continue
        match = difflib.get_close_matches(term, vocabulary, n=1, cutoff=0.75)
        if match:
            corrected.append(match[0])
            changed = True
        else:
            corrected.append(word)
    return " ".join(corrected) if changed else None
