"""Details of a covered topic that its answer does not state: a part of a figure, one nationality, a trip, a price.

Each test names a general mechanism with made-up questions (never a benchmark question).
"""

from __future__ import annotations

import pytest

from bot.normalize import analyze
from bot.service import Answerer, Question
from single_reply import outcome


@pytest.mark.parametrize("question", [
    "米国人は何人住んでる？",  # the people of one country (米国人, one word) are not all foreign residents
    "英国人の住民は何人ですか",
    "区内に暮らす韓国人って多いの？",  # ... nor read as a homophone of a word the knowledge has (勧告)
])
def test_one_countrys_people_are_not_all_residents(plain_answerer: Answerer, question: str) -> None:
    assert outcome(plain_answerer, question) == ("no answer", None)


@pytest.mark.parametrize(("question", "entry_id"), [
    ("外国人の住民は何人？", "facts-foreign-residents"),
])
def test_home_and_foreign_people_are_still_answered(plain_answerer: Answerer, question: str, entry_id: str) -> None:
    assert outcome(plain_answerer, question) == ("answer", entry_id)


def test_the_home_countrys_people_name_no_other_place(plain_answerer: Answerer) -> None:
    vocabulary = plain_answerer.matcher.vocabulary
    words = {token.surface: token for token in analyze("日本人と韓国人")}
    assert words["韓国人"].is_place and vocabulary.is_foreign_place(words["韓国人"])
    assert not vocabulary.is_foreign_place(words["日本人"])


@pytest.mark.parametrize("question", [
    "麻布地区のみの人口を教えて",  # the district's entry states no population; the city's is not the district's
    "地区ごとの人口は？",
    "予算のうち子育てに使う額は？",  # a part of the budget the answer does not break down
    "職員のうち管理職は何人？",
])
def test_a_part_of_a_figure_is_refused(plain_answerer: Answerer, question: str) -> None:
    assert outcome(plain_answerer, question) == ("no answer", None)


@pytest.mark.parametrize(("question", "entry_id"), [
    ("職員のうち女性は何人？", "overview-staff"),  # the answer states the women's share
    ("港区だけの制度ですか？プレクラスって", "preclass-what"),
])
def test_a_part_the_answer_states_is_answered(plain_answerer: Answerer, question: str, entry_id: str) -> None:
    assert outcome(plain_answerer, question) == ("answer", entry_id)


@pytest.mark.parametrize("question", [
    "千葉駅から区役所まで何分かかる？",
    "立川から港区役所まで電車でどのくらい？",  # one trip's time is not the usual commute the answer gives
])
def test_a_trip_from_a_named_place_is_refused(plain_answerer: Answerer, question: str) -> None:
    assert outcome(plain_answerer, question) == ("no answer", None)


@pytest.mark.parametrize("question", [
    "How much is a meal at the staff canteen?",  # affordable is no price
    "区の公園の数は？",  # a count no answer holds
])
def test_a_figure_no_answer_holds_is_refused(plain_answerer: Answerer, question: str) -> None:
    assert outcome(plain_answerer, question) == ("no answer", None)


@pytest.mark.parametrize(("question", "entry_id"), [
    ("How much is the city's budget?", "overview-budget"),
    ("大使館の数は？", "facts-embassies"),
    ("通勤時間はどのくらい？", "commute-time"),
])
def test_figures_the_knowledge_holds_are_still_answered(plain_answerer: Answerer, question: str, entry_id: str) -> None:
    assert outcome(plain_answerer, question) == ("answer", entry_id)


@pytest.mark.parametrize(("question", "entry_id"), [
    ("人口が30万人を超えるのは令和10年ごろでしたよね？", "facts-population-forecast"),  # a guess, to be corrected
    ("土井さんが入区したのは平成10年くらいでしたっけ？", "panel"),
    ("予算って2000億くらいでしたっけ？", "overview-budget"),  # 2000億 is an amount, no year
])
def test_a_figure_guessed_at_is_answered_with_the_right_one(plain_answerer: Answerer, question: str,
                                                            entry_id: str) -> None:
    assert outcome(plain_answerer, question) == ("answer", entry_id)
    assert outcome(plain_answerer, "人口が30万人を超えるのは令和10年ごろ？") == ("no answer", None)  # asked, not guessed


