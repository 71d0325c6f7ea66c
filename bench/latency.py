"""Measure answer latency: bundled knowledge, synthetic bases of 1,000 and 10,000 entries, cold start.

Run: python bench/latency.py [--sizes 1000 10000] [--rounds 3]

Prints p50/p99 of Answerer.answer (no question log) over the labelled benchmark questions, beside a floor
measured in the same run (SudachiPy tokenization of the question plus one rapidfuzz extractOne over all
paraphrases), the time to build each index, and the time from process start to the first answer.
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

import yaml

from bot.analytics import QuestionLog
from bot.config import bundled_knowledge_dir
from bot.conversation import ConversationStore, SqliteConversations
from bot.knowledge import KnowledgeBase, load_knowledge
from bot.service import Answerer, Question

QUESTIONS = Path(__file__).with_name("questions.yaml")
ENTRIES_PER_FILE = 500


def questions() -> list[str]:
    """Return the benchmark's question texts: the first set and the two with long, spoken and romaji messages."""
    return [str(item["q"]) for path in (QUESTIONS, *(QUESTIONS.with_name(f"voices-{x}.yaml") for x in "ab"))
            for item in yaml.safe_load(path.read_text(encoding="utf-8"))]


def floor(kb: KnowledgeBase, texts: list[str], rounds: int) -> tuple[float, float]:
    """Return (p50 ms, p99 ms) of the least a matcher does: tokenize the question, one fuzzy pass over paraphrases."""
    from rapidfuzz import fuzz, process
    from sudachipy import Dictionary, SplitMode

    tokenizer = Dictionary().tokenizer(mode=SplitMode.B)
    paraphrases = [q for entry in kb.entries for qs in entry.questions.values() for q in qs]
    samples = []
    for _ in range(rounds):
        for text in texts:
            started = time.perf_counter()
            tokenizer.tokenize(text)
            process.extractOne(text, paraphrases, scorer=fuzz.ratio)
            samples.append((time.perf_counter() - started) * 1000)
    samples.sort()
    return statistics.median(samples), samples[int(len(samples) * 0.99) - 1]


def percentiles(kb: KnowledgeBase, texts: list[str], rounds: int,
                conversations: ConversationStore | None = None) -> tuple[float, float, float]:
    """Return (index build seconds, p50 ms, p99 ms) for answering the texts.

    With a conversation store, the questions come from 20 users in turn, so each one is read against its user's
    last answer (state looked up and saved on every question).
    """
    started = time.perf_counter()
    answerer = Answerer(kb, conversations=conversations)
    build = time.perf_counter() - started
    users = [f"user-{n}" for n in range(20)] if conversations is not None else [""]
    for text in texts:  # warm caches once
        answerer.answer(Question(text))
    samples = []
    for _ in range(rounds):
        for number, text in enumerate(texts):
            forget_analyses()  # every question is measured as if never seen: repeated ones are cheaper still
            question = Question(text, channel="bench", user_id=users[number % len(users)])
            started = time.perf_counter()
            answerer.answer(question)
            samples.append((time.perf_counter() - started) * 1000)
    samples.sort()
    return build, statistics.median(samples), samples[int(len(samples) * 0.99) - 1]


def forget_analyses() -> None:
    """Empty the analyzer's caches."""
    from bot.normalize import analyze, morphemes

    analyze.cache_clear()
    morphemes.cache_clear()


def synthetic_base(size: int, directory: Path, seed: int = 7) -> Path:
    """Write a knowledge dir of `size` entries made by recombining the bundled base's words."""
    bundled = load_knowledge(bundled_knowledge_dir())
    words = sorted({w for e in bundled.entries for q in e.questions["ja"] for w in _words(q)})
    english = sorted({w for e in bundled.entries for q in e.questions["en"] for w in q.lower().split()})
    rng = random.Random(seed)
    entries = []
    for index in range(size):
        ja = ["".join(rng.sample(words, 3)) + f"{index}？" for _ in range(4)]
        en = [" ".join(rng.sample(english, 4)) + f" {index}?" for _ in range(3)]
        entries.append({
            "id": f"synthetic-{index}", "category": "synthetic",
            "title": {"ja": f"項目{index}", "en": f"Item {index}"},
            "questions": {"ja": ja, "en": en},
            "keywords": rng.sample(words, 3),
            "answer": {"ja": "".join(rng.sample(words, 8)), "en": " ".join(rng.sample(english, 12))},
        })
    directory.mkdir(parents=True, exist_ok=True)
    for start in range(0, len(entries), ENTRIES_PER_FILE):  # each file under the loader's 1 MB cap
        chunk = {"entries": entries[start:start + ENTRIES_PER_FILE]}
        (directory / f"synthetic-{start:06d}.yaml").write_text(yaml.safe_dump(chunk, allow_unicode=True), encoding="utf-8")
    return directory


def _words(text: str) -> list[str]:
    from bot.normalize import analyze

    return [t.surface for t in analyze(text) if not t.is_latin and len(t.surface) > 1]


def cold_start() -> float:
    """Return seconds from starting a Python process to its first answer on the bundled base."""
    code = ("from bot.config import bundled_knowledge_dir\nfrom bot.knowledge import load_knowledge\n"
            "from bot.service import Answerer, Question\n"
            "print(Answerer(load_knowledge(bundled_knowledge_dir())).answer(Question('食堂はありますか')).entry_id)\n")
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)
    return time.perf_counter() - started


def main() -> None:
    """Print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000, 10000])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    texts = questions()
    bundled = load_knowledge(bundled_knowledge_dir())
    build, p50, p99 = percentiles(bundled, texts, args.rounds)
    floor50, floor99 = floor(bundled, texts, args.rounds)
    print(f"bundled ({len(texts)} questions x {args.rounds}): index {build:.2f} s, p50 {p50:.3f} ms, p99 {p99:.3f} ms;"
          f" floor p50 {floor50:.3f} ms, p99 {floor99:.3f} ms; ratio p50 {p50 / floor50:.2f}, p99 {p99 / floor99:.2f}")
    with tempfile.TemporaryDirectory() as tmp:  # each answer also reads its user's state and queues its new state
        writer = QuestionLog(Path(tmp) / "log.db")  # as under `serve`: the log's writer commits the state
        store = SqliteConversations(writer.path, timedelta(minutes=10), submit=writer.submit)
        _, p50, p99 = percentiles(bundled, texts, args.rounds, store)
        writer.close()
        store.close()
    print(f"bundled, 20 users in conversation (state in SQLite): p50 {p50:.3f} ms, p99 {p99:.3f} ms")
    for size in args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            started = time.perf_counter()
            kb = load_knowledge(synthetic_base(size, Path(tmp)))
            loaded = time.perf_counter() - started
            build, p50, p99 = percentiles(kb, texts, 1)
            print(f"{size:>6} entries: load {loaded:.1f} s, index {build:.1f} s, p50 {p50:.3f} ms, p99 {p99:.3f} ms")
    print(f"process start to first answer: {min(cold_start() for _ in range(3)):.2f} s (best of 3)")


if __name__ == "__main__":
    main()
