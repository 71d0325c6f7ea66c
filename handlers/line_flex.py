"""Turn the engine's Reply into LINE messages: answers as Flex bubbles, everything else as text; quick replies.

An answer (or an honest "not in the briefing") becomes one bubble: a title, the answer text, its first picture
as the hero (https only), and footer buttons for related questions and 👍/👎. The altText is the start of the
answer, which LINE shows in notifications and the chat list. Further pictures follow as image messages.
"""

from __future__ import annotations

import logging
import re
from typing import Callable

from linebot.v3.messaging import (
    FlexBox,
    FlexBubble,
    FlexButton,
    FlexComponent,
    FlexImage,
    FlexMessage,
    FlexSeparator,
    FlexText,
    ImageMessage,
    Message,
    MessageAction,
    PostbackAction,
    QuickReply,
    QuickReplyItem,
    TextMessage,
    URIAction,
)

from bot.seam import Reply, ReplyImage, Suggestion
from handlers.line_postback import entry_data, feedback_data, language_data

log = logging.getLogger(__name__)

MAX_MESSAGES = 5  # per reply, LINE's limit
MAX_QUICK_REPLIES = 13
LABEL_CHARS = 20
TEXT_CHARS = 5000
ALT_TEXT_CHARS = 1500
BUBBLE_TEXT_CHARS = 2000  # keeps the bubble well inside LINE's size limit for one Flex message
ACTION_TEXT_CHARS = 300
BUBBLE_KINDS = ("answer", "fallback")  # replies that get a bubble with 👍/👎
MAX_LINKS = 2
# Text in a bubble is not auto-linked as in a text message, so each web address also gets a button.
LINK = re.compile(r"https?://[^\s（）()「」『』、。，,<>\"]+")
TITLE_COLOR = "#0B5394"
NOTE_COLOR = "#666666"
TEXTS: dict[str, dict[str, str]] = {
    "fallback_title": {"ja": "説明会の資料にない内容です", "en": "Not in the briefing"},
    "helpful": {"ja": "👍 参考になった", "en": "👍 Helpful"},
    "not_helpful": {"ja": "👎 参考にならない", "en": "👎 Not helpful"},
    "heading": {"ja": "港区職員採用 Q&A", "en": "Minato City jobs Q&A"},
    "open_link": {"ja": "🔗 ページを開く", "en": "🔗 Open the page"},
}

ImageUrl = Callable[[ReplyImage], "str | None"]


def text(name: str, lang: str | None) -> str:
    """Return one of the LINE channel's own short texts (Japanese when the language has none)."""
    return TEXTS[name].get(lang or "ja", TEXTS[name]["ja"])


