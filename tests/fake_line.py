"""A fake LINE Messaging API on 127.0.0.1 that records replies, and helpers to sign webhook bodies."""

from __future__ import annotations

import asyncio
import base64
import hashlib
import hmac
import json
import time
from dataclasses import dataclass, field
from typing import Any

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
class FakeLine:
    """Speaks enough of the Messaging API for replies: POST /v2/bot/message/reply."""

    fail_with: int | None = None  # answer every reply with this HTTP error instead
    hold: asyncio.Event | None = None  # when set, replies wait for this event before answering
    replies: list[RecordedReply] = field(default_factory=list)
    answered: int = 0
    _arrived: asyncio.Queue[RecordedReply] = field(default_factory=asyncio.Queue)
    _runner: web.AppRunner | None = None
    base_url: str = ""

    async def start(self) -> str:
        """Listen on a free port of 127.0.0.1 and return the base URL."""
        app = web.Application()
        app.router.add_post("/v2/bot/message/reply", self._reply)
        self._runner = web.AppRunner(app)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.base_url = f"http://127.0.0.1:{self._runner.addresses[0][1]}"
        return self.base_url

    async def stop(self) -> None:
        """Stop listening."""
        if self._runner is not None:
            await self._runner.cleanup()

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
