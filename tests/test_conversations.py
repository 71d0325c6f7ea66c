"""One conversation policy: the same scripted dialogues through every channel give the same answers, kinds and
languages: /api/ask, the LINE webhook (fake LINE API), the Telegram webhook and long polling (fake Bot API),
`minato-bot chat` and `minato-bot ask`.

Each channel is driven the way its users drive it (typing, tapping a suggestion, sending a sticker, rating, the
channel's own language switch), and what the user sees is read back from the channel's own output: the web JSON,
the LINE reply messages, the Telegram messages and buttons, the terminal text. A step a channel cannot express
(a sticker in the terminal) is skipped there. The servers are shared by the whole module; every dialogue runs as a
user of its own.
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from typing import Any, Protocol

import pytest
import pytest_asyncio
from aiohttp.test_utils import TestClient, TestServer
from click.testing import CliRunner

import bot.cli
from bot.analytics import QuestionLog
from bot.config import Settings
from bot.knowledge import KnowledgeBase
from bot.seam import Question, Reply
from bot.service import Answerer
from fake_line import FakeLine, postback_event, sign, sticker_event, text_event, webhook_body
from fake_telegram import FakeBotAPI, callback_update, message_update
from handlers.telegram import ALLOWED_UPDATES, SECRET_HEADER, build_application
from handlers.web import create_app

pytestmark = pytest.mark.asyncio(loop_scope="module")

LINE_SECRET = "conversation-line-secret"
TG_TOKEN = "555000555:AAConversationSuiteToken_0123456789"
TG_SECRET = "conversation-hook-secret"
PER_MINUTE = 5  # questions per user per minute on every channel that limits them
LABEL = 19  # LINE cuts button labels to 20 characters with "…": compare what every channel shows in full
USERS = itertools.count(1)


@dataclass(frozen=True)
class Seen:
    """What the user saw after one step, read from the channel's own output."""

    text: str
    labels: tuple[str, ...] = ()  # the suggestions offered, in order
    rateable: bool | None = None  # 👍/👎 offered (None: the channel never offers them)


# --- the dialogues: (step, argument, expected) -------------------------------------------------------------------
# expected: ("entry", entry_id, lang) an answer from that entry; ("reply", method, lang) the engine's own reply
# (help, slow_down, language_set); ("recorded", True) a vote taken.
DIALOGUES: dict[str, list[tuple[str, Any, tuple[Any, ...]]]] = {
    "language": [
        ("say", "食堂はありますか？", ("entry", "cafeteria", "ja")),
        ("say", "Is there staff housing?", ("entry", "housing-staff", "en")),
        ("tap", 1, ("related", "housing-staff", "en")),  # an English suggestion stays English, whatever the UI
        ("rate", True, ("recorded", True)),
        ("switch", "easy", ("related", "housing-staff", "easy")),  # the engine answers the last topic again in it
        ("say", "職員住宅はありますか？", ("entry", "housing-staff", "easy")),
    ],
    "non-text": [
        ("sticker", None, ("reply", "not_text", "ja")),
        ("say", "What is the pre-class system?", ("entry", "preclass-what", "en")),
        ("sticker", None, ("reply", "not_text", "en")),  # help in the conversation's language
        ("tap", 1, ("topic", 0, "en")),  # the help's topic buttons
    ],
    "follow-up": [
        ("say", "プレクラス制度とは？", ("entry", "preclass-what", "ja")),
        ("say", "いつまで？", ("entry", "preclass-timeline", "ja")),  # read against the last topic
        ("say", "外国人の住民について教えて", ("entry", "facts-foreign-residents", "ja")),
        ("say", "何人？", ("entry", "facts-foreign-residents", "ja")),
    ],
    "rate limit": [("say", "食堂はありますか？", ("entry", "cafeteria", "ja"))] * PER_MINUTE + [
        ("say", "職員住宅はありますか？", ("reply", "slow_down", "ja")),
    ],
}


