"""Live reload: watch the knowledge directory and swap in each edit that passes validation."""

from __future__ import annotations

import hashlib
import logging
import threading
from pathlib import Path
from typing import Protocol

from bot.knowledge import KnowledgeBase, check_knowledge
from bot.yamlsource import Problem

log = logging.getLogger(__name__)


class Swappable(Protocol):
    """What the watcher needs from the Answerer."""

    @property
    def kb(self) -> KnowledgeBase: ...

    def swap(self, kb: KnowledgeBase) -> None: ...


def fingerprint(directory: Path) -> str:
    """Return a hash of the YAML files' names and bytes and of the other files' names and sizes."""
    digest = hashlib.sha256()
    try:
        paths = sorted(p for p in directory.rglob("*") if p.is_file())
        for path in paths:
            digest.update(str(path.relative_to(directory)).encode() + b"\0")
            # YAML is read whole (a few kB); images only by size, so a replaced picture still counts as an edit.
            digest.update(path.read_bytes() if path.suffix == ".yaml" else str(path.stat().st_size).encode())
    except OSError as exc:  # a file vanished mid-scan (an editor's save): the next poll sees the settled state
        return f"unreadable: {exc}"
    return digest.hexdigest()


class KnowledgeWatcher:
    """Polls a knowledge directory on a daemon thread; good edits are swapped in, bad ones logged and skipped."""

    def __init__(self, target: Swappable, directory: Path, interval: float = 2.0) -> None:
        self.target = target
        self.directory = Path(directory)
        self.interval = max(float(interval), 0.01)
        self.problems: list[Problem] = []  # why the last rejected edit was rejected; empty after a good one
        self.checks = 0  # edits looked at so far, good or bad
        self._seen = fingerprint(self.directory)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="knowledge-watcher", daemon=True)

    def start(self) -> KnowledgeWatcher:
        """Start polling; return self."""
        log.info("watching %s for knowledge edits every %.1fs", self.directory, self.interval)
        self._thread.start()
        return self

    @property
    def running(self) -> bool:
        """Tell whether the polling thread is alive."""
        return self._thread.is_alive()

    def stop(self) -> None:
        """Stop polling and wait for the thread."""
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join()

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            try:
                self.poll()
            except Exception:  # the watcher must outlive any surprise, or edits silently stop applying
                log.exception("knowledge reload failed; still answering from version %s", self.target.kb.version)

    def poll(self) -> bool:
        """Look once for an edit; return True when a new knowledge base was swapped in."""
        seen = fingerprint(self.directory)
        if seen == self._seen:
            return False
        self._seen = seen
        kb, problems = check_knowledge(self.directory)
        errors = [p for p in problems if not p.warning]
        self.checks += 1
        if kb is None or errors:
            self.problems = errors or problems
            for problem in self.problems:
                log.error("knowledge edit rejected: %s/%s", self.directory, problem)
            log.error("kept knowledge version %s: fix the %d problem(s) above and save again",
                      self.target.kb.version, len(self.problems))
            return False
        self.problems = []
        old = self.target.kb.version
        self.target.swap(kb)
        log.info("knowledge reloaded: version %s -> %s, %d entries", old, kb.version, len(kb.entries))
        return True
