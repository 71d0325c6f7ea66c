"""The Telegram channel end to end: the real python-telegram-bot Application long-polling a fake Bot API on 127.0.0.1."""

from __future__ import annotations

import contextlib
import copy
import logging
import sqlite3
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from telegram.ext import Application

from bot.analytics import QuestionLog, hash_user
from bot.config import Settings
from bot.knowledge import KnowledgeBase, load_knowledge
from bot.policy import VOTE_TEXTS
from bot.salt import install_salt
from bot.service import Answerer, Question
from handlers.telegram import ALLOWED_UPDATES, build_application
from handlers.telegram_chat import TEXTS
from handlers.telegram_fair import MAX_BACKLOG, WORKERS
from handlers.telegram_send import CALLBACK_MAX_BYTES, parse_button, split_text
from fake_telegram import Call, FakeBotAPI, callback_update, message_update

TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"
HANAKO, JOHN, TARO = 1001, 1002, 1003


@pytest.fixture
def settings(fake: FakeBotAPI, tmp_path: Path) -> Settings:
    """Return settings that point the bot at the fake Bot API."""
    return Settings(db_path=tmp_path / "log.db", telegram_token=TOKEN, telegram_api_base_url=fake.base_url)


@contextlib.asynccontextmanager
async def polling(answerer: Answerer, settings: Settings, fake: FakeBotAPI) -> AsyncIterator[Application]:
    """Run the real Application with long polling, as `minato-bot telegram` does."""
    app = build_application(answerer, settings)
    async with app:
        assert app.post_init is not None and app.updater is not None
        await app.post_init(app)
        await app.updater.start_polling(poll_interval=0, timeout=5, allowed_updates=ALLOWED_UPDATES)
        await app.start()
        try:
            yield app
        finally:
            fake.release()  # a failed test may leave replies held; stopping waits for them
            await app.updater.stop()
            await app.stop()


@pytest.fixture
async def bot(answerer: Answerer, settings: Settings, fake: FakeBotAPI) -> AsyncIterator[Application]:
    """Run the bot over the bundled knowledge base."""
    async with polling(answerer, settings, fake) as app:
        yield app


async def ask(fake: FakeBotAPI, user_id: int, text: str, lang: str = "ja", photos: int = 0) -> list[Call]:
    """Send a text message and return the bot's messages to that chat once text (and photos) arrived."""
    before = len(fake.calls)
    await fake.push(message_update(user_id, text, lang))
    methods = {"sendMessage": 1, "sendPhoto": photos}
    def done() -> list[Call] | None:
        new = [c for c in fake.calls[before:] if c.chat_id == user_id and c.status == 200 and c.result]
        ok = all(sum(c.method == m for c in new) >= n for m, n in methods.items())
        return new if ok else None
    return await fake.wait_for(done)


async def press(fake: FakeBotAPI, user_id: int, message: dict[str, Any], data: str) -> Call:
    """Press a button on one of the bot's messages; return the answerCallbackQuery call."""
    before = len(fake.calls)
    update = callback_update(user_id, message, data)
    query_id = update["callback_query"]["id"]
    await fake.push(update)
    return await fake.wait_for(lambda: next((c for c in fake.calls[before:] if c.method == "answerCallbackQuery"
                                             and c.params["callback_query_id"] == query_id and c.result), None))


def as_shown(fake: FakeBotAPI, call: Call) -> dict[str, Any]:
    """Return a sent message as Telegram would now include it in a callback query (a snapshot)."""
    return copy.deepcopy(fake.message(call.chat_id or 0, call.result["message_id"]))


def log_rows(db: Path, count: int = 1, timeout: float = 10.0) -> list[sqlite3.Row]:
    """Return the question log rows once `count` are written (the log writes on its own thread)."""
    deadline = time.monotonic() + timeout
    while True:
        if db.exists():
            with sqlite3.connect(db) as conn:
                conn.row_factory = sqlite3.Row
                rows = conn.execute("SELECT * FROM questions ORDER BY ts").fetchall()
            if len(rows) >= count:
                return rows
        if time.monotonic() > deadline:
            raise AssertionError(f"expected {count} log rows in {db}")
        time.sleep(0.02)


