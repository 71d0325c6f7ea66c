"""The Telegram conversation: commands, questions, button presses and errors, over the engine's Answerer."""

from __future__ import annotations

import contextlib
import logging

from telegram import CallbackQuery, InlineKeyboardMarkup, Message, Update
from telegram.error import TelegramError
from telegram.ext import ContextTypes

from bot.seam import Question, Reply
from handlers.channels import ChannelKit
from handlers.telegram_send import (
    Button,
    button_data,
    topic_button,
    parse_button,
    recall_free,
    send_reply,
    without_feedback,
)

log = logging.getLogger(__name__)

Context = ContextTypes.DEFAULT_TYPE
LANGS = ("ja", "en", "easy")  # easy: やさしい日本語
TEXTS: dict[str, dict[str, str]] = {
    "menu": {"ja": "知りたいトピックを選んでください。", "en": "Pick a topic:"},
    "commands": {
        "ja": "/menu トピック一覧\n/lang en English に切り替え\n/lang easy やさしい日本語に切り替え\n"
              "/help 使い方",
        "en": "/menu topics\n/lang ja 日本語に切り替え (switch to Japanese)\n/lang easy やさしい日本語 (easy Japanese)\n"
              "/help how to use this bot",
        "easy": "/menu トピック（とぴっく）\n/lang ja ふつうの 日本語（にほんご）\n/lang en English（えいご）\n"
                "/help 使（つか）い方（かた）",
    },
    "unknown_command": {"ja": "そのコマンドはありません。", "en": "I don't know that command."},
    "apology": {
        "ja": "申し訳ありません。エラーが発生しました。もう一度お試しください。",
        "en": "Sorry, something went wrong. Please try again.",
    },
}
COMMANDS: dict[str, dict[str, str]] = {
    "start": {"ja": "はじめる", "en": "Start"},
    "help": {"ja": "使い方", "en": "How to use this bot"},
    "menu": {"ja": "トピック一覧", "en": "Topics"},
    "lang": {"ja": "English / やさしい日本語 / 日本語", "en": "日本語 / やさしい日本語 / English"},
}


def text(name: str, lang: str) -> str:
    """Return one of the channel's own short messages."""
    return TEXTS[name].get(lang, TEXTS[name]["ja"])


def default_lang(update: Update) -> str:
    """Return a new user's language: English for English-language Telegram users, else Japanese."""
    user = update.effective_user
    code = (user.language_code or "") if user else ""
    return "en" if code.lower().startswith("en") else "ja"


