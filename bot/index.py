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
        self._question_weights = [weights for _, weights in questions]
        self._question_entry = np.array([entry for entry, _ in questions], dtype=np.int64)
        self._question_total = np.array([sum(w.values()) or 1.0 for _, w in questions], dtype=np.float64)
        self._entry_questions: list[list[int]] = [[] for _ in bags]
        for index, (entry, _) in enumerate(questions):
            self._entry_questions[entry].append(index)
        self._bag_postings = _arrays(
            (concept, entry, strength) for entry, bag in enumerate(bags) for concept, strength in bag.items())
        self._question_postings = _arrays(
            (concept, index, weight) for index, (_, weights) in enumerate(questions) for concept, weight in weights.items())

    def best(self, strong: dict[str, float], weak: dict[str, float], total: float, limit: int) -> list[Scored]:
        """Return the entries that best explain a question's strong and weak concepts, best first."""
        coverage = np.zeros(len(self._bags))
        for concept, weight in strong.items():
            if concept in self._bag_postings:
                entries, strengths = self._bag_postings[concept]
                coverage[entries] += weight * strengths
        overlap = np.zeros(len(self._question_total))
        for concept in strong:
            if concept in self._question_postings:
                questions, weights = self._question_postings[concept]
                overlap[questions] += weights
        touched = np.nonzero(overlap)[0]
        precision = np.zeros(len(self._bags))
        np.maximum.at(precision, self._question_entry[touched], overlap[touched] / self._question_total[touched])
        scores = _f2(precision, coverage / total)
        front = _top(scores, FRONT_RUNNERS)
        # Weak words (what, どこ, ある) only reorder the front-runners: they touch nearly every entry.
        results = [self._with_weak(int(e), coverage[e], overlap, weak, total) for e in front]
        results.sort(key=lambda s: f2_score(s.precision, s.coverage), reverse=True)
        return results[:limit]

    def _with_weak(self, entry: int, evidence: float, overlap: np.ndarray, weak: dict[str, float], total: float) -> Scored:
        bag = self._bags[entry]
        evidence += sum(weight * bag.get(concept, 0.0) for concept, weight in weak.items())
        precision = 0.0
        for index in self._entry_questions[entry]:
            weights = self._question_weights[index]
            found = overlap[index] + sum(weights.get(concept, 0.0) for concept in weak)
            precision = max(precision, found / self._question_total[index])
        return Scored(entry, float(evidence), float(evidence / total), float(precision))

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
