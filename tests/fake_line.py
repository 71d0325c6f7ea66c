"""A fake LINE Messaging API on 127.0.0.1 (replies and rich menus), and helpers to sign webhook bodies.

Paths and methods follow line-bot-sdk v3's generated clients (linebot/v3/messaging/api/messaging_api.py and
messaging_api_blob.py). As on LINE, uploads go to a second host (the data API): the fake listens on two ports.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import hmac
import json
import secrets
import time
from dataclasses import dataclass, field
from typing import Any, AsyncIterator

import pytest
from aiohttp import web


@dataclass
class RecordedReply:
    """One call to /v2/bot/message/reply as the fake received it."""

    authorization: str
    body: dict[str, Any]

    @property
    def messages(self) -> list[dict[str, Any]]:
        """Return the reply's messages."""
        return self.body["messages"]


@dataclass
class RichMenuImage:
    """A rich-menu image as uploaded to the data host."""

    content_type: str
    data: bytes
    authorization: str


MAX_RICH_MENU_IMAGE = 1024 * 1024


@dataclass
class FakeLine:
    """Speaks enough of the Messaging API for replies and rich menus, checking what LINE checks."""

    fail_with: int | None = None  # answer every reply with this HTTP error instead
    hold: asyncio.Event | None = None  # when set, replies wait for this event before answering
    replies: list[RecordedReply] = field(default_factory=list)
    answered: int = 0
    _arrived: asyncio.Queue[RecordedReply] = field(default_factory=asyncio.Queue)
    rich_menus: dict[str, dict[str, Any]] = field(default_factory=dict)  # id -> the created rich menu
    images: dict[str, RichMenuImage] = field(default_factory=dict)  # rich-menu id -> its uploaded image
    default_rich_menu: str | None = None
    refuse_uploads: bool = False  # answer image uploads with 500, as a LINE outage would
    calls: list[str] = field(default_factory=list)  # "METHOD path" of every rich-menu call, in order
    _runners: list[web.AppRunner] = field(default_factory=list)
    base_url: str = ""
    data_base_url: str = ""  # the data API host (uploads)

    async def start(self) -> str:
        """Listen on two free ports of 127.0.0.1 (API and data API) and return the API base URL."""
        api = web.Application()
        api.router.add_post("/v2/bot/message/reply", self._reply)
        api.router.add_post("/v2/bot/richmenu", self._create_rich_menu)
        api.router.add_get("/v2/bot/richmenu/list", self._list_rich_menus)
        api.router.add_delete("/v2/bot/richmenu/{id}", self._delete_rich_menu)
        api.router.add_post("/v2/bot/user/all/richmenu/{id}", self._set_default)
        data = web.Application(client_max_size=4 * MAX_RICH_MENU_IMAGE)
        data.router.add_post("/v2/bot/richmenu/{id}/content", self._upload_image)
        self.base_url = await self._listen(api)
        self.data_base_url = await self._listen(data)
        return self.base_url

    async def _listen(self, app: web.Application) -> str:
        runner = web.AppRunner(app)
        await runner.setup()
        await web.TCPSite(runner, "127.0.0.1", 0).start()
        self._runners.append(runner)
        return f"http://127.0.0.1:{runner.addresses[0][1]}"

    async def stop(self) -> None:
        """Stop listening."""
        for runner in self._runners:
            await runner.cleanup()

    async def next_reply(self, timeout: float = 30.0) -> RecordedReply:
        """Wait (bounded) for the next reply call to arrive."""
        return await asyncio.wait_for(self._arrived.get(), timeout)

    async def _reply(self, request: web.Request) -> web.Response:
        recorded = RecordedReply(request.headers.get("Authorization", ""), await request.json())
        self.replies.append(recorded)
        self._arrived.put_nowait(recorded)
        if self.hold is not None:
            await self.hold.wait()
        if self.fail_with is not None:
            return web.json_response({"message": "The request failed"}, status=self.fail_with)
        self.answered += 1
        return web.json_response({"sentMessages": [{"id": str(len(self.replies)), "quoteToken": "q"}]})


    def _log(self, request: web.Request) -> None:
        self.calls.append(f"{request.method} {request.path}")

    async def _create_rich_menu(self, request: web.Request) -> web.Response:
        self._log(request)
        body = await request.json()
        problem = rich_menu_problem(body)
        if problem:
            return _error(400, problem)
        rich_menu_id = "richmenu-" + secrets.token_hex(16)
        self.rich_menus[rich_menu_id] = body
        return web.json_response({"richMenuId": rich_menu_id})

    async def _list_rich_menus(self, request: web.Request) -> web.Response:
        self._log(request)
        menus = [{"richMenuId": menu_id, "selected": False, **body} for menu_id, body in self.rich_menus.items()]
        return web.json_response({"richmenus": menus})

    async def _delete_rich_menu(self, request: web.Request) -> web.Response:
        self._log(request)
        menu_id = request.match_info["id"]
        if self.rich_menus.pop(menu_id, None) is None:
            return _error(404, "Not found")
        self.images.pop(menu_id, None)
        if self.default_rich_menu == menu_id:
            self.default_rich_menu = None
        return web.json_response({})

    async def _set_default(self, request: web.Request) -> web.Response:
        self._log(request)
        menu_id = request.match_info["id"]
        if menu_id not in self.rich_menus:
            return _error(404, "Not found")
        if menu_id not in self.images:
            return _error(400, "must upload richmenu image before applying it to user")
        self.default_rich_menu = menu_id
        return web.json_response({})

    async def _upload_image(self, request: web.Request) -> web.Response:
        self._log(request)
        menu_id = request.match_info["id"]
        content_type = request.headers.get("Content-Type", "")
        data = await request.read()
        if menu_id not in self.rich_menus:
            return _error(404, "Not found")
        if self.refuse_uploads:
            return _error(500, "Internal server error")
        if menu_id in self.images:
            return _error(400, "An image has already been uploaded to the richmenu")
        if content_type not in ("image/png", "image/jpeg") or len(data) > MAX_RICH_MENU_IMAGE:
            return _error(400, "invalid image: PNG or JPEG up to 1 MB")
        self.images[menu_id] = RichMenuImage(content_type, data, request.headers.get("Authorization", ""))
        return web.json_response({})


