"""Find known readings inside a run of katakana: hashed look-ups, whatever the number of readings."""

from __future__ import annotations

import re
from typing import Generic, Iterator, TypeVar

from bot.normalize import any_of

Value = TypeVar("Value")


class ReadingTable(Generic[Value]):
    """Readings of at least `shortest` characters with a value each, scanned longest first.

    scan() finds what a regex alternating every reading (longest first) finds with finditer, but each
    position of the text costs at most one look-up per distinct reading length (a few dozen), instead of
    compiling and stepping through a pattern that grows with the readings (409,034 at 100,000 entries).
    """

    def __init__(self, table: dict[str, Value], shortest: int) -> None:
        self._table = table
        self._shortest = shortest
        self._heads = frozenset(reading[:shortest] for reading in table)
        self._lengths = sorted({len(reading) for reading in table}, reverse=True)
        # Where a reading may start, found in C: a trie of the first `shortest` characters, at most that deep.
        self._starts = re.compile(f"(?=(?:{any_of(self._heads)}))")

    def __getitem__(self, reading: str) -> Value:
        return self._table[reading]

    def __contains__(self, reading: object) -> bool:
        return reading in self._table

    def __len__(self) -> int:
        return len(self._table)

    def scan(self, text: str) -> Iterator[tuple[int, int, str]]:
        """Yield (start, end, reading) of the longest known reading at each position, left to right, never overlapping."""
        end = 0
        for start in self._starts.finditer(text):
            position = start.start()
            if position < end:
                continue  # inside the reading found last
            found = self._longest_at(text, position)
            if found is not None:
                end = position + len(found)
                yield position, end, found

    def _longest_at(self, text: str, position: int) -> str | None:
        if text[position:position + self._shortest] not in self._heads:
            return None  # most positions end here: no reading starts with these characters
        room = len(text) - position
        for length in self._lengths:
            if length <= room and text[position:position + length] in self._table:
                return text[position:position + length]
        return None
