"""Drivers for the conversation suite: each drives one user through one channel the way its users do, and reads
back what the user saw from the channel's own output (tests/test_conversations.py)."""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Protocol

import pytest
from aiohttp.test_utils import TestClient
from click.testing import CliRunner

import bot.cli
from bot.service import Answerer
from fake_line import FakeLine, postback_event, sign, sticker_event, text_event, webhook_body
from fake_telegram import FakeBotAPI, callback_update, message_update

LABEL = 19  # LINE cuts button labels to 20 characters with "…": compare what every channel shows in full
THANKS = ("ご意見ありがとうございます！", "Thanks for your feedback!")

@dataclass(frozen=True)
class Seen:
    """What the user saw after one step, read from the channel's own output."""

    text: str
    labels: tuple[str, ...] = ()  # the suggestions offered, in order
    rateable: bool | None = None  # 👍/👎 offered (None: the channel never offers them)




class Channel(Protocol):
    """Drives one user through one channel."""

    steps: frozenset[str]  # the steps this channel can express

    async def say(self, text: str) -> Seen: ...
    async def tap(self, number: int) -> Seen: ...
    async def sticker(self) -> Seen: ...
    async def rate(self, helpful: bool) -> bool: ...
    async def switch(self, lang: str) -> Seen | None: ...


@dataclass
class WebUser:
    """The web page's calls: /api/ask with the page's language, a button's own entry and language, /api/feedback."""

    client: TestClient
    user: str
    steps: frozenset[str] = frozenset({"say", "tap", "rate", "switch"})
    lang: str = "ja"
    last: dict[str, Any] = field(default_factory=dict)

    async def _ask(self, body: dict[str, Any]) -> Seen:
        response = await self.client.post("/api/ask", json=body, headers={"X-Client-Id": self.user})
        data = await response.json()
        assert response.status in (200, 429), data
        if response.status == 200:
            self.last = data
        return Seen(data["answer"], tuple(b["label"][:LABEL] for b in data["buttons"]), data["rateable"])

    async def say(self, text: str) -> Seen:
        return await self._ask({"question": text, "lang": self.lang})

    async def tap(self, number: int) -> Seen:
        button = self.last["buttons"][number - 1]
        return await self._ask({"question": button["question"], "entry_id": button["entry_id"],
                                "lang": button["lang"] or self.lang})

    async def sticker(self) -> Seen:
        raise NotImplementedError

    async def rate(self, helpful: bool) -> bool:
        response = await self.client.post("/api/feedback", json={"log_id": self.last["log_id"], "helpful": helpful},
                                          headers={"X-Client-Id": self.user})
        return bool((await response.json())["recorded"])

    async def switch(self, lang: str) -> Seen | None:
        self.lang = lang  # the page's language choice: no reply of its own, the welcome is shown again
        return None


@dataclass
class LineUser:
    """A LINE user: signed webhook events in, the reply the fake LINE API received out."""

    client: TestClient
    line: FakeLine
    user: str
    secret: str
    steps: frozenset[str] = frozenset({"say", "tap", "sticker", "rate", "switch"})
    last: list[dict[str, Any]] = field(default_factory=list)
    tokens: Iterator[int] = field(default_factory=itertools.count)

    async def _send(self, event_of: Any) -> list[dict[str, Any]]:
        token = f"{self.user}-{next(self.tokens)}"
        body = webhook_body(event_of(token))
        response = await self.client.post("/line/webhook", data=body, headers={
            "Content-Type": "application/json", "X-Line-Signature": sign(body, self.secret)})
        assert response.status == 200
        reply = await self.line.next_reply()
        assert reply.body["replyToken"] == token
        return reply.messages

    async def _seen(self, event_of: Any) -> Seen:
        messages = await self._send(event_of)
        first = messages[0]
        items = messages[-1].get("quickReply", {}).get("items", [])
        self.last = messages
        if first["type"] == "flex":
            return Seen(first["altText"], tuple(_unclip(i["action"]["label"]) for i in items), bool(self._votes()))
        return Seen(first["text"], tuple(_unclip(i["action"]["label"]) for i in items), False)

    def _votes(self) -> list[str]:
        footer = (self.last[0].get("contents", {}).get("footer") or {}).get("contents", [])
        rows = [c for part in footer for c in part.get("contents", [part])]
        return [c["action"]["data"] for c in rows if '"f"' in c.get("action", {}).get("data", "")]

    async def say(self, text: str) -> Seen:
        return await self._seen(lambda token: text_event(text, token, self.user))

    async def tap(self, number: int) -> Seen:
        action = self.last[-1]["quickReply"]["items"][number - 1]["action"]
        if action["type"] == "postback":
            return await self._seen(lambda token: postback_event(action["data"], token, self.user))
        return await self.say(action["text"])

    async def sticker(self) -> Seen:
        return await self._seen(lambda token: sticker_event(token, self.user))

    async def rate(self, helpful: bool) -> bool:
        vote = next(data for data in self._votes() if json.loads(data)["h"] == ("1" if helpful else "0"))
        messages = await self._send(lambda token: postback_event(vote, token, self.user))
        return messages[0]["text"] in THANKS

    async def switch(self, lang: str) -> Seen | None:
        return await self._seen(lambda token: postback_event(json.dumps({"s": lang}), token, self.user))


