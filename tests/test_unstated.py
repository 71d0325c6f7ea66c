"""Details the briefing does not state about a topic it covers: the asked kind of fact, read more completely.

Wordings are our own, never a benchmark's.
"""

from __future__ import annotations

import pytest

from bot.details import DetailCheck
from bot.kanaplaces import romaji_country
from bot.knowledge import KnowledgeBase
from bot.service import Answerer, Question


@pytest.fixture(scope="module")
def details(kb: KnowledgeBase) -> DetailCheck:
    """Return the detail rule over the bundled knowledge."""
    return DetailCheck(kb)


def kinds(details: DetailCheck, text: str) -> list[str]:
    """Return the names of the kinds of detail a question asks for."""
    return [item.kind.name for item in details.asked(text)]


def test_a_date_is_held_by_a_date_or_a_length_of_time_not_by_any_figure(details: DetailCheck) -> None:
    asked = details.asked("それはいつ？")
    assert not details.holds("newtech-projects", asked)  # 22件, 5件: counts, no date
    assert details.holds("preclass-timeline", asked)  # 4月末
    assert details.holds("commute-time", details.asked("how long does it take?"))  # 1時間


def test_a_date_no_close_entry_holds_is_not_answered(plain_answerer: Answerer) -> None:
    assert plain_answerer.answer(Question("ロボットの実験はいつからですか")).kind == "fallback"
    assert plain_answerer.answer(Question("プレクラスが終わるのはいつ？")).entry_id == "preclass-timeline"


def test_when_and_itsu_ask_only_where_they_ask(details: DetailCheck) -> None:
    assert "date or period" not in kinds(details, "いつつの地区の名前")  # five, not when
    assert "date or period" not in kinds(details, "Will there be a mentor when I start?")  # a conjunction
    assert "date or period" in kinds(details, "When does the pre-class end?")
    assert "date or period" in kinds(details, "いつから？")
    assert "date or period" in kinds(details, "until when?")


@pytest.mark.parametrize("question", ["しばちくの たわーは なんめーとる？", "しばちくの たわーって なんめーとる",
                                      "Shiba chiku no tawaa wa nan meetoru?"])
def test_a_unit_typed_in_kana_or_romaji_asks_like_its_katakana(plain_answerer: Answerer, question: str) -> None:
    # 何メートル typed as なんめーとる (or nan meetoru): the district's entry names the tower, not its height.
    assert plain_answerer.answer(Question(question)).kind == "fallback"


def test_a_place_asked_about_in_kana_is_still_answered(plain_answerer: Answerer) -> None:
    assert plain_answerer.answer(Question("しばちくの たわーは どこ？")).entry_id == "district-shiba"


def test_a_rate_per_item_needs_a_figure_in_its_unit(details: DetailCheck, plain_answerer: Answerer) -> None:
    assert [(item.kind.name, item.unit) for item in details.asked("ひとクラスなんにん？")] == [("count", "にん")]
    assert not details.holds("preclass-timeline", details.asked("1クラス何人？"))  # 4月末 is no count of people
    assert plain_answerer.answer(Question("プレクラスはひとクラスなんにん？")).kind == "fallback"
    assert plain_answerer.answer(Question("パネリストは何人？")).entry_id == "panel"  # people: named ones count


@pytest.mark.parametrize("question", ["What is the average age of the staff?", "新人職員の平均年齢って？"])
def test_an_average_is_answered_only_by_an_entry_stating_one(plain_answerer: Answerer, question: str) -> None:
    # The guide's entry on eligibility and age limits states no average age.
    assert plain_answerer.answer(Question(question)).kind == "fallback"


def test_an_average_the_briefing_gives_is_answered_and_the_guide_states_none(plain_answerer: Answerer) -> None:
    assert plain_answerer.answer(Question("通勤時間の平均は？")).entry_id == "commute-time"
    assert plain_answerer.answer(Question("残業時間は月の平均でどのくらい？")).kind == "fallback"  # no statistic


@pytest.mark.parametrize("question", ["外国人住民の出身で一番多い国はどれ？", "港区で一番大きいホテルはどこ？",
                                      "Which hotel in Minato has the most rooms?"])
def test_which_ranks_first_needs_an_answer_naming_that_first(plain_answerer: Answerer, question: str) -> None:
    # The nationalities' count ranks nothing; the hotel rooms' 都内最多 ranks Minato, not a hotel inside it.
    assert plain_answerer.answer(Question(question)).kind == "fallback"


@pytest.mark.parametrize(("question", "entry"), [("大使館が一番多いのはどこの自治体？", "facts-embassies"),
                                                 ("Which city in Japan has the most embassies?", "facts-embassies"),
                                                 ("昼間人口が都内で一番多いのはどこ？", "facts-daytime-population")])
def test_which_place_ranks_first_is_answered_by_the_ranking(plain_answerer: Answerer, question: str, entry: str) -> None:
    assert plain_answerer.answer(Question(question)).entry_id == entry


