"""The answerer's side of the question log: the row an answer is logged as, and whether a write made it in time.

bot.service decides what to answer; this writes it down. A reply carries a log_id only once its row is committed,
so a write told as late (or refused) counts as not recorded, and marks the log degraded with the reason.
"""

from __future__ import annotations

import logging
from concurrent.futures import Future
from concurrent.futures import TimeoutError as FutureTimeout
from datetime import datetime, timezone

from bot.analytics import TAP, LogRow, QuestionLog
from bot.knowledge import KnowledgeBase
from bot.logparts import LogUnavailable, RandomIds
from bot.responses import in_lang
from bot.seam import Question, Reply

log = logging.getLogger("bot.service")  # the answerer's name: operators know its lines by it

LOG_IDS = RandomIds()
FEEDBACK_HUNG_SECONDS = 30.0  # a feedback already inside a transaction: wait this long for the disk to say


def log_row(question: Question, reply: Reply, latency_ms: float, kb: KnowledgeBase, user_hash: str) -> LogRow:
    """Return the row an answer is logged as, under a new log_id."""
    # A tapped suggestion is logged as a tap on that entry, under the entry's own title: the text that came
    # with it is the caller's to choose, so it must neither pose as a question nor count as one answered.
    tapped = question.entry_id is not None and reply.entry_id == question.entry_id and reply.kind == "answer"
    logged_text = in_lang(kb.by_id[question.entry_id].title, reply.lang) if tapped else question.text or ""
    return LogRow(
        id=LOG_IDS.next(),
        ts=datetime.now(timezone.utc).isoformat(timespec="milliseconds"),
        channel=question.channel,
        user_hash=user_hash,
        question=logged_text,
        lang=reply.lang,
        kind=reply.kind,
        entry_id=reply.entry_id,
        score=reply.score,
        matched=int(reply.matched),
        latency_ms=round(latency_ms, 3),
        kb_version=kb.version,
        via=TAP if tapped else None,
    )


def committed_in_time(question_log: QuestionLog, future: Future[object], wait: bool) -> bool:
    """Tell whether a row committed, waiting up to the log's commit time (not at all unless `wait`)."""
    try:
        future.result(timeout=question_log.commit_seconds if wait else 0)
        return True
    except FutureTimeout:
        question_log.health.degraded(f"a write did not commit within {question_log.commit_seconds:g} s")
    except LogUnavailable as exc:
        question_log.health.degraded(str(exc))
    except Exception:  # noqa: BLE001 - the writer marked the log degraded with the reason, once
        pass
    return False


def feedback_recorded(question_log: QuestionLog, log_id: str, helpful: bool) -> bool:
    """Record 👍/👎 on a logged answer once; True only when it was committed."""
    when = datetime.now(timezone.utc).isoformat(timespec="seconds")
    future = question_log.feedback(log_id, helpful, when)
    try:
        try:
            return bool(future.result(timeout=question_log.commit_seconds))
        except FutureTimeout:
            if future.cancel():  # not started: it never will be, so "not recorded" stays true
                question_log.health.degraded(f"a write did not commit within {question_log.commit_seconds:g} s")
                return False
            return bool(future.result(timeout=FEEDBACK_HUNG_SECONDS))  # in a transaction: its outcome decides
    except Exception as exc:  # noqa: BLE001 - the log's health already says why; one line, no traceback
        log.warning("feedback for %s was not recorded: %s", log_id, exc or type(exc).__name__)
        return False
