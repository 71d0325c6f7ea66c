"""A follow-up asking a kind of fact (a date, a number of people, a place) is answered by an entry holding that kind
of fact, not by any figure: classes found by bench/followup_matrix.py, in wordings of our own."""

from __future__ import annotations

import pytest

from bot.service import Answerer, Question
from followup_turns import last_reply


@pytest.mark.parametrize(("first", "then"), [
    ("大使館っていくつある？", "いつ頃の数字？"), ("麻布地区を紹介して", "いつからあるの？"),
    ("How many hotel rooms are there?", "since when?"),
])
def test_a_date_is_not_any_figure(plain_answerer: Answerer, first: str, then: str) -> None:
    # Before: 81か国 (or the five districts' 5つ) held "a date or period", so the topic or its list answered again.
    assert last_reply(plain_answerer, first, then).kind == "fallback"


def test_a_date_the_topic_lacks_still_comes_from_its_timeline(plain_answerer: Answerer) -> None:
    assert last_reply(plain_answerer, "プレクラスってどういう仕組み？", "何月まで続くの？").entry_id == "preclass-timeline"


@pytest.mark.parametrize(("first", "then"), [
    ("OJTについて", "何人くらい？"), ("採用されたプロジェクトは？", "何人でやってるの？"),
    ("通勤ってどのくらいかかる？", "how many people?"),
])
def test_a_number_of_people_is_a_figure_of_people(plain_answerer: Answerer, first: str, then: str) -> None:
    # Before: any figure (81か国, 22件, 1時間) held a count of people, so the topic answered again.
    assert last_reply(plain_answerer, first, then).kind == "fallback"


@pytest.mark.parametrize(("first", "then", "expected"), [
    ("パネリストについて", "何人いたの？", "panel"),  # people are counted by naming them too
    ("職員は何人？", "女性は何人？", "overview-staff"),
])
def test_people_counted_or_named_still_answer(plain_answerer: Answerer, first: str, then: str, expected: str) -> None:
    assert last_reply(plain_answerer, first, then).entry_id == expected


@pytest.mark.parametrize(("first", "then"), [
    ("プレクラスってどういう仕組み？", "どこでやってるの？"), ("外国人って多い？", "where?"),
    ("OJTについて", "どこで？"),
])
def test_a_place_the_answers_do_not_name_is_not_answered(plain_answerer: Answerer, first: str, then: str) -> None:
    # Before: "どこ" asked no kind of fact, so the topic answered again without any place in it.
    assert last_reply(plain_answerer, first, then).kind == "fallback"


@pytest.mark.parametrize(("first", "then", "expected"), [
    ("職員住宅ってある？", "どのへん？", "housing-staff"), ("食堂はある？", "どこにあるの？", "cafeteria"),
    ("通勤時間を教えて", "みんなどこに住んでる？", "commute-residence"),
])
def test_a_place_comes_from_the_entry_naming_one(plain_answerer: Answerer, first: str, then: str, expected: str) -> None:
    assert last_reply(plain_answerer, first, then).entry_id == expected


@pytest.mark.parametrize(("question", "expected"), [
    ("採用案内はどこで読める？", "learn-more"), ("説明会のスライドはどこで見れますか", "slides-handout"),
])
def test_a_question_of_its_own_asking_where_is_not_routed_to_a_place(plain_answerer: Answerer, question: str,
                                                                      expected: str) -> None:
    # The place kind is `route: follow-up`: "where can I read it" asks a source, not a place of 港区.
    assert plain_answerer.answer(Question(question, channel="web")).entry_id == expected


@pytest.mark.parametrize("messages", [
    ("港区に大使館は何か国ある？",), ("職員住宅について", "港区に大使館は何か国ある？"),
])
def test_the_counter_of_a_count_names_no_topic(plain_answerer: Answerer, messages: tuple[str, ...]) -> None:
    # Before: the 国 of 何か国 was read as a topic word, which the nationalities' entry (国籍) explains best.
    assert last_reply(plain_answerer, *messages).entry_id == "facts-embassies"


@pytest.mark.parametrize("question", ["港区民の方々は何か国から来ているのでしょうか。", "区民の方々の国籍はいくつですか"])
def test_a_polite_word_for_people_is_no_unknown_topic(plain_answerer: Answerer, question: str) -> None:
    # Before: 方々 counted as a topic no entry knows, and took the nationalities under the answer threshold.
    assert plain_answerer.answer(Question(question, channel="web")).entry_id == "facts-nationalities"


@pytest.mark.parametrize(("first", "then", "expected"), [
    ("プレクラスの良いところは？", "5月以降は？", "preclass-timeline"),  # the timeline states 5月から
    ("プレクラスの良いところは？", "4月末までは？", "preclass-timeline"),
    ("ドローンの提案について", "どんな制度？", "newtech-what"),  # 制度 is the related entry's title word
    ("港区の予算を教えて", "1人あたりでは？", "overview-budget-per-person"),
])
def test_a_neighbour_the_message_names_answers(plain_answerer: Answerer, first: str, then: str, expected: str) -> None:
    # Before: the topic's words outweighed a figure or a title word only a neighbour of the topic holds.
    assert last_reply(plain_answerer, first, then).entry_id == expected


@pytest.mark.parametrize("messages", [
    ("通勤時間は？", "how many?"), ("港区の予算は？", "いくつ？"), ("児童相談所の相談件数は年に何件くらい？",),
])
def test_a_count_is_not_a_date_an_amount_or_an_area(plain_answerer: Answerer, messages: tuple[str, ...]) -> None:
    # Before: any figure held a count (1時間, 1,845億円, the panel's 平成5年度), so it answered again or alone.
    assert last_reply(plain_answerer, *messages).kind == "fallback"


def test_the_number_something_is_compared_to_is_not_asked(plain_answerer: Answerer) -> None:
    reply = plain_answerer.answer(Question("Is the city budget big compared with the number of residents?"))
    assert reply.entry_id in ("overview-budget", "overview-budget-per-person")


@pytest.mark.parametrize(("first", "expected"), [
    ("外国人住民の数を教えて", "facts-nationalities"), ("新任研修の様子は？", "training-overview"),
])
def test_something_else_is_the_first_related_entry(plain_answerer: Answerer, first: str, expected: str) -> None:
    # "他" names nothing, so HR's order decides; before, the topic's title words picked a later related entry.
    assert last_reply(plain_answerer, first, "ほかは？").entry_id == expected


@pytest.mark.parametrize(("first", "then"), [
    ("赤坂地区について教えて", "面積は？"), ("高輪地区ってどんな所", "人口はどれくらい？"),
    ("ドローンの提案について", "職員数は？"),
])
def test_the_citys_fact_asked_after_a_part_of_it_is_the_parts(plain_answerer: Answerer, first: str, then: str) -> None:
    # Before: the city's area, population or staff, which is not what was asked of the district or the projects.
    assert last_reply(plain_answerer, first, then).kind == "fallback"


@pytest.mark.parametrize(("first", "then", "expected"), [
    ("赤坂地区について教えて", "港区の面積は？", "overview-area"), ("港区の予算は？", "人口は？", "overview-population"),
    ("高輪地区ってどんな所", "職員住宅は？", "housing-staff"),
])
def test_the_citys_fact_asked_of_the_city_is_answered(plain_answerer: Answerer, first: str, then: str,
                                                      expected: str) -> None:
    assert last_reply(plain_answerer, first, then).entry_id == expected
