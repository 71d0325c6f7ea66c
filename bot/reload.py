"""Live reload: watch the knowledge directory and swap in each edit that has settled and passes validation.

An edit goes live only when the files have stopped changing: the same names, sizes, modification times and
content hash at two looks at least a settle window apart, and again after the new version was loaded. A save in
progress (a file cut at any line) therefore never answers, even when the cut happens to be valid YAML. A file over
the size cap is rejected by its size alone, without being read.
"""

from __future__ import annotations

import dataclasses
import hashlib
import logging
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Protocol

from bot.knowledge import KnowledgeBase, check_knowledge
from bot.yamlsource import MAX_FILE_BYTES, Problem

log = logging.getLogger(__name__)

DEFAULT_SETTLE_SECONDS = 1.0  # longer than any editor's save takes; short enough that an edit is live in seconds


class Swappable(Protocol):
    """What the watcher needs from the Answerer."""

    @property
    def kb(self) -> KnowledgeBase: ...

    def swap(self, kb: KnowledgeBase) -> None: ...


@dataclass(frozen=True)
class Snapshot:
    """What the knowledge directory looks like at one moment: every file's name, size and mtime, and a content hash."""

    files: tuple[tuple[str, int, int], ...]
    digest: str


def take_snapshot(directory: Path) -> Snapshot:
    """Look at the directory once: stat every file, hash the YAML files' bytes (those within the size cap only)."""
    digest = hashlib.sha256()
    files = []
    try:
        for path in sorted(p for p in directory.rglob("*") if p.is_file() and not _editor_file(p, directory)):
            stat = path.stat()
            name = str(path.relative_to(directory))
            files.append((name, stat.st_size, stat.st_mtime_ns))
            digest.update(name.encode() + b"\0" + str(stat.st_size).encode() + b"\0")
            # YAML is read whole (a few kB); images and oversized files only by size and time.
            if path.suffix == ".yaml" and stat.st_size <= MAX_FILE_BYTES:
                digest.update(path.read_bytes())
    except OSError as exc:  # a file vanished mid-scan (an editor's save): not settled, look again
        return Snapshot(tuple(files), f"unreadable: {exc}")
    return Snapshot(tuple(files), digest.hexdigest())


def _editor_file(path: Path, directory: Path) -> bool:
    # Swap files, backups and hidden temporary files change while HR types; the bot never reads them.
    parts = path.relative_to(directory).parts
    return any(part.startswith(".") for part in parts) or path.name.endswith(("~", ".swp", ".swx"))


class KnowledgeWatcher:
    """Polls a knowledge directory on a daemon thread; settled good edits are swapped in, bad ones logged."""

    def __init__(self, target: Swappable, directory: Path, interval: float = 1.0,
                 settle: float = DEFAULT_SETTLE_SECONDS, clock: Callable[[], float] = time.monotonic) -> None:
        self.target = target
        self.directory = Path(directory)
        self.interval = max(float(interval), 0.01)
        self.settle = max(float(settle), 0.0)
        self.problems: list[Problem] = []  # why the last rejected edit was rejected; empty after a good one
        self.checks = 0  # settled edits looked at so far, good or bad
        self._clock = clock
        self._seen = take_snapshot(self.directory)  # the latest look at the directory
        self._seen_since = clock()  # when it first looked like that
        self._done = self._seen.digest  # the content last loaded (live or rejected): not loaded again
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="knowledge-watcher", daemon=True)

    def start(self) -> KnowledgeWatcher:
        """Start polling; return self."""
        log.info("watching %s for knowledge edits every %.1fs (live after %.1fs without changes)",
                 self.directory, self.interval, self.settle)
        self._thread.start()
        return self

    @property
    def running(self) -> bool:
        """Tell whether the polling thread is alive."""
        return self._thread.is_alive()

    @property
    def pending(self) -> bool:
        """Tell whether the directory holds an edit not yet loaded (still changing or waiting to settle)."""
        return self._seen.digest != self._done

    def stop(self) -> None:
        """Stop polling and wait for the thread."""
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join()

    def _run(self) -> None:
        while not self._stop.wait(self._next_wait()):
            try:
                self.poll()
            except Exception:  # the watcher must outlive any surprise, or edits silently stop applying
                log.exception("knowledge reload failed; still answering from version %s", self.target.kb.version)

    def _next_wait(self) -> float:
        # While an edit settles, look more often, so it goes live soon after the settle window.
        return min(self.interval, max(self.settle / 4, 0.01)) if self.pending else self.interval

    def poll(self) -> bool:
        """Look once; return True when a settled, valid edit was swapped in."""
        now = self._clock()
        seen = take_snapshot(self.directory)
        if seen != self._seen:  # still changing (or just changed): the settle window starts again
            self._seen, self._seen_since = seen, now
            return False
        if not self.pending or now - self._seen_since < self.settle:
            return False
        return self._load(seen)

    def _load(self, seen: Snapshot) -> bool:
        kb, problems = check_knowledge(self.directory)
        after = take_snapshot(self.directory)
        if after != seen:  # changed while loading: what was loaded may be half of it; wait for it to settle
            self._seen, self._seen_since = after, self._clock()
            return False
        self._done = seen.digest
        errors = [p for p in problems if not p.warning]
        if kb is None or errors:
            self._reject(errors or problems)
            self.checks += 1  # counted once its problems are set and logged: a waiter on checks sees them
            return False
        self.problems = []
        old = self.target.kb
        self.target.swap(kb)
        log.info("knowledge reloaded: version %s -> %s, %d entries; %s",
                 old.version, kb.version, len(kb.entries), describe_changes(old, kb))
        self.checks += 1
        return True

    def _reject(self, problems: list[Problem]) -> None:
        self.problems = problems
        for problem in problems:
            log.error("knowledge edit rejected: %s/%s", self.directory, problem)
        log.error("kept knowledge version %s: fix the %d problem(s) above and save again",
                  self.target.kb.version, len(problems))


def describe_changes(old: KnowledgeBase, new: KnowledgeBase) -> str:
    """Return what an edit changed: entries added, removed and edited (by id), synonyms and scope."""
    before, after = _by_id(old), _by_id(new)
    added = sorted(set(after) - set(before))
    removed = sorted(set(before) - set(after))
    edited = sorted(i for i in set(before) & set(after) if before[i] != after[i])
    parts = [f"{label}: {', '.join(ids)}" for label, ids in (("added", added), ("removed", removed),
                                                              ("edited", edited)) if ids]
    if old.synonyms != new.synonyms:
        parts.append("synonyms.yaml changed")
    if dataclasses.replace(old.scope, menu_line=0) != dataclasses.replace(new.scope, menu_line=0):
        parts.append("scope.yaml changed")
    return "; ".join(parts) or "no entry changed"


def _by_id(kb: KnowledgeBase) -> dict[str, object]:
    # An entry that only moved (its file:line) is not edited.
    return {entry.id: dataclasses.replace(entry, source="") for entry in kb.entries}
