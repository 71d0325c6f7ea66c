"""Find known readings inside a run of katakana: hashed look-ups, whatever the number of readings."""

from __future__ import annotations

from collections import defaultdict
from typing import Generic, Iterator, TypeVar

Value = TypeVar("Value")


class ReadingTable(Generic[Value]):
    """Readings of at least `shortest` characters with a value each, scanned longest first.

    scan() finds what a regex alternating every reading (longest first) finds with finditer, but each
    position of the text costs one set look-up, and at most one per distinct reading length (a few dozen) where a
    reading may start, instead of compiling and stepping through a pattern that grows with the readings (409,034
    at 100,000 entries).
    """

    def __init__(self, table: dict[str, Value], shortest: int, whole_words: dict[str, Value] | None = None) -> None:
        self._table = table
        # Readings of typos (a dakuten left out) that only a whole word typed in kana may be (scanned after the rest).
        self.whole_words: ReadingTable[Value] | None = ReadingTable(whole_words, shortest) if whole_words else None
        self._shortest = shortest
        # Where a reading may start: its first `shortest` characters, one set look-up per position. A regex
        # alternating them (as a trie) scanned no faster, and compiling it was a tenth of the start-up's index build.
        self._heads = frozenset(reading[:shortest] for reading in table)
        self._lengths = sorted({len(reading) for reading in table}, reverse=True)
        self._by_onset: dict[tuple[int, str], list[str]] | None = None  # made when first asked

    def one_off(self, typed: str, shortest: int) -> list[tuple[str, Value]]:
        """Return the readings (of `shortest` characters or more) one character dropped, added or changed from typed,
        with their values; only those of the same first sound (a word's onset is what a typist gets right)."""
        if self._by_onset is None:
            self._by_onset = defaultdict(list)
            for reading in self._table:
                self._by_onset[len(reading), reading[:1]].append(reading)
        return [(reading, self._table[reading]) for size in (len(typed) - 1, len(typed), len(typed) + 1)
                if size >= shortest for reading in self._by_onset.get((size, typed[:1]), ())
                if one_edit_apart(reading, typed)]

    def __getitem__(self, reading: str) -> Value:
        return self._table[reading]

    def __contains__(self, reading: object) -> bool:
        return reading in self._table

    def __len__(self) -> int:
        return len(self._table)

    def scan(self, text: str) -> Iterator[tuple[int, int, str]]:
        """Yield (start, end, reading) of the longest known reading at each position, left to right, never overlapping."""
        end, heads, shortest = 0, self._heads, self._shortest
        for position in range(len(text)):
            if position < end or text[position:position + shortest] not in heads:
                continue  # inside the reading found last, or (most positions) no reading starts here
            found = self._longest_at(text, position)
            if found is not None:
                end = position + len(found)
                yield position, end, found

    def _longest_at(self, text: str, position: int) -> str | None:
        room = len(text) - position
        for length in self._lengths:
            if length <= room and text[position:position + length] in self._table:
                return text[position:position + length]
        return None


def one_edit_apart(first: str, second: str) -> bool:
    """Tell whether two strings differ by one character dropped, added or changed (or not at all)."""
    if len(first) > len(second):
        first, second = second, first
    if len(second) - len(first) > 1:
        return False
    start = next((i for i, (a, b) in enumerate(zip(first, second)) if a != b), len(first))
    if len(first) == len(second):
        return first[start + 1:] == second[start + 1:]
    return first[start:] == second[start + 1:]
