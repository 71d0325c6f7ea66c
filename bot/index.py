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
        """Return the entries that best explain a question's strong and weak concepts, best first."""
        coverage, overlap = self._add(strong, np.zeros(len(self._bags)), np.zeros(len(self._question_total)))
        front = _top(_f2(self._precision(overlap), np.minimum(coverage / total, 1.0)), FRONT_RUNNERS)
        # Weak words (what, どこ, ある) only reorder the front-runners: alone they would pull in every entry.
        coverage, overlap = self._add(weak, coverage, overlap)
        precision = self._precision(overlap)
        # Words of the context may add evidence beyond what is asked: an entry explains at most all of it.
        results = [Scored(int(e), float(coverage[e]), min(float(coverage[e] / total), 1.0), float(precision[e]))
                   for e in front]
        # Equal scores (both explain all that is asked): the one the context speaks of too comes first.
        results.sort(key=lambda s: (f2_score(s.precision, s.coverage), s.evidence), reverse=True)
        return results[:limit]

    def _add(self, concepts: dict[str, float], coverage: np.ndarray, overlap: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        # Coverage: the question's weight each entry explains; overlap: each paraphrase's weight the question holds.
        for concept, weight in concepts.items():
            if concept in self._bag_postings:
                entries, strengths = self._bag_postings[concept]
                coverage[entries] += weight * strengths
            if concept in self._question_postings:
                questions, weights = self._question_postings[concept]
                overlap[questions] += weights
        return coverage, overlap

    def _precision(self, overlap: np.ndarray) -> np.ndarray:
        touched = np.nonzero(overlap)[0]
        precision = np.zeros(len(self._bags))
        np.maximum.at(precision, self._question_entry[touched], overlap[touched] / self._question_total[touched])
        return precision

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


def _arrays(rows) -> dict[str, tuple[np.ndarray, np.ndarray]]:  # type: ignore[no-untyped-def]
    lists: dict[str, tuple[list[int], list[float]]] = defaultdict(lambda: ([], []))
    for concept, position, value in rows:
        positions, values = lists[concept]
        positions.append(position)
        values.append(value)
    return {c: (np.array(p, dtype=np.int64), np.array(v, dtype=np.float64)) for c, (p, v) in lists.items()}