class LineMessages:
    """Builds the messages for one reply to one LINE user."""

    def __init__(self, image_url: ImageUrl, channel_secret: str) -> None:
        self._image_url = image_url
        self._secret = channel_secret

    def for_reply(self, reply: Reply, user_id: str) -> list[Message]:
        """Return the messages answering one user: a bubble (or text), pictures, quick replies on the last."""
        urls = [(url, image.caption) for image in reply.images if (url := self._https_url(image))]
        buttons = [quick_reply_button(s, reply.lang) for s in reply.suggestions[:MAX_QUICK_REPLIES]]
        quick = QuickReply(items=buttons) if buttons else None  # LINE shows it only on the last message
        if reply.kind in BUBBLE_KINDS:
            first: Message = self._bubble(reply, urls[:1], user_id)
            extra = urls[1:MAX_MESSAGES]
        else:
            captions = "".join(f"\n\n🖼 {caption}" for _, caption in urls[: MAX_MESSAGES - 1] if caption)
            first = TextMessage(text=_clip(reply.text + captions, TEXT_CHARS))
            extra = urls[: MAX_MESSAGES - 1]
        messages = [first] + [ImageMessage(original_content_url=url, preview_image_url=url) for url, _ in extra]
        messages[-1].quick_reply = quick
        return messages

    def _https_url(self, image: ReplyImage) -> str | None:
        url = self._image_url(image)
        if url is None or not url.startswith("https://"):
            log.info("LINE: left out image %s (LINE shows only https images)", image.name)
            return None
        return url

    def _bubble(self, reply: Reply, hero: list[tuple[str, str]], user_id: str) -> FlexMessage:
        title = reply.title or (text("fallback_title", reply.lang) if reply.kind == "fallback" else "")
        body: list[FlexComponent] = [
            FlexText(text=text("heading", reply.lang), size="xxs", color=NOTE_COLOR),
            FlexText(text=title or text("heading", reply.lang), weight="bold", size="lg", wrap=True,
                     color=TITLE_COLOR, margin="sm"),
            FlexSeparator(margin="md"),
            FlexText(text=_clip(reply.text, BUBBLE_TEXT_CHARS), size="md", wrap=True, margin="md"),
        ]
        body += [FlexText(text=f"🖼 {caption}", size="xs", color=NOTE_COLOR, wrap=True, margin="md")
                 for _, caption in hero if caption]
        bubble = FlexBubble(
            hero=_hero(*hero[0]) if hero else None,
            body=FlexBox(layout="vertical", contents=body),
            footer=self._footer(reply, user_id),
        )
        return FlexMessage(alt_text=_clip(reply.text, ALT_TEXT_CHARS), contents=bubble)

    def _footer(self, reply: Reply, user_id: str) -> FlexBox | None:
        rows: list[FlexComponent] = [_link_button(url, number, reply.lang) for number, url in _links(reply.text)]
        rows += [
            FlexButton(action=_postback(s, reply.lang), style="secondary", height="sm", margin="sm")
            for s in reply.suggestions if s.entry_id is not None
        ]
        if reply.rateable and user_id:  # the engine says what can be rated; no user to sign for: nothing
            votes = [self._vote(reply, user_id, helpful) for helpful in (True, False)]
            rows.append(FlexBox(layout="horizontal", spacing="sm", margin="md", contents=votes))
        return FlexBox(layout="vertical", spacing="sm", contents=rows) if rows else None

    def _vote(self, reply: Reply, user_id: str, helpful: bool) -> FlexButton:
        label = text("helpful" if helpful else "not_helpful", reply.lang)
        data = feedback_data(reply.log_id, helpful, reply.lang, user_id, self._secret)
        return FlexButton(action=PostbackAction(label=label, data=data), style="link", height="sm")


def _hero(url: str, caption: str) -> FlexImage:
    # "fit" shows the whole figure (no cropping of its small print); a tap opens it full size.
    return FlexImage(url=url, size="full", aspect_ratio="4:3", aspect_mode="fit", background_color="#FFFFFF",
                     action=URIAction(label=_clip(caption or "image", LABEL_CHARS), uri=url))


def _links(answer: str) -> list[tuple[int, str]]:
    urls = list(dict.fromkeys(url.rstrip(".") for url in LINK.findall(answer)))[:MAX_LINKS]
    return [(number if len(urls) > 1 else 0, url) for number, url in enumerate(urls, start=1)]


def _link_button(url: str, number: int, lang: str) -> FlexButton:
    label = text("open_link", lang) + (f" {number}" if number else "")
    return FlexButton(action=URIAction(label=label, uri=url), style="link", height="sm")


def _postback(suggestion: Suggestion, lang: str) -> PostbackAction:
    label = _clip(suggestion.label or suggestion.question, LABEL_CHARS)
    shown = _clip(suggestion.question or suggestion.label, ACTION_TEXT_CHARS)
    data = entry_data(suggestion.entry_id or "", lang, shown)
    # displayText puts the question in the chat, as if the user had typed it.
    return PostbackAction(label=label, data=data, display_text=shown)


def quick_reply_button(suggestion: Suggestion, lang: str) -> QuickReplyItem:
    """Return a quick-reply button: a postback naming the entry or switching language, or the question as a message."""
    if suggestion.switch_lang is not None:
        label = _clip(suggestion.label, LABEL_CHARS)
        return QuickReplyItem(action=PostbackAction(label=label, data=language_data(suggestion.switch_lang),
                                                    display_text=suggestion.label))
    if suggestion.entry_id is None:
        label = _clip(suggestion.label or suggestion.question, LABEL_CHARS)
        return QuickReplyItem(action=MessageAction(label=label, text=_clip(suggestion.question or label,
                                                                           ACTION_TEXT_CHARS)))
    return QuickReplyItem(action=_postback(suggestion, lang))


def _clip(value: str, limit: int) -> str:
    """Cut to at most limit UTF-16 code units, as LINE counts text (an emoji or a rare kanji counts two)."""
    if len(value.encode("utf-16-le")) // 2 <= limit:
        return value
    kept, used = [], 1  # room for the ellipsis
    for char in value:
        used += 2 if ord(char) > 0xFFFF else 1
        if used > limit:
            break
        kept.append(char)
    return "".join(kept) + "…"