async def test_start_greets_with_topic_menu_and_publishes_commands(fake: FakeBotAPI, bot: Application,
                                                                     answerer: Answerer) -> None:
    [reply] = await ask(fake, HANAKO, "/start")
    assert reply.params["text"] == answerer.welcome("ja").text
    buttons = [b for row in reply.buttons() for b in row]
    assert [data for _, data in buttons] == [f"q:{e}" for e in answerer.kb.scope.menu[:-1]] + ["l:easy"]
    assert buttons[0][0] == answerer.kb.by_id["overview-summary"].title["ja"]
    assert {c.method for c in fake.calls} >= {"getMe", "deleteWebhook", "getUpdates", "setMyCommands"}
    menus = {c.params.get("language_code", ""): [x["command"] for x in c.json("commands")]
             for c in fake.sent("setMyCommands")}
    assert menus == {"": ["start", "help", "menu", "lang"], "en": ["start", "help", "menu", "lang"]}


async def test_start_is_english_for_english_users_and_lang_switches(fake: FakeBotAPI, bot: Application,
                                                                     answerer: Answerer) -> None:
    [reply] = await ask(fake, JOHN, "/start", lang="en-US")
    assert reply.params["text"] == answerer.welcome("en").text
    assert reply.buttons()[0][0][0] == "Minato at a glance"
    [switched] = await ask(fake, JOHN, "/lang", lang="en-US")
    assert switched.params["text"] == answerer.language_set("ja").text
    [again] = await ask(fake, JOHN, "/start", lang="en-US")
    assert again.params["text"] == answerer.welcome("ja").text
    [back] = await ask(fake, JOHN, "/lang en", lang="en-US")
    assert back.params["text"] == answerer.language_set("en").text


async def test_lang_easy_and_the_menus_easy_button_switch_to_easy_japanese(fake: FakeBotAPI, bot: Application,
                                                                            answerer: Answerer) -> None:
    [switched] = await ask(fake, TARO, "/lang easy")
    assert switched.params["text"] == answerer.language_set("easy").text
    [answer] = await ask(fake, TARO, "食堂はありますか？")
    assert answer.params["text"] == answerer.kb.by_id["cafeteria"].answer["easy"]
    [back] = await ask(fake, TARO, "/lang ja")  # after an answer: that answer again, in Japanese
    assert back.params["text"] == answerer.kb.by_id["cafeteria"].answer["ja"]
    [menu] = await ask(fake, TARO, "/menu")
    easy_button = next(data for row in menu.buttons() for _, data in row if data == "l:easy")
    before = len(fake.sent("sendMessage"))
    await press(fake, TARO, as_shown(fake, menu), easy_button)
    [pressed] = await fake.wait_for(lambda: fake.sent("sendMessage")[before:])
    assert pressed.params["text"] == answerer.kb.by_id["cafeteria"].answer["easy"]


async def test_lang_survives_a_restart(fake: FakeBotAPI, settings: Settings, kb: KnowledgeBase) -> None:
    """/lang is kept by the engine beside the question log, not in the bot's memory."""
    for restart, (text, expected) in enumerate([("/lang en", kb.scope.message("language", "en")),
                                                ("/help", kb.scope.message("help", "en"))]):
        answerer = Answerer(kb, QuestionLog(settings.db_path))  # a new process: only the files are left
        try:
            async with polling(answerer, settings, fake):
                [reply] = await ask(fake, TARO, text)
        finally:
            answerer.close()
        assert reply.params["text"].startswith(expected), restart  # TARO's Telegram is in Japanese


async def test_question_gets_answer_photo_suggestions_and_feedback_buttons(
        fake: FakeBotAPI, bot: Application, answerer: Answerer, settings: Settings) -> None:
    entry = answerer.kb.by_id["overview-summary"]
    text, photo = await ask(fake, HANAKO, "港区ってどんなところですか？", photos=1)
    assert (text.method, photo.method) == ("sendMessage", "sendPhoto")
    assert text.params["text"] == entry.answer["ja"] and "reply_markup" not in text.params
    image = entry.images[0]
    assert image.path is not None
    assert photo.content_type == "multipart/form-data"
    assert photo.files["photo"] == image.path.read_bytes()
    assert photo.params["caption"] == image.caption["ja"]
    rows = photo.buttons()
    assert [data for row in rows[:-1] for _, data in row] == [f"q:{r}@ja" for r in entry.related]  # with their lang
    [row] = log_rows(settings.db_path)
    assert (row["channel"], row["entry_id"], row["kind"]) == ("telegram", "overview-summary", "answer")
    assert row["user_hash"] == hash_user(str(HANAKO), install_salt(settings.db_path))
    assert str(HANAKO) not in row["user_hash"]
    assert rows[-1] == [("👍", f"fb:{row['id']}:1"), ("👎", f"fb:{row['id']}:0")]
    # The second time the picture goes by the file_id Telegram gave it, not as another upload.
    _, again = await ask(fake, HANAKO, "港区の概要を教えてください", photos=1)
    assert again.files == {} and again.params["photo"] == photo.result["photo"][-1]["file_id"]