@pytest.mark.parametrize("question", ["Itaria ryouri no resutoran wa arimasu ka", "Betonamu no taishikan wa doko desu ka",
                                      "Indoneshia no hito wa nannin imasu ka"])
def test_a_country_typed_in_romaji_is_a_place_the_knowledge_lacks(plain_answerer: Answerer, question: str) -> None:
    assert plain_answerer.answer(Question(question)).kind == "fallback"


def test_romaji_without_a_country_still_finds_its_entry(plain_answerer: Answerer) -> None:
    assert plain_answerer.answer(Question("Taishikan wa ikutsu arimasu ka")).entry_id == "facts-embassies"


def test_a_romaji_word_reads_as_a_country_with_its_long_vowels() -> None:
    assert romaji_country("nepaaru") == "ネパール"
    assert romaji_country("firipin") == "フィリピン"
    assert romaji_country("taishikan") is None
    assert romaji_country("nepal") == "ネパール"  # spelled the English way: its long vowel has no letter
    assert romaji_country("jinkou") is None


@pytest.mark.parametrize("question", ["大田区と港区、職員はどっちが多い？", "Are there more staff in Minato than in Ota?"])
def test_minato_against_another_place_needs_an_answer_that_compares(plain_answerer: Answerer, question: str) -> None:
    # The staff's homes name Ota among other places; they say nothing of how many staff either ward has.
    assert plain_answerer.answer(Question(question)).kind == "fallback"


@pytest.mark.parametrize("question", ["一人あたりの予算は他の自治体より多い？",
                                      "Is the budget per person higher than in other wards?"])
def test_a_comparison_the_answer_makes_is_answered(plain_answerer: Answerer, question: str) -> None:
    assert plain_answerer.answer(Question(question)).entry_id == "overview-budget-per-person"  # トップクラス


@pytest.mark.parametrize("question", ["23区でいちばん人口の多い区はどこ？", "日本で人口が一番多い区はどれ？"])
def test_which_ranks_first_by_a_measure_the_answer_does_not_rank_by(plain_answerer: Answerer, question: str) -> None:
    # The embassies' 全国最多 ranks embassies, not population.
    assert plain_answerer.answer(Question(question)).kind == "fallback"


def test_which_ranks_first_by_the_answers_own_measure_is_answered(plain_answerer: Answerer) -> None:
    assert plain_answerer.answer(Question("ホテルの部屋数が都内で一番多いのはどこ？")).entry_id == "facts-hotel-rooms"


def test_a_country_in_katakana_is_no_piece_of_a_word_typed_in_kana(plain_answerer: Answerer) -> None:
    # タイ reads like the start of たいしかん: it is still a place the knowledge lacks, not part of 大使館.
    assert plain_answerer.answer(Question("タイ の たいしかんに いきたいです")).kind == "fallback"
    assert plain_answerer.answer(Question("たいしかん は いくつ ありますか")).entry_id == "facts-embassies"
    assert plain_answerer.answer(Question("ぱねるの とうだんしゃは だれ")).entry_id == "panel"  # とう (唐) in hiragana


def test_a_maker_asked_is_a_company_the_answer_does_not_name(plain_answerer: Answerer) -> None:
    assert plain_answerer.answer(Question("睡眠サポートのAIはどのメーカーが作ったの？")).kind == "fallback"


def test_a_year_is_no_count_but_people_are_counted_by_naming_them(details: DetailCheck,
                                                                  plain_answerer: Answerer) -> None:
    # The panel's answer holds 平成5年度 and two names: no count of consultations, but the panellists' number.
    assert not details.holds("panel", details.asked("相談の件数は？"))
    assert details.holds("panel", details.asked("何人？"))
    assert plain_answerer.answer(Question("みなと保健所の健康相談の件数は？")).kind == "fallback"
    assert plain_answerer.answer(Question("パネルディスカッションの登壇者の人数は？")).entry_id == "panel"
    assert plain_answerer.answer(Question("中島さんは何年に入区した？")).entry_id == "panel"  # a year, asked as one


@pytest.mark.parametrize("question", ["What is the biggest merit of the pre-class system?", "プレクラスの一番のメリットはどれ？"])
def test_the_chief_point_of_a_topic_is_no_ranking_of_members(plain_answerer: Answerer, question: str) -> None:
    assert plain_answerer.answer(Question(question)).entry_id == "preclass-merits"


@pytest.mark.parametrize("question", ["中島さんってどこの大学を出たの？どこの大学出身？", "土井さんの出身校は？"])
def test_a_panelists_school_is_not_stated(plain_answerer: Answerer, question: str) -> None:
    # The panel's answer names each panelist, their year of joining and post; not where they studied.
    assert plain_answerer.answer(Question(question)).kind == "fallback"


