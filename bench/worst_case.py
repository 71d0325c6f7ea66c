"""Time the worst inputs found for per-question text work (issue 8, finding 1): run by hand, prints numbers.

Run: python bench/worst_case.py [--chars 16300] [--rounds 3] [--stats-questions 500] [--skip-ask]

Times, for each input, the best of --rounds of:
  log    QuestionLog.record(row): what the log does on the answering thread (masking personal data)
  answer Answerer.answer(Question(text)) with a question log: the whole per-question path
then `minato-bot ask --json` on one 100 KB line (a subprocess, start-up included), and `stats` (read + text)
over a log of long distinct unanswered questions (grouping and table clipping).
Uses only APIs that existed before the fix, so the same script prints the "before" figures on an old checkout.
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable

from bot.analytics import LogRow, QuestionLog, open_database, read_stats
from bot.config import bundled_knowledge_dir
from bot.knowledge import load_knowledge
from bot.reports import stats_text
from bot.service import Answerer, Question


def inputs(chars: int) -> dict[str, str]:
    """Return the worst inputs found, each about `chars` characters long."""
    rng = random.Random(8)
    kanji = "与算痛勤食道検収大志館港区芝麻布赤坂高輪研修住宅職員予算通勤人口面積"
    romaji = ["shokudou", "kenshu", "jutaku", "minato", "shiba", "azabu", "dorm", "cafe", "xyzzy"]
    return {
        '"1" x N': "1" * chars,
        '"あ" x N': "あ" * chars,
        '"a" x N': "a" * chars,
        '"1 " x N/2': "1 " * (chars // 2),
        '"1-" x N/2': "1-" * (chars // 2),
        '"a@a." x N/4': "a@a." * (chars // 4),
        '"😀" x N': "😀" * chars,
        "kanji of the knowledge": "".join(rng.choice(kanji) for _ in range(chars)),
        "kanji, spaced": " ".join(rng.choice(kanji) for _ in range(chars // 2)),
        "romaji words": " ".join(rng.choice(romaji) for _ in range(chars // 7)),
    }


def best_of(rounds: int, work: Callable[[], object]) -> float:
    """Return the fastest of `rounds` runs of work, in milliseconds (the machine is shared: min is the signal)."""
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        work()
        times.append((time.perf_counter() - started) * 1000)
    return min(times)


def row(text: str) -> LogRow:
    """Return a log row for a question."""
    return LogRow(id=f"{random.getrandbits(64):016x}", ts=datetime.now(timezone.utc).isoformat(), channel="bench",
                  user_hash="", question=text, lang="ja", kind="fallback", entry_id=None, score=0.0, matched=0,
                  latency_ms=0.0, kb_version="bench")


def per_question(chars: int, rounds: int, folder: Path) -> None:
    """Print the log and answer times of each worst input."""
    question_log = QuestionLog(folder / "log.db")
    answerer = Answerer(load_knowledge(bundled_knowledge_dir()), question_log)
    answerer.answer(Question("港区"))  # load the dictionary first
    print(f"{'input (' + str(chars) + ' chars)':<28} {'log ms':>10} {'answer ms':>10}")
    for name, text in inputs(chars).items():
        log_ms = best_of(rounds, lambda: question_log.record(row(text)))
        answer_ms = best_of(rounds, lambda: answerer.answer(Question(text)))
        print(f"{name:<28} {log_ms:>10.1f} {answer_ms:>10.1f}", flush=True)
    answerer.close()


def ask_line(folder: Path) -> None:
    """Print how long `ask --json` takes over one 100 KB line, and over one short line for comparison."""
    def run(line: bytes) -> float:
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "bot", "ask", "--json"], input=line + b"\n", capture_output=True,
                       env={"MINATO_DB": str(folder / "ask.db"), "PATH": "/usr/bin:/bin"}, check=True)
        return time.perf_counter() - started

    baseline = min(run(b"shokudou") for _ in range(2))
    for name, line in (('"1" x 100,000', b"1" * 100_000), ('"a" x 100,000', b"a" * 100_000)):
        print(f"ask --json, one line of {name}: {run(line):.2f} s in all (one short line: {baseline:.2f} s)",
              flush=True)


def stats_over_long_questions(count: int, folder: Path) -> None:
    """Print how long `stats` takes over `count` distinct 2,000-character unanswered questions."""
    rng = random.Random(5)
    words = ["給料", "いくら", "住宅", "研修", "食堂", "港区", "説明会", "質問", "です", "か", "ある", "ない"]
    db = open_database(folder / "stats.db")
    db["questions"].insert_all(
        row("".join(rng.choice(words) for _ in range(700))[:2000]).__dict__ for _ in range(count))
    db.close()
    started = time.perf_counter()
    stats_text(read_stats(folder / "stats.db"))
    print(f"stats over {count:,} distinct 2,000-character unanswered questions: "
          f"{time.perf_counter() - started:.2f} s", flush=True)


def main() -> None:
    """Run every measurement."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--chars", type=int, default=16_300, help="length of each per-question input")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--stats-questions", type=int, default=500)
    parser.add_argument("--skip-ask", action="store_true", help="leave out the 100 KB `ask` line")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        per_question(args.chars, args.rounds, Path(folder))
        if not args.skip_ask:
            ask_line(Path(folder))
        stats_over_long_questions(args.stats_questions, Path(folder))


if __name__ == "__main__":
    main()
