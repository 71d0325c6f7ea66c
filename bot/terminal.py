"""The terminal chat's turns and how a reply looks in a terminal (numbered suggestions, wrapped lines)."""

from __future__ import annotations

from dataclasses import replace

from bot.seam import Question, Reply
from bot.service import Answerer
from bot.termwrap import wrap

CHAT_LANGS = {"/ja", "/en", "/easy"}


def chat_turn(answerer: Answerer, text: str, shown: Reply | None, lang: str, user: str = "") -> Reply:
    """Return the reply to one line of the terminal chat (a command, a number from the list, or a question)."""
    if text in CHAT_LANGS:
        return answerer.switch_language(user, "terminal", text[1:])
    if text == "/help":
        return answerer.help(lang)  # in the chat's language, whatever language "/help" looks like
    if shown is not None and shown.suggestions and text.isdigit():
        number = int(text)
        if not 1 <= number <= len(shown.suggestions):  # a slip of the finger: the list stays, nothing is asked
            return replace(shown, text=CHAT_PICK[_chat_lang(shown.lang)].format(count=len(shown.suggestions)),
                           images=())
        picked = shown.suggestions[number - 1]
        if picked.switch_lang:
            return answerer.switch_language(user, "terminal", picked.switch_lang)
        return answerer.answer(Question(picked.question, channel="terminal", user_id=user,
                                        lang=picked.lang or lang, entry_id=picked.entry_id))
    return answerer.answer(Question(text, channel="terminal", user_id=user, lang=lang))


CHAT_PICK = {"ja": "1〜{count} の番号を選んでください。", "en": "Pick a number from 1 to {count}.",
             "easy": "1〜{count}の 番号（ばんごう）を えらんでください。"}


def _chat_lang(lang: str) -> str:
    return lang if lang in CHAT_PICK else "ja"


def render(reply: Reply, columns: int = 0) -> str:
    """Return a reply as terminal text: answer, images, numbered suggestions; wrapped to columns when given."""
    lines = [reply.text]
    for image in reply.images:
        lines.append(f"  [image] {image.caption}: {image.url or image.path}")
    for number, suggestion in enumerate(reply.suggestions, start=1):
        lines.append(f"  {number}. {suggestion.label}")
    if columns <= 0:
        return "\n".join(lines)
    return "\n".join(wrapped for line in lines for wrapped in wrap(line, columns - 1, _hanging(line)))


def _hanging(line: str) -> str:
    # A numbered suggestion or an image wraps under its own text, so it still reads as one item.
    item = len(line) - len(line.lstrip())
    return " " * (item + 3) if item else ""
