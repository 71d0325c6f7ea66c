"""Playing a short conversation against an Answerer, for the follow-up tests."""

from __future__ import annotations

import itertools

from bot.responses import Reply
from bot.service import Answerer, Question

# One counter for every module: the session's answerer keeps conversations by user, so two modules numbering their
# users apart ("lists-0" in two files) would let one test's topic leak into another's.
USERS = itertools.count()


def last_reply(answerer: Answerer, *messages: str) -> Reply:
    """Send messages as one new user and return the reply to the last one."""
    user = f"followup-{next(USERS)}"
    return [answerer.answer(Question(text, channel="web", user_id=user)) for text in messages][-1]
