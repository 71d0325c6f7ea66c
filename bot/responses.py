"""Compose what the user sees from the matcher's decision: answer, images, suggestions, fallback."""

from __future__ import annotations

from dataclasses import replace

from bot.knowledge import Entry, KnowledgeBase
from bot.matching import MatchResult
from bot.seam import Reply, ReplyImage, Suggestion

__all__ = ["Reply", "ReplyImage", "Suggestion", "compose", "answer_entry", "welcome", "example_suggestions",
           "topic_suggestions", "in_lang", "with_log"]  # the types live in bot.seam; old imports keep working

# やさしい日本語 ("easy") is Japanese: where an entry or scope.yaml has no easy text, the ja text stands in.
FALLBACK_LANG = {"easy": "ja"}

MAX_SUGGESTIONS = 3
NEAR_MISS_SCORE = 30.0


def compose(kb: KnowledgeBase, result: MatchResult, lang: str) -> Reply:
    """Turn a match decision into a Reply in the given language."""
    scope = kb.scope
    best = result.best
    if result.kind == "answer" and best is not None:
        entry = kb.by_id[best.entry_id]
        reply = answer_entry(kb, entry, lang, best.score)
        if result.reason == "comparison":
            # "大使館の数と国籍の数、どっちが多い？": both facts, so the candidate can compare them.
            other = kb.by_id[result.candidates[1].entry_id]
            return replace(reply, text=f"{reply.text}\n\n{in_lang(other.answer, lang)}")
        return reply
    if result.kind == "clarify":
        suggestions = tuple(_suggest(kb.by_id[c.entry_id], lang) for c in result.candidates[:MAX_SUGGESTIONS])
        return Reply(scope.message("clarify", lang), lang, "clarify", score=_score(result), suggestions=suggestions)
    if result.kind == "smalltalk" and result.smalltalk is not None:
        return Reply(in_lang(result.smalltalk.answer, lang), lang, "smalltalk", suggestions=example_suggestions(kb, lang))
    if result.kind == "invalid":
        return Reply(scope.message("invalid", lang), lang, "invalid")
    near = () if result.reason == "another municipality" else _near_misses(kb, result, lang)
    return Reply(scope.message("fallback", lang), lang, "fallback", score=_score(result), suggestions=near)


def answer_entry(kb: KnowledgeBase, entry: Entry, lang: str, score: float = 100.0) -> Reply:
    """Return the reply that answers with one entry."""
    images = tuple(
        ReplyImage(name=image.src, caption=in_lang(image.caption, lang), url=image.url, path=image.path)
        for image in entry.images
    )
    related = tuple(_suggest(kb.by_id[r], lang) for r in entry.related if r in kb.by_id)
    return Reply(in_lang(entry.answer, lang), lang, "answer", entry.id, score, images, related[:MAX_SUGGESTIONS],
                 title=in_lang(entry.title, lang))


def welcome(kb: KnowledgeBase, lang: str) -> Reply:
    """Return the greeting shown when a user starts a chat."""
    return Reply(kb.scope.message("welcome", lang), lang, "smalltalk", suggestions=example_suggestions(kb, lang))


def example_suggestions(kb: KnowledgeBase, lang: str) -> tuple[Suggestion, ...]:
    """Return the example questions offered with greetings and help."""
    examples = kb.scope.example_questions
    questions = examples.get(lang) or examples.get(FALLBACK_LANG.get(lang, lang), ())
    return tuple(Suggestion(label=q, question=q, lang=lang) for q in questions)


def topic_suggestions(kb: KnowledgeBase, lang: str) -> tuple[Suggestion, ...]:
    """Return the topic menu (scope.yaml `menu:`): one suggestion per entry, titled, in order."""
    return tuple(_suggest(entry, lang) for entry_id in kb.scope.menu if (entry := kb.entry(entry_id)) is not None)


def _suggest(entry: Entry, lang: str) -> Suggestion:
    questions = entry.questions.get(lang) or entry.questions.get(FALLBACK_LANG.get(lang, lang)) or ("",)
    return Suggestion(label=in_lang(entry.title, lang), question=questions[0], entry_id=entry.id, lang=lang)


def in_lang(texts: dict[str, str], lang: str) -> str:
    """Return the text in a language, or in the language it falls back to (easy -> ja), or ""."""
    return texts.get(lang) or texts.get(FALLBACK_LANG.get(lang, lang)) or ""


def _near_misses(kb: KnowledgeBase, result: MatchResult, lang: str) -> tuple[Suggestion, ...]:
    near = [c for c in result.candidates if c.score >= NEAR_MISS_SCORE][:MAX_SUGGESTIONS]
    return tuple(_suggest(kb.by_id[c.entry_id], lang) for c in near)


def _score(result: MatchResult) -> float:
    return result.best.score if result.best else 0.0


def with_log(reply: Reply, log_id: str, kb_version: str) -> Reply:
    """Return the reply stamped with its question-log id and the knowledge version."""
    return replace(reply, log_id=log_id, kb_version=kb_version)
