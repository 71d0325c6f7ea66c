"""LINE answers as Flex bubbles, end to end: their postbacks come back to the real server and round-trip to
feedback in SQLite and to related answers; forged or malformed postbacks are ignored."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import replace
from typing import Any

import pytest
from aiohttp.test_utils import TestClient

from bot.analytics import QuestionLog
from bot.knowledge import KnowledgeBase
from bot.responses import Reply, ReplyImage, Suggestion
from fake_line import FakeLine, RecordedReply, fake, postback_event, text_event
from handlers.line_flex import LineMessages
from handlers.line_postback import entry_data, feedback_data
from test_line import PUBLIC, SECRET, SHIBA, assert_within_line_limits, post_events, question_log, server

__all__ = ["fake", "question_log", "server"]  # fixtures: the fake LINE API, and two shared with test_line


def bubble_of(reply: RecordedReply) -> dict[str, Any]:
    """Return the Flex bubble of a reply, checking the message around it."""
    message = reply.messages[0]
    assert message["type"] == "flex" and 1 <= len(message["altText"]) <= 1500
    assert message["contents"]["type"] == "bubble"
    return message["contents"]


def footer_actions(bubble: dict[str, Any]) -> list[dict[str, Any]]:
    """Return every button action in the bubble's footer, rows flattened."""
    actions = []
    for item in bubble["footer"]["contents"]:
        children = item["contents"] if item["type"] == "box" else [item]
        actions += [child["action"] for child in children if child["type"] == "button"]
    return actions


