"""LINE channel: the Messaging API webhook; answers go out as Flex bubbles (handlers/line_flex.py)."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import replace
from typing import Any, Coroutine

from aiohttp import web
from linebot.v3.exceptions import InvalidSignatureError
from linebot.v3.messaging import AsyncApiClient, AsyncMessagingApi, Configuration, ReplyMessageRequest, TextMessage
from linebot.v3.webhook import WebhookParser
from linebot.v3.webhooks import FollowEvent, MessageEvent, PostbackEvent, TextMessageContent

from bot.seam import Question, Reply, ReplyImage
from handlers.channels import ChannelKit
from handlers.http_guard import expect_continue
from handlers.line_flex import LineMessages
from handlers.line_postback import FeedbackTap, LanguageTap, parse_postback

log = logging.getLogger(__name__)

REPLY_TIMEOUT = 20.0  # seconds; well inside the reply token's lifetime


def mount(app: web.Application, kit: ChannelKit) -> None:
    """Add POST /line/webhook to the server, with the API client opened and closed with it."""
    webhook = LineWebhook(kit)
    app.router.add_post("/line/webhook", webhook.handle, expect_handler=expect_continue)

    async def start(_: web.Application) -> None:
        await webhook.start()

    async def stop(_: web.Application) -> None:
        await webhook.stop()

    app.on_startup.append(start)
    app.on_cleanup.append(stop)


class LineWebhook:
    """Verifies LINE's webhook calls and replies to each event off the request."""

    def __init__(self, kit: ChannelKit) -> None:
        settings = kit.settings
        self._kit = kit
        self._answerer = kit.answerer
        self._answer = kit.answer  # off the event loop, on the server's answer threads
        self._settings = settings
        self._parser = WebhookParser(settings.line_channel_secret)
        self._public_base = settings.public_base_url.rstrip("/")
        self._messages = LineMessages(self._image_url, settings.line_channel_secret)
        self._client: AsyncApiClient | None = None
        self._api: AsyncMessagingApi | None = None
        self._tasks: set[asyncio.Task[None]] = set()

    async def start(self) -> None:
        """Open the Messaging API client (its aiohttp session needs the running loop)."""
        config = Configuration(host=self._settings.line_api_base_url.rstrip("/"),
                               access_token=self._settings.line_channel_access_token)
        self._client = AsyncApiClient(config)
        self._api = AsyncMessagingApi(self._client)
        if not self._public_base.startswith("https://"):
            log.warning("LINE: PUBLIC_BASE_URL is not https, so local images are left out of LINE replies")

    async def stop(self) -> None:
        """Let replies under way finish, then close the client."""
        if self._tasks:
            log.info("LINE: waiting for %d reply(ies) under way to finish", len(self._tasks))
            await asyncio.wait(set(self._tasks), timeout=REPLY_TIMEOUT + 5)
        if self._client is not None:
            await self._client.close()

    async def handle(self, request: web.Request) -> web.Response:
        """POST /line/webhook: check the signature, answer 200 at once, reply in the background."""
        signature = request.headers.get("X-Line-Signature", "")
        try:
            body = (await request.read()).decode("utf-8")
            if not signature:
                raise InvalidSignatureError("no X-Line-Signature header")
            events = self._parser.parse(body, signature)
        except InvalidSignatureError:
            log.warning("LINE: rejected a webhook call with a missing or wrong signature")
            return web.Response(status=400, text="bad signature")
        except (ValueError, KeyError, TypeError):
            return web.Response(status=400, text="bad webhook body")
        for event in events:
            self._spawn(self._on_event(event))
        return web.Response(text="OK")

    def _spawn(self, work: Coroutine[Any, Any, None]) -> None:
        task = asyncio.get_running_loop().create_task(work)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _on_event(self, event: object) -> None:
        try:
            reply = await self._reply_for(event)
            if isinstance(reply, FeedbackTap):  # the vote waits on the log's writer: off the event loop
                recorded = await self._kit.feedback(reply.log_id, reply.helpful)
                reply = self._answerer.feedback_said(recorded, reply.lang)
            if reply is not None:
                await self._send(getattr(event, "reply_token"), reply, _user_of(event))
        except Exception:  # one failed reply must not stop the server
            log.exception("LINE: could not reply to a %s event", type(event).__name__)

    async def _reply_for(self, event: object) -> Reply | str | FeedbackTap | None:
        """Return the Reply (or plain text, or a vote to record) for an event, None when it needs no reply."""
        if isinstance(event, FollowEvent):
            return self._answerer.welcome("ja")
        if not isinstance(event, (MessageEvent, PostbackEvent)) or not event.reply_token:
            return None
        user = _user_of(event)
        lang = await self._kit.language("line", user)  # kept by the engine: chosen, or the last answered in
        if isinstance(event, PostbackEvent):
            return await self._on_postback(event.postback.data, user, lang)
        question = self._question(event, user, lang)
        if question is None:  # a sticker or photo: the engine's reply to non-text input
            return self._over_limit(user, lang, "other") or self._answerer.not_text(lang or "ja")
        return await self._ask(question)

    def _over_limit(self, user: str, lang: str | None, action: str) -> Reply | None:
        """Count the event against the engine's limit (as every channel does); the slow-down reply when over."""
        return None if self._kit.admit("line", user, action=action) else self._answerer.slow_down(lang or "ja")

    async def _ask(self, question: Question) -> Reply:
        over = self._over_limit(question.user_id, question.lang, "ask")
        if over is not None:
            return over
        return await self._answer(question)

    async def _on_postback(self, data: str, user: str, lang: str | None) -> Reply | str | FeedbackTap | None:
        """Answer a tapped topic or suggestion, or record a 👍/👎; ignore data the bot did not send this user."""
        tap = parse_postback(data, user, self._settings.line_channel_secret)
        if tap is None:
            log.warning("LINE: ignored a postback that is malformed or not signed for its user")
            return None
        if isinstance(tap, FeedbackTap):
            return self._over_limit(user, lang, "feedback") or replace(tap, lang=tap.lang or lang)
        if isinstance(tap, LanguageTap):  # a language cell of the rich menu
            return self._over_limit(user, lang, "other") or await self._kit.switch_language("line", user, tap.lang)
        if not self._answerer.knows_entry(tap.entry_id):  # e.g. a button from before HR removed the entry
            return self._answerer.button_expired(tap.lang or lang)
        return await self._ask(Question(tap.question, "line", user, tap.lang or lang, tap.entry_id,
                                        follow_language=True))

    def _question(self, event: MessageEvent, user: str, lang: str | None) -> Question | None:
        if isinstance(event.message, TextMessageContent):
            return Question(event.message.text, "line", user, lang, follow_language=True)
        return None  # stickers, photos, files: answer with the help text

    async def _send(self, reply_token: str, reply: Reply | str, user: str) -> None:
        messages = [TextMessage(text=reply)] if isinstance(reply, str) else self._messages.for_reply(reply, user)
        request = ReplyMessageRequest(reply_token=reply_token, messages=messages)
        assert self._api is not None, "start() opens the client"
        await asyncio.wait_for(self._api.reply_message(request, _request_timeout=REPLY_TIMEOUT), REPLY_TIMEOUT)

    def _image_url(self, image: ReplyImage) -> str | None:
        if image.url:
            return image.url
        path = self._kit.image_path(image)
        return None if path is None else self._public_base + path


def _user_of(event: object) -> str:
    return getattr(getattr(event, "source", None), "user_id", None) or ""
