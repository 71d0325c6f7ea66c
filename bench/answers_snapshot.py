"""Record every bench question's answer (entry id and kind), or compare a fresh run with a recording.

Run: python -m bench.answers_snapshot record snapshot.json [--synthetic 2000]
     python -m bench.answers_snapshot compare snapshot.json [--synthetic 2000]

A speed change must not change any answer: record before it, compare after it. Every question of every
bench/*.yaml set is asked of the bundled knowledge; with --synthetic N also of a synthetic base of N entries
(bench.latency's generator, about 30 % kana-heavy questions), which exercises the large-base paths.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

import yaml

from bot.config import bundled_knowledge_dir
from bot.knowledge import load_knowledge
from bot.service import Answerer, Question

BENCH = Path(__file__).parent


def bench_questions() -> list[str]:
    """Return every question of every bench set, in file order (duplicates kept once).

    A dialogue set's turns are questions too (asked alone here; `bench_dialogues` plays them as conversations).
    """
    texts: dict[str, None] = {}
    for path in sorted(BENCH.glob("*.yaml")):
        for item in yaml.safe_load(path.read_text(encoding="utf-8")):
            for turn in item.get("turns", [item]):
                texts[str(turn["q"])] = None
    return list(texts)


def bench_dialogues() -> list[list[str]]:
    """Return every dialogue of the dialogue sets as its turns' texts."""
    return [[str(turn["q"]) for turn in item["turns"]] for path in sorted(BENCH.glob("dialogues-*.yaml"))
            for item in yaml.safe_load(path.read_text(encoding="utf-8"))]


def answers(kb_dir: Path, texts: list[str]) -> dict[str, list[object]]:
    """Return question -> [entry id, kind, score] for the knowledge in kb_dir.

    Each dialogue is also played as one user's conversation; its every turn is keyed `#N turn T: text`.
    """
    answerer = Answerer(load_knowledge(kb_dir))
    result: dict[str, list[object]] = {}
    for text in texts:
        reply = answerer.answer(Question(text, channel="bench"))
        result[text] = [reply.entry_id, reply.kind, reply.score]
    for number, turns in enumerate(bench_dialogues()):
        for turn, text in enumerate(turns):
            reply = answerer.answer(Question(text, channel="bench", user_id=f"dialogue-{number}"), wait_for_log=False)
            result[f"#{number} turn {turn}: {text}"] = [reply.entry_id, reply.kind, reply.score]
    return result


def snapshot(synthetic: int) -> dict[str, dict[str, list[object]]]:
    """Return the answers on the bundled base, and on a synthetic base when asked."""
    texts = bench_questions()
    runs = {"bundled": answers(bundled_knowledge_dir(), texts)}
    if synthetic:
        from bench.latency import synthetic_base

        with tempfile.TemporaryDirectory() as tmp:
            runs[f"synthetic-{synthetic}"] = answers(synthetic_base(synthetic, Path(tmp)), texts)
    return runs


def compare(old: dict[str, dict[str, list[object]]], new: dict[str, dict[str, list[object]]]) -> int:
    """Print every question whose entry or kind changed; return how many did."""
    changed = 0
    for run, before in old.items():
        after = new.get(run, {})
        for text, (entry, kind, score) in before.items():
            now = after.get(text)
            if now is None or now[0] != entry or now[1] != kind:
                changed += 1
                print(f"[{run}] {text!r}: {entry} {kind} ({score}) -> {now}")
        scores = sum(1 for text, item in before.items() if text in after and after[text][2] != item[2])
        print(f"{run}: {len(before)} questions, {scores} scores differ")
    return changed


def main() -> None:
    """Record or compare."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=["record", "compare"])
    parser.add_argument("file", type=Path)
    parser.add_argument("--synthetic", type=int, default=0, help="also a synthetic base of this many entries")
    args = parser.parse_args()
    runs = snapshot(args.synthetic)
    if args.action == "record":
        args.file.write_text(json.dumps(runs, ensure_ascii=False, indent=0), encoding="utf-8")
        print(f"recorded {sum(len(r) for r in runs.values())} answers in {args.file}")
        return
    changed = compare(json.loads(args.file.read_text(encoding="utf-8")), runs)
    print(f"{changed} answers changed")
    sys.exit(1 if changed else 0)


if __name__ == "__main__":
    main()
