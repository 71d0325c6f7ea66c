"""Compounds typed with a wrong kanji of the right reading (bot.kanjiswap)."""

from __future__ import annotations

import pytest

from bot.kanjiswap import KanjiSwaps
from bot.service import Answerer, Question


@pytest.mark.parametrize("question, entry", [
    ("大紙館はいくつある？", "facts-embassies"),  # 紙 シ for 使 シ, in a compound the analyzer splits
    ("職員の通筋時間ってどれくらい？", "commute-time"),  # 筋 キン for 勤 キン
    ("職員の居住値はどこが多い？", "commute-residence"),  # 値 チ for 地 チ, after a known word
    ("試験の日提はいつ？", "guide-exam"),  # 提 テイ for 程 テイ, after 日 said ニッ (ニチ before テ)
    ("食印住宅はどこ？", "housing-staff"),  # both kanji swapped: 食 ショク, 印 イン read as 職員
    ("区の予参っていくらなの？", "overview-budget"),  # 参 サン for 算: 予 read as a pronoun (余), 参っ as a verb
])
def test_a_compound_with_a_kanji_of_the_same_reading_is_the_word_meant(plain_answerer: Answerer, question: str,
                                                                       entry: str) -> None:
    reply = plain_answerer.answer(Question(question))
    assert reply.kind == "answer" and reply.entry_id == entry


def test_a_swap_needs_the_reading_and_one_word_it_could_be() -> None:
    swaps = KanjiSwaps()
    swaps.learn("大使館", "タイシカン", "大使館")
    swaps.learn("住宅", "ジュウタク", "住宅")
    swaps.learn("住民", "ジュウミン", "住民")
    assert [s.word for s in swaps.find("大紙館", frozenset({"紙"}), frozenset(), frozenset())] == ["大使館"]
    assert swaps.find("大鉄館", frozenset({"鉄"}), frozenset(), frozenset()) == []  # 鉄 テツ is no シ
    assert swaps.find("大紙館", frozenset({"紙"}), frozenset(), frozenset({"大紙館"})) == []  # a place is left alone


def test_a_word_of_the_dictionary_is_not_taken_for_a_typo(plain_answerer: Answerer) -> None:
    # 扶養 is a word of its own (the dictionary reads it), not 教養 mistyped.
    reading = plain_answerer.answer(Question("扶養手当はありますか？"))
    assert reading.entry_id == "guide-salary"


def test_a_question_words_kanji_makes_no_homophone(plain_answerer: Answerer) -> None:
    # 何件 is read ナンケン, not taken for 下限 (カゲン): 件 is a word of its own here.
    reply = plain_answerer.answer(Question("港区の新技術の提案って何件くらい採択されたの？"))
    assert reply.kind == "answer" and reply.entry_id == "newtech-projects"


def test_a_homophone_never_cuts_across_the_analyzers_words(plain_answerer: Answerer) -> None:
    # 毎日|何時: 日何 reads ヒナン, but it cuts two words the analyzer read whole; it is no 避難 typed wrong.
    terms = plain_answerer.matcher.vocabulary.resolve("毎日何時から働くことになりますか？")
    assert "避難" not in {term.concept for term in terms}
    assert {"毎日", "何時"} <= {term.concept for term in terms}


@pytest.mark.parametrize(("question", "entry"), [("職場内研修と職場外研集、両方あるんですか", "training-workplace"),
                                                 ("港区の人効ってどれくらい？", "overview-population")])
def test_the_text_as_meant_is_read_again_whole(plain_answerer: Answerer, question: str, entry: str) -> None:
    # The analyzer split the run around the typo (職|場外|研|集): with 研修 put back it reads 職場外 as one word.
    assert plain_answerer.answer(Question(question)).entry_id == entry
