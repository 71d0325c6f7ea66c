"""The known words a mistyped one may stand for, narrowed by length before the fuzzy comparison (bot.matching).

fuzz.ratio is 100 * (1 - indel distance / (a + b)) for words of a and b characters, and the distance is at least
|a - b|: a known word much longer or shorter than the typed one cannot reach the cutoff, whatever its letters.
Leaving those out keeps the best match (the others keep their order, so ties fall as before) and spares most of
the comparisons: an English question's unknown word was compared with every known word (a thousand in the bundled
knowledge), a tenth of the answer's time.
"""

from __future__ import annotations

SLACK = 1e-6  # a bound this close to the cutoff is kept: rounding cannot make it reach what its score does not


class FuzzyKeys:
    """A knowledge base's words for fuzzy look-ups, and for each typed length and cutoff the ones that may match."""

    def __init__(self, keys: list[str]) -> None:
        self.keys = keys
        self._within: dict[tuple[int, float], list[str]] = {}  # a few lengths and two cutoffs: built when asked

    def within_reach(self, length: int, cutoff: float) -> list[str]:
        """Return the words (in their order) whose length lets fuzz.ratio against a word of `length` reach `cutoff`."""
        found = self._within.get((length, cutoff))
        if found is None:
            found = self._within[(length, cutoff)] = [key for key in self.keys
                                                      if _best_ratio(length, len(key)) >= cutoff - SLACK]
        return found


def _best_ratio(length: int, other: int) -> float:
    # The most fuzz.ratio can give two words of these lengths: all of the shorter one found in the longer.
    return 200.0 * min(length, other) / (length + other) if length + other else 100.0
