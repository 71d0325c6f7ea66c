"""やさしい日本語 (lang "easy"): every entry has it with ja's figures, kb check enforces it, the API and the
engine answer in it, and a question written in spaced simple Japanese gets it while ordinary Japanese does not."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import AsyncIterator

import pytest
from aiohttp.test_utils import TestClient, TestServer

from bot.config import Settings
from bot.easyja import figures, large_figures, looks_easy_japanese
from bot.knowledge import KnowledgeBase, check_knowledge
from bot.matching import Matcher
from bot.service import Answerer, Question
from handlers.web import create_app

SPACED_EASY = ["しょくいんが すむ いえは ありますか", "みなとくの じんこうは なんにん ですか", "しょくどうは ありますか　どこ ですか"]
ORDINARY = ["職員住宅はありますか？", "がいこくせきのひとはおおい？", "港区の人口は？", "港区 人口 職員数",
            "来年受験するのですが、港区で暮らす外国人はどれぐらいいますか？", "What is プレクラス?"]


def errors(directory: Path) -> list[str]:
    return [str(p) for p in check_knowledge(directory)[1] if not p.warning]


def test_every_bundled_entry_has_an_easy_answer_with_the_figures_of_ja(kb: KnowledgeBase) -> None:
    assert kb.entries
    for entry in kb.entries:
        easy = entry.answer.get("easy", "")
        assert easy.strip() and easy != entry.answer["ja"], entry.id
        assert figures(easy) == figures(entry.answer["ja"]), entry.id
        assert large_figures(entry.answer["ja"]) <= figures(entry.answer["en"]), entry.id


def test_figures_ignore_width_and_separators_and_count_era_years() -> None:
    assert figures("職員数2,296人") == figures("職員（しょくいん）は２２９６人") == {"2296"}
    assert figures("令和6年4月1日現在、8.44％") == {"6", "4", "1", "844"}
    assert large_figures("平成5年度、1,845億円") == {"1845"} <= figures("FY1993, 184.5 billion yen")


def test_kb_check_reports_a_missing_easy_answer_with_file_line_and_entry(kb_copy: Path) -> None:
    path = kb_copy / "overview.yaml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    at = next(i for i, line in enumerate(lines) if line.startswith("      easy: 港区（みなとく）の職員（しょくいん）は2,296"))
    del lines[at]
    path.write_text("".join(lines), encoding="utf-8")
    found = errors(kb_copy)
    answer_line = max(i for i in range(at) if lines[i] == "    answer:\n") + 1
    assert found == [f"overview.yaml:{answer_line}: entry 'overview-staff': 'answer' is missing language 'easy' "
                     "(やさしい日本語: see docs/knowledge-format.md)"], found


def test_kb_check_reports_an_easy_answer_whose_figures_differ_with_file_line(kb_copy: Path) -> None:
    path = kb_copy / "overview.yaml"
    text = path.read_text(encoding="utf-8")
    wrong = text.replace("は2,296人です。その中", "は2,269人です。その中", 1)
    assert wrong != text
    path.write_text(wrong, encoding="utf-8")
    line = next(n for n, row in enumerate(wrong.splitlines(), 1) if "2,269" in row)
    found = errors(kb_copy)
    assert len(found) == 1 and found[0].startswith(f"overview.yaml:{line}: entry 'overview-staff': "), found
    assert "{1241, 2269}" in found[0] and "{1241, 2296}" in found[0]


def test_kb_check_reports_an_en_answer_missing_a_large_figure(kb_copy: Path) -> None:
    path = kb_copy / "facts.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("Minato City has 22,631 foreign", "Minato City has 22,361 foreign", 1), encoding="utf-8")
    found = errors(kb_copy)
    assert len(found) == 1 and "facts-foreign-residents': the en answer lacks ja's figure(s) {22631}" in found[0]


@pytest.mark.parametrize("text", SPACED_EASY)
def test_a_spaced_simple_japanese_question_is_answered_in_easy(plain_answerer: Answerer, text: str) -> None:
    assert looks_easy_japanese(text)
    reply = plain_answerer.answer(Question(text))
    assert reply.lang == "easy"


@pytest.mark.parametrize("text", ORDINARY)
def test_an_ordinary_question_is_not_answered_in_easy(plain_answerer: Answerer, text: str) -> None:
    assert not looks_easy_japanese(text)
    assert plain_answerer.answer(Question(text)).lang in ("ja", "en")


def test_the_housing_question_in_easy_gets_the_easy_answer(plain_answerer: Answerer, kb: KnowledgeBase) -> None:
    reply = plain_answerer.answer(Question(SPACED_EASY[0]))
    assert reply.entry_id == "housing-staff" and reply.text == kb.by_id["housing-staff"].answer["easy"]
    assert reply.title == kb.by_id["housing-staff"].title["ja"]  # no easy title: the ja one stands in
    assert all(s.label and s.question for s in reply.suggestions)


def test_easy_chosen_answers_japanese_in_easy_and_english_in_english(plain_answerer: Answerer) -> None:
    assert plain_answerer.answer(Question("職員数は？", lang="easy")).lang == "easy"
    assert plain_answerer.answer(Question("How many staff?", lang="easy")).lang == "en"
    fallback = plain_answerer.answer(Question("宇宙飛行士の訓練について", lang="easy"))
    assert fallback.kind == "fallback" and "ごめんなさい" in fallback.text


@pytest.fixture
async def client(plain_answerer: Answerer) -> AsyncIterator[TestClient]:
    client = TestClient(TestServer(create_app(plain_answerer, Settings(rate_limit_per_minute=1000)), host="127.0.0.1"))
    await client.start_server()
    yield client
    await client.close()


async def test_api_ask_with_lang_easy_returns_the_easy_answer(client: TestClient, kb: KnowledgeBase) -> None:
    response = await client.post("/api/ask", json={"question": "職員の数は？", "lang": "easy"})
    body = await response.json()
    assert response.status == 200 and body["lang"] == "easy"
    assert body["entry_id"] == "overview-staff" and body["answer"] == kb.by_id["overview-staff"].answer["easy"]
    tapped = await client.post("/api/ask", json={"question": "?", "lang": "easy", "entry_id": "cafeteria"})
    assert (await tapped.json())["answer"] == kb.by_id["cafeteria"].answer["easy"]
    welcome = await client.get("/api/welcome?lang=easy")
    assert (await welcome.json())["lang"] == "easy"


def test_easy_answers_do_not_change_which_entry_answers(kb: KnowledgeBase) -> None:
    # Indexing easy answers let "文京区の人口は今後増える？" (another city) reach the forecast through 増える.
    without_easy = replace(kb, entries=tuple(
        replace(e, answer={k: v for k, v in e.answer.items() if k != "easy"}) for e in kb.entries), by_id={})
    questions = ["文京区の人口は今後増える？", "職員住宅はありますか？", "通勤どのくらい？", "家賃はいくら？",
                 "しょくいんが すむ いえは ありますか", "港区の人口は？"]
    for text in questions:
        ours, base = Matcher(kb).match(text), Matcher(without_easy).match(text)
        assert (ours.kind, ours.best and ours.best.entry_id) == (base.kind, base.best and base.best.entry_id), text
