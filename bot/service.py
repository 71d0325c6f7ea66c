"""Answerer.answer(Question) -> Reply: the one seam every channel calls."""

from __future__ import annotations

import time
from concurrent.futures import Future
from contextlib import nullcontext
from dataclasses import dataclass, replace
from datetime import timedelta
from pathlib import Path

from bot.analysiscache import AnalysisCache
from bot.analytics import QuestionLog, hash_user
from bot.answerlog import committed_in_time, feedback_recorded, log_row
from bot.config import Settings
from bot.conversation import Context, ConversationStore, MemoryConversations
from bot.dialogue import MAX_QUESTION_CHARS, Turn, take_turn, tapped  # noqa: F401  (MAX_QUESTION_CHARS: kept importable)
from bot.easyja import looks_easy_japanese
from bot.knowledge import KnowledgeBase, load_knowledge
from bot.matcherslot import MatcherSlot
from bot.matching import Matcher, MatchResult
from bot.normalize import detect_lang, looks_binary
from bot.reload import KnowledgeWatcher
from bot import policy
from bot.responses import compose, welcome, with_log
from bot.salt import choose_salt, install_salt
from bot.seam import LANGS, Question, Reply, Suggestion
from bot.storage import open_conversations

DEFAULT_CONTEXT = timedelta(minutes=10)  # how long a follow-up may lean on the last answer (MINATO_CONTEXT_MINUTES)
BINARY_INPUT = MatchResult("invalid", reason="binary input")


@dataclass(frozen=True)
class QueuedAnswer:
    """An answer whose log row is queued: Answerer.finish(it) gives the reply once the commit is known."""

    reply: Reply  # without its log_id yet
    kb_version: str
    log_id: str
    committed: Future[object] | None  # resolves once the row is committed; None when no log is kept