@pytest.mark.parametrize("question", [
    "令和3年度の区の予算はいくら？",  # the answer states this year's budget, of no other year
    "去年の港区の人口は何人だった？",
    "5年後の職員数は何人の予定？",
    "What was the population of Minato in 2015?",
    "How many staff did the city have ten years ago?",  # a year counted back in words
    "What is the population of the Azabu district only?",  # the district's entry states no population
])
def test_a_figure_of_another_year_or_part_is_refused(plain_answerer: Answerer, question: str) -> None:
    assert outcome(plain_answerer, question) == ("no answer", None)


@pytest.mark.parametrize(("question", "entry_id"), [
    ("2024年の人口って何人？", "overview-population"),  # 2024 is 令和6年
    ("今年の予算はいくら？", "overview-budget"),
    ("去年受験しました。今年の試験はいつ？", "guide-exam"),  # the guide states no figure of its own
])
def test_the_answers_own_year_is_answered(plain_answerer: Answerer, question: str, entry_id: str) -> None:
    assert outcome(plain_answerer, question) == ("answer", entry_id)


@pytest.mark.parametrize("question", [
    "赤坂地区の人口は何人？",  # the city's population is not one district's
    "Azabu chiku no yosan wa ikura?",
    "takanawa chiku no jinkou wa nannin desu ka",  # 高輪 found across the spaces after the analyzer's words
    "How many Korean people live in the city?",  # one country's people (in English too)
    "What is the rent of the staff apartments?",
])
def test_a_detail_of_a_place_or_people_the_answer_does_not_name_is_refused(plain_answerer: Answerer,
                                                                           question: str) -> None:
    assert outcome(plain_answerer, question) == ("no answer", None)


@pytest.mark.parametrize(("question", "entry_id"), [
    ("お台場でドローンは何を運んだの？", "newtech-projects"),  # the project's answer names お台場
    ("How many foreign residents live in Minato?", "facts-foreign-residents"),
])
def test_a_detail_of_a_place_the_answer_names_is_answered(plain_answerer: Answerer, question: str,
                                                          entry_id: str) -> None:
    assert outcome(plain_answerer, question) == ("answer", entry_id)


@pytest.mark.parametrize("question", [
    "食堂が紹介されたのはどのテレビ番組？",  # which programme: the last noun of the compound is the kind picked
])
def test_which_one_of_a_kind_reads_the_compounds_head(plain_answerer: Answerer, question: str) -> None:
    assert outcome(plain_answerer, question) == ("no answer", None)


@pytest.mark.parametrize(("question", "entry_id"), [
    ("区役所の食堂ってテレビで紹介されたの？", "cafeteria"),  # being on television is the media coverage
    ("Was the city hall canteen ever on TV?", "cafeteria"),
])
def test_media_coverage_in_other_words_is_answered(plain_answerer: Answerer, question: str, entry_id: str) -> None:
    assert outcome(plain_answerer, question) == ("answer", entry_id)


@pytest.mark.parametrize("question", [
    "OJTの講師は誰ですか",  # the answer names no lecturer, whatever its topic
    "区長は誰？",
])
def test_who_holds_a_role_the_answer_never_names_is_refused(plain_answerer: Answerer, question: str) -> None:
    assert outcome(plain_answerer, question) == ("no answer", None)


@pytest.mark.parametrize(("question", "entry_id"), [
    ("パネリストは誰？", "panel"),
    ("新人に仕事を教える担当は誰？", "training-ojt"),
])
def test_who_holds_a_role_the_answer_names_is_answered(plain_answerer: Answerer, question: str, entry_id: str) -> None:
    assert outcome(plain_answerer, question) == ("answer", entry_id)


