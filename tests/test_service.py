"""The Answerer seam: answers, languages, junk input, logging that never blocks an answer."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlite_utils

from bot.analytics import QuestionLog
from bot.knowledge import KnowledgeBase
from bot.service import Answerer, Question


def test_japanese_question_gets_a_japanese_answer(plain_answerer: Answerer) -> None:
    reply = plain_answerer.answer(Question("港区の職員住宅はどこにありますか？"))
    assert reply.matched and reply.entry_id == "housing-staff" and reply.lang == "ja"
    assert "六本木" in reply.text


def test_english_question_gets_an_english_answer(plain_answerer: Answerer) -> None:
    reply = plain_answerer.answer(Question("Is there a staff cafeteria?"))
    assert reply.matched and reply.entry_id == "cafeteria" and reply.lang == "en"
    assert "Tokyo Tower" in reply.text


def test_a_tapped_suggestion_answers_that_entry_in_the_chosen_language(plain_answerer: Answerer) -> None:
    reply = plain_answerer.answer(Question("区役所の食堂", entry_id="cafeteria", lang="en"))
    assert reply.entry_id == "cafeteria" and reply.lang == "en"


def test_answers_carry_images_and_related_suggestions(plain_answerer: Answerer) -> None:
    reply = plain_answerer.answer(Question("港区の5つの地区について教えて"))
    assert reply.entry_id == "overview-districts"
    assert reply.images and reply.images[0].path is not None and reply.images[0].path.is_file()
    assert reply.suggestions and all(s.entry_id for s in reply.suggestions)


@pytest.mark.parametrize("text", ["", "   ", "🍜🍜🍜", "!!!???", "\x00\x01\x02\x03\x04garbage", "食" * 10_000, "a" * 10_000])
def test_junk_input_never_raises(plain_answerer: Answerer, text: str) -> None:
    reply = plain_answerer.answer(Question(text))
    assert reply.kind in {"invalid", "fallback"}
    assert reply.text


@pytest.mark.parametrize("text", ["こんにちは", "ありがとう！", "hello", "help", "使い方"])
def test_small_talk_gets_a_friendly_reply_with_examples(plain_answerer: Answerer, text: str) -> None:
    reply = plain_answerer.answer(Question(text))
    assert reply.kind == "smalltalk" and reply.suggestions


def test_every_question_is_logged_with_masked_text_and_hashed_user(kb: KnowledgeBase, tmp_path: Path) -> None:
    answerer = Answerer(kb, QuestionLog(tmp_path / "log.db"), salt="pepper")
    reply = answerer.answer(Question("食堂はありますか", channel="web", user_id="U123"))
    answerer.answer(Question("連絡先は taro@example.com と 090-1234-5678 です", channel="web", user_id="U123"))
    answerer.close()
    rows = list(sqlite_utils.Database(tmp_path / "log.db")["questions"].rows)
    assert len(rows) == 2
    first, second = rows
    assert first["id"] == reply.log_id and first["entry_id"] == "cafeteria" and first["matched"] == 1
    assert first["channel"] == "web" and first["kb_version"] == kb.version and first["latency_ms"] >= 0
    assert first["user_hash"] and "U123" not in first["user_hash"] and first["user_hash"] == second["user_hash"]
    assert "taro@example.com" not in second["question"] and "090-1234-5678" not in second["question"]
    assert "[email]" in second["question"] and "[phone]" in second["question"]
    assert second["matched"] == 0 and second["entry_id"] is None


def test_feedback_is_recorded_once(answerer: Answerer) -> None:
    reply = answerer.answer(Question("食堂はありますか"))
    assert answerer.feedback(reply.log_id, True)
    assert not answerer.feedback(reply.log_id, False)
    assert not answerer.feedback("0000000000000000", True)


def test_a_broken_log_does_not_stop_the_answer(kb: KnowledgeBase, tmp_path: Path) -> None:
    question_log = QuestionLog(tmp_path / "log.db")
    answerer = Answerer(kb, question_log)
    question_log.close()  # every later write fails
    reply = answerer.answer(Question("食堂はありますか"))
    assert reply.matched and reply.entry_id == "cafeteria"
    assert not answerer.feedback(reply.log_id, True)


def test_log_database_uses_wal(answerer: Answerer, tmp_path: Path) -> None:
    answerer.answer(Question("食堂"))
    answerer.close()
    assert sqlite_utils.Database(tmp_path / "log.db").journal_mode == "wal"


def test_topics_follow_the_menu_in_scope_yaml_with_titles_and_questions(plain_answerer: Answerer,
                                                                       kb: KnowledgeBase) -> None:
    for lang in ("ja", "en"):
        topics = plain_answerer.topics(lang)
        entries = [e for e in kb.scope.menu if e in kb.by_id]
        assert [t.entry_id for t in topics[:-1]] == entries
        assert [t.label for t in topics[:-1]] == [kb.by_id[e].title[lang] for e in entries]
        assert [t.question for t in topics[:-1]] == [kb.by_id[e].questions[lang][0] for e in entries]
        assert topics[-1].switch_lang == "easy" and topics[-1].entry_id is None  # `lang:easy` in the menu
    assert plain_answerer.knows_entry("cafeteria") and not plain_answerer.knows_entry("no-such-entry")


def test_an_answer_carries_its_entry_title(plain_answerer: Answerer) -> None:
    assert plain_answerer.answer(Question("Is there a cafeteria?")).title == "City hall cafeteria"
    assert plain_answerer.answer(Question("今日の天気は？")).title == ""
