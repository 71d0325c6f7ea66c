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


def test_a_size_asked_goes_to_the_entry_stating_one(plain_answerer: Answerer) -> None:
    # 大きい is a word of the population's questions; the size asked beside it is the area's figure.
    assert outcome(plain_answerer, "港区は大きいですか？広さはどのくらい？") == ("answer", "overview-area")


def test_a_size_no_entry_states_is_still_refused(plain_answerer: Answerer) -> None:
    assert outcome(plain_answerer, "職員住宅の広さは？") == ("no answer", None)


def test_a_vegan_dish_is_a_menu_no_answer_gives(plain_answerer: Answerer) -> None:
    assert outcome(plain_answerer, "Is there vegan food at the staff canteen?") == ("no answer", None)


def test_a_citys_undertaking_is_its_initiative(plain_answerer: Answerer) -> None:
    # 事業 was unknown and read one sound off as 事情 (港区のホテル事情): the hotels.
    assert outcome(plain_answerer, "ドローンの事業ってなに？") == ("answer", "newtech-projects")


def test_english_chat_shorthand_is_spelled_out(plain_answerer: Answerer) -> None:
    assert outcome(plain_answerer, "how many ppl live in the ward") == ("answer", "overview-population")


@pytest.mark.parametrize("text", ["新技術チャレンジ、誰が提案できるの？", "shin gijutsu charenji wa dare ga teian dekimasu ka"])
def test_who_proposes_is_answered_by_the_businesses_named(plain_answerer: Answerer, text: str) -> None:
    assert outcome(plain_answerer, text) == ("answer", "newtech-what")


def test_the_person_in_charge_is_still_a_person_no_answer_names(plain_answerer: Answerer) -> None:
    assert outcome(plain_answerer, "新技術チャレンジの担当者は誰？") == ("no answer", None)


@pytest.mark.parametrize(("text", "entry"), [
    ("Is there accommodation for employees of the city?", "housing-staff"),  # not a hotel's accommodation
    ("Can international students take the exam?", "guide-application"),
    ("前職によって給与の格付けは変わる？", "guide-salary"),
    ("休職の制度はありますか", "guide-holidays"),  # 休職 is leave, not 給食 (school lunch) read alike
    ("what are the five districts called?", "overview-districts"),  # called: named, no population "called home"
    ("how large is the population of minato?", "overview-population")])  # large: the foreign community's word
def test_words_of_the_guide_and_of_english_questions(plain_answerer: Answerer, text: str, entry: str) -> None:
    assert outcome(plain_answerer, text) == ("answer", entry)


def test_housing_for_singles_or_families_is_a_household_no_answer_names(plain_answerer: Answerer) -> None:
    assert outcome(plain_answerer, "職員住宅ってファミリー向けですか？") == ("no answer", None)
