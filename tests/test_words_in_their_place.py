"""Words weighed where they stand: "now" names no topic, a loan word holds no other, a museum's exhibitions unstated."""

from __future__ import annotations

import pytest

from bot.matching import Matcher
from bot.service import Answerer
from single_reply import outcome


@pytest.fixture(scope="module")
def matcher(plain_answerer: Answerer) -> Matcher:
    return plain_answerer.matcher


@pytest.mark.parametrize("text", ["港区の職員って今は何人くらい？", "区の職員は現在何名いますか"])
def test_now_names_no_topic(plain_answerer: Answerer, text: str) -> None:
    # 今 was a word of the population's questions only (今の人口は？): the staff's count asked "now" went there.
    assert outcome(plain_answerer, text) == ("answer", "overview-staff")


def test_the_population_now_is_still_the_population(plain_answerer: Answerer) -> None:
    assert outcome(plain_answerer, "今の人口は？") == ("answer", "overview-population")


@pytest.mark.parametrize("text", ["国立新美術館では今どんな展覧会をやってる？",
                                  "What exhibition is on at the Mori Art Museum now?"])
def test_what_a_museum_shows_is_unstated(plain_answerer: Answerer, text: str) -> None:
    assert outcome(plain_answerer, text) == ("no answer", None)


@pytest.mark.parametrize(("text", "inside"), [("コンビニのフランチャイズって儲かる？", "ランチ")])
def test_a_loan_word_holds_no_word_in_its_middle(matcher: Matcher, text: str, inside: str) -> None:
    reading, _, _ = matcher.understand(text)
    assert inside not in {t.token.surface for t in reading.terms}


def test_a_loan_word_at_the_start_of_a_compound_is_still_read(matcher: Matcher) -> None:
    reading, _, _ = matcher.understand("ランチタイムの食堂は混む？")
    assert "ランチ" in {t.concept for t in reading.terms}
