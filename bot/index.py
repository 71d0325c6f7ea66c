"""Entries' concepts as arrays, so one question is scored against thousands of entries at once."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import numpy as np

FRONT_RUNNERS = 50


@dataclass(frozen=True)
class Scored:
    """How much of a question one entry explains."""

    entry: int
    evidence: float  # the weight of the question's words found in the entry
    coverage: float  # evidence / the question's whole weight
    precision: float  # the best share of one paraphrase's weight found in the question


class ConceptIndex:
    """Inverted lists of concepts over entries (with strengths) and over paraphrases (with weights)."""

    def __init__(self, bags: list[dict[str, float]], questions: list[tuple[int, dict[str, float]]]) -> None:
        self._bags = bags
        self._question_entry = np.array([entry for entry, _ in questions], dtype=np.int64)
        self._question_total = np.array([sum(w.values()) or 1.0 for _, w in questions], dtype=np.float64)
        self._bag_postings = _Postings(
            (concept, entry, strength) for entry, bag in enumerate(bags) for concept, strength in bag.items())
        self._question_postings = _Postings(
            (concept, index, weight) for index, (_, weights) in enumerate(questions) for concept, weight in weights.items())

    def best(self, strong: dict[str, float], weak: dict[str, float], total: float, limit: int) -> list[Scored]:
        """Return the entries that best explain a question's strong and weak concepts, best first.

        Only the entries and paraphrases the question's concepts touch are looked at: the work grows with the
        postings read, not with the size of the knowledge base.
        """
        entries, (coverage, all_coverage), (precision, all_precision) = self._scores(strong, weak)
        f2 = _f2(precision, np.minimum(coverage / total, 1.0))
        # Weak words (what, どこ, ある) only reorder the front-runners: alone they would pull in every entry.
        front = _top(f2, FRONT_RUNNERS)
        # Words of the context may add evidence beyond what is asked: an entry explains at most all of it.
        results = [Scored(int(entries[i]), float(all_coverage[i]), min(float(all_coverage[i] / total), 1.0),
                          float(all_precision[i])) for i in front]
        # Equal scores (both explain all that is asked): the one the context speaks of too comes first.
        results.sort(key=lambda s: (f2_score(s.precision, s.coverage), s.evidence), reverse=True)
        return results[:limit]

    def _scores(self, strong: dict[str, float], weak: dict[str, float]) -> tuple[np.ndarray, Pair, Pair]:
        # The touched entries (ascending); the question's weight each explains (coverage) and the best share of one
        # of its paraphrases' weight the question holds (precision), each from the strong concepts alone and from
        # all. Sums run in the order of the concepts, as adding posting by posting into one array per entry would.
        bag = [(self._bag_postings[c], w, c in strong) for c, w in (*strong.items(), *weak.items())
               if c in self._bag_postings]
        asked = [(self._question_postings[c], 1.0, c in strong) for c in (*strong, *weak)
                 if c in self._question_postings]
        entries, coverage = _sum_postings(bag, len(self._bags))
        questions, overlap = _sum_postings(asked, len(self._question_total), scale=False)
        owners = np.searchsorted(entries, self._question_entry[questions])
        totals = self._question_total[questions]
        return entries, coverage, tuple(_best_share(len(entries), owners, share / totals) for share in overlap)

    def users(self, concept: str) -> int:
        """Return how many entries use a concept (in their questions, keywords, title or answer)."""
        return len(self._bag_postings[concept][0]) if concept in self._bag_postings else 0

    def bag(self, entry: int) -> dict[str, float]:
        """Return an entry's concepts with their strengths."""
        return self._bags[entry]


def f2_score(precision: float, coverage: float) -> float:
    """Return the F-beta (beta=2) of precision and coverage: covering the user's question matters most."""
    denominator = 4 * precision + coverage
    return 5 * precision * coverage / denominator if denominator else 0.0


def _f2(precision: np.ndarray, coverage: np.ndarray) -> np.ndarray:
    denominator = 4 * precision + coverage
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(denominator > 0, 5 * precision * coverage / np.where(denominator > 0, denominator, 1), 0.0)


def _top(scores: np.ndarray, count: int) -> np.ndarray:
    candidates = np.nonzero(scores)[0]
    if len(candidates) > count:
        candidates = candidates[np.argpartition(-scores[candidates], count)[:count]]
    return candidates[np.argsort(-scores[candidates], kind="stable")]


Pair = tuple[np.ndarray, np.ndarray]  # from the strong concepts alone, and from all
Postings = tuple[np.ndarray, np.ndarray]


SORT_COST = 16  # a posting sorted costs about as much as this many array cells scanned


def _sum_postings(postings: list[tuple[Postings, float, bool]], size: int,
                  scale: bool = True) -> tuple[np.ndarray, Pair]:
    """Return the distinct positions (below size) of the postings, ascending, and for each the sum of its values:
    over the strong postings alone, and over all."""
    if not postings:
        return np.zeros(0, dtype=np.int64), (np.zeros(0), np.zeros(0))
    positions = np.concatenate([p for (p, _), _, _ in postings])
    values = np.concatenate([weight * v if scale else v for (_, v), weight, _ in postings])
    is_strong = np.concatenate([np.full(len(p), strong) for (p, _), _, strong in postings])
    if len(positions) * SORT_COST < size:  # few postings: sort them rather than scan an array as long as the base
        distinct, inverse = np.unique(positions, return_inverse=True)
        width = len(distinct)
    else:  # so many that sorting them costs more than counting into one array (the sums come out the same)
        distinct = np.flatnonzero(np.bincount(positions, minlength=size))
        inverse, width = positions, size
    every = np.bincount(inverse, weights=values, minlength=width)
    alone = np.bincount(inverse[is_strong], weights=values[is_strong], minlength=width)
    if width == size:
        every, alone = every[distinct], alone[distinct]
    return distinct, (alone, every)


def _best_share(size: int, owners: np.ndarray, shares: np.ndarray) -> np.ndarray:
    best = np.zeros(size)
    np.maximum.at(best, owners, shares)
    return best


class _Postings:
    """Each concept's postings (positions with values) as views into two flat arrays.

    Two arrays for the whole index, not two per concept: building a hundred thousand small arrays was a tenth of the
    bundled index's build and most of its memory overhead at 100,000 entries. A view costs about as much as a look-up.
    """

    def __init__(self, rows) -> None:  # type: ignore[no-untyped-def]
        lists: dict[str, tuple[list[int], list[float]]] = defaultdict(lambda: ([], []))
        for concept, position, value in rows:
            positions, values = lists[concept]
            positions.append(position)
            values.append(value)
        self._spans: dict[str, tuple[int, int]] = {}
        every_position: list[int] = []
        every_value: list[float] = []
        for concept, (positions, values) in lists.items():
            self._spans[concept] = (len(every_position), len(every_position) + len(positions))
            every_position += positions
            every_value += values
        self._positions = np.array(every_position, dtype=np.int64)
        self._values = np.array(every_value, dtype=np.float64)

    def __contains__(self, concept: object) -> bool:
        return concept in self._spans

    def __getitem__(self, concept: str) -> Postings:
        start, end = self._spans[concept]
        return self._positions[start:end], self._values[start:end]