@pytest.mark.parametrize("question", [
    "研修事業の年間予算はいくら？",  # the budget of a topic other than the city's finances (over the link 年間)
    "ドローン配送にはいくら費用がかかった？",  # the owner before the word that only asks (いくら)
])
def test_a_figure_of_another_topic_is_refused(plain_answerer: Answerer, question: str) -> None:
    assert outcome(plain_answerer, question) == ("no answer", None)


@pytest.mark.parametrize("question", [
    "児童相談所の職員は全部で何人？",  # the panelists named are no count of an office's staff
    "みなと保健所はいつできたの？",  # the year a panelist joined is no founding date
    "都庁の採用試験の日程は？",  # another public employer's exam
])
def test_details_of_what_the_answer_only_names_are_refused(plain_answerer: Answerer, question: str) -> None:
    assert outcome(plain_answerer, question) == ("no answer", None)


@pytest.mark.parametrize(("question", "entry_id"), [
    ("パネリストは何人でしたか", "panel"),
    ("中島さんは何年に入区したの？", "panel"),
])
def test_what_the_answer_states_of_them_is_answered(plain_answerer: Answerer, question: str, entry_id: str) -> None:
    assert outcome(plain_answerer, question) == ("answer", entry_id)


def test_a_compound_typed_in_romaji_with_spaces_is_read_as_one_word(plain_answerer: Answerer) -> None:
    # ジコ + ケイハツ: only read together are they 自己啓発 (an English question, not a romaji sentence).
    assert outcome(plain_answerer, "Can you explain jiko keihatsu for staff?") == ("answer", "training-self-development")


@pytest.mark.parametrize("question", [
    "職員の住まいの例に千葉は入っていましたか？",  # whether a place is on the list: the list answers
    "職員の住んでいる所の例に、千葉市は含まれていますか",
])
def test_asking_whether_a_place_is_listed_is_answered_by_the_list(plain_answerer: Answerer, question: str) -> None:
    assert outcome(plain_answerer, question) == ("answer", "commute-residence")


def test_another_places_own_figure_is_still_refused(plain_answerer: Answerer) -> None:
    assert outcome(plain_answerer, "千葉市の人口は？") == ("no answer", None)


@pytest.mark.parametrize("question", [
    "区内の図書館の場所を教えて",  # the place of something no answer speaks of
    "港区の交番の場所は？",
])
def test_the_place_of_what_no_answer_speaks_of_is_refused(plain_answerer: Answerer, question: str) -> None:
    assert outcome(plain_answerer, question) == ("no answer", None)


@pytest.mark.parametrize("question", [
    "区の図書館は全部でいくつ？",  # a count of a thing (図書館) the knowledge never names, asked as the topic
])
def test_a_detail_of_an_unknown_topic_is_refused(plain_answerer: Answerer, question: str) -> None:
    assert outcome(plain_answerer, question) == ("no answer", None)


@pytest.mark.parametrize(("question", "entry_id"), [
    ("九州に住んでいても試験を受けられますか？試験会場はどこ？", "guide-exam"),  # where one lives, not asked about
])
def test_where_the_candidate_lives_is_no_place_asked_about(plain_answerer: Answerer, question: str,
                                                           entry_id: str) -> None:
    assert outcome(plain_answerer, question) == ("answer", entry_id)


def test_a_word_for_itself_names_no_unknown_topic(plain_answerer: Answerer) -> None:
    # 自体 ("the proposals themselves") marks the topic 提案; it is no thing the knowledge lacks.
    assert outcome(plain_answerer, "採択じゃなくて提案自体は何件？") == ("answer", "newtech-projects")


@pytest.mark.parametrize("question", [
    "How many residents live in Azabu?",  # the people of one place in the city are not its population
    "赤坂に住んでいる人は何人？",
    "区役所の建物は何階建て？",  # a count in storeys: no answer holds one, the guide's pointer included
    "区役所の食堂は なんえん で たべられますか",  # a price typed in kana
    "23区で職員数は何位？",  # a rank: "top class" is no rank
])
def test_figures_asked_in_other_forms_are_refused(plain_answerer: Answerer, question: str) -> None:
    assert outcome(plain_answerer, question) == ("no answer", None)