def _unclip(label: str) -> str:
    return label[:LABEL]


@dataclass
class TelegramUser:
    """A Telegram user: updates in (webhook POST or long polling), the fake Bot API's messages out."""

    api: FakeBotAPI
    chat_id: int
    post: Any  # async callable(update) delivering one update
    steps: frozenset[str] = frozenset({"say", "tap", "sticker", "rate", "switch"})
    last: Any = None

    async def _seen(self, update: dict[str, Any], pictures: int = 0) -> Seen:
        before = len(self.api.calls)
        await self.post(update)

        def arrived() -> list[Any] | None:
            new = [c for c in self.api.calls[before:] if c.chat_id == self.chat_id and c.status == 200 and c.result
                   and c.method in ("sendMessage", "sendPhoto")]
            return new if sum(c.method == "sendMessage" for c in new) and len(new) > pictures else None

        sent = await self.api.wait_for(arrived)
        self.last = sent[-1]
        rows = self.last.buttons()
        labels = tuple(label[:LABEL] for row in rows for label, data in row if not data.startswith("fb:"))
        return Seen(sent[0].params["text"], labels, any(data.startswith("fb:") for row in rows for _, data in row))

    async def say(self, text: str, pictures: int = 0) -> Seen:
        return await self._seen(message_update(self.chat_id, text), pictures)

    async def tap(self, number: int, pictures: int = 0) -> Seen:
        data = [data for row in self.last.buttons() for _, data in row if not data.startswith("fb:")][number - 1]
        message = self.api.message(self.chat_id, self.last.result["message_id"])
        return await self._seen(callback_update(self.chat_id, message, data), pictures)

    async def sticker(self) -> Seen:
        sticker = {"file_id": "s1", "file_unique_id": "u1", "width": 512, "height": 512, "is_animated": False,
                   "is_video": False, "type": "regular"}
        return await self._seen(message_update(self.chat_id, None, sticker=sticker))

    async def rate(self, helpful: bool) -> bool:
        data = next(d for row in self.last.buttons() for _, d in row if d.startswith("fb:") and d.endswith(
            ":1" if helpful else ":0"))
        message = self.api.message(self.chat_id, self.last.result["message_id"])
        before = len(self.api.calls)
        await self.post(callback_update(self.chat_id, message, data))
        ack = await self.api.wait_for(lambda: next((c for c in self.api.calls[before:]
                                                    if c.method == "answerCallbackQuery" and c.result), None))
        return ack.params.get("text") in THANKS

    async def switch(self, lang: str) -> Seen | None:
        return await self.say(f"/lang {lang}")


@dataclass
class TerminalUser:
    """`minato-bot chat`: the whole dialogue typed at once, its output cut into replies."""

    answerer: Answerer  # without a log: closing it at the end of the chat closes nothing shared
    steps: frozenset[str] = frozenset({"say", "tap", "switch"})
    lines: list[str] = field(default_factory=list)

    def type(self, line: str) -> None:
        self.lines.append(line)

    def run(self) -> list[Seen]:
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(bot.cli, "build_answerer", lambda *_, **__: self.answerer)
            result = CliRunner().invoke(bot.cli.cli, ["chat", "--lang", "ja"],
                                        input="".join(f"{line}\n" for line in self.lines + ["/quit"]),
                                        env={"COLUMNS": "10000"})
        assert result.exit_code == 0, result.output
        return [_terminal_seen(chunk) for chunk in result.stdout.split("\n> ")[1:-1]]


def _terminal_seen(chunk: str) -> Seen:
    lines = chunk.splitlines()
    labels = tuple(m.group(1)[:LABEL] for line in lines if (m := re.fullmatch(r"  \d+\. (.*)", line)))
    text = "\n".join(line for line in lines if not line.startswith("  "))
    return Seen(text, labels)
