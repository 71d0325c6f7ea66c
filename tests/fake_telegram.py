"""A fake Telegram Bot API server on 127.0.0.1 that records what the bot sends.

It speaks the real HTTP protocol as python-telegram-bot uses it: methods are POSTed to
`/bot<token>/<method>`, parameters arrive form-encoded (multipart when a file is uploaded,
with `reply_markup` and lists as JSON strings), and every answer is `{"ok": ..., "result": ...}`
with the Bot API's object shapes.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

BOT_USER = {"is_bot": True, "first_name": "Minato FAQ", "username": "minato_faq_bot",
            "can_join_groups": True, "can_read_all_group_messages": False, "supports_inline_queries": False}


@dataclass
class Call:
    """One Bot API request as the fake received it, and the HTTP status it answered."""

    method: str
    params: dict[str, str]
    files: dict[str, bytes]
    content_type: str
    status: int | None = None  # None while the fake is still answering: never seen as sent too early
    result: Any = None

    def json(self, name: str) -> Any:
        """Return a JSON-encoded parameter (reply_markup, allowed_updates) decoded."""
        return json.loads(self.params[name]) if name in self.params else None

    @property
    def chat_id(self) -> int | None:
        """Return the chat this call was addressed to, if any."""
        return int(self.params["chat_id"]) if "chat_id" in self.params else None

    def buttons(self) -> list[list[tuple[str, str]]]:
        """Return the inline keyboard as rows of (label, callback_data)."""
        markup = self.json("reply_markup") or {}
        return [[(b["text"], b.get("callback_data", "")) for b in row] for row in markup.get("inline_keyboard", [])]


@dataclass
class Failure:
    """A canned error answer for the next call of one method."""

    status: int
    description: str
    retry_after: int | None = None


@dataclass
class FakeBotAPI:
    """The fake server: start() it, point the bot at base_url, push updates, read calls."""

    token: str
    calls: list[Call] = field(default_factory=list)
    base_url: str = ""
    _updates: list[dict[str, Any]] = field(default_factory=list)
    _update_ids: itertools.count = field(default_factory=lambda: itertools.count(1))
    _message_ids: itertools.count = field(default_factory=lambda: itertools.count(1000))
    _messages: dict[tuple[int, int], dict[str, Any]] = field(default_factory=dict)
    _failures: dict[str, list[Failure]] = field(default_factory=dict)
    _holds: dict[tuple[str, int], asyncio.Event] = field(default_factory=dict)
    _changed: asyncio.Condition | None = None
    _runner: web.AppRunner | None = None
    _closing: bool = False

    async def start(self) -> str:
        """Listen on a free port on 127.0.0.1; return the base URL to give the bot."""
        self._changed = asyncio.Condition()
        app = web.Application()
        app.router.add_route("*", "/bot{token}/{method}", self._dispatch)
        self._runner = web.AppRunner(app)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        port = self._runner.addresses[0][1]
        self.base_url = f"http://127.0.0.1:{port}/bot"
        return self.base_url

    async def __aenter__(self) -> FakeBotAPI:
        await self.start()
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()

    async def close(self) -> None:
        """Release held calls, end pending long polls and stop listening."""
        self._closing = True
        self.release()
        await self._notify()
        if self._runner is not None:
            await self._runner.cleanup()

    # --- what the test does -------------------------------------------------------------

    async def push(self, *updates: dict[str, Any]) -> list[int]:
        """Queue updates for getUpdates (all in one batch); return their update_ids."""
        ids = []
        for update in updates:
            update.setdefault("update_id", next(self._update_ids))
            ids.append(update["update_id"])
            self._updates.append(update)
        await self._notify()
        return ids

    def fail_next(self, method: str, status: int, description: str, retry_after: int | None = None) -> None:
        """Answer the next call of `method` with an error."""
        self._failures.setdefault(method, []).append(Failure(status, description, retry_after))

    def hold(self, method: str, chat_id: int) -> asyncio.Event:
        """Keep calls of `method` to `chat_id` waiting until the returned event is set."""
        gate = asyncio.Event()
        self._holds[(method, chat_id)] = gate
        return gate

    def release(self) -> None:
        """Let every held call through."""
        for gate in self._holds.values():
            gate.set()

    def sent(self, method: str, chat_id: int | None = None) -> list[Call]:
        """Return the successful calls of a method, optionally to one chat."""
        return [c for c in self.calls if c.method == method and c.status == 200
                and (chat_id is None or c.chat_id == chat_id)]

    def message(self, chat_id: int, message_id: int) -> dict[str, Any]:
        """Return a message the bot sent, as Telegram now shows it (current keyboard)."""
        return self._messages[(chat_id, message_id)]

    async def wait_for(self, predicate: Callable[[], Any], timeout: float = 10.0) -> Any:
        """Wait until predicate() is truthy (re-checked on every call received); return its value."""
        assert self._changed is not None
        deadline = time.monotonic() + timeout
        async with self._changed:
            while not (value := predicate()):
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise AssertionError(f"timed out after {timeout}s; calls: {[c.method for c in self.calls]}")
                try:
                    await asyncio.wait_for(self._changed.wait(), remaining)
                except TimeoutError:
                    pass
            return value

    async def _notify(self) -> None:
        assert self._changed is not None
        async with self._changed:
            self._changed.notify_all()

    # --- the Bot API --------------------------------------------------------------------

    async def _dispatch(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != self.token:
            return _error(401, "Unauthorized")
        method = request.match_info["method"]
        params, files = await _read_params(request)
        call = Call(method, params, files, request.content_type)
        self.calls.append(call)
        await self._notify()
        if (gate := self._holds.get((method, call.chat_id or 0))) is not None:
            await gate.wait()
        response = await self._answer(call)
        await self._notify()
        return response

    async def _answer(self, call: Call) -> web.Response:
        failures = self._failures.get(call.method)
        if failures:
            failure = failures.pop(0)
            call.status = failure.status
            return _error(failure.status, failure.description, failure.retry_after)
        handler = getattr(self, f"_api_{call.method}", None)
        if handler is None:
            call.status = 404
            return _error(404, "Not Found: method not found")
        try:
            call.result = await handler(call)
        except ApiError as exc:
            call.status = 400
            return _error(400, str(exc))
        call.status = 200
        return web.json_response({"ok": True, "result": call.result})

    async def _api_getMe(self, call: Call) -> dict[str, Any]:
        return self.bot_user()

    async def _api_deleteWebhook(self, call: Call) -> bool:
        return True

    async def _api_setWebhook(self, call: Call) -> bool:
        return True

    async def _api_setMyCommands(self, call: Call) -> bool:
        return True

    async def _api_answerCallbackQuery(self, call: Call) -> bool:
        return True

    async def _api_getUpdates(self, call: Call) -> list[dict[str, Any]]:
        offset = int(call.params.get("offset", "0"))
        deadline = time.monotonic() + float(call.params.get("timeout", "0"))
        if offset:
            self._updates = [u for u in self._updates if u["update_id"] >= offset]  # confirmed ones are gone
        assert self._changed is not None
        async with self._changed:
            while not self._updates and not self._closing and (remaining := deadline - time.monotonic()) > 0:
                try:
                    await asyncio.wait_for(self._changed.wait(), remaining)
                except TimeoutError:
                    break
        return list(self._updates[:100])

    async def _api_sendMessage(self, call: Call) -> dict[str, Any]:
        text = call.params.get("text", "")
        if not text.strip():
            raise ApiError("Bad Request: message text is empty")
        if len(text) > 4096:
            raise ApiError("Bad Request: message is too long")
        return self._store(call, text=text)

    async def _api_sendPhoto(self, call: Call) -> dict[str, Any]:
        if "photo" in call.files:
            size, file_id = len(call.files["photo"]), f"AgACAgUAAx-photo-{len(self.calls)}"
        elif call.params.get("photo"):
            size, file_id = 0, call.params["photo"]
        else:
            raise ApiError("Bad Request: there is no photo in the request")
        photo = [{"file_id": file_id, "file_unique_id": f"u{abs(hash(file_id)) % 10**8}",
                  "width": 1280, "height": 720, "file_size": size}]
        extra = {"caption": call.params["caption"]} if "caption" in call.params else {}
        return self._store(call, photo=photo, **extra)

    async def _api_editMessageReplyMarkup(self, call: Call) -> dict[str, Any]:
        key = (int(call.params["chat_id"]), int(call.params["message_id"]))
        if key not in self._messages:
            raise ApiError("Bad Request: message to edit not found")
        message = self._messages[key]
        markup = call.json("reply_markup")
        if markup and markup.get("inline_keyboard"):
            message["reply_markup"] = markup
        else:
            message.pop("reply_markup", None)
        return message

    def bot_user(self) -> dict[str, Any]:
        """Return the bot's User object."""
        return {"id": int(self.token.split(":")[0]), **BOT_USER}

    def _store(self, call: Call, **content: Any) -> dict[str, Any]:
        chat_id = int(call.params["chat_id"])
        message = {"message_id": next(self._message_ids), "date": int(time.time()), "from": self.bot_user(),
                   "chat": chat(chat_id), **content}
        markup = call.json("reply_markup")
        if markup:
            message["reply_markup"] = markup
        self._messages[(chat_id, message["message_id"])] = message
        return message


