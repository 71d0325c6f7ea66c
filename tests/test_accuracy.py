"""Keep the measured accuracy from regressing: the benchmarks' figures, asserted (nothing is timed)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bench.accuracy import QUESTIONS, evaluate, evaluate_dialogues
from bot.service import Answerer

HOLDOUT = Path(QUESTIONS).with_name("holdout.yaml")
FRESH = Path(QUESTIONS).with_name("fresh.yaml")
FINAL = Path(QUESTIONS).with_name("final.yaml")
VOICES_A = Path(QUESTIONS).with_name("voices-a.yaml")
VOICES_B = Path(QUESTIONS).with_name("voices-b.yaml")
VOICES_C = Path(QUESTIONS).with_name("voices-c.yaml")
VOICES_D = Path(QUESTIONS).with_name("voices-d.yaml")
VOICES_E = Path(QUESTIONS).with_name("voices-e.yaml")
VOICES_F = Path(QUESTIONS).with_name("voices-f.yaml")


@pytest.mark.parametrize(
    ("questions", "in_scope_floor", "rejection_floor"),
    [(QUESTIONS, 96.0, 95.0), (HOLDOUT, 95.0, 95.0), (FRESH, 96.0, 95.0), (FINAL, 93.0, 95.0),
     (VOICES_A, 89.0, 92.0), (VOICES_B, 92.0, 92.0), (VOICES_C, 90.0, 95.0),
     (VOICES_D, 92.0, 87.0), (VOICES_E, 87.0, 86.0), (VOICES_F, 90.0, 92.0)],
    ids=["questions", "holdout", "fresh", "final", "voices-a", "voices-b", "voices-c", "voices-d", "voices-e", "voices-f"],
)
def test_benchmark_accuracy_and_rejection_do_not_regress(plain_answerer: Answerer, questions: Path,
                                                         in_scope_floor: float, rejection_floor: float) -> None:
    results = evaluate(questions, answerer=plain_answerer)  # the session's engine: anonymous questions, no context
    assert results.in_scope >= 150 and results.out_of_scope >= 39
    assert results.accuracy >= in_scope_floor, "\n".join(results.failures)
    assert results.rejection >= rejection_floor, "\n".join(results.failures)


@pytest.mark.parametrize(("name", "floor", "misses"), [("dialogues-a", 95.0, 1), ("dialogues-b", 96.0, 1)])
def test_dialogue_last_turn_accuracy_does_not_regress(plain_answerer: Answerer, name: str, floor: float,
                                                      misses: int) -> None:
    dialogues = yaml.safe_load(Path(QUESTIONS).with_name(f"{name}.yaml").read_text(encoding="utf-8"))
    results = evaluate_dialogues(plain_answerer, dialogues)
    assert results.total >= 80
    assert results.accuracy >= floor, "\n".join(results.failures)
    for kind in ("followup", "switch", "ignore", "lang"):  # a question of its own must never lose to the context
        ok, total = results.by_kind[kind]
        assert ok >= total - misses, "\n".join(results.failures)
