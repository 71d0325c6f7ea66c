"""A self-check of follow-ups that depends on no author's wording: a matrix generated from the knowledge itself.

Run: python -m bench.followup_matrix [--verbose] [--kind KIND] [--kb DIR]

For every entry as the answer just given (tapped, so it is the conversation's topic), every kind of elliptic
follow-up (a question word for each kind of detail, "他には？", "もっと詳しく", "2つ目は？" after a listing answer,
a noun the answer or a related entry holds, "それって…も？", a detail nothing near holds) is asked as the next
message; the expected entry is computed from the answers' own text (bench/matrix_cases.py). Prints the accuracy per
follow-up kind and overall; --verbose lists every miss.
"""

from __future__ import annotations

import argparse
from collections import defaultdict
from pathlib import Path

from bench.matrix_cases import NO_ANSWER, Case, build_cases
from bot.config import bundled_knowledge_dir
from bot.knowledge import load_knowledge
from bot.normalize import detect_lang
from bot.seam import Reply
from bot.service import Answerer, Question


def right(case: Case, reply: Reply) -> bool:
    """Tell whether a reply is one the case allows (in English when asked in English)."""
    if not reply.matched:
        return NO_ANSWER in case.expect
    if reply.entry_id not in case.expect:
        return False
    return detect_lang(case.text) != "en" or reply.lang == "en"


def run(answerer: Answerer, cases: list[Case]) -> list[tuple[Case, Reply]]:
    """Ask every case's follow-up after tapping its topic, each case a new user."""
    played = []
    for number, case in enumerate(cases):
        user = f"matrix-{number}"
        answerer.answer(Question("", channel="bench", user_id=user, entry_id=case.topic), wait_for_log=False)
        played.append((case, answerer.answer(Question(case.text, channel="bench", user_id=user), wait_for_log=False)))
    return played


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kb", type=Path, default=None, help="knowledge directory (default: the bundled one)")
    parser.add_argument("--kind", default=None, help="only follow-ups of this kind")
    parser.add_argument("--verbose", action="store_true", help="list every miss")
    args = parser.parse_args()
    kb = load_knowledge(args.kb or bundled_knowledge_dir())
    cases = [c for c in build_cases(kb) if args.kind is None or c.kind == args.kind]
    played = run(Answerer(kb), cases)
    by_kind: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for case, reply in played:
        by_kind[case.kind][0] += right(case, reply)
        by_kind[case.kind][1] += 1
    correct = sum(ok for ok, _ in by_kind.values())
    print(f"follow-up matrix: {100 * correct / max(len(played), 1):.1f}% ({correct}/{len(played)}), "
          f"{len(kb.entries)} topics")
    for kind, (ok, total) in sorted(by_kind.items()):
        print(f"  {kind:30} {ok:4}/{total:<4} {100 * ok / total:5.1f}%")
    if args.verbose:
        for case, reply in played:
            if not right(case, reply):
                expected = ", ".join(sorted(str(e) if e else "no answer" for e in case.expect))
                print(f"[{case.kind}] after {case.topic}: {case.text!r} -> {reply.kind} {reply.entry_id} {reply.lang}"
                      f"; expected {expected}")


if __name__ == "__main__":
    main()
