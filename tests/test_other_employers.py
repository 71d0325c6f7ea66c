"""Other public employers, a former employer, and a choice the candidate asks the bot to make."""

from __future__ import annotations

import pytest

from bot.service import Answerer
from single_reply import outcome


@pytest.mark.parametrize("text", ["文科省の採用試験の年齢制限は？", "国土交通省の技術職の試験日程を教えて"])
def test_a_national_ministrys_exam_is_another_employers(plain_answerer: Answerer, text: str) -> None:
    # The guide's entries point to Minato City's own recruitment guide, which says nothing of a ministry's exam.
    assert outcome(plain_answerer, text) == ("no answer", None)


@pytest.mark.parametrize("text", ["都庁で働いていた経験は初任給に加算されますか",
                                  "世田谷区で5年勤めていた経験は給料に反映されますか"])
def test_a_former_employer_is_where_the_candidate_comes_from(plain_answerer: Answerer, text: str) -> None:
    assert outcome(plain_answerer, text) == ("answer", "guide-salary")


@pytest.mark.parametrize("text", ["民間企業と区役所、どちらに進むべきでしょうか", "メーカーと港区、どっちを選べばいいか決めてください"])
def test_a_choice_to_make_for_the_candidate_is_refused(plain_answerer: Answerer, text: str) -> None:
    assert outcome(plain_answerer, text) == ("no answer", None)


def test_two_facts_weighed_against_each_other_are_still_answered(plain_answerer: Answerer) -> None:
    assert outcome(plain_answerer, "大使館の数と住民の国籍の数、どっちが多いの？") == ("answer", "facts-nationalities")


@pytest.mark.parametrize("text", ["Is Minato's population bigger than Munich's?",
                                  "How does the staff count compare to working at Toyota?"])
def test_a_name_the_knowledge_never_speaks_of_cannot_be_compared(plain_answerer: Answerer, text: str) -> None:
    assert outcome(plain_answerer, text) == ("no answer", None)


def test_two_figures_of_the_city_are_still_compared(plain_answerer: Answerer) -> None:
    assert outcome(plain_answerer, "Is the daytime population larger than the residents?") == (
        "answer", "facts-daytime-population")


def test_another_employers_name_is_read_whole(plain_answerer: Answerer) -> None:
    # デジタル庁 holds デジタル, a word of the new-technology entry: read whole, it is another employer's pay asked.
    assert outcome(plain_answerer, "デジタル庁の中途採用って年収いくら？") == ("no answer", None)


def test_a_country_typed_in_kana_is_that_place_whatever_word_it_reads_as(plain_answerer: Answerer) -> None:
    # かんこく reads as 勧告 (a pay recommendation) too: the analyzer names the country, which no answer speaks of.
    assert outcome(plain_answerer, "かんこくじんの しょくいんさんって いるの？") == ("no answer", None)
