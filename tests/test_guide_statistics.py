"""The recruitment guide's entries point to the guide for its rules (pay, exam, leave, hours), never for statistics."""

from __future__ import annotations

import pytest

from bot.service import Answerer, Question


@pytest.mark.parametrize("question", [
    "事務職の競争率は去年どれぐらい？",  # a ratio of applicants
    "月の残業時間の平均ってどのくらいですか",  # an average
    "男性の育休の取得率を教えてください",  # a rate
    "福祉職は毎年何人採用されますか",  # how many people are hired
    "What's the average number of overtime hours a month?",
    "毎月の残業って平均どのぐらい？",  # overtime is no commute: 残業 shares no 時間 with 通勤時間
])
def test_a_statistic_is_not_pointed_to_the_guide(plain_answerer: Answerer, question: str) -> None:
    assert plain_answerer.answer(Question(question)).kind == "fallback"


@pytest.mark.parametrize(("question", "entry_id"), [
    ("残業は多いですか？", "guide-holidays"),  # the working hours the guide states
    ("有給休暇は何日もらえますか", "guide-holidays"),  # a count of days, not of people
    ("試験はいつありますか", "guide-exam"),
    ("年齢制限は何歳までですか", "guide-application"),
    ("職員のうち女性の割合はどのくらい？", "overview-staff"),  # a share the answer gives as a part of a count
    ("女性職員は全体の何割ですか", "overview-staff"),  # 何割: a rate, not a count in 割 no answer states
])
def test_the_guides_rules_are_still_pointed_to(plain_answerer: Answerer, question: str, entry_id: str) -> None:
    reply = plain_answerer.answer(Question(question))
    assert (reply.kind, reply.entry_id) == ("answer", entry_id)


@pytest.mark.parametrize("question", ["土木職の初任給はいくらですか", "建築の技術職だと給料は事務職より高い？"])
def test_a_job_category_is_the_salarys_word_too(plain_answerer: Answerer, question: str) -> None:
    # the guide's pay tables are per job category: naming one does not take the question away from pay
    reply = plain_answerer.answer(Question(question))
    assert (reply.kind, reply.entry_id) == ("answer", "guide-salary")


@pytest.mark.parametrize("question", ["銀行で働いた年数は給料の計算に入りますか", "民間の経験は前歴換算されますか"])
def test_a_career_counted_in_pay_is_the_salarys(plain_answerer: Answerer, question: str) -> None:
    reply = plain_answerer.answer(Question(question))
    assert (reply.kind, reply.entry_id) == ("answer", "guide-salary")


@pytest.mark.parametrize("question", [
    "残業って毎月何時間くらいあるの？",  # how much overtime staff work is a figure, not a rule the guide holds
    "How much overtime do people usually do?",
    "ざんぎょうは どのくらい ですか",
])
def test_how_much_overtime_is_worked_is_no_rule_of_the_guide(plain_answerer: Answerer, question: str) -> None:
    assert plain_answerer.answer(Question(question)).kind == "fallback"


def test_a_subsidy_asked_in_kana_is_its_own_topic_not_the_salary(plain_answerer: Answerer) -> None:
    # じょせいきん reads as 助成, the self-development aid's word: its cap is no question of staff pay
    assert not plain_answerer.answer(Question("じょせいきん って いくら もらえる？", channel="test")).matched
    assert plain_answerer.answer(Question("きゅうりょう は いくら もらえる？", channel="test")).entry_id == "guide-salary"
