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
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

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
from conversation_drivers import LABEL, Channel, LineUser, Seen, TelegramUser, TerminalUser, WebUser
from fake_line import FakeLine
from fake_telegram import FakeBotAPI
from handlers.telegram import ALLOWED_UPDATES, SECRET_HEADER, build_application
from handlers.web import create_app

pytestmark = pytest.mark.asyncio(loop_scope="module")

LINE_SECRET = "conversation-line-secret"
TG_TOKEN = "555000555:AAConversationSuiteToken_0123456789"
TG_SECRET = "conversation-hook-secret"
PER_MINUTE = 5  # questions per user per minute on every channel that limits them
USERS = itertools.count(1)


# --- the dialogues: (step, argument, expected) -------------------------------------------------------------------
# expected: ("entry", entry_id, lang) an answer from that entry ("related": its first related entry; "topic": the
# menu's n-th topic); ("reply", method, lang) the engine's own reply
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
# The web page sends no stickers; `ask` keeps no conversation.
RUNS = {"language": CHANNELS, "non-text": LIVE[1:], "follow-up": CHANNELS[:5], "rate limit": LIVE}


def channel_for(name: str, servers: Servers, plain: Answerer) -> Channel | TerminalUser | str:
    user = next(USERS)
    if name == "web":
        return WebUser(servers.client, f"conversation-web-{user:04d}")
    if name == "line":
        return LineUser(servers.client, servers.line, f"Uconversation{user:04d}", LINE_SECRET)
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