@pytest.mark.parametrize("question", [
    "社員食堂のランチのメニューを教えて",  # the dishes: an affordable lunch with a view is no menu
    "What's on the menu in the staff canteen today?",
])
def test_the_cafeterias_dishes_are_not_in_the_briefing(plain_answerer: Answerer, question: str) -> None:
    assert outcome(plain_answerer, question) == ("no answer", None)


def test_a_menu_of_training_is_still_answered(plain_answerer: Answerer) -> None:
    assert outcome(plain_answerer, "人材育成のメニューを知りたい") == ("answer", "training-overview")


@pytest.mark.parametrize(("question", "entry_id"), [
    ("韓国の大学を卒業していても応募できますか", "guide-application"),  # a country of the candidate's past
    ("おーじぇいてぃー って なんですか", "training-ojt"),  # letter names as a phone spells them (じぇい, けい)
])
def test_the_candidates_background_and_kana_acronyms(plain_answerer: Answerer, question: str, entry_id: str) -> None:
    assert outcome(plain_answerer, question) == ("answer", entry_id)


@pytest.mark.parametrize("question", [
    "土井さんは保健所に何年勤めているの？",  # a length of service: the year one joined does not tell it
    "食堂にカツ丼はある？",  # a dish
    "Which floor is the cafeteria on?",
    "六本木 何人 住んでる",
])
def test_more_details_no_answer_states_are_refused(plain_answerer: Answerer, question: str) -> None:
    assert outcome(plain_answerer, question) == ("no answer", None)


@pytest.mark.parametrize(("question", "entry_id"), [
    ("新技術の提案は何件来て、そのうち何件が採用されたの？", "newtech-projects"),  # 採用 is done: it owns no count
    ("一人あたりじゃなくて区全体の予算はいくら？", "overview-budget"),  # 区 is the city itself
    ("population of minato in 2031?", "facts-population-forecast"),  # the entry stating that year (令和13年)
])
def test_figures_the_answers_state_are_not_refused(plain_answerer: Answerer, question: str, entry_id: str) -> None:
    assert outcome(plain_answerer, question) == ("answer", entry_id)


@pytest.mark.parametrize("question", [
    "しょくどう は なんじ まで あいて いますか",  # a clock time in spaced kana
    "Which district has the most foreign residents?",  # a ranking inside the city; the answer ranks the city
    "How much of the budget goes to welfare?",  # a part of the budget
    "品川駅って何線が通ってますか",  # railway lines, which no answer names
])
def test_yet_more_details_no_answer_states_are_refused(plain_answerer: Answerer, question: str) -> None:
    assert outcome(plain_answerer, question) == ("no answer", None)


@pytest.mark.parametrize(("question", "entry_id"), [
    ("ネパール の ひと も しょくいん に なれますか", "guide-application"),  # the candidate's country, not a place asked
    ("麻布地区の、ローマ…なんとか公園ってなんでしたっけ", "district-azabu"),  # a word half remembered is no place
    ("中国籍の娘は受験できますか", "guide-application"),  # 中国籍: a nationality, no place asked about
    ("ベトナム の 国籍 で 応募 できますか", "guide-application"),
    ("What is 昼間人口, and how much is it?", "facts-daytime-population"),  # "how much is it" asks no price
])
def test_words_that_look_like_places_or_prices_but_are_not(plain_answerer: Answerer, question: str,
                                                          entry_id: str) -> None:
    assert outcome(plain_answerer, question) == ("answer", entry_id)


@pytest.mark.parametrize("question", [
    "赤坂地区の人口はどのくらい？",  # a city figure of a district, asked with no cue
    "職員住宅は全部で何戸？",  # a count in dwellings
    "パネリストの方は何歳くらいですか",
    "Who is the mayor of Minato?",
])
def test_the_last_details_no_answer_states_are_refused(plain_answerer: Answerer, question: str) -> None:
    assert outcome(plain_answerer, question) == ("no answer", None)


