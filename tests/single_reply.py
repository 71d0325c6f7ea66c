"""One question's outcome as the unanswerable-question tests compare it: answered by which entry, or not."""

from __future__ import annotations

from bot.service import Answerer, Question


def outcome(answerer: Answerer, text: str) -> tuple[str, str | None]:
    """Return ("answer", entry id) when the question is answered, else ("no answer", None)."""
    reply = answerer.answer(Question(text, channel="test"))
    return ("answer" if reply.matched else "no answer"), reply.entry_id if reply.matched else None
