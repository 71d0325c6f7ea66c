"""A tapped suggestion is logged as a tap on its entry, not as the caller's text answered; stats count it apart."""

from __future__ import annotations

from pathlib import Path

from bot.analytics import QuestionLog, iter_rows, read_stats
from bot.knowledge import KnowledgeBase
from bot.reports import stats_text
from bot.service import Answerer, Question


def test_a_tap_is_logged_as_a_tap_under_the_entry_title_and_kept_out_of_the_answer_rate(
    kb: KnowledgeBase, tmp_path: Path
) -> None:
    path = tmp_path / "log.db"
    answerer = Answerer(kb, QuestionLog(path))
    answerer.answer(Question("What is the weather today?", channel="web"))  # typed, not answered
    tapped = answerer.answer(Question("=HYPERLINK(\"http://evil\") anything at all", channel="web",
                                      entry_id="cafeteria", lang="ja"))
    answerer.answer(Question("食堂はありますか", channel="web"))  # typed, answered
    assert tapped.entry_id == "cafeteria" and tapped.log_id
    assert answerer.feedback(tapped.log_id, True)
    answerer.close()
    rows = {row["id"]: row for row in iter_rows(path)}
    tap = rows[tapped.log_id]
    assert tap["via"] == "tap" and tap["kind"] == "answer" and tap["entry_id"] == "cafeteria"
    assert tap["question"] == kb.by_id["cafeteria"].title["ja"] and "HYPERLINK" not in tap["question"]
    assert [row["via"] for row in rows.values() if row["id"] != tapped.log_id] == [None, None]
    stats = read_stats(path)
    assert (stats.total.questions, stats.total.answered, stats.total.missed, stats.total.taps) == (2, 1, 1, 1)
    assert stats.total.answer_rate == 0.5 and stats.total.helpful == 1
    [entry] = stats.top_entries
    assert (entry.entry_id, entry.asked, entry.tapped) == ("cafeteria", 1, 1)
    assert "suggestions tapped 1" in stats_text(stats)


def test_an_unknown_entry_id_is_answered_and_logged_as_the_typed_question(kb: KnowledgeBase, tmp_path: Path) -> None:
    path = tmp_path / "log.db"
    answerer = Answerer(kb, QuestionLog(path))
    reply = answerer.answer(Question("食堂はありますか", entry_id="no-such-entry"))
    answerer.close()
    [row] = list(iter_rows(path))
    assert reply.entry_id == "cafeteria" and row["via"] is None and row["question"] == "食堂はありますか"