class Answerer:
    """Answers questions from the current knowledge base and logs each one."""

    def __init__(self, kb: KnowledgeBase, question_log: QuestionLog | None = None, salt: str | None = None,
                 conversations: ConversationStore | None = None, context_time: timedelta = DEFAULT_CONTEXT,
                 analyses: AnalysisCache | None = None, eager: bool = True) -> None:
        self._analyses = analyses  # the index build's analyses kept between starts
        self._slot = MatcherSlot(kb, self._build, eager)  # eager=False: built by the first question (bot.matcherslot)
        self._log = question_log
        # The salt is secret per install: given, or the random one kept beside the log.
        self._salt = salt or (install_salt(question_log.path) if question_log is not None else "")
        self._watcher: KnowledgeWatcher | None = None
        # Conversation state lives beside the log (its writer commits it), or in memory without a log.
        self._conversations = conversations or (
            open_conversations(question_log.path, context_time, submit=question_log.submit)
            if question_log is not None else MemoryConversations(context_time))

    @classmethod
    def from_settings(cls, settings: Settings, with_log: bool = True, watch: bool = False,
                      eager: bool = True) -> Answerer:
        """Build an Answerer from Settings: bundled or configured knowledge, the log (SQLite or PostgreSQL), live reload.

        eager=False builds the matcher only when a question first needs it (a server whose engine process answers).
        OSError, sqlite3.Error or StorageError when the log cannot be opened and written; SharedSaltNeeded for a
        PostgreSQL log without MINATO_LOG_SALT.
        """
        kb = load_knowledge(settings.kb_dir)
        question_log, salt = None, None
        if with_log and settings.log_enabled:
            question_log = QuestionLog(settings.log_location, settings.log_commit_seconds, settings.log_sync)
            try:
                salt = choose_salt(settings.log_salt, settings.log_location)
            except BaseException:
                question_log.close()
                raise
        answerer = cls(kb, question_log, salt, context_time=timedelta(minutes=settings.context_minutes),
                       analyses=AnalysisCache(settings.cache_dir) if settings.cache_enabled else None, eager=eager)
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
        return self._slot.kb

    @property
    def matcher(self) -> Matcher:
        """Return the matcher answering now."""
        return self._slot.matcher

    def swap(self, kb: KnowledgeBase) -> None:
        """Start answering from another (already validated) knowledge base."""
        # Built first, then swapped in one assignment: a question sees the old index or the new, never half of one.
        self._slot.swap(kb)

    def _build(self, kb: KnowledgeBase) -> Matcher:
        if self._analyses is None:
            return Matcher(kb)
        with self._analyses.building():
            return Matcher(kb)

    def answer(self, question: Question, wait_for_log: bool = True) -> Reply:
        """Answer one question and log it; a logging failure never stops the answer.

        The reply carries a log_id only once its row is committed. wait_for_log=False (batch `ask`, where nobody
        can rate the answer) queues the row without waiting and returns no log_id; close() commits it.
        """
        queued = self.answer_queued(question)
        return self.finish(queued) if wait_for_log else with_log(queued.reply, "", queued.kb_version)

    def answer_queued(self, question: Question) -> QueuedAnswer:
        """Answer one question and queue its log row without waiting for the commit: finish() gives the reply.

        A server waits for the commit (queued.committed) without holding a thread, so that the answering threads
        only compute while many answers share one commit.
        """
        with self._log.composing() if self._log is not None else nullcontext():
            return self._answer_queued(question)

    def _answer_queued(self, question: Question) -> QueuedAnswer:
        started = time.perf_counter()
        matcher = self._slot.matcher
        user = hash_user(question.user_id, self._salt)  # "" for an anonymous question: it has no conversation
        context = self._conversations.get(user, question.channel) if user else Context()
        turn = self._compose(matcher, question, context)
        reply = turn.reply
        if question.follow_language and reply.kind in policy.LANGUAGE_KINDS and turn.context.lang != reply.lang:
            turn = replace(turn, context=replace(turn.context, lang=reply.lang))  # the conversation's language now
        if user and turn.context != context:
            self._conversations.put(user, question.channel, turn.context)  # queued before the log row: committed with it
        latency_ms = (time.perf_counter() - started) * 1000
        log_id, committed = self._record(question, reply, latency_ms, matcher.kb)
        return QueuedAnswer(reply, matcher.kb.version, log_id, committed)

    def finish(self, queued: QueuedAnswer, wait: bool = True) -> Reply:
        """Return a queued answer's reply, with its log_id only if its row committed (waiting for it unless told
        not to: then a commit still under way counts as one that did not make it in time)."""
        if queued.committed is None:
            return with_log(queued.reply, "", queued.kb_version)
        assert self._log is not None  # a row was queued: a log is kept
        committed = committed_in_time(self._log, queued.committed, wait)
        return with_log(queued.reply, queued.log_id if committed else "", queued.kb_version)

    @property
    def commit_seconds(self) -> float:
        """Return how long an answer waits for its log row to commit (0 when no log is kept)."""
        return self._log.commit_seconds if self._log is not None else 0.0

    @property
    def log_problem(self) -> str | None:
        """Return why questions are not being logged right now, or None when they are (or no log is kept)."""
        return self._log.health.reason if self._log is not None else None

    def _compose(self, matcher: Matcher, question: Question, context: Context) -> Turn:
        kb = matcher.kb
        text = question.text or ""
        if question.entry_id is not None:
            entry = kb.entry(question.entry_id)
            if entry is not None:
                return tapped(kb, entry, self._lang(question, context.lang), context)
        if looks_binary(text):
            return Turn(compose(kb, BINARY_INPUT, self._lang(question, context.lang)), context)
        return take_turn(matcher, text, context,
                         lambda elliptic, sticky: self._lang(question, sticky, elliptic))

    def _lang(self, question: Question, sticky: str | None = None, elliptic: bool = False) -> str:
        # The user's own choice ("英語で", set_language) stands in when the channel names none, and decides the
        # language of a follow-up ("いつまで？" after "in English" stays English).
        if elliptic and sticky in LANGS:
            return sticky  # type: ignore[return-value]
        chosen = question.lang if question.lang in LANGS else sticky
        if question.entry_id is not None and chosen:
            return chosen
        detected = detect_lang(question.text or "")
        if detected == "ja" and (chosen == "easy" or looks_easy_japanese(question.text or "")):
            return "easy"  # Japanese asked in easy mode, or written the way a learner writes: answer simply
        return detected or chosen or "ja"

    def set_language(self, user_id: str, channel: str, lang: str | None) -> None:
        """Remember a user's language on a channel (None: follow each question's language again)."""
        user = hash_user(user_id, self._salt)
        if user and (lang is None or lang in LANGS):
            context = self._conversations.get(user, channel)
            self._conversations.put(user, channel, replace(context, lang=lang))

    def language(self, user_id: str, channel: str) -> str | None:
        """Return the language a user chose on a channel ("英語で", set_language), or None."""
        user = hash_user(user_id, self._salt)
        return self._conversations.get(user, channel).lang if user else None

    def forget_conversation(self, user_id: str, channel: str | None = None) -> None:
        """Forget what a user said before (the topic and chosen language), on one channel or all."""
        user = hash_user(user_id, self._salt)
        if user:
            self._conversations.forget(user, channel)

    def explain(self, question: Question) -> Turn:
        """Return how a question would be answered now, in its conversation, without answering or logging it."""
        user = hash_user(question.user_id, self._salt)
        context = self._conversations.get(user, question.channel) if user else Context()
        return self._compose(self._slot.matcher, question, context)

    def welcome(self, lang: str = "ja") -> Reply:
        """Return the greeting for a new chat."""
        return welcome(self.kb, _known(lang))

    def topics(self, lang: str = "ja") -> tuple[Suggestion, ...]:
        """Return the topic menu HR set in scope.yaml: entries, and language switches (`lang:easy`)."""
        return policy.menu(self.kb, _known(lang))

    def knows_entry(self, entry_id: str) -> bool:
        """Tell whether the knowledge answering now has this entry (a tapped button may be older)."""
        return self.kb.entry(entry_id) is not None

    # The conversation policy (bot/policy.py): every channel asks the engine rather than deciding.
    def help(self, lang: str = "ja") -> Reply:
        """Return help in the conversation's language, with the topic menu."""
        return policy.help_reply(self.kb, _known(lang))

    def not_text(self, lang: str = "ja") -> Reply:
        """Return the reply to a sticker, photo or other message without text."""
        return policy.not_text_reply(self.kb, _known(lang))

    def feedback_said(self, recorded: bool, lang: str | None = "ja") -> str:
        """Return what a channel says after a 👍/👎 tap: thanks, or that the answer was already rated."""
        return policy.vote_text("thanks" if recorded else "already_rated", lang)

    def button_expired(self, lang: str | None = "ja") -> str:
        """Return what a channel says to a tapped button whose entry no longer exists."""
        return policy.vote_text("expired", lang)

    def slow_down(self, lang: str = "ja") -> Reply:
        """Return the reply to a user over the rate limit."""
        return policy.slow_down_reply(self.kb, _known(lang))

    def language_set(self, lang: str) -> Reply:
        """Return the confirmation that answers now come in `lang` (for a chat that keeps no state)."""
        return policy.language_set_reply(self.kb, _known(lang))

    def switch_language(self, user_id: str, channel: str, lang: str) -> Reply:
        """Switch a user's language (a menu button, `/lang`): as if they had asked for it ("やさしい日本語"), so
        the engine keeps it with the conversation and answers the last topic again in it, or confirms it."""
        return self.answer(Question(policy.SWITCH_REQUESTS[_known(lang)], channel, user_id))

    def message(self, name: str, lang: str = "ja") -> str:
        """Return one of the bot's own messages (scope.yaml `messages:`) in a language."""
        return self.kb.scope.message(name, _known(lang))

    @property
    def kb_version(self) -> str:
        """Return the version (content hash) of the knowledge answering now."""
        return self.kb.version

    @property
    def images_dir(self) -> Path:
        """Return the folder of the knowledge's local pictures."""
        return self.kb.directory / "images"

    def status(self) -> dict[str, object]:
        """Return the knowledge version and size, when it loaded, and why questions are not logged (if so)."""
        kb = self.kb
        return {"kb_version": kb.version, "entries": len(kb.entries), "loaded_at": kb.loaded_at,
                "log_problem": self.log_problem}

    def feedback(self, log_id: str, helpful: bool) -> bool:
        """Record 👍/👎 on a logged answer once; True only when it was committed."""
        if self._log is None or not log_id or not log_id.isascii():  # ours are hex: nothing else can match
            return False
        return feedback_recorded(self._log, log_id, helpful)

    def _record(self, question: Question, reply: Reply, latency_ms: float,
                kb: KnowledgeBase) -> tuple[str, Future[object] | None]:
        # The log_id goes out only once its row is committed; otherwise the reply goes without one (no 👍/👎).
        if self._log is None:
            return "", None
        row = log_row(question, reply, latency_ms, kb, hash_user(question.user_id, self._salt))
        return row.id, self._log.record(row)

    def close(self) -> None:
        """Stop watching the knowledge, then flush and close the question log."""
        if self._watcher is not None:
            self._watcher.stop()
        if self._log is not None:
            self._log.close()  # commits the conversation writes queued with it
        self._conversations.close()


def _known(lang: str | None) -> str:
    return lang if lang in LANGS else "ja"
