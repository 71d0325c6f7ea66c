"""Time `minato-bot stats` and `minato-bot report` over a question log of 1,000,000 rows, on one core.

Run: python bench/analytics.py [--rows 1000000] [--db PATH] [--keep]
     python bench/analytics.py --pg postgresql://USER:PASSWORD@HOST/EMPTY_DB [--rows 1000000]

Builds a synthetic log (180 days, four channels, real entry ids, near-duplicate unanswered questions, 👍/👎)
with one executemany in one transaction (PostgreSQL: one COPY), then runs each command as a user would, pinned to
CPU 0 (with PostgreSQL the server's work runs on whichever core it gets). Target: under 5 s each.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Iterator

from bot.analytics import TABLE, open_database
from bot.config import bundled_knowledge_dir
from bot.knowledge import load_knowledge
from bot.reports import LOG_COLUMNS
from bot.storage import describe, open_writer

TARGET_SECONDS = 5.0
CHANNELS = ("telegram", "line", "web", "terminal")
MISSES = ("給料はいくらですか", "試験日はいつですか", "テレワークはできますか", "How do I apply", "残業は多いですか",
          "転勤はありますか", "What is the salary", "育休は取れますか", "副業はできますか", "面接の服装は")
COLUMNS = ", ".join(LOG_COLUMNS[:14])  # every column but `via`: no taps in this synthetic log
ENDINGS = ("", "？", "?", "ですか？", "って？", " please", "を教えて", "について")


def rows(count: int, seed: int = 1) -> Iterator[tuple[object, ...]]:
    """Yield synthetic log rows, oldest first."""
    rng = random.Random(seed)
    kb = load_knowledge(bundled_knowledge_dir())
    asked = [(e.id, q) for e in kb.entries for qs in e.questions.values() for q in qs]
    start = datetime.now(timezone.utc) - timedelta(days=180)
    step = 180 * 86400 / count
    for n in range(count):
        ts = (start + timedelta(seconds=n * step)).isoformat(timespec="milliseconds")
        roll = rng.random()
        entry_id, question, kind = None, "", "answer"
        if roll < 0.70:
            entry_id, question = rng.choice(asked)
        elif roll < 0.80:
            kind, question = "clarify", rng.choice(asked)[1]
        elif roll < 0.92:
            kind = "fallback"
            question = (rng.choice(MISSES) + rng.choice(ENDINGS) if rng.random() < 0.8
                        else f"めずらしい質問 {rng.randrange(200000)}")
        else:
            kind, question = rng.choice(["smalltalk", "invalid"]), "こんにちは"
        helpful = rng.choice((1, 1, 0)) if kind == "answer" and rng.random() < 0.1 else None
        yield (f"{n:016x}", ts, rng.choice(CHANNELS), f"{rng.randrange(50000):016x}", question, "ja", kind,
               entry_id, 60.0, int(kind == "answer"), 1.2, "v1" if n < count // 2 else "v2", helpful,
               ts if helpful is not None else None)


def build(path: Path, count: int) -> float:
    """Write the log in one transaction; return the seconds it took."""
    started = time.perf_counter()
    db = open_database(path)  # the real schema and indexes
    with db.conn:
        db.conn.executemany(f"INSERT INTO {TABLE} ({COLUMNS}) VALUES ({', '.join('?' * 14)})", rows(count))
    db.close()
    return time.perf_counter() - started


def build_postgres(url: str, count: int) -> float:
    """Create the schema as the bot does, then COPY the rows in; return the seconds it took."""
    started = time.perf_counter()
    db = open_writer(url, 10.0, "normal")
    db.conn.raw.execute("SET statement_timeout = 0")  # the writer's limit is for one batch, not a million rows
    with db.conn.raw.cursor() as cursor, cursor.copy(f"COPY {TABLE} ({COLUMNS}) FROM STDIN") as copy:
        for row in rows(count):
            copy.write_row(row)
    db.conn.raw.execute(f"ANALYZE {TABLE}")
    db.close()
    return time.perf_counter() - started


def timed(args: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Run a command pinned to CPU 0; return (wall seconds, CPU seconds)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(args, env=env, check=True, stdout=subprocess.DEVNULL,
                   preexec_fn=lambda: os.sched_setaffinity(0, {0}))
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    """Build the log, time the commands, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--db", type=Path, help="Reuse or create the log here (default: a temporary file).")
    parser.add_argument("--keep", action="store_true", help="Keep the temporary log.")
    parser.add_argument("--pg", help="An empty PostgreSQL database's URL: fill it and time the commands on it.")
    options = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="minato-bench-"))
    path = options.pg or options.db or folder / "minato-bot.db"
    if options.pg:
        print(f"building {options.rows:,} rows in {describe(path)} ... {build_postgres(path, options.rows):.1f} s")
    elif not path.exists():
        print(f"building {options.rows:,} rows in {path} ... {build(path, options.rows):.1f} s")
    env = {**os.environ, "MINATO_DB": str(path)}
    command = [sys.executable, "-m", "bot", "--env-file", str(folder / "none.env")]
    worst = 0.0
    for name, args in (("stats", ["stats"]), ("stats --json", ["stats", "--json"]),
                       ("stats --days 7", ["stats", "--days", "7"]),
                       ("report", ["report", "--out", str(folder / "report.html")])):
        wall, cpu = timed(command + args, env)
        worst = max(worst, wall)
        print(f"{name:<16} {wall:5.2f} s wall  {cpu:5.2f} s CPU  (one core; target < {TARGET_SECONDS:.0f} s)")
    size = "" if options.pg else f", log {path.stat().st_size / 1e6:.0f} MB"
    print(f"{'ok' if worst < TARGET_SECONDS else 'SLOWER THAN TARGET'}: worst {worst:.2f} s{size}")
    if not (options.keep or options.db):
        for leftover in folder.iterdir():
            leftover.unlink()
        folder.rmdir()


if __name__ == "__main__":
    main()
