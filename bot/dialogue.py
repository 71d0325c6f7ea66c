"""One turn of a conversation: the reply to a message given what came before, and what to remember after it."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Callable

from bot.conversation import Context
from bot.followup import Understanding, followups_for
from bot.langrequest import language_request
from bot.knowledge import Entry, KnowledgeBase
from bot.matching import Matcher
from bot.responses import Reply, answer_entry, compose, example_suggestions

MAX_QUESTION_CHARS = 1000  # the matcher reads this much of a message
# Picks the reply language: (elliptic message, the user's chosen language or None) -> language.
LanguageFor = Callable[[bool, str | None], str]


@dataclass(frozen=True)
class Turn:
    """The reply to one message and the conversation state after it."""

    reply: Reply
    context: Context
    understanding: Understanding | None = None  # how the message was read (None: a tap or a language request)


def tapped(kb: KnowledgeBase, entry: Entry, lang: str, context: Context) -> Turn:
    """Answer a tapped suggestion: its entry becomes the topic."""
    reply = answer_entry(kb, entry, lang)
    return Turn(reply, after_answer(context, reply))


def take_turn(matcher: Matcher, text: str, context: Context, language_for: LanguageFor) -> Turn:
    """Reply to a typed message, reading it against the context's topic when it needs one."""
    kb = matcher.kb
    topic = kb.entry(context.entry_id) if context.entry_id else None
    requested = language_request(text)
    if requested is not None:
        # "英語で": the user's language from now on; the last answer again in it, if there is one (also when a
        # question the bot could not answer came in between).
        chosen = replace(context, lang=requested)
        last = kb.entry(context.entry_id or context.answered_id or "")
        if last is not None:
            return tapped(kb, last, requested, chosen)
        message = Reply(kb.scope.message("language", requested), requested, "smalltalk",
                        suggestions=example_suggestions(kb, requested))
        return Turn(message, chosen)
    understanding = followups_for(matcher).understand(text[:MAX_QUESTION_CHARS], topic)
    lang = language_for(understanding.elliptic, context.lang)
    reply = compose(kb, understanding.result, lang)
    return Turn(reply, _next_context(context, reply, understanding), understanding)


def after_answer(context: Context, reply: Reply) -> Context:
    """Return the context after a reply: an answer's entry becomes the topic (its time set when stored)."""
    offered = tuple(s.entry_id for s in reply.suggestions if s.entry_id)
    if reply.kind == "answer" and reply.entry_id:
        return replace(context, entry_id=reply.entry_id, suggestions=offered, topic_at=None, answered_id=None)
    return replace(context, suggestions=offered) if offered else context


def _next_context(context: Context, reply: Reply, understanding: Understanding) -> Context:
    if reply.kind in ("answer", "smalltalk", "invalid") or understanding.elliptic or understanding.context_note:
        # Thanks or an unreadable message leave the topic as it is; so does a follow-up the bot could not answer
        # (one read against the topic: "それって新人も？" is still about staff housing).
        return after_answer(context, reply)
    # A question of its own that was not answered moves away from the old topic: what follows is not about it.
    offered = tuple(s.entry_id for s in reply.suggestions if s.entry_id)
    # The entry answered last is kept for a language request ("英語で"), expiring when the topic would have.
    return replace(context, entry_id=None, suggestions=offered, answered_id=context.entry_id or context.answered_id)