def votes(bubble: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Return the 👍 and 👎 actions by their emoji."""
    return {a["label"][0]: a for a in footer_actions(bubble) if a["label"][0] in "👍👎"}


def helpful_column(question_log: QuestionLog) -> list[tuple[str, int | None]]:
    """Return (entry id, helpful) of every logged question."""
    question_log.flush()
    with sqlite3.connect(question_log.path) as db:
        return db.execute("SELECT entry_id, helpful FROM questions ORDER BY ts").fetchall()


async def ask(server: TestClient, fake: FakeLine, text: str, token: str, user: str = "U0001") -> dict[str, Any]:
    """Ask a question over the webhook and return the bubble it gets."""
    await post_events(server, text_event(text, token, user))
    reply = await fake.next_reply()
    assert_within_line_limits(reply)
    return bubble_of(reply)


async def test_an_answer_is_a_bubble_with_title_text_https_hero_suggestions_and_votes(
    server: TestClient, fake: FakeLine, kb: KnowledgeBase
) -> None:
    bubble = await ask(server, fake, SHIBA, "token-bubble")
    entry = kb.by_id["district-shiba"]
    body = [c.get("text") for c in bubble["body"]["contents"]]
    assert body.index(entry.title["ja"]) < body.index(entry.answer["ja"])
    assert bubble["hero"]["type"] == "image" and bubble["hero"]["url"].startswith("https://")
    assert bubble["hero"]["url"] == f"{PUBLIC}/static/images/districts.png"
    suggestions = [a for a in footer_actions(bubble) if a["label"][0] not in "👍👎🔗"]
    assert [json.loads(a["data"])["e"] for a in suggestions] == list(entry.related)
    assert [a["label"] for a in suggestions] == [kb.by_id[r].title["ja"] for r in entry.related]
    assert set(votes(bubble)) == {"👍", "👎"}
    for action in footer_actions(bubble):
        assert action["type"] == "postback" and len(action["data"]) <= 300 and len(action["label"]) <= 20


async def test_thumbs_up_round_trips_to_the_log_once(
    server: TestClient, fake: FakeLine, question_log: QuestionLog
) -> None:
    bubble = await ask(server, fake, SHIBA, "token-ask")
    up = votes(bubble)["👍"]
    await post_events(server, postback_event(up["data"], "token-up"))
    thanks = await fake.next_reply()
    assert thanks.body["replyToken"] == "token-up" and thanks.messages == [
        {"type": "text", "text": "ご意見ありがとうございます！"}]
    assert helpful_column(question_log) == [("district-shiba", 1)]
    await post_events(server, postback_event(votes(bubble)["👎"]["data"], "token-down"))
    again = await fake.next_reply()
    assert again.messages[0]["text"] == "この回答は評価済みです。"
    assert helpful_column(question_log) == [("district-shiba", 1)]  # the first vote stands


async def test_a_suggestion_button_answers_the_related_entry_as_a_bubble(
    server: TestClient, fake: FakeLine, kb: KnowledgeBase, question_log: QuestionLog
) -> None:
    bubble = await ask(server, fake, "What is the Shiba district like?", "token-en")
    first = footer_actions(bubble)[0]
    target = kb.by_id[kb.by_id["district-shiba"].related[0]]
    await post_events(server, postback_event(first["data"], "token-related"))
    related = bubble_of(await fake.next_reply())
    texts = [c.get("text") for c in related["body"]["contents"]]
    assert target.title["en"] in texts and target.answer["en"] in texts
    assert first["displayText"] == target.questions["en"][0]
    assert [row[0] for row in helpful_column(question_log)] == ["district-shiba", target.id]


async def test_an_answer_the_briefing_lacks_is_a_bubble_whose_web_address_is_a_button(
    server: TestClient, fake: FakeLine, kb: KnowledgeBase
) -> None:
    bubble = await ask(server, fake, "今日の天気は？", "token-weather")
    texts = [c.get("text") for c in bubble["body"]["contents"]]
    assert "説明会の資料にない内容です" in texts and kb.scope.message("fallback", "ja") in texts
    [link] = [a for a in footer_actions(bubble) if a["type"] == "uri"]
    assert link["uri"] == "https://www.city.minato.tokyo.jp/" and link["label"] == "🔗 ページを開く"
    assert set(votes(bubble)) == {"👍", "👎"}


async def forged_is_ignored(server: TestClient, fake: FakeLine, data: str, user: str = "U0001") -> None:
    """Send a postback that must get no reply; then prove the server still answers, and nothing else came."""
    before = len(fake.replies)
    await post_events(server, postback_event(data, "token-forged", user))
    await post_events(server, text_event(SHIBA, "token-after", user))
    assert (await fake.next_reply()).body["replyToken"] == "token-after"
    assert [r.body["replyToken"] for r in fake.replies[before:]] == ["token-after"]


async def test_a_vote_replayed_by_another_user_is_ignored(
    server: TestClient, fake: FakeLine, question_log: QuestionLog
) -> None:
    bubble = await ask(server, fake, SHIBA, "token-a", user="Ualice")
    await forged_is_ignored(server, fake, votes(bubble)["👎"]["data"], user="Umallory")
    assert [helpful for _, helpful in helpful_column(question_log)] == [None, None]


@pytest.mark.parametrize("tamper", ["vote", "log id", "signature", "unsigned"])
async def test_a_tampered_vote_is_ignored(server: TestClient, fake: FakeLine, question_log: QuestionLog,
                                          tamper: str) -> None:
    bubble = await ask(server, fake, SHIBA, "token-a")
    data = json.loads(votes(bubble)["👍"]["data"])
    if tamper == "vote":
        data["h"] = "0"
    elif tamper == "log id":
        data["f"] = "0" * 16
    elif tamper == "signature":
        data["s"] = data["s"][::-1]
    else:
        del data["s"]
    await forged_is_ignored(server, fake, json.dumps(data))
    assert [helpful for _, helpful in helpful_column(question_log)] == [None, None]


@pytest.mark.parametrize("data", ["", "not json", "[1, 2]", '{"e": 5}', '{"e": "../etc"}', '{"x": "y"}',
                                  json.dumps({"e": "district-shiba", "q": "x" * 400})])
async def test_malformed_postback_data_is_ignored(server: TestClient, fake: FakeLine, data: str) -> None:
    await forged_is_ignored(server, fake, data)


async def test_an_unknown_entry_gets_a_polite_reply_and_nothing_is_logged(
    server: TestClient, fake: FakeLine, question_log: QuestionLog
) -> None:
    await post_events(server, postback_event(entry_data("no-such-entry", "en", "Gone?"), "token-gone"))
    reply = await fake.next_reply()
    assert reply.messages == [{"type": "text",
                               "text": "This button is no longer available. Please type your question."}]
    assert helpful_column(question_log) == []


def messages_for(reply: Reply, user: str = "U0001") -> list[dict[str, Any]]:
    """Return the LINE messages for a reply as JSON, with local images served from PUBLIC."""
    builder = LineMessages(lambda image: image.url or f"{PUBLIC}/static/images/{image.name}", SECRET)
    return [message.to_dict() for message in builder.for_reply(reply, user)]


ANSWER = Reply("答え。" * 10, "ja", "answer", "cafeteria", 90.0, title="区役所の食堂", log_id="0123456789abcdef",
               suggestions=(Suggestion("職員住宅", "職員住宅はありますか？", "housing-staff"),))


def test_no_votes_when_the_reply_has_no_log_id() -> None:
    [message] = messages_for(replace(ANSWER, log_id=""))
    labels = [a["label"] for a in footer_actions(message["contents"])]
    assert labels == ["職員住宅"]


def test_alt_text_is_the_start_of_a_long_answer_within_1500_characters() -> None:
    long = "港区の職員として働く魅力について説明します。" * 200
    [message] = messages_for(replace(ANSWER, text=long))
    assert len(message["altText"]) == 1500 and long.startswith(message["altText"][:-1])


def test_text_is_clipped_as_line_counts_it_in_utf16_units() -> None:
    emoji = "🏢" * 1000  # 2,000 UTF-16 units
    [message] = messages_for(replace(ANSWER, text=emoji))
    assert len(message["altText"].encode("utf-16-le")) // 2 <= 1500 and message["altText"].startswith("🏢" * 749)


def test_only_https_images_become_the_hero_and_further_images_follow_as_messages() -> None:
    images = (ReplyImage("a.png", "A", url="http://insecure.example/a.png"),
              ReplyImage("b.png", "B", url="https://cdn.example/b.png"),
              ReplyImage("c.png", "C", url="https://cdn.example/c.png"))
    bubble, extra = messages_for(replace(ANSWER, images=images))
    assert bubble["contents"]["hero"]["url"] == "https://cdn.example/b.png"
    assert extra["type"] == "image" and extra["originalContentUrl"] == "https://cdn.example/c.png"
    assert "quickReply" in extra and "quickReply" not in bubble


def test_vote_data_is_signed_for_one_user_and_one_vote() -> None:
    signed = feedback_data("0123456789abcdef", True, "ja", "U0001", SECRET)
    assert len(signed) <= 300
    assert signed != feedback_data("0123456789abcdef", True, "ja", "U0002", SECRET)
    assert signed != feedback_data("0123456789abcdef", True, "ja", "U0001", "another secret")
