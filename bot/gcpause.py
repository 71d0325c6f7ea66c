"""Pause the cyclic garbage collector while a knowledge base is loaded or indexed.

Loading and indexing create millions of objects that all stay alive; each collection the allocations trigger
walks everything built so far, which made a large base's loading quadratic-looking (two thirds of the time at
10,000 entries). Neither creates reference cycles, so nothing waits for the collector meanwhile; reference
counting still frees everything else at once. Pauses nest and may overlap between threads: the collector runs
again when the last one ends, if it ran before the first.
"""

from __future__ import annotations

import gc
import threading
from contextlib import contextmanager
from typing import Iterator

_lock = threading.Lock()
_depth = 0
_was_enabled = False


@contextmanager
def gc_paused() -> Iterator[None]:
    """Run the block without cyclic garbage collection."""
    global _depth, _was_enabled
    with _lock:
        if _depth == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _was_enabled:
                gc.enable()


# Every index is kept out of later collections (gc.freeze). A full collection otherwise walks all its objects: about
# 100 ms for the bundled base, seconds for a base of 100,000 entries, charged to the one answer that triggers it; and
# the younger collections an answer's own allocations trigger ran a third slower with the index still tracked
# (bench/latency.py, bundled p50 1.5 -> 1.0 ms). A base with no entries has no index worth freezing.
FREEZE_FROM_ENTRIES = 1
# With the index frozen, what a collection walks is an answer's own short-lived objects. Collected every 700 new
# objects (Python's default), several times an answer, they cost the slowest answers a fifth of their time; every
# 50,000 (a few answers' worth, a few megabytes at most), about nothing (bench/latency.py: p99 3.4 -> 2.4 ms).
YOUNG_COLLECTION_EVERY = 50_000


def keep_out_of_collections(entries: int) -> bool:
    """Freeze every object alive now (the index just built) unless the base is empty, and collect the young objects
    less often; return whether it was frozen.

    Frozen objects are still freed by reference counting when the index is replaced; only objects in reference
    cycles would stay, and neither the knowledge base nor the index makes any.
    """
    if entries < FREEZE_FROM_ENTRIES:
        return False
    gc.freeze()
    youngest, *older = gc.get_threshold()
    if 0 < youngest < YOUNG_COLLECTION_EVERY:  # (0: the collector is off; a larger threshold set by the host stays)
        gc.set_threshold(YOUNG_COLLECTION_EVERY, *older)
    return True
