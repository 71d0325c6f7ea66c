"""Details a close entry does not state: what a count counts, and more of the tenth session's refusals."""

from __future__ import annotations

import pytest

from bot.service import Answerer
from single_reply import outcome


@pytest.mark.parametrize("text", ["港区に遊びに来る外国人観光客って年に何人くらい？", "外国人観光客は毎年何人来ていますか",
                                  "how many chinese people visit minato each year"])
def test_a_count_of_something_no_entry_counts_is_refused(plain_answerer: Answerer, text: str) -> None:
    # The foreign residents' figure counts residents, not tourists; no entry counts students from abroad.
    assert outcome(plain_answerer, text) == ("no answer", None)


@pytest.mark.parametrize(("text", "entry"), [("外国人の住民は何人くらい？", "facts-foreign-residents"),
                                             ("how many staff work for the city", "overview-staff"),
                                             ("大使館の数は？", "facts-embassies")])
def test_a_count_the_entry_makes_is_answered(plain_answerer: Answerer, text: str, entry: str) -> None:
    assert outcome(plain_answerer, text) == ("answer", entry)


@pytest.mark.parametrize("text", ["赤坂のホテルの数は？", "赤坂 の ホテル の 数 は？", "麻布の大使館の数は？"])
def test_things_counted_in_one_place_need_an_answer_naming_it(plain_answerer: Answerer, text: str) -> None:
    # The city's counts (hotel rooms, embassies) were given for one district's, which the briefing does not state.
    assert outcome(plain_answerer, text) == ("no answer", None)


def test_things_counted_in_the_city_itself_are_still_counted(plain_answerer: Answerer) -> None:
    assert outcome(plain_answerer, "港区の大使館は何か所ありますか") == ("answer", "facts-embassies")


def test_two_counts_compared_are_each_counted_by_one_entry(plain_answerer: Answerer) -> None:
    kind, entry = outcome(plain_answerer, "国籍の数と大使館の数って、どっちが多い？")
    assert kind == "answer" and entry in ("facts-nationalities", "facts-embassies")


def test_how_a_count_is_asked_is_not_what_it_counts(plain_answerer: Answerer) -> None:
    # それぞれ and 1人あたり say how, not what: the two populations each, a rate.
    kind, entry = outcome(plain_answerer, "住民の数と昼間の人口、それぞれ何人？")
    assert kind == "answer" and entry in ("overview-population", "facts-daytime-population")


def test_a_figure_asked_without_its_qualifier_is_not_the_qualified_ones(plain_answerer: Answerer) -> None:
    # The daytime population is the most in Tokyo; the population's own rank is stated nowhere.
    assert outcome(plain_answerer, "港区の人口は都内で何位？") == ("no answer", None)
    assert outcome(plain_answerer, "昼間人口は都内で何番目？") == ("answer", "facts-daytime-population")
    assert outcome(plain_answerer, "人口が30万人になるのは何年？") == ("answer", "facts-population-forecast")


def test_of_the_guides_topics_the_one_holding_the_asked_detail_answers(plain_answerer: Answerer) -> None:
    # 高校卒業程度 names a track of how to apply; its exam's dates are the exam entry's (日程), however far below.
    assert outcome(plain_answerer, "高校卒業程度の採用試験は何月？") == ("answer", "guide-exam")


def test_a_comparison_with_a_side_no_entry_knows_is_refused(plain_answerer: Answerer) -> None:
    assert outcome(plain_answerer, "東京タワーと通天閣どっちが古い？") == ("no answer", None)
    kind, entry = outcome(plain_answerer, "大使館の数と国籍の数、どっちが多い？")
    assert kind == "answer" and entry in ("facts-embassies", "facts-nationalities")


def test_a_menu_asked_is_dishes_unless_it_is_the_training_offered(plain_answerer: Answerer) -> None:
    # 食道 typed for 食堂: the cafeteria's dishes, which no answer lists; 研修メニュー is the training entry's own word.
    assert outcome(plain_answerer, "区役所の食道はどんなメニュー？") == ("no answer", None)
    assert outcome(plain_answerer, "研修メニューを教えて") == ("answer", "training-overview")


def test_a_cue_with_a_gap_matches_its_words_apart_in_one_sentence() -> None:
    from bot.detailcues import cue_pattern
    pattern = cue_pattern(("受験…交通費", "telework…days a week"))
    assert pattern.search("北海道から受験する場合、交通費は出ますか")
    assert not pattern.search("通勤の交通費は出ますか")
    assert pattern.search("does minato let staff telework? how many days a week")


def test_the_fare_of_a_trip_to_the_exam_is_not_the_commuting_allowance(plain_answerer: Answerer) -> None:
    assert outcome(plain_answerer, "大阪から面接に行く場合、交通費は出ますか") == ("no answer", None)
    assert outcome(plain_answerer, "通勤の交通費は出ますか") == ("answer", "guide-salary")


def test_the_ratio_of_day_to_night_population_is_no_share_of_foreigners(plain_answerer: Answerer) -> None:
    assert outcome(plain_answerer, "港区って昼夜間人口比率はどれくらい？") == ("no answer", None)
    assert outcome(plain_answerer, "昼間人口は何人？") == ("answer", "facts-daytime-population")


def test_tourists_counted_are_not_the_hotel_rooms(plain_answerer: Answerer) -> None:
    assert outcome(plain_answerer, "港区に来る観光客の数って年間どのくらい？") == ("no answer", None)
    assert outcome(plain_answerer, "観光客向けのホテルの部屋数は？") == ("answer", "facts-hotel-rooms")


