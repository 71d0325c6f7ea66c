"""Answerer.answer(Question) -> Reply: the one seam every channel calls."""

from __future__ import annotations

import logging
import secrets
import time
from dataclasses import dataclass
from datetime import datetime, timezone

from bot.analytics import LogRow, QuestionLog, hash_user
from bot.config import Settings
from bot.knowledge import KnowledgeBase, load_knowledge
from bot.matching import Matcher, MatchResult
from bot.normalize import detect_lang, looks_binary
from bot.reload import KnowledgeWatcher
from bot.responses import Reply, Suggestion, answer_entry, compose, topic_suggestions, welcome, with_log
from bot.textsafe import clean_input

log = logging.getLogger(__name__)

MAX_QUESTION_CHARS = 1000
LANGS = ("ja", "en")
BINARY_INPUT = MatchResult("invalid", reason="binary input")


@dataclass(frozen=True)
class Question:
    """A user's question as any channel hands it over."""

    text: str
    channel: str = "cli"
    user_id: str = ""
    lang: str | None = None  # the user's chosen language, used when the text does not tell
    entry_id: str | None = None  # set when the user tapped a suggestion for an entry

    def __post_init__(self) -> None:
        # Every channel hands its text over here: cap it and replace what no later step can handle
        # (lone surrogates cannot be encoded for the analyzer or SQLite; controls only hide things from HR).
        object.__setattr__(self, "text", clean_input(self.text))
        object.__setattr__(self, "user_id", clean_input(self.user_id, 256))
        if self.entry_id is not None:
            object.__setattr__(self, "entry_id", clean_input(self.entry_id, 256))


class Answerer:
    """Answers questions from the current knowledge base and logs each one."""

    def __init__(self, kb: KnowledgeBase, question_log: QuestionLog | None = None, salt: str = "minato-bot") -> None:
        self._matcher = Matcher(kb)
        self._log = question_log
        self._salt = salt
        self._watcher: KnowledgeWatcher | None = None

    @classmethod
    def from_settings(cls, settings: Settings, with_log: bool = True, watch: bool = False) -> Answerer:
        """Build an Answerer from Settings: bundled or configured knowledge, SQLite log, live reload if watch."""
        kb = load_knowledge(settings.kb_dir)
        question_log = QuestionLog(settings.db_path) if with_log else None
        answerer = cls(kb, question_log, settings.log_salt)
        if watch:
            answerer._watcher = KnowledgeWatcher(answerer, settings.kb_dir, settings.reload_seconds,
                                                 settings.reload_settle_seconds).start()
        return answerer

    @property
    def watcher(self) -> KnowledgeWatcher | None:
        """Return the live-reload watcher, if one runs."""
        return self._watcher

    @property
    def kb(self) -> KnowledgeBase:
        """Return the knowledge base answering now."""
        return self._matcher.kb

    @property
    def matcher(self) -> Matcher:
        """Return the matcher answering now."""
        return self._matcher

    def swap(self, kb: KnowledgeBase) -> None:
        """Start answering from another (already validated) knowledge base."""
        # Built first, then swapped in one assignment: a question sees the old index or the new, never half of one.
        self._matcher = Matcher(kb)

    def answer(self, question: Question) -> Reply:
        """Answer one question and log it; a logging failure never stops the answer."""
        started = time.perf_counter()
        matcher = self._matcher
        reply = self._compose(matcher, question)
        latency_ms = (time.perf_counter() - started) * 1000
        log_id = secrets.token_hex(8)
        self._record(question, reply, log_id, latency_ms, matcher.kb.version)
        return with_log(reply, log_id, matcher.kb.version)

    def _compose(self, matcher: Matcher, question: Question) -> Reply:
        kb = matcher.kb
        text = question.text or ""
        lang = self._lang(question)
        if question.entry_id is not None:
            entry = kb.entry(question.entry_id)
            if entry is not None:
                return answer_entry(kb, entry, lang)
        if looks_binary(text):
            return compose(kb, BINARY_INPUT, lang)
        return compose(kb, matcher.match(text[:MAX_QUESTION_CHARS]), lang)

    def _lang(self, question: Question) -> str:
        chosen = question.lang if question.lang in LANGS else None
        if question.entry_id is not None and chosen:
            return chosen
        return detect_lang(question.text or "") or chosen or "ja"

    def welcome(self, lang: str = "ja") -> Reply:
        """Return the greeting for a new chat."""
        return welcome(self.kb, lang if lang in LANGS else "ja")

    def topics(self, lang: str = "ja") -> tuple[Suggestion, ...]:
        """Return the topic menu HR set in scope.yaml, each topic naming its entry."""
        return topic_suggestions(self.kb, lang if lang in LANGS else "ja")

    def knows_entry(self, entry_id: str) -> bool:
        """Tell whether the knowledge answering now has this entry (a tapped button may be older)."""
        return self.kb.entry(entry_id) is not None

    def feedback(self, log_id: str, helpful: bool) -> bool:
        """Record 👍/👎 on a logged answer once; False when unknown or already given."""
        if self._log is None or not log_id or not log_id.isascii():  # ours are hex: nothing else can match
            return False
        when = datetime.now(timezone.utc).isoformat(timespec="seconds")
        try:
            return bool(self._log.feedback(log_id, helpful, when).result(timeout=10))
        except Exception:
            log.exception("feedback for %s was not recorded", log_id)
            return False

    def _record(self, question: Question, reply: Reply, log_id: str, latency_ms: float, version: str) -> None:
        if self._log is None:
            return
        row = LogRow(
            id=log_id,
            ts=datetime.now(timezone.utc).isoformat(timespec="milliseconds"),
            channel=question.channel,
            user_hash=hash_user(question.user_id, self._salt),
            question=question.text or "",
            lang=reply.lang,
            kind=reply.kind,
            entry_id=reply.entry_id,
            score=reply.score,
            matched=int(reply.matched),
            latency_ms=round(latency_ms, 3),
            kb_version=version,
        )
        try:
            self._log.record(row)
        except Exception:
            log.exception("question log: could not queue a row")

    def close(self) -> None:
        """Stop watching the knowledge, then flush and close the question log."""
        if self._watcher is not None:
            self._watcher.stop()
        if self._log is not None:
            self._log.close()
