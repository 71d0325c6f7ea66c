"""Compare the answer CPU time of two checkouts, question by question, in the same minutes.

Run: python -m bench.latency_ab OLD_CHECKOUT [--new NEW_CHECKOUT] [--rounds 5]
(an old checkout: `git worktree add /tmp/old HEAD~3`, or `git archive HEAD~3 | tar -x -C /tmp/old`)

On a shared machine the load changes from one minute to the next, so two `bench.latency` runs a few minutes apart
cannot tell a 5 % change from the noise. Here one process per checkout answers the bench questions (bench.latency's
set, each analyzed afresh) and they take turns question by question; each question's time is the least CPU time
(the waits for a core left out) of all rounds. Prints mean, p50, p90, p99 for each and the new/old ratios.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
from pathlib import Path

from bench.latency import questions

# Run in each checkout (its own bot and bench): answers question numbers read from stdin, prints CPU milliseconds.
WORKER = """
import sys, time
from bench.latency import forget_analyses, questions
from bot.config import bundled_knowledge_dir
from bot.knowledge import load_knowledge
from bot.service import Answerer, Question
answerer, texts = Answerer(load_knowledge(bundled_knowledge_dir())), questions()
for text in texts:
    answerer.answer(Question(text))
print("ready", flush=True)
for line in sys.stdin:
    forget_analyses()
    started = time.thread_time()
    answerer.answer(Question(texts[int(line)]))
    print((time.thread_time() - started) * 1000, flush=True)
"""


def compare(checkouts: dict[str, Path], rounds: int) -> dict[str, list[float]]:
    """Return each checkout's least CPU milliseconds per question, the checkouts taking turns."""
    workers = {name: subprocess.Popen([sys.executable, "-c", WORKER], cwd=path, stdin=subprocess.PIPE,
                                      stdout=subprocess.PIPE, text=True) for name, path in checkouts.items()}
    try:
        for worker in workers.values():
            if worker.stdout is None or worker.stdout.readline().strip() != "ready":
                raise RuntimeError("a worker did not start: run from a checkout with bench/latency.py")
        count = len(questions())
        best = {name: [float("inf")] * count for name in workers}
        for turn in range(rounds):
            for number in range(count):
                order = list(workers) if (number + turn) % 2 else list(reversed(workers))  # neither always first
                for name in order:
                    best[name][number] = min(best[name][number], _ask(workers[name], number))
        return best
    finally:
        for worker in workers.values():
            if worker.stdin is not None:
                worker.stdin.close()
            worker.wait()


def _ask(worker: subprocess.Popen[str], number: int) -> float:
    assert worker.stdin is not None and worker.stdout is not None
    worker.stdin.write(f"{number}\n")
    worker.stdin.flush()
    return float(worker.stdout.readline())


def figures(times: list[float]) -> dict[str, float]:
    """Return mean, p50, p90 and p99 of per-question times."""
    ordered = sorted(times)
    return {"mean": statistics.mean(ordered), "p50": statistics.median(ordered),
            "p90": ordered[int(len(ordered) * 0.9) - 1], "p99": ordered[int(len(ordered) * 0.99) - 1]}


def main() -> None:
    """Print the figures of both checkouts and their ratios."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("old", type=Path)
    parser.add_argument("--new", type=Path, default=Path(__file__).parent.parent)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    result = {name: figures(times) for name, times in compare({"old": args.old, "new": args.new}, args.rounds).items()}
    for name, found in result.items():
        print(f"{name}: " + ", ".join(f"{key} {value:.3f} ms" for key, value in found.items()))
    print("new/old: " + ", ".join(f"{key} {result['new'][key] / result['old'][key]:.3f}" for key in result["new"]))


if __name__ == "__main__":
    main()