def expected_reply(answerer: Answerer, kb: KnowledgeBase, expected: tuple[Any, ...]) -> Reply | bool:
    """Return the Reply the engine gives for an expectation (or the vote's outcome)."""
    what, target, *rest = expected
    if what == "recorded":
        return bool(target)
    lang = rest[0]
    if what == "reply":
        return getattr(answerer, target)(lang)
    if what == "related":
        target = kb.by_id[target].related[0]
    if what == "topic":
        target = answerer.topics(lang)[target].entry_id
    entry = kb.by_id[target]
    reply = answerer.answer(_question_for(entry, lang))
    assert reply.entry_id == target and reply.lang == lang, (reply.entry_id, reply.lang)
    return reply


def _question_for(entry: Any, lang: str) -> Question:
    return Question(entry.questions.get(lang, entry.questions["ja"])[0], lang=lang, entry_id=entry.id)


def shown(reply: Reply) -> Seen:
    """Return what a reply should look like on any channel."""
    return Seen(reply.text, tuple(s.label[:LABEL] for s in reply.suggestions), reply.kind in ("answer", "fallback"))


# --- the channels --------------------------------------------------------------------------------------------------


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
    steps: frozenset[str] = frozenset({"say", "tap", "sticker", "rate", "switch"})
    last: list[dict[str, Any]] = field(default_factory=list)
    tokens: Iterator[int] = field(default_factory=itertools.count)

    async def _send(self, event_of: Any) -> list[dict[str, Any]]:
        token = f"{self.user}-{next(self.tokens)}"
        body = webhook_body(event_of(token))
        response = await self.client.post("/line/webhook", data=body, headers={
            "Content-Type": "application/json", "X-Line-Signature": sign(body, LINE_SECRET)})
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
        return messages[0]["text"] in ("ご意見ありがとうございます！", "Thanks for your feedback!")

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
        return ack.params.get("text") in ("ご意見ありがとうございます！", "Thanks for your feedback!")

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


# --- servers shared by the module ------------------------------------------------------------------------------------


@dataclass
class Servers:
    """One server hosting web, LINE and the Telegram webhook; a long-polling Telegram bot beside it."""

    client: TestClient
    line: FakeLine
    hook_api: FakeBotAPI
    poll_api: FakeBotAPI
    answerer: Answerer


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def servers(kb: KnowledgeBase, tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Servers]:
    """Start the fakes, the shared server (web, LINE, Telegram webhook) and a polling Telegram bot."""
    folder = tmp_path_factory.mktemp("conversations")
    line = FakeLine()
    await line.start()
    async with FakeBotAPI(TG_TOKEN) as hook_api, FakeBotAPI(TG_TOKEN) as poll_api:
        settings = Settings(
            db_path=folder / "log.db", rate_limit_per_minute=PER_MINUTE, rate_limit_per_address_per_minute=1000,
            line_channel_secret=LINE_SECRET, line_channel_access_token="conversation-token",
            line_api_base_url=line.base_url, public_base_url="https://bot.example.jp",
            telegram_token=TG_TOKEN, telegram_api_base_url=hook_api.base_url,
            telegram_webhook_url="https://bot.example.jp/telegram/webhook", telegram_webhook_secret=TG_SECRET)
        answerer = Answerer(kb, QuestionLog(folder / "log.db"))
        client = TestClient(TestServer(create_app(answerer, settings), host="127.0.0.1"))
        await client.start_server()
        polling = build_application(answerer, Settings(
            rate_limit_per_minute=PER_MINUTE, telegram_token=TG_TOKEN, telegram_api_base_url=poll_api.base_url))
        async with polling:
            assert polling.updater is not None
            await polling.updater.start_polling(poll_interval=0, timeout=5, allowed_updates=ALLOWED_UPDATES)
            await polling.start()
            try:
                yield Servers(client, line, hook_api, poll_api, answerer)
            finally:
                await polling.updater.stop()
                await polling.stop()
                await client.close()
                answerer.close()
    await line.stop()


CHANNELS = ["web", "line", "telegram-webhook", "telegram-polling", "chat", "ask"]
LIVE = CHANNELS[:4]  # the channels with stickers and a rate limit
RUNS = {"language": CHANNELS, "non-text": LIVE[1:], "follow-up": CHANNELS[:5], "rate limit": LIVE}  # ask: no state  # the web page sends no stickers


