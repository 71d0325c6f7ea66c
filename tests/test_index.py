"""The concept index scores only the entries a question touches, exactly as scoring every entry would."""

from __future__ import annotations

import random
import subprocess
import sys

import numpy as np
import pytest

from bot.index import DENSE_FROM_ENTRIES, FRONT_RUNNERS, ConceptIndex, Scored, f2_score
from bot.index_arrays import _f2, _top


class DenseIndex(ConceptIndex):
    """The index as it was before it went sparse: arrays over every entry and paraphrase, concept by concept."""

    def best(self, strong: dict[str, float], weak: dict[str, float], total: float, limit: int) -> list[Scored]:
        coverage, overlap = self._add(strong, np.zeros(len(self._bags)), np.zeros(len(self._question_total)))
        front = _top(_f2(self._precision(overlap), np.minimum(coverage / total, 1.0)), FRONT_RUNNERS)
        coverage, overlap = self._add(weak, coverage, overlap)
        precision = self._precision(overlap)
        results = [Scored(int(e), float(coverage[e]), min(float(coverage[e] / total), 1.0), float(precision[e]))
                   for e in front]
        results.sort(key=lambda s: (f2_score(s.precision, s.coverage), s.evidence), reverse=True)
        return results[:limit]

    def _add(self, concepts: dict[str, float], coverage: np.ndarray, overlap: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        for concept, weight in concepts.items():
            if concept in self._bag_postings:
                entries, strengths = map(np.array, self._bag_postings[concept])
                coverage[entries] += weight * strengths
            if concept in self._question_postings:
                questions, weights = map(np.array, self._question_postings[concept])
                overlap[questions] += weights
        return coverage, overlap

    def _precision(self, overlap: np.ndarray) -> np.ndarray:
        touched = np.nonzero(overlap)[0]
        precision = np.zeros(len(self._bags))
        entry_of, total_of = np.array(self._question_entry), np.array(self._question_total)
        np.maximum.at(precision, entry_of[touched], overlap[touched] / total_of[touched])
        return precision


# Rare words: few postings, summed in plain Python; common: many postings and front-runners, NumPy's way. A base of
# DENSE_FROM_ENTRIES to FRONT_RUNNERS entries is scored over every paraphrase at once; a smaller one in plain Python.
@pytest.mark.parametrize("entries, words", [(400, 300), (400, 12), (FRONT_RUNNERS, 12), (30, 40), (DENSE_FROM_ENTRIES, 8),
                                            (7, 5)])
def test_sparse_scores_equal_dense_scores(entries: int, words: int) -> None:
    rng = random.Random(entries * words)
    vocabulary = [f"w{i}" for i in range(words)]
    bags: list[dict[str, float]] = [{} for _ in range(entries)]
    questions: list[tuple[int, dict[str, float]]] = []
    for entry in range(entries):
        for _ in range(3):
            weights = {w: rng.choice([0.5, 1.0, 2.5]) for w in rng.sample(vocabulary, 3)}
            questions.append((entry, weights))
            bags[entry].update(dict.fromkeys(weights, 1.0))
        bags[entry].update({w: 0.5 for w in rng.sample(vocabulary, 4) if w not in bags[entry]})
    index, dense = ConceptIndex(bags, questions), DenseIndex(bags, questions)
    for _ in range(30):
        asked = rng.sample(vocabulary + ["unknown"], 4)
        strong = {w: rng.choice([1.0, 3.0]) for w in asked[:3]}
        weak = {asked[3]: 0.2}
        total = sum(strong.values()) + 1.0
        assert index.best(strong, weak, total, 20) == dense.best(strong, weak, total, 20)


def test_a_tiny_base_answers_without_numpy() -> None:
    # A base of fewer than DENSE_FROM_ENTRIES entries (a test's, a first draft's) need not import NumPy at all.
    code = ("import sys\nfrom bot.index import ConceptIndex\n"
            "index = ConceptIndex([{'a': 1.0}, {'b': 1.0}], [(0, {'a': 1.0}), (1, {'b': 1.0})])\n"
            "print(index.best({'a': 1.0}, {}, 1.0, 5)[0].entry, 'numpy' in sys.modules)\n")
    printed = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout
    assert printed.split() == ["0", "False"]


def test_a_base_of_a_few_dozen_entries_is_scored_over_every_paraphrase_at_once() -> None:
    # The bundled knowledge's size: one NumPy pass over all paraphrases, not plain sums over the touched ones.
    rng = random.Random(11)
    bags = [{f"w{rng.randrange(30)}": 1.0 for _ in range(4)} for _ in range(DENSE_FROM_ENTRIES)]
    questions = [(entry, dict.fromkeys(bag, 1.0)) for entry, bag in enumerate(bags)]
    index = ConceptIndex(bags, questions)
    assert index._dense is not None
    assert ConceptIndex(bags[:DENSE_FROM_ENTRIES - 1], questions[:DENSE_FROM_ENTRIES - 1])._dense is None
