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
        self._bag_postings = _arrays(
            (concept, entry, strength) for entry, bag in enumerate(bags) for concept, strength in bag.items())
        self._question_postings = _arrays(
            (concept, index, weight) for index, (_, weights) in enumerate(questions) for concept, weight in weights.items())

    def best(self, strong: dict[str, float], weak: dict[str, float], total: float, limit: int) -> list[Scored]:
        """Return the entries that best explain a question's strong and weak concepts, best first.

        Only the entries and paraphrases the question's concepts touch are looked at: the work grows with the
        postings read, not with the size of the knowledge base.
        """
        entries, coverage, precision = self._scores(strong, {})
        f2 = _f2(precision, np.minimum(coverage / total, 1.0))
        front = entries[_top(f2, FRONT_RUNNERS)]
        # Weak words (what, どこ, ある) only reorder the front-runners: alone they would pull in every entry.
        entries, coverage, precision = self._scores(strong, weak)
        at = np.searchsorted(entries, front)
        # Words of the context may add evidence beyond what is asked: an entry explains at most all of it.
        results = [Scored(int(e), float(coverage[i]), min(float(coverage[i] / total), 1.0), float(precision[i]))
                   for e, i in zip(front, at)]
        # Equal scores (both explain all that is asked): the one the context speaks of too comes first.
        results.sort(key=lambda s: (f2_score(s.precision, s.coverage), s.evidence), reverse=True)
        return results[:limit]

    def _scores(self, strong: dict[str, float], weak: dict[str, float]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        # The touched entries (ascending), the question's weight each explains (coverage), and the best share of
        # one of its paraphrases' weight the question holds (precision). Sums run in the order of the concepts,
        # as adding posting by posting into one array per entry would.
        concepts = [*strong.items(), *weak.items()]
        entries, coverage = _sum_postings(
            [(self._bag_postings[c], w) for c, w in concepts if c in self._bag_postings])
        questions, overlap = _sum_postings(
            [(self._question_postings[c], 1.0) for c, _ in concepts if c in self._question_postings], scale=False)
        precision = np.zeros(len(entries))
        if len(questions):
            owners = np.searchsorted(entries, self._question_entry[questions])
            np.maximum.at(precision, owners, overlap / self._question_total[questions])
        return entries, coverage, precision

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


EMPTY = (np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float64))


def _sum_postings(postings: list[tuple[tuple[np.ndarray, np.ndarray], float]],
                  scale: bool = True) -> tuple[np.ndarray, np.ndarray]:
    """Return the distinct positions of the postings (ascending) and, for each, the sum of its values."""
    if not postings:
        return EMPTY
    positions = np.concatenate([p for (p, _), _ in postings])
    values = np.concatenate([weight * v if scale else v for (_, v), weight in postings])
    distinct, inverse = np.unique(positions, return_inverse=True)
    return distinct, np.bincount(inverse, weights=values, minlength=len(distinct))


def _arrays(rows) -> dict[str, tuple[np.ndarray, np.ndarray]]:  # type: ignore[no-untyped-def]
    lists: dict[str, tuple[list[int], list[float]]] = defaultdict(lambda: ([], []))
    for concept, position, value in rows:
        positions, values = lists[concept]
        positions.append(position)
        values.append(value)
    return {c: (np.array(p, dtype=np.int64), np.array(v, dtype=np.float64)) for c, (p, v) in lists.items()}
