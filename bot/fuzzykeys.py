"""The known words a mistyped one may stand for, narrowed before the fuzzy comparison (bot.matching).

fuzz.ratio is 100 * (1 - indel distance / (a + b)) for words of a and b characters, and the distance is at least
|a - b|: a known word much longer or shorter than the typed one cannot reach the cutoff, whatever its letters.
Nor can one sharing no character with it (it scores 0), so none written in other scripts only: kana typed
(プレクラフ) is not compared with the kanji and English words, most of them. Leaving those out keeps the best match
(the others keep their order, so ties fall as before) and spares most of the comparisons: each unknown word was
compared with every known word (a thousand in the bundled knowledge), tens of microseconds each.
"""

from __future__ import annotations

import unicodedata

SLACK = 1e-6  # a bound this close to the cutoff is kept: rounding cannot make it reach what its score does not
MAX_KEPT = 1_000  # narrowed lists kept (a few lengths, scripts and cutoffs are asked: more is junk typed)


class FuzzyKeys:
    """A knowledge base's words for fuzzy look-ups, and for a typed word and cutoff the ones that may match."""

    def __init__(self, keys: list[str]) -> None:
        self.keys = keys
        self._scripts = [frozenset(map(_script, key)) for key in keys]
        self._within: dict[tuple[int, float, frozenset[str]], list[str]] = {}

    def within_reach(self, word: str, cutoff: float) -> list[str]:
        """Return the words (in their order) that fuzz.ratio against `word` may score `cutoff` or more."""
        # Only a positive cutoff keeps out the words scoring 0, those in other scripts.
        scripts = frozenset(map(_script, word)) if cutoff > 0 else None
        found = self._within.get((len(word), cutoff, scripts or frozenset()))
        if found is None:
            if len(self._within) >= MAX_KEPT:
                self._within.clear()
            found = self._within[(len(word), cutoff, scripts or frozenset())] = [
                key for key, its in zip(self.keys, self._scripts) if (scripts is None or not scripts.isdisjoint(its))
                and _best_ratio(len(word), len(key)) >= cutoff - SLACK]
        return found


def _script(char: str) -> str:
    # The first word of a character's Unicode name (LATIN, HIRAGANA, KATAKANA, CJK, DIGIT): two words sharing a
    # character share its script.
    return unicodedata.name(char, "").partition(" ")[0]


def _best_ratio(length: int, other: int) -> float:
    # The most fuzz.ratio can give two words of these lengths: all of the shorter one found in the longer.
    return 200.0 * min(length, other) / (length + other) if length + other else 100.0
