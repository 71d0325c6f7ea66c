"""Measure answer accuracy on a labelled set of candidate questions.

Run: python bench/accuracy.py [--verbose] [--questions bench/questions.yaml] [--kb DIR]

Prints top-1 accuracy on in-scope questions (answered with the expected entry, or one of a list of them, and in
English when asked in English) and the rejection rate on out-of-scope ones (anything but an answer), overall and
per kind (the question's style: long, tricky, keyword, voice, simple, kana, typo, english, romaji, guide, oos).

A set of dialogues (bench/dialogues-a.yaml: a list of {kind, turns: [{q, expect, lang?}]}) is recognised by its
`turns`: each dialogue is one user's conversation, and only its last turn is scored (expect: an id, a list of
ids of which any is right, or null for "must not answer"; lang, when given, must be the reply's language).
It prints last-turn accuracy overall and per kind (followup, switch, ignore, lang, null).
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from bot.config import bundled_knowledge_dir
from bot.knowledge import load_knowledge
from bot.normalize import detect_lang
from bot.responses import Reply
from bot.service import Answerer, Question

QUESTIONS = Path(__file__).with_name("questions.yaml")


@dataclass
class Results:
    """Counts of right and wrong replies, overall and per kind (the question's style: long, voice, kana, english, ...)."""

    in_scope: int = 0
    correct: int = 0
    out_of_scope: int = 0
    rejected: int = 0
    by_kind: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    failures: list[str] = field(default_factory=list)
    wrong_language: int = 0

    @property
    def accuracy(self) -> float:
        """Return top-1 accuracy on in-scope questions, in percent."""
        return 100 * self.correct / max(self.in_scope, 1)

    @property
    def rejection(self) -> float:
        """Return the out-of-scope rejection rate, in percent."""
        return 100 * self.rejected / max(self.out_of_scope, 1)


def evaluate(questions_path: Path = QUESTIONS, kb_dir: Path | None = None,
             answerer: Answerer | None = None) -> Results | DialogueResults:
    """Answer every labelled question and count the results (with `answerer`, an unlogged one, instead of a new one)."""
    answerer = answerer or Answerer(load_knowledge(kb_dir or bundled_knowledge_dir()))
    results = Results()
    items = yaml.safe_load(questions_path.read_text(encoding="utf-8"))
    if items and "turns" in items[0]:
        return evaluate_dialogues(answerer, items)
    for item in items:
        text, expect, kind = str(item["q"]), item.get("expect"), item.get("kind", "?")
        reply = answerer.answer(Question(text, channel="bench"))
        expected = expect if isinstance(expect, list) else [expect]  # a list: either entry answers it
        ok = (reply.matched and reply.entry_id in expected) if expect else not reply.matched
        if ok and reply.matched and detect_lang(text) == "en" and reply.lang != "en":
            ok = False  # an English question answered in Japanese is not answered
            results.wrong_language += 1
        if expect:
            results.in_scope += 1
            results.correct += ok
        else:
            results.out_of_scope += 1
            results.rejected += ok
        results.by_kind[kind][0] += ok
        results.by_kind[kind][1] += 1
        if not ok:
            results.failures.append(f"[{kind}] {text!r}: expected {expect}, got {reply.kind} {reply.entry_id} ({reply.score})")
    return results


@dataclass
class DialogueResults:
    """Last-turn results of a dialogue set, overall and per kind."""

    total: int = 0
    correct: int = 0
    by_kind: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    failures: list[str] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        """Return last-turn accuracy, in percent."""
        return 100 * self.correct / max(self.total, 1)


def evaluate_dialogues(answerer: Answerer, dialogues: list[dict[str, Any]]) -> DialogueResults:
    """Play every dialogue as a new user and score its last turn."""
    results = DialogueResults()
    for number, dialogue in enumerate(dialogues):
        kind, turns = dialogue.get("kind", "?"), dialogue["turns"]
        user = f"bench-dialogue-{number}"  # each dialogue is a new user: no context leaks from the one before
        replies = [answerer.answer(Question(str(turn["q"]), channel="bench", user_id=user), wait_for_log=False)
                   for turn in turns]
        ok = _last_turn_right(turns[-1], replies[-1])
        results.total += 1
        results.correct += ok
        results.by_kind[kind][0] += ok
        results.by_kind[kind][1] += 1
        if not ok:
            shown = " / ".join(f"{t['q']!r} -> {r.kind} {r.entry_id} {r.lang}" for t, r in zip(turns, replies))
            results.failures.append(f"[{kind}] {shown}: expected {turns[-1].get('expect')} {turns[-1].get('lang') or ''}")
    return results


def _last_turn_right(turn: dict[str, Any], reply: Reply) -> bool:
    expect, lang = turn.get("expect"), turn.get("lang")
    if not expect:
        return not reply.matched
    expected = expect if isinstance(expect, list) else [expect]
    if not (reply.matched and reply.entry_id in expected):
        return False
    if lang:
        return reply.lang == lang
    return detect_lang(str(turn["q"])) != "en" or reply.lang == "en"


def print_dialogue_results(results: DialogueResults, verbose: bool) -> None:
    """Print last-turn accuracy overall and per kind."""
    print(f"last-turn accuracy: {results.accuracy:.1f}% ({results.correct}/{results.total} dialogues)")
    for kind, (ok, total) in sorted(results.by_kind.items()):
        print(f"  {kind:<11} {ok:>3}/{total:<3} {100 * ok / total:5.1f}%")
    if verbose:
        print("\n".join(results.failures), file=sys.stderr)


def main() -> None:
    """Print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=Path, default=QUESTIONS, help="a question set, or a dialogue set (turns)")
    parser.add_argument("--kb", type=Path, default=None)
    parser.add_argument("--verbose", action="store_true", help="list every wrong reply")
    args = parser.parse_args()
    results = evaluate(args.questions, args.kb)
    if isinstance(results, DialogueResults):
        print_dialogue_results(results, args.verbose)
        return
    print(f"in-scope top-1 accuracy: {results.accuracy:.1f}% ({results.correct}/{results.in_scope})")
    print(f"out-of-scope rejection:  {results.rejection:.1f}% ({results.rejected}/{results.out_of_scope})")
    if results.wrong_language:
        print(f"English questions answered in Japanese: {results.wrong_language}")
    for kind, (ok, total) in sorted(results.by_kind.items()):
        print(f"  {kind:<11} {ok:>3}/{total:<3} {100 * ok / total:5.1f}%")
    if args.verbose:
        print("\n".join(results.failures), file=sys.stderr)


if __name__ == "__main__":
    main()
