"""Questions whose words hide what they ask: a count typed over a space, a loan word's sound in hiragana, the guide's
entry holding the detail asked, a holiday named by its season."""

from __future__ import annotations

from bot.kanaloans import kana_loans
from bot.service import Answerer
from bot.spaced import joined_counts
from single_reply import outcome


def test_a_count_typed_over_a_space_is_one_word() -> None:
    assert joined_counts("職員 は 何 人 です か") == "職員 は 何人 です か"
    assert joined_counts("たいしかん は 何 か国") == "たいしかん は 何か国"
    assert joined_counts("何 人事") == "何 人事"  # 人事 is a word of its own, no counter


def test_a_spaced_count_asks_the_count(plain_answerer: Answerer) -> None:
    # 何 and 人 apart asked nothing countable, and the overview answered.
    assert outcome(plain_answerer, "港区 の 職員 は 何 人 いますか") == ("answer", "overview-staff")


def test_a_loan_words_sound_marks_a_loan_word_typed_in_hiragana() -> None:
    assert [token.surface for token in kana_loans("ちかくに おいしい かふぇ ありますか")] == ["カフェ"]
    assert kana_loans("ちかくに おいしい みせ ありますか") == []


def test_the_guides_entry_holding_the_asked_detail_answers(plain_answerer: Answerer) -> None:
    # The entry on who may apply came first, and it holds no month; the exam's entry does.
    assert outcome(plain_answerer, "大学3年で受けられる試験は何月ごろですか") == ("answer", "guide-exam")


def test_a_holiday_named_by_its_season_is_a_holiday(plain_answerer: Answerer) -> None:
    assert outcome(plain_answerer, "お盆や正月はちゃんと休めますか。前の店では無理でした。") == ("answer", "guide-holidays")


def test_the_topic_of_spaced_japanese_is_marked_across_its_spaces(plain_answerer: Answerer) -> None:
    # "プレクラス は": the space between the noun and its particle hid the head, and the general entry was refused.
    assert outcome(plain_answerer, "港区 の 小学校 の プレクラス は 何月 まで ですか") == ("answer", "preclass-timeline")


def test_the_city_alone_beside_an_unknown_adjective_is_no_question_of_the_briefing(plain_answerer: Answerer) -> None:
    assert outcome(plain_answerer, "とうきょうは いま あついですか")[0] == "no answer"
    assert outcome(plain_answerer, "港区ってどんなところ？") == ("answer", "overview-summary")


def test_where_in_tohoku_speech_asks_where(plain_answerer: Answerer) -> None:
    assert outcome(plain_answerer, "くやくしょの ひとたち どごに すんでるの") == ("answer", "commute-residence")


def test_of_the_guides_entries_the_one_whose_title_is_named_answers(plain_answerer: Answerer) -> None:
    # 職種 leans to how to apply; the question names the exam's title (試験).
    assert outcome(plain_answerer, "IT系の職種の採用試験ってありますか？") == ("answer", "guide-exam")


def test_whether_one_may_take_the_exam_stays_who_may_apply(plain_answerer: Answerer) -> None:
    assert outcome(plain_answerer, "わたし は タイ の こくせき です。 しけん を うける こと が できますか") == (
        "answer", "guide-application")


def test_for_how_much_in_kansai_speech_asks_a_price(plain_answerer: Answerer) -> None:
    # なんぼで: for how much, a price the cafeteria's entry does not state (not なんぼ alone: how many, how much).
    assert outcome(plain_answerer, "食堂のランチってなんぼぐらいで食べれるん？")[0] == "no answer"


def test_a_kind_of_staff_counted_is_refused_unless_the_answer_names_that_kind(plain_answerer: Answerer) -> None:
    from bot.service import Question
    turn = plain_answerer.explain(Question("難病のある職員は実際どのくらいいますか", channel="test", user_id="t"))
    assert turn.understanding is not None and "難病" in turn.understanding.result.reason
    assert outcome(plain_answerer, "女性の職員は何人いますか") == ("answer", "overview-staff")  # the answer names them