def test_the_most_common_one_of_a_kind_is_a_ranking_no_answer_gives(plain_answerer: Answerer) -> None:
    # The nationalities' entry counts them (how many), it does not rank them.
    assert plain_answerer.answer(Question("What is the most common nationality of foreign residents?")).kind == "fallback"


@pytest.mark.parametrize("question", ["大使館が一番多いのはどこの国？", "ホテルが一番多い地区ってどこ？"])
def test_which_member_of_minato_ranks_first_is_not_minatos_own_ranking(plain_answerer: Answerer, question: str) -> None:
    # The answers rank Minato among other places (全国最多, 都内最多); they name no country or district that ranks first.
    assert plain_answerer.answer(Question(question)).kind == "fallback"


def test_a_ranking_inside_minato_typed_in_spaced_kana_is_no_ranking_of_minato(plain_answerer: Answerer) -> None:
    # the nationality most residents have, which the answer ranking Minato's embassies nationwide does not name
    reply = plain_answerer.answer(Question("みなとくの がいこくじんで いちばん おおい くには どれ？", channel="test"))
    assert not reply.matched


@pytest.mark.parametrize(("question", "answered"), [
    ("客室数は日本全体だと何位くらい？", False),  # the answer ranks the rooms in Tokyo (都内最多) only
    ("大使館の数は世界で何位？", False),
    ("ホテルの客室数は23区で何位？", True),  # first in Tokyo is first among the 23 wards
])
def test_a_rank_in_a_wider_scope_than_the_answers_is_not_answered(plain_answerer: Answerer, question: str,
                                                                   answered: bool) -> None:
    assert plain_answerer.answer(Question(question, channel="test")).matched is answered


@pytest.mark.parametrize(("question", "answered"), [
    ("Is the foreign resident count the largest among the 23 wards?", False),  # the answer ranks nothing
    ("Is the number of embassies the highest in Japan?", True),  # 全国最多 says so
])
def test_whether_it_ranks_first_needs_an_answer_ranking_it(plain_answerer: Answerer, question: str,
                                                           answered: bool) -> None:
    assert plain_answerer.answer(Question(question, channel="test")).matched is answered


def test_a_layout_asked_as_ldk_is_a_size_no_answer_states(plain_answerer: Answerer) -> None:
    assert not plain_answerer.answer(Question("職員住宅って 何 LDK ですか", channel="test")).matched


@pytest.mark.parametrize("question", ["きみ なんさい？", "みなとくの くちょうって なんさい？", "ねえ、ボットくんは何歳？"])
def test_the_age_of_the_bot_or_of_a_person_in_kana_is_no_age_limit(plain_answerer: Answerer, question: str) -> None:
    assert not plain_answerer.answer(Question(question, channel="test")).matched


@pytest.mark.parametrize("question", ["何歳まで受けられる？", "なんさいまで うけられますか"])
def test_an_age_asked_of_nobody_is_still_the_age_limit(plain_answerer: Answerer, question: str) -> None:
    assert plain_answerer.answer(Question(question, channel="test")).entry_id == "guide-application"


@pytest.mark.parametrize("question", ["中島さんと土井さん、年齢はどっちが上？",
                                      "Which university did Ms. Nakajima from the panel graduate from?"])
def test_a_panelists_age_or_school_asked_another_way_is_not_stated(plain_answerer: Answerer, question: str) -> None:
    assert plain_answerer.answer(Question(question)).kind == "fallback"


@pytest.mark.parametrize("question", ["土井 重典さんの趣味", "パネリストの土井さんの出身はどこ？", "中島さんは英語が話せますか",
                                      "Do the two panelists speak English?"])
def test_a_panelists_hobby_hometown_or_languages_are_not_stated(plain_answerer: Answerer, question: str) -> None:
    assert plain_answerer.answer(Question(question)).kind == "fallback"


def test_a_panelists_section_is_still_answered(plain_answerer: Answerer) -> None:
    assert plain_answerer.answer(Question("土井さんってどこの課の人？")).entry_id == "panel"


def test_who_holds_an_office_is_answered_only_by_a_name(plain_answerer: Answerer) -> None:
    # OJT's answer names a role (先輩職員, 担当), no one holding the office of 教育長.
    assert plain_answerer.answer(Question("港区の教育長はどなたでしょうか。")).kind == "fallback"
    assert plain_answerer.answer(Question("パネリストの課長さんは誰？")).entry_id == "panel"


def test_staff_said_to_be_foreign_later_in_an_english_question_are_counted_by_no_answer(plain_answerer: Answerer) -> None:
    assert plain_answerer.answer(Question("How many of the staff at the ward office are non-Japanese?")).kind == "fallback"


def test_the_year_a_panelist_was_born_is_unstated(plain_answerer: Answerer) -> None:
    assert plain_answerer.answer(Question("パネリストの土井さんって何年生まれですか")).kind == "fallback"
