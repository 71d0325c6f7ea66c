"""The channel-neutral types that cross the engine's one seam: a Question goes in, a Reply comes out.

Channels import these (through bot.service or from here) and translate them to and from their own messages;
every decision a channel used to make for itself (which replies can be rated, a suggestion's language, the JSON
the web page reads) is a property of these types, so it is made once for every channel.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Literal

from bot.textsafe import clean_input

LANGS = ("ja", "en", "easy")  # easy: やさしい日本語, simple Japanese
# What a reply is: the matcher's kinds, plus the engine's own reply to a user over the rate limit.
ReplyKind = Literal["answer", "clarify", "fallback", "smalltalk", "invalid", "rate_limited"]
# Replies that offer 👍/👎: a final answer to a question, or an honest "not in the briefing". A "did you mean"
# is not rated (the entry tapped next is), nor are greetings, help and refusals of unreadable input.
RATEABLE_KINDS = ("answer", "fallback")


@dataclass(frozen=True)
class Question:
    """A user's question as any channel hands it over."""

    text: str
    channel: str = "cli"
    user_id: str = ""
    lang: str | None = None  # the user's chosen language, used when the text does not tell
    entry_id: str | None = None  # set when the user tapped a suggestion for an entry
    # The conversation goes on in the language of this reply (kept by the engine): for channels that cannot send
    # the user's language with every message (LINE, Telegram), so help and menu taps follow the user.
    follow_language: bool = False

    def __post_init__(self) -> None:
        # Every channel hands its text over here: cap it and replace what no later step can handle
        # (lone surrogates cannot be encoded for the analyzer or SQLite; controls only hide things from HR).
        object.__setattr__(self, "text", clean_input(self.text))
        object.__setattr__(self, "user_id", clean_input(self.user_id, 256))
        if self.entry_id is not None:
            object.__setattr__(self, "entry_id", clean_input(self.entry_id, 256))


@dataclass(frozen=True)
class ReplyImage:
    """A picture to send: an https URL, or a local file the channel uploads or serves."""

    name: str
    caption: str
    url: str | None = None
    path: Path | None = None


@dataclass(frozen=True)
class Suggestion:
    """Something the user can tap: an entry (by id), a free question, or a switch to another language.

    lang is the language the suggestion was offered in: a tap answers in it, whatever the page or chat is set to
    (an English suggestion under an English answer stays English). switch_lang makes the tap change the user's
    language instead of asking anything.
    """

    label: str
    question: str
    entry_id: str | None = None
    lang: str | None = None
    switch_lang: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """Return the button as the web page reads it."""
        button: dict[str, Any] = {"label": self.label, "question": self.question, "entry_id": self.entry_id,
                                  "lang": self.lang}
        if self.switch_lang:
            button["switch_lang"] = self.switch_lang
        return button


ImageUrl = Callable[[ReplyImage], "str | None"]


@dataclass(frozen=True)
class Reply:
    """The engine's answer to one question, channel-neutral."""

    text: str
    lang: str
    kind: ReplyKind
    entry_id: str | None = None
    score: float = 0.0
    images: tuple[ReplyImage, ...] = ()
    suggestions: tuple[Suggestion, ...] = ()
    log_id: str = ""
    kb_version: str = ""
    title: str = ""  # the answering entry's title, for channels that show a heading

    @property
    def matched(self) -> bool:
        """Tell whether this reply answers from a knowledge-base entry."""
        return self.kind == "answer"

    @property
    def rateable(self) -> bool:
        """Tell whether every channel offers 👍/👎 under this reply: a rateable kind whose log row is committed."""
        return bool(self.log_id) and self.kind in RATEABLE_KINDS

    def to_dict(self, question: str, image_url: ImageUrl | None = None) -> dict[str, Any]:
        """Return the JSON of `minato-bot ask --json` and of the web API, built here only.

        image_url gives a local picture's address; a picture it gives none for is left out.
        """
        def url_of(image: ReplyImage) -> str | None:
            if image.url:
                return image.url
            return image_url(image) if image_url else str(image.path)

        images = [(url, image.caption) for image in self.images if (url := url_of(image))]
        return {
            "question": clean_input(question),  # what the bot read: capped, nothing a JSON encoder chokes on
            "matched": self.matched,
            "entry_id": self.entry_id,
            "score": round(self.score, 1),
            "answer": self.text,
            "lang": self.lang,
            "kind": self.kind,
            "images": [{"url": url, "caption": caption} for url, caption in images],
            "suggestions": [s.question for s in self.suggestions],
            "buttons": [s.to_dict() for s in self.suggestions],
            "log_id": self.log_id or None,  # none when the log could not commit it: nothing to rate then
            "rateable": self.rateable,
        }
