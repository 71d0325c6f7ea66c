"""Matching: normalization-driven recall, the refusal rule, other municipalities, close calls."""

from __future__ import annotations

import pytest

from bot.details import DetailCheck
from bot.knowledge import KnowledgeBase
from bot.matching import Matcher
from bot.service import Answerer
from single_reply import outcome


@pytest.fixture(scope="module")
def matcher(kb: KnowledgeBase) -> Matcher:
    return Matcher(kb)


@pytest.mark.parametrize(
    ("question", "entry_id"),
    [
        ("区役所に食堂はありますか？", "cafeteria"),
        ("食道はある？", "cafeteria"),  # homophone typo
        ("しょくどうはある？", "cafeteria"),  # kana only
        ("ｼｮｸﾄﾞｳ ｱﾙ?", "cafeteria"),  # half-width katakana
        ("検収はどんなのがある？", "training-overview"),  # 検収 for 研修
        ("ﾌﾟﾚｸﾗｽって何", "preclass-what"),
        ("職員住宅ってありますか", "housing-staff"),
        ("寮ある？", "housing-staff"),
        ("Is there a dorm for staff?", "housing-staff"),
        ("HOW MANY EMBASSIES ARE IN MINATO", "facts-embassies"),
        ("what's the daytime population", "facts-daytime-population"),
        ("横浜から通ってる職員もいる？", "commute-residence"),  # a listed place, licensed by the entry
        ("給料はいくらですか", "guide-salary"),
        ("minato-kuのpopulationは？", "overview-population"),  # romaji phrase right before Japanese
        ("shokudouある？", "cafeteria"),  # romaji
        ("minatoku no jinko wa dore kurai desu ka", "overview-population"),
        ("azabu chiku no slogan wa?", "district-azabu"),  # an English word in a romaji sentence  # jinko: じんこう typed without its last ou
        ("しばちくの特徴は？", "district-shiba"),  # a compound typed in kana
        ("在留外国人は何人？", "facts-foreign-residents"),
        ("港区の与算はいくら？", "overview-budget"),  # 与 read as ヨ, not アタエ
        ("芝地句の見所は？", "district-shiba"),
        ("プレクラス制度の概用は？", "preclass-what"),
        ("港区の初人給を教えて", "guide-salary"),  # 初人給 for 初任給: its pieces (初, キュウ) are no words of their own  # 概用 for 概要, though 概 alone reads オオムネ, never ガイ  # 地句 for 地区, though the analyzer glued 地 to 芝 (芝地|句)
        ("痛勤時間はどのくらい", "commute-time"),
    ],
)
def test_questions_find_their_entry(matcher: Matcher, question: str, entry_id: str) -> None:
    result = matcher.match(question)
    assert result.kind == "answer", result
    assert result.best is not None and result.best.entry_id == entry_id


@pytest.mark.parametrize(
    "question",
    ["今日の天気は？", "週末雨降る？", "おすすめのラーメン屋を教えて", "Pythonでリストをソートするには", "How do I center a div in CSS?",
     "best ramen in tokyo", "大谷翔平のホームラン数",
     "港区の緑被率は？"],  # a word of its own, no typo: 被率 of 緑被率 is no 比率
)
def test_out_of_scope_questions_get_the_fallback(matcher: Matcher, question: str) -> None:
    assert matcher.match(question).kind == "fallback"


@pytest.mark.parametrize(
    "question", ["渋谷区の人口は？", "横浜市役所の食堂はおいしい？", "What is Osaka's budget?", "新宿区の職員数は？"]
)
def test_another_municipality_gets_the_fallback(matcher: Matcher, question: str) -> None:
    result = matcher.match(question)
    assert result.kind == "fallback" and result.reason == "another municipality"


def test_the_same_topic_without_another_city_is_answered(matcher: Matcher) -> None:
    assert matcher.match("港区の人口は？").best.entry_id == "overview-population"  # type: ignore[union-attr]


def test_must_not_answer_questions_in_the_knowledge_are_refused(matcher: Matcher, kb: KnowledgeBase) -> None:
    assert kb.scope.must_not_answer
    for question in kb.scope.must_not_answer:
        assert matcher.match(question).kind != "answer", question


def test_examples_in_the_knowledge_route_to_their_entries(matcher: Matcher, kb: KnowledgeBase) -> None:
    misses = [(e.id, q) for e in kb.entries for q in e.examples
              if (r := matcher.match(q)).kind != "answer" or r.best.entry_id != e.id]  # type: ignore[union-attr]
    assert not misses


def test_a_tie_gives_clarify(matcher: Matcher) -> None:
    from dataclasses import replace

    wide = Matcher(matcher.kb, replace(matcher.settings, clarify_margin=100.0))
    result = wide.match("職員について")  # two entries explain all of it
    assert result.kind == "clarify" and len(result.candidates) >= 2


