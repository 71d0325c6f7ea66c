"""The concept index scores only the entries a question touches, exactly as scoring every entry would."""

from __future__ import annotations

import random
import subprocess
import sys

import numpy as np
import pytest

from bot.index import FRONT_RUNNERS, ConceptIndex, Scored, f2_score
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
# at most FRONT_RUNNERS entries is always scored in plain Python.
@pytest.mark.parametrize("entries, words", [(400, 300), (400, 12), (FRONT_RUNNERS, 12), (7, 5)])
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


def test_a_small_base_answers_without_numpy() -> None:
    # The bundled knowledge has fewer entries than FRONT_RUNNERS: its start-up need not import NumPy at all.
    code = ("import sys\nfrom bot.config import bundled_knowledge_dir\nfrom bot.knowledge import load_knowledge\n"
            "from bot.service import Answerer, Question\nanswerer = Answerer(load_knowledge(bundled_knowledge_dir()))\n"
            "print(answerer.answer(Question('食堂はありますか')).entry_id, 'numpy' in sys.modules)\n")
    printed = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout
    assert printed.split() == ["cafeteria", "False"]