class ApiError(Exception):
    """A 400 Bad Request from the fake API."""


def _error(status: int, description: str, retry_after: int | None = None) -> web.Response:
    body: dict[str, Any] = {"ok": False, "error_code": status, "description": description}
    if retry_after is not None:
        body["parameters"] = {"retry_after": retry_after}
    return web.json_response(body, status=status)


async def _read_params(request: web.Request) -> tuple[dict[str, str], dict[str, bytes]]:
    params: dict[str, str] = {}
    files: dict[str, bytes] = {}
    if request.method == "POST" and request.can_read_body:
        form = await request.post()  # urlencoded or multipart, as PTB sends them
        for name, value in form.items():
            if isinstance(value, web.FileField):
                files[name] = value.file.read()
            else:
                params[name] = str(value)
    params.update(request.query)
    return params, files


# --- updates as Telegram sends them -----------------------------------------------------


def user(user_id: int, language_code: str = "ja") -> dict[str, Any]:
    """Return a Telegram User object for a person."""
    return {"id": user_id, "is_bot": False, "first_name": "Hanako", "language_code": language_code}


def chat(chat_id: int) -> dict[str, Any]:
    """Return a private Chat object (a channel for negative ids)."""
    if chat_id < 0:
        return {"id": chat_id, "type": "channel", "title": "Minato news"}
    return {"id": chat_id, "type": "private", "first_name": "Hanako"}


_incoming_ids = itertools.count(1)


def message_update(user_id: int, text: str | None = None, language_code: str = "ja", **content: Any) -> dict[str, Any]:
    """Return a `message` update from a user in a private chat (text, or other content)."""
    message: dict[str, Any] = {"message_id": next(_incoming_ids), "date": int(time.time()),
                               "from": user(user_id, language_code), "chat": chat(user_id), **content}
    if text is not None:
        message["text"] = text
        if text.startswith("/"):
            message["entities"] = [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}]
    return {"message": message}


def callback_update(user_id: int, message: dict[str, Any], data: str, language_code: str = "ja") -> dict[str, Any]:
    """Return a `callback_query` update: the user pressed a button on one of the bot's messages."""
    return {"callback_query": {"id": f"cq{next(_incoming_ids)}", "from": user(user_id, language_code),
                               "chat_instance": f"ci{user_id}", "message": message, "data": data}}
