"""Turn the engine's Reply into Telegram messages: text, photos, inline buttons, callback data."""

from __future__ import annotations

import logging
import re
import secrets
from dataclasses import dataclass
from typing import Any, Literal

from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, Message
from telegram.constants import MessageLimit
from telegram.error import TelegramError

from bot.seam import Reply, ReplyImage, Suggestion

log = logging.getLogger(__name__)

CALLBACK_MAX_BYTES = 64  # Telegram's limit on callback_data
FREE_KEPT = 20  # free-question button sets remembered per chat
FREE_MAX = 10  # free questions per set: the index is one digit of callback data
CAPTION_MAX = MessageLimit.CAPTION_LENGTH
TEXT_MAX = MessageLimit.MAX_TEXT_LENGTH

ENTRY_DATA = re.compile(r"q:([a-z0-9][a-z0-9-]*)(?:@(ja|en|easy))?")  # @lang: the suggestion's own language
FREE_DATA = re.compile(r"s:([0-9a-f]{8}):([0-9])")
FEEDBACK_DATA = re.compile(r"fb:([0-9a-f]{16}):([01])")
LANG_DATA = re.compile(r"l:(ja|en|easy)")


@dataclass(frozen=True)
class Button:
    """What a pressed inline button asks for, decoded from its callback data."""

    action: Literal["entry", "free", "feedback", "lang"]
    value: str  # entry id, free-question set key, log id, or language
    number: int = 0  # index into the free-question set, or 1/0 for 👍/👎
    lang: str = ""  # the language a tapped suggestion was offered in


def parse_button(data: str | None) -> Button | None:
    """Decode callback data; None for anything this bot did not send."""
    if not data or len(data.encode()) > CALLBACK_MAX_BYTES:
        return None
    if match := ENTRY_DATA.fullmatch(data):
        return Button("entry", match.group(1), lang=match.group(2) or "")
    if match := FREE_DATA.fullmatch(data):
        return Button("free", match.group(1), int(match.group(2)))
    if match := FEEDBACK_DATA.fullmatch(data):
        return Button("feedback", match.group(1), int(match.group(2)))
    if match := LANG_DATA.fullmatch(data):
        return Button("lang", match.group(1))
    return None


def topic_button(topic: Suggestion) -> InlineKeyboardButton | None:
    """Return the button for a menu topic: its entry, or a switch of language (`lang:easy` in scope.yaml)."""
    if topic.switch_lang is not None:
        return InlineKeyboardButton(topic.label, callback_data=f"l:{topic.switch_lang}")
    return entry_button(topic.label, topic.entry_id, topic.lang) if topic.entry_id else None


def entry_button(label: str, entry_id: str, lang: str | None = None) -> InlineKeyboardButton | None:
    """Return a button that answers an entry (in lang, when given), or None when it would not fit in callback data."""
    data = f"q:{entry_id}" + (f"@{lang}" if lang else "")
    if len(data.encode()) > CALLBACK_MAX_BYTES or not ENTRY_DATA.fullmatch(data):
        return None
    return InlineKeyboardButton(label, callback_data=data)


def suggestion_rows(suggestions: tuple[Suggestion, ...], chat_data: dict[str, Any] | None) -> list[list[InlineKeyboardButton]]:
    """Return one button row per suggestion; free questions are remembered in chat_data by index."""
    rows: list[list[InlineKeyboardButton]] = []
    free = [s for s in suggestions if topic_button(s) is None][:FREE_MAX]
    key = remember_free([s.question for s in free], chat_data) if free else ""
    for suggestion in suggestions:
        button = topic_button(suggestion)
        if button is None and key and suggestion in free:
            button = InlineKeyboardButton(suggestion.label, callback_data=f"s:{key}:{free.index(suggestion)}")
        if button is not None:
            rows.append([button])
    return rows


def remember_free(questions: list[str], chat_data: dict[str, Any] | None) -> str:
    """Store a set of free questions for this chat under a short key; keep only the latest sets."""
    if chat_data is None or not questions:
        return ""
    sets: dict[str, list[str]] = chat_data.setdefault("free", {})
    key = secrets.token_hex(4)
    sets[key] = questions[:FREE_MAX]
    while len(sets) > FREE_KEPT:
        sets.pop(next(iter(sets)))
    return key