@pytest.fixture
async def fake() -> AsyncIterator[FakeLine]:
    """Return a running fake LINE API (a test module uses it by importing it: `from fake_line import fake`)."""
    line = FakeLine()
    await line.start()
    yield line
    await line.stop()


def rich_menu_problem(body: Any) -> str:
    """Return what LINE would reject in a rich-menu object, or "" when it is valid."""
    size = body.get("size") or {}
    width, height = size.get("width", 0), size.get("height", 0)
    if not (800 <= width <= 2500 and height >= 250 and width / height >= 1.45):
        return f"invalid size {width}x{height}"
    if not (1 <= len(body.get("name", "")) <= 300) or not (1 <= len(body.get("chatBarText", "")) <= 14):
        return "name or chatBarText missing or too long"
    areas = body.get("areas") or []
    if not 1 <= len(areas) <= 20:
        return "between 1 and 20 areas"
    for area in areas:
        bounds, action = area["bounds"], area["action"]
        if bounds["x"] + bounds["width"] > width or bounds["y"] + bounds["height"] > height:
            return "an area lies outside the image"
        if action["type"] == "postback" and not (len(action.get("data", "")) <= 300 and
                                                 len(action.get("displayText", "")) <= 300):
            return "postback data or displayText over 300 characters"
    return ""


def _error(status: int, message: str) -> web.Response:
    return web.json_response({"message": message}, status=status)


def sign(body: bytes, secret: str) -> str:
    """Return the X-Line-Signature LINE would send for this body."""
    return base64.b64encode(hmac.new(secret.encode(), body, hashlib.sha256).digest()).decode()


def _event(kind: str, reply_token: str, user: str, **extra: Any) -> dict[str, Any]:
    return {
        "type": kind,
        "mode": "active",
        "timestamp": int(time.time() * 1000),
        "source": {"type": "user", "userId": user},
        "webhookEventId": f"01FAKE{reply_token.upper()}",
        "deliveryContext": {"isRedelivery": False},
        "replyToken": reply_token,
        **extra,
    }


def text_event(text: str, reply_token: str = "token-1", user: str = "U0001") -> dict[str, Any]:
    """Return a message event for a text the user typed."""
    message = {"type": "text", "id": "100001", "text": text, "quoteToken": "qt-" + reply_token}
    return _event("message", reply_token, user, message=message)


def sticker_event(reply_token: str = "token-1", user: str = "U0001") -> dict[str, Any]:
    """Return a message event for a sticker."""
    message = {"type": "sticker", "id": "100002", "packageId": "446", "stickerId": "1988",
               "stickerResourceType": "STATIC", "quoteToken": "qt-" + reply_token}
    return _event("message", reply_token, user, message=message)


def postback_event(data: str, reply_token: str = "token-1", user: str = "U0001") -> dict[str, Any]:
    """Return the event a tapped postback quick-reply button sends."""
    return _event("postback", reply_token, user, postback={"data": data})


def follow_event(reply_token: str = "token-1", user: str = "U0001") -> dict[str, Any]:
    """Return the event LINE sends when a user adds the bot as a friend."""
    return _event("follow", reply_token, user, follow={"isUnblocked": False})


def webhook_body(*events: dict[str, Any]) -> bytes:
    """Return a webhook request body carrying these events."""
    return json.dumps({"destination": "Ubotdestination", "events": list(events)}, ensure_ascii=False).encode()