def test_of_two_close_entries_the_one_explaining_more_answers(matcher: Matcher) -> None:
    from dataclasses import replace

    wide = Matcher(matcher.kb, replace(matcher.settings, clarify_margin=100.0))
    result = wide.match("通勤時間はどのくらい？")  # the commute time explains 時間 too, where staff live does not
    assert result.kind == "answer" and result.best is not None and result.best.entry_id == "commute-time"


@pytest.mark.parametrize("question", ["", "!!!", "🍜🍜", "12345"])
def test_no_words_is_invalid(matcher: Matcher, question: str) -> None:
    assert matcher.match(question).kind == "invalid"


def test_greeting_is_small_talk(matcher: Matcher) -> None:
    result = matcher.match("こんにちは！")
    assert result.kind == "smalltalk" and result.smalltalk is not None


def test_a_question_with_a_greeting_is_still_answered(matcher: Matcher) -> None:
    result = matcher.match("こんにちは、食堂はありますか？")
    assert result.kind == "answer" and result.best.entry_id == "cafeteria"  # type: ignore[union-attr]


def test_rank_is_ordered_and_bounded(matcher: Matcher) -> None:
    ranked = matcher.rank("プレクラス制度", limit=3)
    assert 1 <= len(ranked) <= 3
    assert [c.score for c in ranked] == sorted((c.score for c in ranked), reverse=True)
    assert all(0 <= c.score <= 100 for c in ranked)


@pytest.mark.parametrize("question", ["職員住宅の家賃はいくらですか？", "東京タワーの高さは何メートル？", "有栖川宮記念公園は何時に閉まりますか",
                                      "プレクラスを実施している小学校は何校？", "How much does the staff housing cost?"])  # a count (route: strict) no entry holds
def test_a_detail_the_answer_does_not_hold_gets_the_fallback(matcher: Matcher, question: str) -> None:
    result = matcher.match(question)
    assert result.kind == "fallback" and result.reason == "detail not in the knowledge"


@pytest.mark.parametrize(("question", "entry_id"), [("港区の予算はいくら？", "overview-budget"), ("給料はいくら？", "guide-salary")])
def test_a_detail_the_answer_holds_is_answered(matcher: Matcher, question: str, entry_id: str) -> None:
    result = matcher.match(question)
    assert result.kind == "answer" and result.best.entry_id == entry_id  # type: ignore[union-attr]


@pytest.mark.parametrize("question", ["ドローンの実証実験ってどこの会社がやってるの？", "港区の財政は健全だと思いますか？",
                                      "生成AIの睡眠トレーナーの実験結果はどうだった？"])
def test_company_opinion_and_result_questions_the_briefing_does_not_answer(matcher: Matcher, question: str) -> None:
    assert matcher.match(question).reason == "detail not in the knowledge"


def test_a_chat_request_whose_only_topic_word_is_its_own_is_small_talk(matcher: Matcher) -> None:
    assert matcher.match("面白い話を聞かせて").kind == "smalltalk"  # 面白い is also a word of why-minato
    assert matcher.match("港区の仕事で面白い話はある？").kind != "smalltalk"


@pytest.mark.parametrize("question", ["研修の感想文を書いてほしい", "Write me an application essay for the city, please",
                                      "本庁舎に車を停める駐車場はありますか", "国立新美術館の近くで夜に入れる飲食店は？",
                                      "Any restaurants worth trying near Arisugawa Park?"])
def test_writing_for_the_asker_parking_and_eateries_are_details_no_entry_holds(matcher: Matcher, question: str) -> None:
    result = matcher.match(question)
    assert result.kind == "fallback" and result.reason == "detail not in the knowledge"


def test_a_question_on_what_a_slide_says_asks_no_writing(matcher: Matcher) -> None:
    assert "writing" not in [d.kind.name for d in DetailCheck(matcher.kb).asked("研修のスライドに何が書いてあった？")]


def test_a_place_the_knowledge_does_not_know_is_not_read_as_a_mistyped_word(matcher: Matcher) -> None:
    terms = matcher.vocabulary.resolve("埼玉に住んで通勤しても大丈夫？")  # サイタマ holds サイタ, the reading of 最多
    assert "最多" not in {t.concept for t in terms}


def test_in_the_case_of_is_a_word_of_grammar(matcher: Matcher) -> None:
    terms = matcher.vocabulary.resolve("新卒の場合の研修は？")
    assert [t.via for t in terms if t.token.surface == "場合"] == ["weak"]  # not an unknown word counting against all


def test_an_entry_named_only_by_its_answer_answers_what_it_names(plain_answerer: Answerer) -> None:
    # No paraphrase speaks of the sleep trainer; the projects' answer lists it: naming both its words, it answers.
    assert outcome(plain_answerer, "スリープトレーナーってどういうもの？") == ("answer", "newtech-projects")


def test_one_word_only_an_answer_holds_is_no_answer(plain_answerer: Answerer) -> None:
    # 日本語 alone, a keyword of the exam's guide: "is my Japanese good enough?" asks nothing it holds.
    assert outcome(plain_answerer, "わたし の にほんご で だいじょうぶ だと おもいますか") == ("no answer", None)
