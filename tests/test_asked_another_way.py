"""A detail asked another way: "which place" as well as "where", …"""

from __future__ import annotations

import pytest

from bot.service import Answerer
from single_reply import outcome


@pytest.mark.parametrize("text", ["ドローンの配送って、どの地区で実験したんですか", "ロボットのトリアージはどの病院で試したの？",
                                  "AIの睡眠の検証はどの施設で行われた？"])
def test_which_place_a_trial_was_run_is_unstated(plain_answerer: Answerer, text: str) -> None:
    # "どこで実験" was refused; "どの地区で実験" (which place) asks the same site, which the projects' list does not give.
    assert outcome(plain_answerer, text) == ("no answer", None)


def test_what_a_trial_was_is_still_answered(plain_answerer: Answerer) -> None:
    assert outcome(plain_answerer, "ドローンの実証実験ってどんな内容？") == ("answer", "newtech-projects")


def test_international_alone_is_no_student(plain_answerer: Answerer) -> None:
    # "international student" was two keywords of the guide's application entry: "international" alone pulled a
    # question on the foreign residents there.
    text = "Is Minato international? How many foreign people live in the city?"
    assert outcome(plain_answerer, text) == ("answer", "facts-foreign-residents")


@pytest.mark.parametrize("text", ["Can international students apply?", "留学生でも応募できますか"])
def test_an_international_student_still_asks_who_may_apply(plain_answerer: Answerer, text: str) -> None:
    assert outcome(plain_answerer, text) == ("answer", "guide-application")


@pytest.mark.parametrize(("text", "entry"), [("Can you describe the budget?", "overview-budget"),
                                             ("Could you clarify how many staff there are?", "overview-staff")])
def test_a_request_to_explain_names_no_topic(plain_answerer: Answerer, text: str, entry: str) -> None:
    # "describe" was a word of the summary's "Can you describe Minato in a few words?": it pulled the budget there.
    assert outcome(plain_answerer, text) == ("answer", entry)


def test_the_citys_problems_are_its_administrative_issues(plain_answerer: Answerer) -> None:
    # "problems" was a word no entry used: the scheme matching new technology with the city's issues went unanswered.
    text = "Is there a program where private firms pitch technology to solve the ward's problems?"
    assert outcome(plain_answerer, text) == ("answer", "newtech-what")


def test_an_honorific_home_is_living_there(plain_answerer: Answerer) -> None:
    # お住まい is the polite "live", not 住まい (where staff live): the countries of those living here were not asked.
    assert outcome(plain_answerer, "区内には何か国の人がお住まいなんですか") == ("answer", "facts-nationalities")


def test_now_typed_in_kana_names_no_topic(plain_answerer: Answerer) -> None:
    # 今 named no topic; いま, as typed without converting, was an unknown word counting against every entry.
    reading, _, _ = plain_answerer.matcher.understand("職員っていまなんにん？")
    assert "いま" not in {t.token.surface for t in reading.terms if t.via == "unknown"}


def test_a_casual_kei_ending_names_no_topic(plain_answerer: Answerer) -> None:
    # 系 ("…ある系？") was a word of many paraphrases: けい in a kana word (けいば, horse racing) was read as it.
    assert outcome(plain_answerer, "けいばの よそう おしえて") == ("no answer", None)
    assert outcome(plain_answerer, "研修ってどんなのある系？") == ("answer", "training-overview")


def test_how_many_rooms_typed_in_kana_is_a_count(plain_answerer: Answerer) -> None:
    # 何個室 (なんこしつ) counts rooms, which the housing's answer does not state.
    assert outcome(plain_answerer, "職員住宅って なんこしつ くらい？") == ("no answer", None)


@pytest.mark.parametrize("text", ["ドローンの じっけんは ねんに なんかい やるの", "ロボットの実験は 1年に 何かい？"])
def test_times_a_year_typed_in_kana_is_a_count_of_times(plain_answerer: Answerer, text: str) -> None:
    # なんかい is 何回 or 何階; so often in a year it is 何回, a figure the projects' list does not state.
    assert outcome(plain_answerer, text) == ("no answer", None)


@pytest.mark.parametrize("text", ["楽天とメルカリ、どっちが休み多い？", "ソニーとパナソニックってどっちが初任給高い？",
                                  "JALとANAどっちが有給とりやすい？"])
