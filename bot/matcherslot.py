"""The knowledge answering now and its matcher, built at once or on first use, swapped whole on a reload.

A `serve` worker whose questions an engine process answers (handlers/engineproc.py) never matches a question
itself: it reads the knowledge (welcome, topics, health) but building the index would only double its memory and
its start. So the matcher may be built lazily, once, by whoever first needs it.
"""

from __future__ import annotations

import threading
from typing import Callable

from bot.knowledge import KnowledgeBase
from bot.matching import Matcher


class MatcherSlot:
    """Holds the current KnowledgeBase and its Matcher (eager: built now; else on first use)."""

    def __init__(self, kb: KnowledgeBase, build: Callable[[KnowledgeBase], Matcher], eager: bool = True) -> None:
        self._build = build
        self._lock = threading.Lock()
        self._matcher: Matcher | None = build(kb) if eager else None
        self.kb = kb

    @property
    def matcher(self) -> Matcher:
        """Return the matcher of the current knowledge, building it the first time it is asked for."""
        matcher = self._matcher
        if matcher is None:
            with self._lock:  # two first questions build it once
                if self._matcher is None:
                    self._matcher = self._build(self.kb)
                matcher = self._matcher
        return matcher

    def swap(self, kb: KnowledgeBase) -> None:
        """Answer from another knowledge base: its matcher built first, then swapped in one assignment."""
        with self._lock:
            self._matcher = self._build(kb) if self._matcher is not None else None
            self.kb = kb
