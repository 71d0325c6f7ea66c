"""HR's review loop behind the /admin page: the inbox of misses, the fixes, their audit and undo.

The web handler (handlers/admin.py) only translates HTTP to these calls, as the CLI does for `stats` and `kb`.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import yaml

from bot.analytics import TOKYO, Period, question_groups, read_stats, unhelpful_answers
from bot.audit import AdminStore, Change
from bot.config import is_installed_copy
from bot.kbedit import Edit, EditRefused, Written, apply_edit
from bot.kbtools import scaffold_entry
from bot.knowledge import KnowledgeBase, load_knowledge
from bot.normalize import detect_lang
from bot.reports import Stats
from bot.responses import Reply, compose, in_lang
from bot.service import Answerer
from bot.storage import Location, is_database_url

log = logging.getLogger(__name__)

CANDIDATES = 3
INBOX_TOP = 30
KINDS = ("unanswered", "clarify", "unhelpful")


@dataclass(frozen=True)
class Candidate:
    """An entry the bot finds closest to a question, with its score (as `kb explain` ranks them)."""

    entry_id: str
    title: str
    score: float


@dataclass(frozen=True)
class InboxItem:
    """A question for HR to act on."""

    kind: str  # one of KINDS
    question: str
    count: int
    examples: tuple[str, ...]
    last_seen: str
    answered_by: str | None  # for 👎: the entry that answered
    candidates: tuple[Candidate, ...]


def period_of(days: int | None, channel: str | None = None) -> Period:
    """Return the last `days` Tokyo days (None: all time), for one channel or all."""
    since = datetime.now(TOKYO).date() - timedelta(days=days - 1) if days else None
    return Period(since, None, channel or None)


class Review:
    """The inbox, the fixes and their undo, over one running Answerer and its question log."""

    def __init__(self, answerer: Answerer, log: Location, store: AdminStore) -> None:
        self.answerer = answerer
        self.log: Location = log if is_database_url(log) else Path(log)  # a SQLite file or a PostgreSQL URL
        self.store = store

    @property
    def kb(self) -> KnowledgeBase:
        """Return the knowledge answering now."""
        return self.answerer.kb

    def stats(self, period: Period) -> Stats:
        """Return the `report` figures for a period, with entry titles."""
        if not self._log_exists():
            return Stats(since=_iso(period.since), until=_iso(period.until), channel=period.channel)
        stats = read_stats(self.log, period)
        stats.titles = {e.id: e.title.get("ja", e.id) for e in self.kb.entries}
        return stats

    def inbox(self, period: Period) -> list[InboxItem]:
        """Return the unanswered, "did you mean" and 👎 questions HR has not acted on, with candidates."""
        if not self._log_exists():
            return []
        handled = self.store.handled_questions()
        items: list[InboxItem] = []
        for kind, source in (("unanswered", "fallback"), ("clarify", "clarify")):
            for group in question_groups(self.log, period, source, INBOX_TOP):
                if not handled.intersection(group.examples):
                    items.append(InboxItem(kind, group.text, group.count, group.examples, group.last_seen, None,
                                           self.candidates(group.text)))
        for question, entry_id, count, last_seen in unhelpful_answers(self.log, period, INBOX_TOP):
            if question not in handled:
                items.append(InboxItem("unhelpful", question, count, (question,), last_seen, entry_id,
                                       self.candidates(question)))
        return items

    def _log_exists(self) -> bool:
        # A database has its tables from the start; a SQLite file appears with the first question.
        return isinstance(self.log, str) or self.log.is_file()

    def candidates(self, question: str, limit: int = CANDIDATES) -> tuple[Candidate, ...]:
        """Return the entries the bot ranks best for a question."""
        kb = self.kb
        ranked = self.answerer.matcher.rank(question, limit=limit)
        return tuple(Candidate(c.entry_id, in_lang(kb.by_id[c.entry_id].title, "ja"), c.score)
                     for c in ranked if c.entry_id in kb.by_id)

    def try_question(self, question: str) -> Reply:
        """Return how the live bot answers a question now, without logging it."""
        kb, matcher = self.kb, self.answerer.matcher
        return compose(kb, matcher.match(question), "en" if detect_lang(question) == "en" else "ja")

    def entry_choices(self) -> list[tuple[str, str]]:
        """Return (id, title) of every entry, for the "paraphrase of" choice."""
        return [(e.id, in_lang(e.title, "ja")) for e in self.kb.entries]

    def categories(self) -> tuple[str, ...]:
        """Return the entry categories scope.yaml allows (for the new-entry form)."""
        return tuple(self.kb.scope.categories)

    def knowledge_files(self) -> list[str]:
        """Return the entry files a new entry may go into."""
        return sorted({_file_of(e) for e in self.kb.entries})

    def new_entry_draft(self, question: str) -> dict[str, Any]:
        """Return the `kb new-entry` scaffold for a question as form fields, with the file to add it to."""
        fields: dict[str, Any] = yaml.safe_load(scaffold_entry(self.kb, [question]))[0]
        same = [e for e in self.kb.entries if e.category == fields.get("category")]
        fields["file"] = _file_of(same[0]) if same else (self.knowledge_files() or [""])[0]
        return fields

    # changes

    def act(self, actor: str, action: str, edit: Edit | None, question: str) -> int:
        """Write an edit (checked first; EditRefused when it fails) or record a dismissal; return the change id."""
        if edit is None:
            return self.store.record(actor, action, question)
        written = self._write(edit)
        return self.store.record(actor, action, question, edit.entry_id or None, written.file, written.before,
                                 written.after, edit.to_dict(), written.version)

    def undo(self, actor: str, change_id: int) -> int:
        """Revert an audited change (itself audited); EditRefused when it cannot be."""
        change = self.store.change(change_id)
        if change is None:
            raise EditRefused(f"there is no change {change_id}")
        if change.undone_by is not None:
            raise EditRefused(f"change {change_id} was already undone (change {change.undone_by})")
        if change.action == "undo":
            raise EditRefused("an undo cannot itself be undone here: make the change again")
        if not change.edit.get("action"):  # a dismissal: nothing was written
            return self.store.record(actor, "undo", change.question, undoes=change_id)
        reverse = Edit.from_dict(change.edit).reverse()
        written = self._write(reverse)
        return self.store.record(actor, "undo", change.question, change.entry_id, written.file, written.before,
                                 written.after, reverse.to_dict(), written.version, undoes=change_id)

    def _write(self, edit: Edit) -> Written:
        directory = self.kb.directory
        if is_installed_copy(directory):
            raise EditRefused("the bot answers from the knowledge installed with the package, which a reinstall "
                              "replaces: run `minato-bot kb init` and restart it, then edit ./knowledge")
        files = {e.id: _file_of(e) for e in self.kb.entries}
        written = apply_edit(directory, edit, files)
        log.info("HR page: %s written to %s (knowledge version %s)", edit.action, written.file, written.version)
        if self.answerer.watcher is None:  # no live reload in this process: load the edit now
            self.answerer.swap(load_knowledge(directory))
        return written

    def live(self, change: Change) -> bool:
        """Tell whether the running bot answers from a version with this change (or a later one) in it."""
        if self.kb.version == change.kb_version or change.kb_version is None:
            return True
        later = self.store.changes(limit=1, where="id > ? AND kb_version IS NOT NULL", params=[change.id])
        return bool(later) and self.kb.version == later[0].kb_version


def _file_of(entry: Any) -> str:
    return str(entry.source).rpartition(":")[0]


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None