def channel_for(name: str, servers: Servers, plain: Answerer) -> Channel | TerminalUser | str:
    user = next(USERS)
    if name == "web":
        return WebUser(servers.client, f"conversation-web-{user:04d}")
    if name == "line":
        return LineUser(servers.client, servers.line, f"Uconversation{user:04d}")
    if name == "telegram-webhook":
        async def post_hook(update: dict[str, Any]) -> None:
            update.setdefault("update_id", 10_000 + next(USERS))
            response = await servers.client.post("/telegram/webhook", json=update, headers={SECRET_HEADER: TG_SECRET})
            assert response.status == 200
        return TelegramUser(servers.hook_api, 30_000 + user, post_hook)
    if name == "telegram-polling":
        async def post_poll(update: dict[str, Any]) -> None:
            await servers.poll_api.push(update)
        return TelegramUser(servers.poll_api, 40_000 + user, post_poll)
    if name == "chat":
        return TerminalUser(plain)
    return "ask"


@pytest.mark.parametrize(("dialogue", "name"), [(d, n) for d, names in RUNS.items() for n in names])
async def test_a_dialogue_goes_the_same_on_every_channel(name: str, dialogue: str, servers: Servers,
                                                        kb: KnowledgeBase, plain_answerer: Answerer) -> None:
    script = DIALOGUES[dialogue]
    channel = channel_for(name, servers, plain_answerer)
    expected = [expected_reply(plain_answerer, kb, step[2]) for step in script]
    if name == "chat":
        seen, wanted = run_terminal(channel, script, expected)  # type: ignore[arg-type]
    elif name == "ask":
        seen, wanted = run_ask(plain_answerer, script, expected)
    else:
        seen, wanted = await run_live(channel, script, expected)  # type: ignore[arg-type]
    assert wanted and seen == wanted


async def run_live(channel: Channel, script: list[Any], expected: list[Reply | bool]) -> tuple[list[Any], list[Any]]:
    seen: list[Any] = []
    wanted: list[Any] = []
    for (step, argument, _), reply in zip(script, expected):
        if step not in channel.steps:
            continue
        if step == "rate":
            seen.append(await channel.rate(argument))
            wanted.append(reply)
            continue
        pictures = len(reply.images) if isinstance(reply, Reply) else 0
        if step == "say":
            got = await (channel.say(argument, pictures) if isinstance(channel, TelegramUser)
                         else channel.say(argument))
        elif step == "tap":
            got = await (channel.tap(argument, pictures) if isinstance(channel, TelegramUser)
                         else channel.tap(argument))
        elif step == "sticker":
            got = await channel.sticker()
        else:
            got = await channel.switch(argument)
            if got is None:  # the channel switches without a reply of its own (the web page)
                continue
        assert isinstance(reply, Reply)
        seen.append(got)
        wanted.append(shown(reply))
    return seen, wanted


def run_terminal(terminal: TerminalUser, script: list[Any],
                 expected: list[Reply | bool]) -> tuple[list[Any], list[Any]]:
    wanted: list[Any] = []
    for (step, argument, _), reply in zip(script, expected):
        if step not in terminal.steps:
            continue
        terminal.type({"say": argument, "tap": str(argument), "switch": f"/{argument}"}[step])
        assert isinstance(reply, Reply)
        wanted.append(Seen(reply.text, shown(reply).labels))
    return terminal.run(), wanted


def run_ask(answerer: Answerer, script: list[Any], expected: list[Reply | bool]) -> tuple[list[Any], list[Any]]:
    """`minato-bot ask --json`, one question per call; --lang is its language switch; it has no taps."""
    seen: list[Any] = []
    wanted: list[Any] = []
    lang = None
    for (step, argument, _), reply in zip(script, expected):
        if step == "switch":
            lang = argument
        if step != "say":
            continue
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(bot.cli, "build_answerer", lambda *_, **__: answerer)
            result = CliRunner().invoke(bot.cli.cli, ["ask", "--json", argument] + (["--lang", lang] if lang else []))
        assert result.exit_code == 0, result.output
        data = json.loads(result.stdout)
        assert isinstance(reply, Reply)
        seen.append((data["answer"], data["entry_id"], data["kind"], data["lang"]))
        wanted.append((reply.text, reply.entry_id, reply.kind, reply.lang))
    return seen, wanted
