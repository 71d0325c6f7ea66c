"""Telegram channel on python-telegram-bot 22: long polling, or a webhook route for the shared web server."""

from __future__ import annotations

import hmac
import json
import logging
import re

from aiohttp import web
from telegram import BotCommand, Update
from telegram.error import InvalidToken, NetworkError, TelegramError
from telegram.ext import AIORateLimiter, Application, CallbackQueryHandler, CommandHandler, MessageHandler, filters

from bot.config import Settings
from bot.ratelimit import RateLimits
from bot.service import Answerer
from handlers.answering import AnswerPool
from handlers.channels import ChannelKit, StartError
from handlers.http_guard import expect_continue
from handlers.telegram_chat import COMMANDS, TelegramChat, command_list
from handlers.telegram_fair import FairUpdateProcessor

log = logging.getLogger(__name__)

ALLOWED_UPDATES = ["message", "callback_query"]  # edited messages and channel posts are never asked for
TOKEN_PATTERN = re.compile(r"\d{1,20}:[A-Za-z0-9_-]{20,100}")
SECRET_PATTERN = re.compile(r"[A-Za-z0-9_-]{1,256}")  # what Telegram accepts as secret_token
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
REJECTED = "the Bot API at {base} rejected TELEGRAM_BOT_TOKEN: check it with @BotFather"
FLOOD_RETRIES = 2  # resend after a 429 from Telegram, waiting as long as it says


class TelegramStartError(Exception):
    """The bot cannot start: unreachable Bot API, bad webhook settings."""


class TelegramTokenError(TelegramStartError):
    """The bot token is missing, malformed or rejected by the Bot API."""


def check_token(token: str) -> str | None:
    """Return what is wrong with a bot token, or None when it has the `digits:token` shape."""
    if not token:
        return "TELEGRAM_BOT_TOKEN is not set: create a bot with @BotFather and put its token in TELEGRAM_BOT_TOKEN"
    if not TOKEN_PATTERN.fullmatch(token):
        return "TELEGRAM_BOT_TOKEN is malformed: expected <digits>:<token> as given by @BotFather (e.g. 123456789:AAH...)"
    return None


def check_webhook(settings: Settings) -> str | None:
    """Return what is wrong with the webhook settings, or None."""
    if not settings.telegram_webhook_url.startswith("https://"):
        return "TELEGRAM_WEBHOOK_URL must be an https:// URL that Telegram can reach"
    if not SECRET_PATTERN.fullmatch(settings.telegram_webhook_secret):
        return "TELEGRAM_WEBHOOK_SECRET must be set: 1-256 characters of A-Z, a-z, 0-9, _ and -"
    return None


def build_application(answerer: Answerer, settings: Settings, polling: bool = True,
                      kit: ChannelKit | None = None) -> Application:
    """Build the Application: handlers, flood-limit rate limiter, per-chat fair concurrency.

    kit: the server's (webhook under `serve`); polling on its own makes one, whose answer threads close with it.
    """
    own_kit = kit is None
    if kit is None:
        kit = ChannelKit(answerer, settings, AnswerPool(answerer), RateLimits.from_settings(settings))
    builder = (
        Application.builder()
        .token(settings.telegram_token)
        .base_url(settings.telegram_api_base_url)
        .rate_limiter(AIORateLimiter(max_retries=FLOOD_RETRIES))
        .concurrent_updates(FairUpdateProcessor())
        .post_init(set_commands)
    )
    if not polling:
        builder = builder.updater(None)
    if own_kit:
        pool = kit.pool

        async def close_pool(_: Application) -> None:
            pool.close()

        builder = builder.post_shutdown(close_pool)
    application = builder.build()
    add_handlers(application, TelegramChat(kit))
    return application


def add_handlers(application: Application, chat: TelegramChat) -> None:
    """Route commands, text, other messages and button presses to the chat's callbacks."""
    message = filters.UpdateType.MESSAGE  # edited messages and channel posts fall through, unanswered
    for name in COMMANDS:
        application.add_handler(CommandHandler(name, getattr(chat, name), filters=message))
    application.add_handler(MessageHandler(message & filters.COMMAND, chat.unknown_command))
    application.add_handler(MessageHandler(message & filters.TEXT, chat.question))
    application.add_handler(MessageHandler(message & ~filters.StatusUpdate.ALL, chat.not_text))
    application.add_handler(CallbackQueryHandler(chat.button))
    application.add_error_handler(chat.error)