async def test_a_picture_that_fails_leaves_the_buttons_on_the_text(fake: FakeBotAPI, bot: Application,
                                                                    caplog: pytest.LogCaptureFixture) -> None:
    fake.fail_next("sendPhoto", 400, "Bad Request: IMAGE_PROCESS_FAILED")
    [text] = await ask(fake, HANAKO, "港区ってどんなところですか？")
    [edit] = await fake.wait_for(lambda: fake.sent("editMessageReplyMarkup"))
    assert edit.params["message_id"] == str(text.result["message_id"])
    assert edit.buttons()[-1][0][1].startswith("fb:")
    assert any("could not send image" in r.getMessage() for r in caplog.records)


async def test_https_pictures_are_sent_by_url(fake: FakeBotAPI, settings: Settings, kb_copy: Path,
                                              tmp_path: Path) -> None:
    url = "https://www.city.minato.tokyo.jp/images/city-figures.png"
    overview = kb_copy / "overview.yaml"
    overview.write_text(overview.read_text(encoding="utf-8").replace("images/city-figures.png", url), encoding="utf-8")
    remote = Answerer(load_knowledge(kb_copy), QuestionLog(tmp_path / "remote.db"))
    try:
        async with polling(remote, settings, fake):
            _, photo = await ask(fake, HANAKO, "港区ってどんなところですか？", photos=1)
    finally:
        remote.close()
    assert photo.params["photo"] == url and photo.files == {}
    assert photo.content_type == "application/x-www-form-urlencoded"


async def test_feedback_is_logged_once_and_its_buttons_removed(fake: FakeBotAPI, bot: Application,
                                                               settings: Settings) -> None:
    [reply] = await ask(fake, HANAKO, "職員住宅はありますか？")
    [row] = log_rows(settings.db_path)
    shown = as_shown(fake, reply)
    ack = await press(fake, HANAKO, shown, f"fb:{row['id']}:1")
    assert ack.params["text"] == VOTE_TEXTS["thanks"]["ja"]
    edit = await fake.wait_for(lambda: fake.sent("editMessageReplyMarkup"))
    assert edit[0].params["message_id"] == str(reply.result["message_id"])
    kept = [data for r in edit[0].buttons() for _, data in r]
    assert kept == ["q:commute-residence@ja", "q:commute-time@ja"]
    with sqlite3.connect(settings.db_path) as conn:
        assert conn.execute("SELECT helpful FROM questions WHERE id = ?", [row["id"]]).fetchone() == (1,)
    # A second press (an old client still showing the row) is acknowledged but changes nothing.
    late = await press(fake, HANAKO, shown, f"fb:{row['id']}:0")
    assert late.params["text"] == VOTE_TEXTS["already_rated"]["ja"]
    with sqlite3.connect(settings.db_path) as conn:
        assert conn.execute("SELECT helpful FROM questions WHERE id = ?", [row["id"]]).fetchone() == (1,)