def recall_free(button: Button, chat_data: dict[str, Any] | None) -> str | None:
    """Return the free question a button stands for, if this chat still remembers it."""
    questions = (chat_data or {}).get("free", {}).get(button.value)
    if not questions or button.number >= len(questions):
        return None
    return questions[button.number]


def feedback_row(log_id: str) -> list[InlineKeyboardButton]:
    """Return the 👍/👎 row for one logged answer."""
    return [
        InlineKeyboardButton("👍", callback_data=f"fb:{log_id}:1"),
        InlineKeyboardButton("👎", callback_data=f"fb:{log_id}:0"),
    ]


def reply_keyboard(reply: Reply, chat_data: dict[str, Any] | None) -> InlineKeyboardMarkup | None:
    """Return the suggestion buttons and, for answers, the 👍/👎 row."""
    rows = suggestion_rows(reply.suggestions, chat_data)
    if reply.rateable and FEEDBACK_DATA.fullmatch(f"fb:{reply.log_id}:1"):
        rows.append(feedback_row(reply.log_id))
    return InlineKeyboardMarkup(rows) if rows else None


def without_feedback(markup: InlineKeyboardMarkup | None) -> InlineKeyboardMarkup | None:
    """Return the keyboard with its 👍/👎 row removed (None when nothing is left)."""
    if markup is None:
        return None
    rows = [list(row) for row in markup.inline_keyboard if not any(str(b.callback_data).startswith("fb:") for b in row)]
    return InlineKeyboardMarkup(rows) if rows else None


def button_data(markup: InlineKeyboardMarkup | None) -> dict[str, str]:
    """Return callback data -> label for every button on a keyboard."""
    if markup is None:
        return {}
    return {str(b.callback_data): b.text for row in markup.inline_keyboard for b in row if b.callback_data}


async def send_reply(bot: Bot, chat_id: int, reply: Reply, chat_data: dict[str, Any] | None,
                     file_ids: dict[str, str]) -> list[Message]:
    """Send a reply: its text, then its images; the buttons go on the last message sent."""
    markup = reply_keyboard(reply, chat_data)
    chunks = split_text(reply.text) or ["…"]
    sent: list[Message] = []
    for number, chunk in enumerate(chunks, start=1):
        last = number == len(chunks) and not reply.images
        sent.append(await bot.send_message(chat_id, chunk, reply_markup=markup if last else None))
    for number, image in enumerate(reply.images, start=1):
        last = number == len(reply.images)
        message = await send_image(bot, chat_id, image, file_ids, markup if last else None)
        if message is not None:
            sent.append(message)
        elif last and markup is not None:
            # The picture failed: keep the buttons reachable on the text already sent.
            await bot.edit_message_reply_markup(chat_id, sent[-1].message_id, reply_markup=markup)
    return sent


async def send_image(bot: Bot, chat_id: int, image: ReplyImage, file_ids: dict[str, str],
                     markup: InlineKeyboardMarkup | None) -> Message | None:
    """Send one picture (upload a local file once, then reuse its file_id; send https by URL)."""
    key = _cache_key(image)
    photo: Any = file_ids.get(key) or image.path or image.url
    if not photo:
        return None
    caption = image.caption[:CAPTION_MAX] or None
    try:
        message = await bot.send_photo(chat_id, photo, caption=caption, reply_markup=markup)
    except TelegramError:
        if key not in file_ids:
            log.exception("telegram: could not send image %s", image.name)
            return None
        # A remembered file_id can go stale (another Bot API server, a new bot): upload again.
        del file_ids[key]
        return await send_image(bot, chat_id, image, file_ids, markup)
    if image.path is not None and message.photo:
        file_ids[key] = message.photo[-1].file_id
    return message


def _cache_key(image: ReplyImage) -> str:
    # Size and mtime are part of the key, so an image edited under a reloaded knowledge base is uploaded anew.
    if image.path is None:
        return image.name
    try:
        stat = image.path.stat()
    except OSError:
        return image.name
    return f"{image.name}:{stat.st_size}:{stat.st_mtime_ns}"


def split_text(text: str, limit: int = TEXT_MAX) -> list[str]:
    """Split text into messages within Telegram's length limit, at line breaks when possible."""
    chunks: list[str] = []
    rest = text.strip()
    while len(rest) > limit:
        cut = rest.rfind("\n", 0, limit)
        cut = cut if cut > limit // 2 else limit
        chunks.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip()
    if rest:
        chunks.append(rest)
    return chunks