def test_the_citys_shelters_asked_about_are_not_the_drones_trial(plain_answerer: Answerer) -> None:
    assert outcome(plain_answerer, "避難所ってどこ？") == ("no answer", None)
    assert outcome(plain_answerer, "ドローンで避難所に物資を届ける実験って何？") == ("answer", "newtech-projects")


def test_how_well_a_trial_worked_is_no_answer_s(plain_answerer: Answerer) -> None:
    assert outcome(plain_answerer, "ドローン輸送の実証でどれくらい効果が出たんですか") == ("no answer", None)
    assert outcome(plain_answerer, "ドローンの実証実験って何？") == ("answer", "newtech-projects")


def test_how_many_the_city_hires_is_stated_nowhere(plain_answerer: Answerer) -> None:
    assert outcome(plain_answerer, "港区って一年で何人くらい採用してるの？") == ("no answer", None)
    assert outcome(plain_answerer, "Can foreigners apply?") == ("answer", "guide-application")


@pytest.mark.parametrize("text", ["is the US embassy in minato city?", "Which embassy is closest to the ward office?"])
def test_one_embassy_is_not_the_count_of_all(plain_answerer: Answerer, text: str) -> None:
    assert outcome(plain_answerer, text) == ("no answer", None)


def test_the_embassies_counted_are_still_answered(plain_answerer: Answerer) -> None:
    assert outcome(plain_answerer, "how many embassies are in minato") == ("answer", "facts-embassies")


def test_how_many_consultations_an_office_gets_is_counted_nowhere(plain_answerer: Answerer) -> None:
    # The panel names the child guidance centre a panelist heads; it counts no consultations.
    assert outcome(plain_answerer, "児童相談所って年間どのくらい相談が来るの？") == ("no answer", None)


@pytest.mark.parametrize("text", ["プレクラスのときって給食はもうあるの？", "食堂を取材したテレビ番組ってどこ？",
                                  "港区の食堂が紹介されたメディアはどこですか"])
def test_school_lunches_and_the_media_by_name_are_stated_nowhere(plain_answerer: Answerer, text: str) -> None:
    assert outcome(plain_answerer, text) == ("no answer", None)


def test_whether_the_cafeteria_was_on_tv_is_still_answered(plain_answerer: Answerer) -> None:
    assert outcome(plain_answerer, "食堂ってテレビとかに出たことある？") == ("answer", "cafeteria")


@pytest.mark.parametrize("text", ["could you look at my application resume?", "息子の履歴書を見てもらえますか",
                                  "面接の練習をお願いできますか"])
def test_a_service_the_bot_cannot_give_is_refused(plain_answerer: Answerer, text: str) -> None:
    assert outcome(plain_answerer, text) == ("no answer", None)


def test_what_papers_to_send_is_still_the_guides(plain_answerer: Answerer) -> None:
    assert outcome(plain_answerer, "応募書類は何が必要ですか") == ("answer", "guide-application")


def test_which_one_of_the_districts_a_place_is_in_asked_in_english(plain_answerer: Answerer) -> None:
    # Only a district's entry naming the place says so: Roppongi is named by the housing entry alone.
    assert outcome(plain_answerer, "Minato-ku has 5 districts right? which one is 六本木 in?") == ("no answer", None)
    assert outcome(plain_answerer, "Minato has five districts, which one is Odaiba in?") == (
        "answer", "district-shibaura-konan")


@pytest.mark.parametrize("text", ["有栖川宮記念公園で犬の散歩していいですか", "Is Arisugawa Park dog friendly at all?"])
def test_what_one_may_do_in_a_park_is_stated_nowhere(plain_answerer: Answerer, text: str) -> None:
    assert outcome(plain_answerer, text) == ("no answer", None)


def test_a_sport_told_about_oneself_is_no_leisure_asked(plain_answerer: Answerer) -> None:
    assert outcome(plain_answerer, "大学ではサッカー部でした。職員住宅はありますか？") == ("answer", "housing-staff")


@pytest.mark.parametrize("text", ["英語ができる職員は何人いますか", "育休を取った職員は何人？"])
def test_staff_narrowed_by_a_clause_are_counted_by_no_answer(plain_answerer: Answerer, text: str) -> None:
    # The staff's answer counts all staff and the women among them, not those who speak English or took leave.
    assert outcome(plain_answerer, text) == ("no answer", None)


@pytest.mark.parametrize("text", ["区役所で働く職員は何人？", "大使館がある国の数は？"])
def test_a_clause_saying_where_they_are_narrows_nothing(plain_answerer: Answerer, text: str) -> None:
    entry = "overview-staff" if "職員" in text else "facts-embassies"
    assert outcome(plain_answerer, text) == ("answer", entry)


@pytest.mark.parametrize("text", ["What share of engineers are women?", "What's the percentage of women among section chiefs?"])
def test_a_share_of_a_whole_no_answer_counts_is_refused(plain_answerer: Answerer, text: str) -> None:
    # The staff's answer counts the women among all staff, not among engineers or section chiefs.
    assert outcome(plain_answerer, text) == ("no answer", None)


def test_a_share_of_the_whole_an_answer_counts_is_answered(plain_answerer: Answerer) -> None:
    assert outcome(plain_answerer, "What share of staff are women?") == ("answer", "overview-staff")