async def test_suggestion_buttons_answer_entries_and_free_questions(fake: FakeBotAPI, bot: Application,
                                                                    answerer: Answerer, settings: Settings) -> None:
    [reply] = await ask(fake, HANAKO, "職員住宅はありますか？")
    before = len(fake.sent("sendMessage"))
    ack = await press(fake, HANAKO, as_shown(fake, reply), "q:commute-time@ja")
    assert "text" not in ack.params
    answer = await fake.wait_for(lambda: fake.sent("sendMessage")[before:])
    assert answer[0].params["text"] == answerer.kb.by_id["commute-time"].answer["ja"]
    # Small talk offers free example questions: their buttons carry an index, not the text.
    [hello] = await ask(fake, HANAKO, "こんにちは")
    labels = {data: label for row in hello.buttons() for label, data in row}
    data = next(d for d, label in labels.items() if label == "港区の人口は？")
    assert data.startswith("s:") and len(data.encode()) <= CALLBACK_MAX_BYTES
    before = len(fake.sent("sendMessage"))
    await press(fake, HANAKO, as_shown(fake, hello), data)
    answer = await fake.wait_for(lambda: fake.sent("sendMessage")[before:])
    assert answer[0].params["text"] == answerer.kb.by_id["overview-population"].answer["ja"]
    rows = log_rows(settings.db_path, 4)
    assert [r["entry_id"] for r in rows] == ["housing-staff", "commute-time", None, "overview-population"]


async def test_help_menu_and_unknown_command(fake: FakeBotAPI, bot: Application, answerer: Answerer) -> None:
    [help_] = await ask(fake, HANAKO, "/help")
    assert help_.params["text"].startswith(answerer.kb.scope.message("help", "ja"))
    assert "/lang" in help_.params["text"]
    topics = [f"q:{t.entry_id}" if t.entry_id else f"l:{t.switch_lang}" for t in answerer.topics("ja")]
    assert [data for row in help_.buttons() for _, data in row] == topics  # the engine's help: the topic menu
    [menu] = await ask(fake, HANAKO, "/menu")
    assert menu.params["text"] == TEXTS["menu"]["ja"] and len(menu.buttons()) == 5
    [unknown] = await ask(fake, HANAKO, "/frobnicate now")
    assert unknown.params["text"].startswith(TEXTS["unknown_command"]["ja"])


@pytest.mark.parametrize("content", [
    {"sticker": {"file_id": "s1", "file_unique_id": "u1", "width": 512, "height": 512, "is_animated": False,
                 "is_video": False, "type": "regular"}},
    {"photo": [{"file_id": "p1", "file_unique_id": "u2", "width": 90, "height": 90}]},
    {"voice": {"file_id": "v1", "file_unique_id": "u3", "duration": 2}},
    {"location": {"latitude": 35.658, "longitude": 139.751}},
    {},  # a message with no text and nothing else
])
async def test_non_text_messages_ask_for_a_typed_question(fake: FakeBotAPI, bot: Application, answerer: Answerer,
                                                          settings: Settings, content: dict[str, Any]) -> None:
    await fake.push(message_update(HANAKO, None, **content))
    [reply] = await fake.wait_for(lambda: fake.sent("sendMessage"))
    assert reply.params["text"] == answerer.not_text("ja").text == answerer.help("ja").text  # as on every channel
    assert [data for row in reply.buttons() for _, data in row][:-1] == [f"q:{t.entry_id}" for t in answerer.topics("ja")][:-1]
    assert not settings.db_path.exists() or log_rows(settings.db_path, 0) == []


async def test_edited_messages_and_channel_posts_are_ignored(fake: FakeBotAPI, bot: Application,
                                                             caplog: pytest.LogCaptureFixture) -> None:
    edited = message_update(HANAKO, "職員住宅は？")["message"] | {"edit_date": int(time.time())}
    post = message_update(-100200, "港区の人口は？")["message"]
    await fake.push({"edited_message": edited}, {"channel_post": post}, {"edited_channel_post": post})
    await ask(fake, TARO, "食堂はある？")  # answered after the three above: they were processed and skipped
    assert [c.chat_id for c in fake.sent("sendMessage")] == [TARO]
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


async def test_a_failing_handler_apologises_and_the_bot_keeps_running(
        fake: FakeBotAPI, bot: Application, answerer: Answerer, caplog: pytest.LogCaptureFixture) -> None:
    fake.fail_next("sendMessage", 400, "Bad Request: chat not found")
    await fake.push(message_update(HANAKO, "職員住宅はありますか？"))
    [apology] = await fake.wait_for(lambda: fake.sent("sendMessage"))
    assert apology.params["text"] == TEXTS["apology"]["ja"]
    assert any("update failed" in r.getMessage() for r in caplog.records if r.levelno == logging.ERROR)
    [reply] = await ask(fake, HANAKO, "職員住宅はありますか？")
    assert reply.params["text"] == answerer.kb.by_id["housing-staff"].answer["ja"]


