"""Another program holding a SQLite database's lock, for tests of what the bot does while it waits."""

from __future__ import annotations

import sqlite3
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator


@contextmanager
def held_by_another(path: Path, lock: str = "IMMEDIATE") -> Iterator[None]:
    """Hold the database's write lock (IMMEDIATE) or every lock (EXCLUSIVE) from another connection for the block."""
    other = sqlite3.connect(path, isolation_level=None)
    other.execute(f"BEGIN {lock}")
    try:
        yield
    finally:
        other.execute("ROLLBACK")
        other.close()
