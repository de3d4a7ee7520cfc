"""Evidence sources: what a response can cite, plugged in by the apps that own the things.

Every source is registered through the Wagtail hook `yswd_evidence_sources`: a function with no
arguments returning a list of `EvidenceSource`. Feedback items and service pages are registered
by this app (`wagtail_hooks.py`); surveys and the forum add theirs the same way, e.g.::

    @hooks.register("yswd_evidence_sources")
    def survey_results():
        return [linked_source("survey", "Survey results", resolve=resolve_survey_results)]

`linked_source` stores the links as `ResponseEvidence` rows (source key + reference) and asks the
source's `resolve(references)` for what the public may see; a source never shows anything that
is not already public on its own pages.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.db.models import Q
from wagtail import hooks

from directory.hooks import YSWD_EVIDENCE_SOURCES


@dataclass(frozen=True)
class EvidenceEntry:
    """One piece of evidence as the public sees it."""

    title: str
    url: str = ""
    detail: str = ""


@dataclass(frozen=True)
class EvidenceGroup:
    """What one source shows on a response page: a heading, a count and the entries."""

    key: str
    label: str
    count: int
    entries: list[EvidenceEntry] = field(default_factory=list)
    quotes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class EvidenceSource:
    """A kind of evidence. `group(response)` gives what the response page shows (or None);
    `response_filter` is a Q on ResponsePage selecting responses citing this source."""

    key: str
    label: str
    group: Callable[[object], EvidenceGroup | None]
    response_filter: Q
    # True for sources stored as ResponseEvidence rows (offered in the editor's "Other evidence").
    plugged_in: bool = False


def linked_source(
    key: str, label: str, *, resolve: Callable[[list[str]], list[EvidenceEntry]]
) -> EvidenceSource:
    """A source whose links are ResponseEvidence rows; `resolve` turns references into public
    entries, leaving out any that are not public (unpublished, deleted)."""

    def group(response) -> EvidenceGroup | None:
        refs = [link.reference for link in response.evidence_links.all() if link.source == key]
        entries = resolve(refs) if refs else []
        return EvidenceGroup(key, label, len(entries), entries) if entries else None

    return EvidenceSource(
        key=key,
        label=label,
        group=group,
        response_filter=Q(evidence_links__source=key),
        plugged_in=True,
    )


def evidence_sources() -> list[EvidenceSource]:
    """Every registered source, in hook order (this app's own first)."""
    sources = []
    for fn in hooks.get_hooks(YSWD_EVIDENCE_SOURCES):
        sources.extend(fn())
    return sources


def plugged_in_sources() -> list[EvidenceSource]:
    return [source for source in evidence_sources() if source.plugged_in]


def evidence_for(response) -> list[EvidenceGroup]:
    """What each source shows on the response page, sources with nothing left out."""
    groups = []
    for source in evidence_sources():
        group = source.group(response)
        if group is not None:
            groups.append(group)
    return groups