@pytest.mark.parametrize("question", [
    "避難所は区内に何か所ある？",  # a count of places in か所
    "akasaka no shokuin jutaku no yachin wa?",  # a rent typed in romaji
    "女性の管理職の割合は？",  # the share of a group the answer never names
    "パネリスト 年齢",
    "あかさかに すんでる ひとは なんにん？",  # a district's people, typed in kana
    "ドローンの実証実験は成功したんですか",  # a result the projects' answer never states
    "児童相談所の場所はどこですか",  # where it stands: the panel's answer only names it
    "ホテルの客室数が2番目に多い区は？",  # a lower rank than the first the answer gives
    "職員住宅の倍率は高いですか",  # a competition the housing's answer never states
    "バーチャル避難訓練の参加費は？",  # a fee (…費) is a price the projects' answer never states
    "Can you fill out the application form for me?",  # a text to make for the asker, which no answer is
    "面接の質問を予想してください",  # likewise
    "職員住宅には夫婦で入居できますか",  # which households may live there: the answer names none
    "区役所の食堂は住民も利用できますか",  # who may use it besides staff: the answer does not say
    "南緑水公園の開園日は？",  # when a park opens, which the district's answer does not say
    "一人あたりの予算って具体的にいくら？",  # the whole budget's 1,845億円 is no amount per person
    "新技術チャレンジの予算総額は？",  # an amount (予算総額) the new-technology answers never state
    "川崎から通っている職員は何人ですか",  # how many come from a listed place: the list counts no one
    "港区長さんのお名前は？",  # an office holder's name, asked politely (長さんのお名前)
    "有栖川宮記念公園のバーベキューは予約制ですか",  # a booking no district's answer speaks of
    "新技術チャレンジで実用化までいったものはある？",  # whether trials came into use: a result no answer states
    "Is the robot triage already in use at real disasters?",  # likewise, in English
    "インフラ外観検査AIはどの企業のシステムですか",  # which company: no answer names one
    "ドローン実証の飛行距離は？",  # how far: no answer measures it
    "AIスリープトレーナーで使ってるモデルは何ですか",  # which model: no answer names one
    "ドローンの実証実験には区民も参加できますか",  # who may take part: the projects' answer does not say
])
def test_details_in_other_counters_and_forms_are_refused(plain_answerer: Answerer, question: str) -> None:
    assert outcome(plain_answerer, question) == ("no answer", None)


@pytest.mark.parametrize("question", [
    "What is the population of Akasaka district?",  # a city figure of a district, in English
    "Is there an Italian restaurant street in Minato?",  # another country's word is another place
])
def test_english_district_figures_and_countries_are_refused(plain_answerer: Answerer, question: str) -> None:
    assert outcome(plain_answerer, question) == ("no answer", None)


def test_a_place_given_as_a_reason_is_context(plain_answerer: Answerer) -> None:
    # "実家が千葉なんで…": because the candidate lives there (なんで after a noun is no "why").
    assert outcome(plain_answerer, "通勤ってどのくらいかかるもんなんですか 実家が千葉なんで不安で") == ("answer", "commute-time")


def test_whether_people_commute_from_a_place_is_answered_by_the_entry_naming_it(plain_answerer: Answerer) -> None:
    # 横浜 is on the list of where staff live: the list answers, not the commuting time.
    question = "実家が横浜です。港区の職員さんで横浜から通っている人はいますか？"
    assert outcome(plain_answerer, question) == ("answer", "commute-residence")


@pytest.mark.parametrize(("question", "entry_id"), [
    ("How many yen is the city's budget?", "overview-budget"),  # how many yen asks a price, counts nothing
    ("Is there a branch office in every district?", "why-sogo-shisho"),  # every district asks no part's figure
])
def test_english_that_asks_no_part_or_count(plain_answerer: Answerer, question: str, entry_id: str) -> None:
    assert outcome(plain_answerer, question) == ("answer", entry_id)


def test_which_district_ranks_first_by_a_measure_no_answer_ranks_is_refused(plain_answerer: Answerer) -> None:
    assert outcome(plain_answerer, "外国人が一番多いのは何地区？") == ("no answer", None)


