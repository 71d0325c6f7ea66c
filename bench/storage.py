"""Group-commit throughput of the question log on SQLite and on PostgreSQL, as the answering threads see it.

Run: python bench/storage.py [--threads 16] [--seconds 5] [--pg postgresql://...]

Each thread records a row and waits for its commit (as an answer waits for its log_id), again and again. It prints
committed rows per second, commits per second and the p50/p99 wait per row, for a SQLite file in a temporary
directory and for PostgreSQL: --pg URL (an empty database: the bench creates and fills its table), else a
throwaway cluster started like the tests' (needs the PostgreSQL server binaries). It prints numbers; it is not a test.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import threading
import time
from datetime import datetime, timezone
from pathlib import Path

sys.path[:0] = [str(Path(__file__).resolve().parents[1]), str(Path(__file__).resolve().parents[1] / "tests")]

from bot.analytics import LogRow, QuestionLog  # noqa: E402
from bot.logwriter import RandomIds  # noqa: E402
from bot.storage import Location, describe  # noqa: E402

IDS = RandomIds()


def row() -> LogRow:
    """Return a typical row: a short answered question."""
    return LogRow(id=IDS.next(), ts=datetime.now(timezone.utc).isoformat(timespec="milliseconds"), channel="web",
                  user_hash="0123456789abcdef", question="食堂はありますか？", lang="ja", kind="answer",
                  entry_id="cafeteria", score=91.5, matched=1, latency_ms=0.8, kb_version="bench")


def drive(location: Location, threads: int, seconds: float) -> None:
    """Record rows from many threads for a while; print the figures."""
    question_log = QuestionLog(location, commit_seconds=10)
    waits: list[list[float]] = [[] for _ in range(threads)]
    stop = time.monotonic() + seconds

    def work(mine: list[float]) -> None:
        while time.monotonic() < stop:
            started = time.perf_counter()
            question_log.record(row()).result()
            mine.append(time.perf_counter() - started)

    workers = [threading.Thread(target=work, args=(mine,)) for mine in waits]
    commits_before, started = question_log.commits, time.monotonic()
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    elapsed = time.monotonic() - started
    every = sorted(wait for mine in waits for wait in mine)
    question_log.close()
    print(f"{describe(location)}: {len(every) / elapsed:,.0f} rows/s, "
          f"{(question_log.commits - commits_before) / elapsed:,.0f} commits/s, wait per row p50 "
          f"{1000 * statistics.median(every):.1f} ms, p99 {1000 * every[int(0.99 * (len(every) - 1))]:.1f} ms")


def main() -> None:
    """Parse arguments and run both backends."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threads", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--pg", help="an empty PostgreSQL database's URL [default: a throwaway cluster]")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        drive(Path(scratch) / "log.db", args.threads, args.seconds)
    if args.pg:
        drive(args.pg, args.threads, args.seconds)
        return
    import pgcluster

    reason = pgcluster.why_unavailable()
    if reason:
        sys.exit(f"PostgreSQL: {reason}")
    cluster = pgcluster.start_cluster(durable=True)
    try:
        drive(pgcluster.new_database(cluster), args.threads, args.seconds)
    finally:
        cluster.stop()


if __name__ == "__main__":
    main()
