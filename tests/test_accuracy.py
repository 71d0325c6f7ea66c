"""Keep the measured accuracy from regressing: the benchmark's figures, asserted."""

from __future__ import annotations

from bench.accuracy import evaluate

IN_SCOPE_FLOOR = 93.0
REJECTION_FLOOR = 95.0


def test_benchmark_accuracy_and_rejection_do_not_regress() -> None:
    results = evaluate()
    assert results.in_scope >= 150 and results.out_of_scope >= 50
    assert results.accuracy >= IN_SCOPE_FLOOR, "\n".join(results.failures)
    assert results.rejection >= REJECTION_FLOOR, "\n".join(results.failures)