def test_two_things_no_entry_knows_are_not_compared(plain_answerer: Answerer, text: str) -> None:
    # The word asked of them (ボーナス, 給料) is the guide's pay topic; the question is about neither Minato nor its staff.
    assert outcome(plain_answerer, text) == ("no answer", None)


@pytest.mark.parametrize(("text", "entry"), [("中島さんと土井さん、入区が早いのはどっち？", "panel"),
                                             ("迎賓館って赤坂と麻布のどっち？", "district-akasaka")])
def test_a_comparison_of_known_things_is_still_answered(plain_answerer: Answerer, text: str, entry: str) -> None:
    assert outcome(plain_answerer, text) == ("answer", entry)


def test_a_kind_the_answer_names_one_of_is_known(plain_answerer: Answerer) -> None:
    # お寺 is no word of the knowledge, but the cafeteria's answer names one: 増上寺 ends in 寺.
    assert outcome(plain_answerer, "食堂から見えるお寺の名前は？") == ("answer", "cafeteria")
    assert outcome(plain_answerer, "芝地区の橋の名前は？") == ("no answer", None)


@pytest.mark.parametrize(("text", "entry"), [("Who will supervise me when I start?", "training-ojt"),
                                             ("Apart from OJT, is any training held off-site?", "training-workplace")])
def test_english_words_for_the_trainer_and_the_training_outside(plain_answerer: Answerer, text: str, entry: str) -> None:
    assert outcome(plain_answerer, text) == ("answer", entry)


@pytest.mark.parametrize("text", ["フィリピンの学校で働いてました。職員住宅についておしえてくさい",
                                  "ベトナムで通訳をしていたので、新技術チャレンジのことをしりたいでっす"])
def test_a_request_typed_in_kana_or_mistyped_is_the_question(plain_answerer: Answerer, text: str) -> None:
    # The last clause did not count as asking: the whole message weighed fully, and the country told of in the
    # self-introduction made it a question about another place.
    assert outcome(plain_answerer, text)[0] == "answer"


def test_laughter_typed_as_a_letter_names_no_topic(plain_answerer: Answerer) -> None:
    assert outcome(plain_answerer, "港区ってどんなとこ？全然しらんｗ 教えてくだしあ") == ("answer", "overview-summary")


def test_casual_english_words_name_no_topic(plain_answerer: Answerer) -> None:
    # yo and stuff are chat; "trying out" new technology is its trials.
    assert outcome(plain_answerer, "yo what stuff is the city trying out with drones?") == ("answer", "newtech-projects")


def test_romaji_asking_how_long_is_japanese(plain_answerer: Answerer) -> None:
    # dore kurai / kakaru are no English words: the sentence is Japanese in romaji, read as kana.
    assert outcome(plain_answerer, "tsuukin dore kurai kakaru") == ("answer", "commute-time")


def test_the_one_named_besides_is_not_the_one_asked(plain_answerer: Answerer) -> None:
    # "研修ってOJTのほかに…": of the training, OJT is set aside; the entry listing every kind answers.
    assert outcome(plain_answerer, "職員の研修ってOJTのほかに何があるの？") == ("answer", "training-overview")


def test_a_sentence_ending_wake_asks_no_reason(plain_answerer: Answerer) -> None:
    # "…あるわけ？" (is it that…?) ends a sentence; わけ was a word of 理由 and pulled the districts to why-minato.
    assert outcome(plain_answerer, "港区って地区が5つあるわけ？") == ("answer", "overview-districts")


@pytest.mark.parametrize("text", ["プレクラスのメリッドを教えて", "プレクラスのメルットは？"])
def test_a_loan_word_with_a_tap_too_many_or_flicked_wrong(plain_answerer: Answerer, text: str) -> None:
    # ゛ tapped once too often (ド for ト), or the key flicked the wrong way (ル for リ), on a phone's keyboard.
    assert outcome(plain_answerer, text) == ("answer", "preclass-merits")


def test_a_short_word_is_not_read_as_a_slip(plain_answerer: Answerer) -> None:
    assert outcome(plain_answerer, "お台場でデートするならどこがいい？") == ("no answer", None)


@pytest.mark.parametrize(("text", "entry"), [("Does the city work with startups on new tech?", "newtech-what"),
                                             ("Zojoji temple, which chiku is it in?", "district-shiba")])
def test_startups_and_a_romaji_district(plain_answerer: Answerer, text: str, entry: str) -> None:
    assert outcome(plain_answerer, text) == ("answer", entry)
