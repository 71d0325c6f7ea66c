"""誰が and いくつか: who does something is not who something is; "some" asks no count."""

from __future__ import annotations

import pytest

from bot.service import Answerer
from single_reply import outcome


@pytest.mark.parametrize("text", ["新人の仕事は誰が教えてくれるんですか", "しごと は だれ が おしえて くれますか"])
def test_who_does_it_is_not_who_the_work_is(plain_answerer: Answerer, text: str) -> None:
    # "仕事は誰" was read as "who is the 仕事", a role the OJT answer never names: refused. 誰 is the one who teaches.
    assert outcome(plain_answerer, text) == ("answer", "training-ojt")


def test_who_a_role_is_is_still_refused_when_unnamed(plain_answerer: Answerer) -> None:
    assert outcome(plain_answerer, "新任研修の講師は誰ですか") == ("no answer", None)


@pytest.mark.parametrize("text", ["プレクラスの良いところ、いくつかあるなら教えて", "プレクラスのメリットっていくつかある？"])
def test_some_asks_no_count(plain_answerer: Answerer, text: str) -> None:
    # いくつか (some) was read as いくつ (how many): the five districts' count answered the merits asked.
    assert outcome(plain_answerer, text) == ("answer", "preclass-merits")


def test_how_many_still_asks_a_count(plain_answerer: Answerer) -> None:
    assert outcome(plain_answerer, "地区はいくつある？") == ("answer", "overview-districts")


def test_a_reading_begun_inside_one_kanji_is_no_typo() -> None:
    # "家から" read ウチカラ holds チカラ (力): a reading that starts inside one kanji's reading and runs past it is a
    # coincidence of sounds, not a mistyped word (a mistyped compound splits at a kanji's start: 与 + 算).
    from bot.readingtable import _starts_inside_a_word

    spans = {"家": (12, "ウチ"), "から": (14, "カラ")}
    assert _starts_inside_a_word(spans, 13, 16)  # ウ|チカラ: 力 begins inside 家's reading
    assert not _starts_inside_a_word(spans, 12, 16)  # from the start of 家's reading: a mistyped compound may


def test_a_kanji_read_another_way_spells_no_word_with_the_particle_after_it(plain_answerer: Answerer) -> None:
    # 家 read チ (one of its other readings, tried for a mistyped compound) made "家から" チカラ: 力, the new-technology
    # entry's word, answered a question naming nothing it knows.
    from bot.readingtable import _takes_a_particle

    assert outcome(plain_answerer, "家 から どの くらい") == ("no answer", None)
    spans = {"家": (12, "チ"), "から": (13, "カラ")}
    assert _takes_a_particle(spans, 12, 15)  # チ|カラ: ends with the whole particle
    assert not _takes_a_particle({"家": (0, "ヤ"), "ちん": (1, "チン")}, 0, 3)  # 家ちん: 家賃 mistyped


@pytest.mark.parametrize("text", ["短大しか出てないけど受験できる？", "海外 で 働いて いました 受験 できます か"])
def test_whether_one_may_apply_after_a_story_asks_the_eligibility(plain_answerer: Answerer, text: str) -> None:
    # The story's words (海外, 学校) pulled the answer to their own topic, or nothing reached the accept line.
    assert outcome(plain_answerer, text) == ("answer", "guide-application")


def test_who_told_in_the_sentence_before_asks_whether_they_may_apply(plain_answerer: Answerer) -> None:
    # The visa was told first, the exam asked after: read as asking the exam itself (its dates, its form).
    assert outcome(plain_answerer, "I have a student visa. Can I take the exam to become city staff?") == (
        "answer", "guide-application")


def test_from_a_place_one_may_apply_still_asks_the_exam(plain_answerer: Answerer) -> None:
    assert outcome(plain_answerer, "名古屋からでも受験できる？会場はどこ？") == ("answer", "guide-exam")


def test_a_number_before_the_whole_is_not_what_is_counted(plain_answerer: Answerer) -> None:
    # "among the five districts" was read as counting "five", which no district's answer counts: refused.
    text = "Among the five districts, which one has the Odaiba waterfront?"
    assert outcome(plain_answerer, text) == ("answer", "district-shibaura-konan")


def test_another_ward_in_romaji_is_another_place(plain_answerer: Answerer) -> None:
    # "shinjuku-ku" was read as the kana しんじゅくく, which falls apart (しん, じゅく): Minato's figure answered.
    assert outcome(plain_answerer, "shinjuku-ku no jinkou wa nannin desu ka") == ("no answer", None)
    assert outcome(plain_answerer, "chuo-ku no yosan wa ikura desu ka") == ("no answer", None)
    assert outcome(plain_answerer, "minato-ku no jinkou wa nannin desu ka") == ("answer", "overview-population")


@pytest.mark.parametrize("text", ["AIの睡眠の実験ってどれくらいの予算がついてるの？",
                                  "How much funding did the drone delivery trial get?"])
def test_the_budget_of_one_project_is_unstated(plain_answerer: Answerer, text: str) -> None:
    # "どれくらいの予算", "how much funding" ask an amount: the projects' answer names none, so it is not stated.
    assert outcome(plain_answerer, text) == ("no answer", None)


@pytest.mark.parametrize("text", ["採用試験は福岡でも受けられますか", "一次試験って仙台でも受験できる？"])
def test_a_place_one_may_take_the_exam_in_asks_the_venue(plain_answerer: Answerer, text: str) -> None:
    # "Xでも受けられる" read as who may apply (留学生でも受けられる): a place there asks where the exam is held.
    assert outcome(plain_answerer, text) == ("answer", "guide-exam")


def test_a_kind_of_person_one_may_be_still_asks_the_eligibility(plain_answerer: Answerer) -> None:
    assert outcome(plain_answerer, "社会人でも受けられますか") == ("answer", "guide-application")


def test_a_reading_is_not_begun_in_a_words_kana_ending(plain_answerer: Answerer) -> None:
    # "小さいよね" read さいよ as サイヨ (採用, its long vowel left out): the さい ends 小さい, typed in kanji.
    assert outcome(plain_answerer, "港区って面積は小さいよね、何平方キロ？") == ("answer", "overview-area")
