"""LINE channel: the Messaging API webhook answering with text, images and quick-reply buttons."""

from __future__ import annotations

import asyncio
import json
import logging
from collections import OrderedDict
from dataclasses import replace
from typing import Any, Callable, Coroutine

from aiohttp import web
from linebot.v3.exceptions import InvalidSignatureError
from linebot.v3.messaging import (
    AsyncApiClient,
    AsyncMessagingApi,
    Configuration,
    ImageMessage,
    Message,
    MessageAction,
    PostbackAction,
    QuickReply,
    QuickReplyItem,
    ReplyMessageRequest,
    TextMessage,
)
from linebot.v3.webhook import WebhookParser
from linebot.v3.webhooks import FollowEvent, MessageEvent, PostbackEvent, TextMessageContent

from bot.config import Settings
from bot.responses import Reply, ReplyImage, Suggestion
from bot.service import Answerer, Question

log = logging.getLogger(__name__)

MAX_MESSAGES = 5  # per reply, LINE's limit
MAX_QUICK_REPLIES = 13
LABEL_CHARS = 20
TEXT_CHARS = 5000
ACTION_TEXT_CHARS = 300
POSTBACK_CHARS = 300
REPLY_TIMEOUT = 20.0  # seconds; well inside the reply token's lifetime

Allow = Callable[[str], bool]
ImagePath = Callable[[ReplyImage], "str | None"]


def mount(app: web.Application, answerer: Answerer, settings: Settings, allow: Allow, image_path: ImagePath) -> None:
    """Add POST /line/webhook to the server, with the API client opened and closed with it."""
    webhook = LineWebhook(answerer, settings, allow, image_path)
    app.router.add_post("/line/webhook", webhook.handle)

    async def start(_: web.Application) -> None:
        await webhook.start()

    async def stop(_: web.Application) -> None:
        await webhook.stop()

    app.on_startup.append(start)
    app.on_cleanup.append(stop)


class LineWebhook:
    """Verifies LINE's webhook calls and replies to each event off the request."""

    def __init__(self, answerer: Answerer, settings: Settings, allow: Allow, image_path: ImagePath) -> None:
        self._answerer = answerer
        self._settings = settings
        self._allow = allow
        self._image_path = image_path
        self._parser = WebhookParser(settings.line_channel_secret)
        self._public_base = settings.public_base_url.rstrip("/")
        self._client: AsyncApiClient | None = None
        self._api: AsyncMessagingApi | None = None
        self._tasks: set[asyncio.Task[None]] = set()
        self._langs: OrderedDict[str, str] = OrderedDict()  # each user's last reply language

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
            if reply is not None:
                await self._send(getattr(event, "reply_token"), reply)
        except Exception:  # one failed reply must not stop the server
            log.exception("LINE: could not reply to a %s event", type(event).__name__)

    async def _reply_for(self, event: object) -> Reply | str | None:
        """Return the Reply (or plain text) for an event, None when it needs no reply."""
        if isinstance(event, FollowEvent):
            return self._answerer.welcome("ja")
        if not isinstance(event, (MessageEvent, PostbackEvent)) or not event.reply_token:
            return None
        user = getattr(event.source, "user_id", None) or ""
        lang = self._langs.get(user)
        if not self._allow(user or "anonymous"):
            return self._answerer.kb.scope.message("slow_down", lang or "ja")
        question = self._question(event, user, lang)
        if question is None:  # a sticker or photo: say what the bot can do, with topics to tap
            greeting = self._answerer.welcome(lang or "ja")
            return replace(greeting, text=self._answerer.kb.scope.message("help", greeting.lang))
        reply = await asyncio.to_thread(self._answerer.answer, question)  # it waits for the log's commit
        self._remember(user, reply.lang)
        return reply

    def _question(self, event: MessageEvent | PostbackEvent, user: str, lang: str | None) -> Question | None:
        if isinstance(event, PostbackEvent):
            data = _postback_data(event.postback.data)
            return Question(data.get("q", ""), "line", user, data.get("l") or lang, data.get("e") or None)
        if isinstance(event.message, TextMessageContent):
            return Question(event.message.text, "line", user, lang)
        return None  # stickers, photos, files: answer with the help text

    def _remember(self, user: str, lang: str) -> None:
        if user:
            self._langs[user] = lang
            self._langs.move_to_end(user)
            if len(self._langs) > 10_000:
                self._langs.popitem(last=False)

    async def _send(self, reply_token: str, reply: Reply | str) -> None:
        messages = [TextMessage(text=reply)] if isinstance(reply, str) else self._messages(reply)
        request = ReplyMessageRequest(reply_token=reply_token, messages=messages)
        assert self._api is not None, "start() opens the client"
        await asyncio.wait_for(self._api.reply_message(request, _request_timeout=REPLY_TIMEOUT), REPLY_TIMEOUT)

    def _messages(self, reply: Reply) -> list[Message]:
        """Return the answer text, its images and the suggestions as quick-reply buttons."""
        images = [(url, image.caption) for image in reply.images if (url := self._image_url(image))]
        images = images[: MAX_MESSAGES - 1]
        captions = "".join(f"\n\n🖼 {caption}" for _, caption in images if caption)
        buttons = [_button(s, reply.lang) for s in reply.suggestions[:MAX_QUICK_REPLIES]]
        quick = QuickReply(items=buttons) if buttons else None  # LINE shows it only on the last message
        text = _clip(reply.text + captions, TEXT_CHARS)
        if not images:
            return [TextMessage(text=text, quick_reply=quick)]
        last_url = images[-1][0]
        return [TextMessage(text=text)] + [
            ImageMessage(original_content_url=url, preview_image_url=url) for url, _ in images[:-1]
        ] + [ImageMessage(original_content_url=last_url, preview_image_url=last_url, quick_reply=quick)]

    def _image_url(self, image: ReplyImage) -> str | None:
        if image.url:
            return image.url
        path = self._image_path(image)
        if path is None or not self._public_base.startswith("https://"):
            log.info("LINE: left out local image %s (LINE needs an https PUBLIC_BASE_URL)", image.name)
            return None
        return self._public_base + path


def _button(suggestion: Suggestion, lang: str) -> QuickReplyItem:
    label = _clip(suggestion.label or suggestion.question, LABEL_CHARS)
    text = _clip(suggestion.question or suggestion.label, ACTION_TEXT_CHARS)
    if suggestion.entry_id is None:
        return QuickReplyItem(action=MessageAction(label=label, text=text))
    # A postback names the entry, so the tap answers exactly that entry; displayText shows it in the chat.
    data = json.dumps({"e": suggestion.entry_id, "l": lang, "q": text[:100]}, ensure_ascii=False)
    if len(data) > POSTBACK_CHARS:
        data = json.dumps({"e": suggestion.entry_id[:200], "l": lang})
    return QuickReplyItem(action=PostbackAction(label=label, data=data, display_text=text))


def _postback_data(raw: str) -> dict[str, str]:
    try:
        data = json.loads(raw)
    except ValueError:
        return {}
    return {k: v for k, v in data.items() if isinstance(v, str)} if isinstance(data, dict) else {}


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