async def test_flood_limit_429_is_waited_out_and_retried(fake: FakeBotAPI, bot: Application) -> None:
    fake.fail_next("sendMessage", 429, "Too Many Requests: retry after 1", retry_after=1)
    [reply] = await ask(fake, HANAKO, "職員住宅はありますか？")
    attempts = [c for c in fake.calls if c.method == "sendMessage"]
    assert [c.status for c in attempts] == [429, 200] and attempts[1].params == attempts[0].params
    assert reply is attempts[1]


async def test_a_flooding_chat_does_not_starve_other_chats(fake: FakeBotAPI, bot: Application) -> None:
    gate = fake.hold("sendMessage", HANAKO)  # Hanako's replies hang until the gate opens
    flood = [message_update(HANAKO, f"質問{i}") for i in range(WORKERS + MAX_BACKLOG)]
    await fake.push(*flood, message_update(TARO, "職員住宅はありますか？"))
    await fake.wait_for(lambda: fake.sent("sendMessage", TARO))
    await fake.wait_for(lambda: [c for c in fake.calls if c.method == "sendMessage" and c.chat_id == HANAKO])
    # One chat's updates run one at a time: Hanako has one reply in flight, the rest wait their turn.
    assert len([c for c in fake.calls if c.method == "sendMessage" and c.chat_id == HANAKO]) == 1
    gate.set()
    # Her backlog beyond MAX_BACKLOG was dropped instead of queueing without bound.
    await fake.wait_for(lambda: len(fake.sent("sendMessage", HANAKO)) == MAX_BACKLOG)
    texts = [c.params["text"] for c in fake.sent("sendMessage", HANAKO)]
    assert len(texts) == MAX_BACKLOG


async def test_bad_input_is_answered_without_errors(fake: FakeBotAPI, bot: Application, answerer: Answerer,
                                                    settings: Settings, caplog: pytest.LogCaptureFixture) -> None:
    engine = Answerer(answerer.kb)  # the same engine without a log, to know what the channel should pass on
    longest = "港区の職員住宅について" * 410  # 4,100 characters: over Telegram's 4,096
    for text in (longest[:4096], "😀🙏🎌"):
        [reply] = await ask(fake, HANAKO, text)
        assert reply.params["text"] == engine.answer(Question(text, lang="ja")).text
    rows = log_rows(settings.db_path, 2)
    assert len(rows[0]["question"]) <= 2000 and rows[1]["kind"] == "invalid"
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


@pytest.mark.parametrize("data", ["fb:zzzz:1", "fb:0123456789abcdef:1", "q:no-such-entry", "s:deadbeef:3",
                                  "x" * 64, "q:overview-summary"])
async def test_forged_callback_data_is_refused_politely(fake: FakeBotAPI, bot: Application, settings: Settings,
                                                        data: str) -> None:
    [reply] = await ask(fake, HANAKO, "職員住宅はありますか？")
    ack = await press(fake, HANAKO, as_shown(fake, reply), data)  # none of these is on that message
    assert ack.params["text"] == VOTE_TEXTS["expired"]["ja"]
    assert len(fake.sent("sendMessage")) == 1 and not fake.sent("editMessageReplyMarkup")
    with sqlite3.connect(settings.db_path) as conn:
        assert conn.execute("SELECT count(*) FROM questions WHERE helpful IS NOT NULL").fetchone() == (0,)


def test_callback_data_fits_telegram_limit_for_every_entry(answerer: Answerer) -> None:
    for entry in answerer.kb.entries:
        assert len(f"q:{entry.id}".encode()) <= CALLBACK_MAX_BYTES
        assert parse_button(f"q:{entry.id}") is not None
    assert parse_button("fb:" + "a" * 16 + ":1") is not None and parse_button("fb:" + "a" * 16 + ":2") is None


def test_long_text_is_split_within_telegram_limit() -> None:
    chunks = split_text(("一行の回答です。\n" * 1000).strip())
    assert len(chunks) > 1 and all(len(c) <= 4096 for c in chunks)
    assert "".join(chunks).replace("\n", "") == "一行の回答です。" * 1000
