"""The database backend's facet bitsets: each facet value's services as one Python int.

Built once per index version from narrow rows (service, group, value) and kept in the process.
Every write to the index and every taxonomy edit bumps the version (search.indexing
`bump_index_version`); a search reads it first (one small query), so what an editor publishes
shows on the next search in every process. A service's bit position is its place in the name
order (title_sort, page_id), so the lowest set bits of a result are its first page by name.

Counting is then integer arithmetic: a group's counts are each value's bits AND the services
that match everything else (the text, ages, distance and every other group's selection).
"""

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db import connection

from search.backends.common import facet_vocabulary
from search.contract import FACET_GROUP_KEYS
from search.models import SearchIndexVersion, ServiceDocument, ServiceFacetValue

TEXT_CACHE_POSITIONS = 200_000  # scored services over all remembered texts (a few MB)


@dataclass(frozen=True)
class FacetBits:
    """The index of one version: positions, each value's bits, and the facet labels."""

    version: str | None
    page_ids: list[int]  # position -> page id, in name order
    positions: dict[int, int]  # page id -> position
    every: int  # every indexed service
    values: dict[str, dict[str, int]]  # group -> value -> services having it
    based_in: dict[str, int]  # district -> services based there (not only county-wide)
    vocabulary: dict[str, list[tuple[str, str]]]
    # Popular texts' matches and scores (search.backends.database.text_match), least recently
    # used first; they go with the version like everything else here.
    texts: dict = field(default_factory=dict)

    def remembered_text(self, key: tuple):
        found = self.texts.pop(key, None)
        if found is not None:
            self.texts[key] = found
        return found

    def remember_text(self, key: tuple, matched: int, scores: dict[int, float]) -> None:
        self.texts[key] = (matched, scores)
        while sum(len(s) for _m, s in self.texts.values()) > TEXT_CACHE_POSITIONS:
            del self.texts[next(iter(self.texts))]

    def from_positions(self, positions: Iterable[int]) -> int:
        return from_positions(len(self.page_ids), positions)

    def positions_of(self, page_ids: Iterable[int]) -> list[int]:
        """The bit positions of these services (ids not in the index are left out)."""
        return [p for page_id in page_ids if (p := self.positions.get(page_id)) is not None]

    @staticmethod
    def positions_in(bits: int) -> list[int]:
        """The set bits of `bits`, lowest first (a C-speed scan of its binary digits)."""
        digits = bin(bits)[:1:-1]
        found, i = [], digits.find("1")
        while i != -1:
            found.append(i)
            i = digits.find("1", i + 1)
        return found

    @staticmethod
    def first_positions(ordered: list[int], count: int) -> list[int]:
        """The `count` lowest set bits, taking the bitsets in turn."""
        found: list[int] = []
        for bits in ordered:
            while bits and len(found) < count:
                lowest = bits & -bits
                bits ^= lowest
                found.append(lowest.bit_length() - 1)
        return found

    def any_of(self, group: str, values: Iterable[str]) -> int:
        """Services having any of these values of a group (values within a group are OR-ed)."""
        group_bits = self.values.get(group, {})
        bits = 0
        for value in values:
            bits |= group_bits.get(value, 0)
        return bits

    def counts(
        self, base: int, selections: dict[str, int], with_facets: bool
    ) -> tuple[int, dict[str, dict[str, int]], int]:
        """The total, each group's value counts with every other group's selection, and the
        matching services."""
        return multi_select_counts(self.values, base, selections, with_facets)

    def any_of_districts_based_in(self, districts: Iterable[str]) -> int:
        bits = 0
        for district in districts:
            bits |= self.based_in.get(district, 0)
        return bits


def multi_select_counts(
    values: dict[str, dict[str, int]], base: int, selections: dict[str, int], with_facets: bool
) -> tuple[int, dict[str, dict[str, int]], int]:
    """The total, each group's value counts with every other group's selection (OR within a
    group, AND across), and the matching services; `values` is group -> value -> bits."""
    matched = base
    for bits in selections.values():
        matched &= bits
    counts: dict[str, dict[str, int]] = {group: {} for group in FACET_GROUP_KEYS}
    if not with_facets:
        return matched.bit_count(), counts, matched
    for group in FACET_GROUP_KEYS:
        within = matched
        if group in selections:
            within = base
            for other, bits in selections.items():
                if other != group:
                    within &= bits
        counts[group] = {
            value: count
            for value, bits in values.get(group, {}).items()
            if (count := (bits & within).bit_count())
        }
    return matched.bit_count(), counts, matched


def from_positions(size: int, positions: Iterable[int]) -> int:
    """A bitset of `size` bits with these positions set, built in one pass."""
    buffer = bytearray(size // 8 + 1)
    for position in positions:
        buffer[position >> 3] |= 1 << (position & 7)
    return int.from_bytes(buffer, "little")


def build(version: str | None) -> FacetBits:
    """Read the index's narrow rows (two queries and the labels) into bitsets."""
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT page_id FROM {quote(ServiceDocument._meta.db_table)} "  # noqa: S608
            "ORDER BY title_sort, page_id"
        )
        page_ids = [row[0] for row in cursor.fetchall()]
        positions = {page_id: position for position, page_id in enumerate(page_ids)}
        cursor.execute(
            f"SELECT document_id, {quote('group')}, value, based_here "  # noqa: S608
            f"FROM {quote(ServiceFacetValue._meta.db_table)}"
        )
        members: dict[tuple[str, str], list[int]] = {}
        based: dict[str, list[int]] = {}
        for document_id, group, value, based_here in cursor.fetchall():
            position = positions.get(document_id)
            if position is None:
                continue
            members.setdefault((group, value), []).append(position)
            if group == "district" and based_here:
                based.setdefault(value, []).append(position)
    size = len(page_ids)
    values: dict[str, dict[str, int]] = {}
    for (group, value), group_positions in members.items():
        values.setdefault(group, {})[value] = from_positions(size, group_positions)
    return FacetBits(
        version=version,
        page_ids=page_ids,
        positions=positions,
        every=(1 << size) - 1,
        values=values,
        based_in={value: from_positions(size, ps) for value, ps in based.items()},
        vocabulary=facet_vocabulary(),
    )


_current: FacetBits | None = None


def index_version() -> str | None:
    """The index's current version token (None before the first write)."""
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT token FROM {connection.ops.quote_name(SearchIndexVersion._meta.db_table)}"  # noqa: S608
        )
        row = cursor.fetchone()
    return row[0] if row else None


def current() -> FacetBits:
    """This process's bitsets, rebuilt when the index changed since they were built."""
    global _current
    version = index_version()
    if _current is None or _current.version != version:
        _current = build(version)
    return _current