class TelegramChat:
    """Handler callbacks for one Application; all answers come from the Answerer."""

    def __init__(self, kit: ChannelKit) -> None:
        self.kit = kit
        self.answerer = kit.answerer
        self.file_ids: dict[str, str] = {}  # local image name -> Telegram file_id, so each is uploaded once

    async def _lang(self, update: Update) -> str:
        """Return the conversation's language, kept by the engine (it lasts across restarts); else the default."""
        return await self.kit.language("telegram", _user_id(update)) or default_lang(update)

    def menu_keyboard(self, lang: str) -> InlineKeyboardMarkup | None:
        """Return the topic menu as inline buttons, two per row."""
        buttons = [button for topic in self.answerer.topics(lang) if (button := topic_button(topic)) is not None]
        rows = [buttons[i:i + 2] for i in range(0, len(buttons), 2)]
        return InlineKeyboardMarkup(rows) if rows else None

    async def start(self, update: Update, context: Context) -> None:
        """Greet the user and show the topic menu."""
        lang = await self._lang(update)
        welcome = self.answerer.welcome(lang)
        await _message(update).reply_text(welcome.text, reply_markup=self.menu_keyboard(lang))

    async def help(self, update: Update, context: Context) -> None:
        """Explain how to ask, list the commands, offer example questions."""
        await self._send_help(update, context, prefix="")

    async def unknown_command(self, update: Update, context: Context) -> None:
        """Answer an unknown /command with the help text."""
        lang = await self._lang(update)
        await self._send_help(update, context, prefix=text("unknown_command", lang) + "\n\n")

    async def _send_help(self, update: Update, context: Context, prefix: str) -> None:
        lang = await self._lang(update)
        help_reply = self.answerer.help(lang)
        body = f"{prefix}{help_reply.text}\n\n{text('commands', lang)}"
        await _message(update).reply_text(body, reply_markup=self.menu_keyboard(lang))

    async def menu(self, update: Update, context: Context) -> None:
        """Show the topic menu."""
        lang = await self._lang(update)
        await _message(update).reply_text(text("menu", lang), reply_markup=self.menu_keyboard(lang))

    async def lang(self, update: Update, context: Context) -> None:
        """Switch this chat's language: `/lang en`, `/lang ja`, `/lang easy`, or `/lang` to toggle ja and en."""
        wanted = (context.args or [""])[0].lower()
        if wanted not in LANGS:
            wanted = "ja" if await self._lang(update) == "en" else "en"
        await self._switch(update, context, wanted)

    async def _switch(self, update: Update, context: Context, wanted: str) -> None:
        """Switch in the engine: the last answer again in that language, or the confirmation with the menu."""
        if not self.kit.admit("telegram", _user_id(update), action="other"):
            await self._send(update, context, self.answerer.slow_down(await self._lang(update)))
            return
        await self._send(update, context, await self.kit.switch_language("telegram", _user_id(update), wanted))

    async def question(self, update: Update, context: Context) -> None:
        """Answer a text message with the engine's reply."""
        await self._answer(update, context, _message(update).text or "")

    async def not_text(self, update: Update, context: Context) -> None:
        """Answer a sticker, photo, voice or location with the engine's help and topics."""
        lang = await self._lang(update)
        allowed = self.kit.admit("telegram", _user_id(update), action="other")
        await self._send(update, context, self.answerer.not_text(lang) if allowed else self.answerer.slow_down(lang))

    async def _answer(self, update: Update, context: Context, question: str, entry_id: str | None = None,
                      lang: str | None = None) -> None:
        """Answer in the chat's language, or in a tapped suggestion's own."""
        if update.effective_chat is None:
            return
        user_id, lang = _user_id(update), lang or await self._lang(update)
        if not self.kit.admit("telegram", user_id):
            await self._send(update, context, self.answerer.slow_down(lang))
            return
        asked = Question(question, channel="telegram", user_id=user_id, lang=lang, entry_id=entry_id,
                         follow_language=True)  # the engine keeps the conversation's language
        await self._send(update, context, await self.kit.answer(asked))

    async def _send(self, update: Update, context: Context, reply: Reply) -> None:
        if update.effective_chat is not None:
            await send_reply(context.bot, update.effective_chat.id, reply, context.chat_data, self.file_ids)

    async def button(self, update: Update, context: Context) -> None:
        """Handle an inline button: answer an entry or free question, or record 👍/👎."""
        query = update.callback_query
        if query is None:
            return
        lang = await self._lang(update)
        pressed = parse_button(query.data)
        on_keyboard = _keyboard_of(query)
        if pressed is None or (on_keyboard is not None and query.data not in on_keyboard):
            await query.answer(self.answerer.button_expired(lang))
            return
        if pressed.action == "feedback":
            if self.kit.admit("telegram", _user_id(update), action="feedback"):
                await self._feedback(query, pressed, lang)
            else:
                await query.answer(self.answerer.slow_down(lang).text)
            return
        label = (on_keyboard or {}).get(str(query.data), "")
        if pressed.action == "lang":
            await query.answer()
            await self._switch(update, context, pressed.value)
        elif pressed.action == "entry" and self.answerer.knows_entry(pressed.value):
            await query.answer()
            await self._answer(update, context, label or pressed.value, entry_id=pressed.value,
                               lang=pressed.lang or None)
        elif pressed.action == "free" and (free := recall_free(pressed, context.chat_data)) is not None:
            await query.answer()
            await self._answer(update, context, free)
        else:
            await query.answer(self.answerer.button_expired(lang))

    async def _feedback(self, query: CallbackQuery, pressed: Button, lang: str) -> None:
        taken = await self.kit.feedback(pressed.value, bool(pressed.number))
        await query.answer(self.answerer.feedback_said(taken, lang))
        message = query.message
        if isinstance(message, Message):
            # Drop the 👍/👎 row so each answer is rated once; keep the suggestion buttons.
            with contextlib.suppress(TelegramError):
                await message.edit_reply_markup(reply_markup=without_feedback(message.reply_markup))

    async def error(self, update: object, context: Context) -> None:
        """Log a failed update and apologise to the user; the bot keeps running."""
        log.error("telegram: an update failed", exc_info=context.error)
        if not isinstance(update, Update) or update.effective_chat is None:
            return
        lang = await self._lang(update)
        with contextlib.suppress(TelegramError):
            await context.bot.send_message(update.effective_chat.id, text("apology", lang))


def _user_id(update: Update) -> str:
    user = update.effective_user
    return str(user.id) if user else ""


def _message(update: Update) -> Message:
    # The filters only route message updates here, so a message is always present.
    message = update.effective_message
    assert message is not None
    return message


def _keyboard_of(query: CallbackQuery) -> dict[str, str] | None:
    # None when Telegram no longer shows us the message (too old): the data alone is checked then.
    message = query.message
    if not isinstance(message, Message):
        return None
    return button_data(message.reply_markup)


def command_list(lang: str) -> list[tuple[str, str]]:
    """Return (command, description) pairs for setMyCommands."""
    return [(name, descriptions[lang]) for name, descriptions in COMMANDS.items()]