@pytest.mark.parametrize("question", [
    "区民1人あたりの予算は何円になるの？",  # "top class" states no amount per person
    "What share of the budget goes to parks?",
])
def test_an_amount_per_person_or_a_share_the_answer_never_states_is_refused(plain_answerer: Answerer,
                                                                          question: str) -> None:
    assert outcome(plain_answerer, question) == ("no answer", None)


@pytest.mark.parametrize("question", [
    "which ward office building is biggest in Minato",  # a ranking inside the city, "the" left out
    "食堂が開く時間を教えて",  # a clock time in other words
])
def test_a_ranking_and_opening_hours_in_other_words_are_refused(plain_answerer: Answerer, question: str) -> None:
    assert outcome(plain_answerer, question) == ("no answer", None)


@pytest.mark.parametrize("question", [
    "ベトナム出身の人って区内に何人くらいいるの？",  # people of a place, counted: not where the candidate comes from
    "インドから来た人は港区に何人住んでいますか",
    "ふぃりぴんじんは みなとくに なんにん いますか",  # a country's people typed in hiragana: フィリピン + 人
])
def test_the_people_of_one_country_counted_are_refused(plain_answerer: Answerer, question: str) -> None:
    assert outcome(plain_answerer, question) == ("no answer", None)


def test_where_the_candidate_comes_from_still_asks_nothing_of_it(plain_answerer: Answerer) -> None:
    assert outcome(plain_answerer, "ベトナム出身の者ですが、職員住宅はありますか") == ("answer", "housing-staff")


@pytest.mark.parametrize("question", [
    "増上寺の面積はどのくらい？",  # a place the Shiba district's entry names: it states no area of it
    "赤坂地区だけの面積は？",
    "What's the area of just the Akasaka district?",
])
def test_a_figure_of_a_place_in_the_city_is_stated_only_by_an_answer_naming_both(plain_answerer: Answerer,
                                                                                  question: str) -> None:
    assert not plain_answerer.answer(Question(question, channel="test")).matched


def test_the_citys_own_figure_is_still_answered(plain_answerer: Answerer) -> None:
    assert plain_answerer.answer(Question("港区の面積はどのくらい？", channel="test")).entry_id == "overview-area"


@pytest.mark.parametrize(("question", "answered"), [
    ("ドローンの実験の予算は？", False),  # a budget spent on a thing the city's budget entry never names
    ("今年の予算は？", True),  # a time, not a thing
    ("外国人の人口は？", True),  # a population qualified, not a thing's
])
def test_a_budget_spent_on_a_thing_is_stated_only_by_an_answer_naming_both(plain_answerer: Answerer, question: str,
                                                                           answered: bool) -> None:
    assert plain_answerer.answer(Question(question, channel="test")).matched is answered


@pytest.mark.parametrize(("question", "answered"), [
    ("What's the budget for the drone trial?", False),  # the English order: the thing after the budget
    ("How big is the budget for the AI sleep trial?", False),
    ("What is the budget of the ward office?", True),  # the city's own office: its budget is the city's
    # one word of one topic among common ones (projects reads as many entries' word) names a thing of that topic
    ("How much is the budget for each of the selected drone projects?", False),
    ("What was the budget set aside for the AI sleep pilots?", False),  # set aside, allocated: still the budget for it
])
def test_a_budget_for_one_topics_thing_in_english(plain_answerer: Answerer, question: str, answered: bool) -> None:
    assert plain_answerer.answer(Question(question, channel="test")).matched is answered


def test_the_year_a_system_began_is_a_date_no_answer_states(plain_answerer: Answerer) -> None:
    assert not plain_answerer.answer(Question("Which year was the branch office system set up?", channel="test")).matched


def test_which_district_asked_in_spaced_words_needs_a_district_naming_the_place(plain_answerer: Answerer) -> None:
    # "chiku no dore" (ちく の どれ): the romaji or spaced "which of the districts"; where staff live names 三田, no
    # district's entry does.
    assert outcome(plain_answerer, "Mita ni sumitai kedo, Mita wa itsutsu no chiku no dore desu ka") == ("no answer", None)