async def set_commands(application: Application) -> None:
    """Publish the command menu in Japanese (default) and English."""
    bot = application.bot
    try:
        await bot.set_my_commands([BotCommand(*c) for c in command_list("ja")])
        await bot.set_my_commands([BotCommand(*c) for c in command_list("en")], language_code="en")
    except TelegramError:
        log.exception("telegram: could not set the command menu (the bot still answers)")


class _NoBootstrapTraceback(logging.Filter):
    """Keep PTB's start-up failure to one log line: run_polling's caller reports the cause."""

    def filter(self, record: logging.LogRecord) -> bool:
        if "Bootstrap" in record.getMessage():
            record.exc_info = None
            record.exc_text = None
        return True


def run_polling(answerer: Answerer, settings: Settings) -> None:
    """Answer Telegram with long polling until SIGINT or SIGTERM."""
    problem = check_token(settings.telegram_token)
    if problem:
        raise TelegramTokenError(problem)
    application = build_application(answerer, settings, polling=True)
    logging.getLogger("telegram.ext").addFilter(_NoBootstrapTraceback())
    try:
        application.run_polling(allowed_updates=ALLOWED_UPDATES, close_loop=False)
    except InvalidToken:
        # PTB's message repeats the token; keep it out of the terminal and the logs.
        raise TelegramTokenError(REJECTED.format(base=settings.telegram_api_base_url)) from None
    except NetworkError as exc:
        raise TelegramStartError(f"cannot reach the Bot API at {settings.telegram_api_base_url}: {exc.message}") from None


def mount(app: web.Application, kit: ChannelKit) -> None:
    """Add POST /telegram/webhook to the server; the bot starts and stops with it."""
    try:
        telegram = TelegramWebhook(kit.answerer, kit.settings, kit)
    except TelegramStartError as exc:
        raise StartError(f"Telegram: {exc}") from None
    app.router.add_post("/telegram/webhook", telegram.handle, expect_handler=expect_continue)

    async def start(_: web.Application) -> None:
        try:
            await telegram.start()
        except TelegramStartError as exc:
            raise StartError(f"Telegram: {exc}") from None

    async def stop(_: web.Application) -> None:
        await telegram.stop()

    app.on_startup.append(start)
    app.on_cleanup.append(stop)


class TelegramWebhook:
    """The Telegram webhook route, for mounting in the shared aiohttp server."""

    def __init__(self, answerer: Answerer, settings: Settings, kit: ChannelKit | None = None) -> None:
        problem = check_token(settings.telegram_token) or check_webhook(settings)
        if problem:
            raise TelegramStartError(problem)
        self._url = settings.telegram_webhook_url
        self._base_url = settings.telegram_api_base_url
        self._secret = settings.telegram_webhook_secret.encode()
        self.application = build_application(answerer, settings, polling=False, kit=kit)

    async def start(self) -> None:
        """Start the Application and point Telegram's webhook at our URL with the secret."""
        application = self.application
        try:
            await application.initialize()
            await set_commands(application)
            await application.bot.set_webhook(
                self._url, secret_token=self._secret.decode(), allowed_updates=ALLOWED_UPDATES
            )
        except InvalidToken:
            await application.shutdown()
            raise TelegramTokenError(REJECTED.format(base=self._base_url)) from None
        except TelegramError as exc:
            await application.shutdown()
            raise TelegramStartError(f"could not set the Telegram webhook: {exc.message}") from None
        await application.start()
        log.info("telegram: webhook set to %s", self._url)

    async def stop(self) -> None:
        """Finish the updates being answered and stop the Application (the webhook stays set)."""
        application = self.application
        if application.running:
            await application.stop()
        await application.shutdown()

    async def handle(self, request: web.Request) -> web.Response:
        """Check the secret header, decode the update, queue it; 403 / 400 / 503 / 200."""
        # aiohttp keeps a header's non-UTF-8 bytes as surrogates: surrogateescape gives the bytes back as sent.
        given = request.headers.get(SECRET_HEADER, "").encode("utf-8", "surrogateescape")
        if not hmac.compare_digest(given, self._secret):
            return web.Response(status=403, text="forbidden")
        try:
            data = json.loads(await request.read())
            valid = isinstance(data, dict) and isinstance(data.get("update_id"), int)
            update = Update.de_json(data, self.application.bot) if valid else None
        except Exception:  # any undecodable body is the sender's problem, never a 500
            update = None
        if update is None:
            return web.Response(status=400, text="bad update")
        if not self.application.running:
            return web.Response(status=503, text="not running")
        # Queue and acknowledge at once: Telegram resends updates that are not acknowledged quickly.
        await self.application.update_queue.put(update)
        return web.Response(text="ok")
