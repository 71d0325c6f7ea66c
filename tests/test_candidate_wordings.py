"""Candidates' own words for what the knowledge names otherwise (a real class is a formal one)."""

from __future__ import annotations

import pytest

from bot.focus import clauses
from bot.katakanasentence import katakana_sentence
from bot.romaji import romaji_to_katakana
from bot.service import Answerer
from single_reply import outcome


@pytest.mark.parametrize("text", ["When do the kids get put into their real classes?",
                                  "ちゃんとしたクラスに分かれるのは何月から？"])
def test_a_real_class_is_the_formal_class_after_the_pre_class(plain_answerer: Answerer, text: str) -> None:
    assert outcome(plain_answerer, text) == ("answer", "preclass-timeline")


@pytest.mark.parametrize("text", ["新人のOJTって何か月くらい続くものなんですか？",
                                  "How long does the OJT for new starters last, weeks or months?"])
def test_a_detail_of_another_topic_is_no_guide_question(plain_answerer: Answerer, text: str) -> None:
    # The guide's paraphrases ask for months (the bonus) and hours too; the OJT's length is not in the briefing.
    assert outcome(plain_answerer, text) == ("no answer", None)


@pytest.mark.parametrize(("text", "entry"), [("What's the starting salary for a tech position?", "guide-salary"),
                                             ("給料と休み、どっちもざっくり知りたいです", "guide-holidays"),
                                             ("ボーナスは年何回？", "guide-salary")])
def test_the_guide_still_answers_its_own_topics(plain_answerer: Answerer, text: str, entry: str) -> None:
    assert outcome(plain_answerer, text) == ("answer", entry)


def test_a_country_in_a_katakana_sentence_stays_a_country() -> None:
    assert katakana_sentence("フィリピンタイシカンノジュウショオシエテ") == "フィリピンたいしかんのじゅうしょおしえて"
    assert katakana_sentence("ドイツ ノ タイシカン ハ ミナトク ニ アリマスカ") == "ドイツ の たいしかん は みなとく に ありますか"
    assert katakana_sentence("パネリストハ ダレデシタカ") == "ぱねりすとは だれでしたか"  # no country in it


@pytest.mark.parametrize("text", ["あざぶ ちく の じんこう", "しばうらこうなんちくの じんこうは"])
def test_a_districts_figure_typed_in_kana_is_not_stated(plain_answerer: Answerer, text: str) -> None:
    assert outcome(plain_answerer, text) == ("no answer", None)


def test_the_sex_ratio_of_the_population_is_not_the_staffs(plain_answerer: Answerer) -> None:
    assert outcome(plain_answerer, "港区の人口の男女比は?") == ("no answer", None)
    assert outcome(plain_answerer, "職員の男女比は？") == ("answer", "overview-staff")


def test_a_hyphen_after_n_in_romaji_keeps_the_n_apart(plain_answerer: Answerer) -> None:
    assert romaji_to_katakana("nan-en") == "ナンエン"  # 何円, not なねん
    assert romaji_to_katakana("minato-ku") == "ミナトク"
    assert outcome(plain_answerer, "shokudou no lunch wa nan-en desu ka") == ("no answer", None)  # no price is given


def test_a_nationality_typed_in_hiragana_is_the_candidates_own(plain_answerer: Answerer) -> None:
    # ぶらじる is read as the country ブラジル; asked whether such a person may apply, it is no place asked about.
    assert outcome(plain_answerer, "ぶらじるじん でも うけられる しけん ありますか") == ("answer", "guide-application")


def test_a_spoken_correction_of_the_topic_itself_sets_it_aside(plain_answerer: Answerer) -> None:
    assert outcome(plain_answerer, "えーと港区の予算ってあ予算じゃなくて面積ってどれくらいですか") == ("answer", "overview-area")
    assert outcome(plain_answerer, "社宅って区の外じゃなくて区内？") == ("answer", "housing-staff")  # the topic stays


@pytest.mark.parametrize("text", ["えーと港区の五つの地区ってどこどこだっけ芝と麻布と", "5つの地区ってなんか芝と赤坂とあと何でしたっけ"])
def test_districts_listed_while_asking_for_all_five_ask_for_the_list(plain_answerer: Answerer, text: str) -> None:
    assert outcome(plain_answerer, text) == ("answer", "overview-districts")


@pytest.mark.parametrize("text", ["クラス分けはどうやって決める？", "くみわけ は どう きめますか"])
def test_dividing_into_classes_is_forming_them(plain_answerer: Answerer, text: str) -> None:
    assert "編成" in [term.concept for term in plain_answerer.matcher.read_terms(text)]


@pytest.mark.parametrize(("text", "entry"), [
    ("子どもの運動会の日に休みを取ることはできますか", "guide-holidays"),
    ("帰省のために連休は取れますか？お盆とか", "guide-holidays"),
    ("福祉の仕事って土日はお休みなんですかね", "guide-holidays"),  # 土日 and 休み: two words, one concept
    ("休日は週休2日せいですか", "guide-holidays"),
    ("扶養手当は配偶者や子どもにも出ますか", "guide-salary"),
    ("住居手当に上限はありますか", "guide-salary"),  # one word of its own, and nothing else named
    ("試験で拡大文字の問題用紙をお願いすることはできますか", "guide-exam")])  # お願い: a request's politeness
def test_the_guide_answers_its_own_topic_however_qualified(plain_answerer: Answerer, text: str, entry: str) -> None:
    assert outcome(plain_answerer, text) == ("answer", entry)


@pytest.mark.parametrize("text", ["児童手当の申請方法を教えてください", "週末の天気教えて", "えっと食堂って土日もやってるんですか",
                                  "Who won the last Minato mayoral election?"])
def test_what_only_looks_like_a_guide_topic_is_not_answered(plain_answerer: Answerer, text: str) -> None:
    # a compound naming another thing, a synonym alone, a rare word of another topic, a word one letter off
    assert outcome(plain_answerer, text) == ("no answer", None)


def test_the_year_a_system_began_is_not_its_timeline(plain_answerer: Answerer) -> None:
    assert outcome(plain_answerer, "プレクラスを始めたのは何年からですか") == ("no answer", None)
    assert outcome(plain_answerer, "プレクラスって東京で最初に始めたのは港区なんですか") == ("answer", "preclass-what")


@pytest.mark.parametrize("text", ["puri kurasu tte nan desu ka", "プリクラスってなに"])
def test_pre_said_the_english_way_is_still_the_pre_class(plain_answerer: Answerer, text: str) -> None:
    assert outcome(plain_answerer, text) == ("answer", "preclass-what")


@pytest.mark.parametrize("text", ["Where is the Azabu branch office? the address please.", "新任研修 日数",
                                  "5つの地区それぞれの人口ってどれくらい？"])
def test_a_detail_asked_by_request_count_of_days_or_each_part_is_not_stated(plain_answerer: Answerer, text: str) -> None:
    assert outcome(plain_answerer, text) == ("no answer", None)


def test_permanent_residency_asks_the_eligibility(plain_answerer: Answerer) -> None:
    assert outcome(plain_answerer, "I have permanent resident status, can I take the exam?") == ("answer", "guide-application")
    assert outcome(plain_answerer, "ビザの更新はどこでできますか") == ("no answer", None)  # a visa alone is no eligibility


def test_the_figure_itself_names_no_topic_and_counts_nothing(plain_answerer: Answerer) -> None:
    assert outcome(plain_answerer, "人口の数字って何月何日時点のものですか") == ("answer", "overview-population")
    assert outcome(plain_answerer, "面積と人口、両方の数字を教えて")[0] == "answer"  # の数字 holds の数, but no count is asked


def test_voice_input_splits_at_a_spoken_because_and_at_a_filler_after_a_polite_end() -> None:
    pieces = [(c.text, c.asks) for c in clauses("えっと手がしびれるんで音声で失礼しますあのー港区の予算ってどれくらいなんでしたっけ")]
    assert pieces == [("えっと手がしびれるんで", False), ("音声で失礼します", False),
                      ("あのー港区の予算ってどれくらいなんでしたっけ", True)]
    assert len(clauses("試験はいつ頃あるんでしょうか")) == 1  # んでしょうか asks, it gives no reason
    assert len(clauses("なんで港区なんですか")) == 1


@pytest.mark.parametrize("text", ["札幌に住みながら受験できますか？試験会場はどこですか", "大阪で受験できる会場ってありますか"])
def test_where_one_sits_the_exam_from_is_the_candidates_place(plain_answerer: Answerer, text: str) -> None:
    assert outcome(plain_answerer, text) == ("answer", "guide-exam")
    assert outcome(plain_answerer, "横浜市の職員採用試験の日程を教えてください") == ("no answer", None)  # another city's exam


@pytest.mark.parametrize("text", ["プレクラスは区内の小学校全部でやってるの？", "Is the pre-class used in junior high schools as well?"])
def test_which_schools_run_the_pre_class_is_not_stated(plain_answerer: Answerer, text: str) -> None:
    assert outcome(plain_answerer, text) == ("no answer", None)
    assert outcome(plain_answerer, "プレクラスってなに？") == ("answer", "preclass-what")


@pytest.mark.parametrize("text", ["食堂ってハラルのメニューある？", "食堂は家族も一緒に使えますか", "しょくどう の ごはん は なに が ありますか？"])
def test_the_canteens_dishes_and_who_may_eat_there_are_not_stated(plain_answerer: Answerer, text: str) -> None:
    assert outcome(plain_answerer, text) == ("no answer", None)


@pytest.mark.parametrize("text", ["異動は何年ごとにありますか", "配属先の希望は出せますか", "昇任試験は何歳から受けられますか"])
def test_postings_and_promotions_are_neither_the_briefings_nor_the_guides(plain_answerer: Answerer, text: str) -> None:
    assert outcome(plain_answerer, text) == ("no answer", None)


def test_which_one_most_of_them_are_asked_in_english_ranks_members(plain_answerer: Answerer) -> None:
    assert outcome(plain_answerer, "Which country do most foreign residents here come from?") == ("no answer", None)
    assert outcome(plain_answerer, "Where do most staff live?") == ("answer", "commute-residence")


def test_a_spoken_correction_makes_what_came_before_it_context() -> None:
    pieces = [(c.text, c.asks) for c in clauses("その人たちって何年働いてるのあ違う何年度に入ったんだっけ")]
    assert pieces == [("その人たちって何年働いてるのあ違う", False), ("何年度に入ったんだっけ", True)]
    assert len(clauses("赤坂地区でいいんだよねあ違うか麻布だっけ")) == 1  # 違うか asks, it corrects nothing


def test_the_language_an_exam_is_in_asks_the_exam(plain_answerer: Answerer) -> None:
    assert outcome(plain_answerer, "Is the written exam only in Japanese?") == ("answer", "guide-exam")
    assert outcome(plain_answerer, "Is Japanese citizenship required to apply?") == ("answer", "guide-application")


@pytest.mark.parametrize("text", ["Could you recommend a good language school in Minato?", "麻布十番でおすすめのカフェは？"])
def test_a_recommendation_is_asked_of_no_answer(plain_answerer: Answerer, text: str) -> None:
    assert outcome(plain_answerer, text) == ("no answer", None)


def test_the_homeroom_teacher_is_a_teacher(plain_answerer: Answerer) -> None:
    assert "先生" in [term.concept for term in plain_answerer.matcher.read_terms("担任はもう決まってる？")]


@pytest.mark.parametrize(("text", "entry"), [("迎賓館の写真が載ってたのはどの地区のページだっけ？", "district-akasaka"),
                                             ("参画と協働がキーワードになってる地区は？", "district-azabu")])
def test_a_slides_page_and_its_keywords_point_to_the_district(plain_answerer: Answerer, text: str, entry: str) -> None:
    assert outcome(plain_answerer, text) == ("answer", entry)


def test_a_verb_or_a_place_qualifying_the_guides_topic_is_no_other_topic(plain_answerer: Answerer) -> None:
    assert outcome(plain_answerer, "修士号を持っていると給与に加算はありますか") == ("answer", "guide-salary")
    assert outcome(plain_answerer, "えっと食堂って土日もやってるんですか") == ("no answer", None)


def test_keeping_up_with_the_news_asks_where_to_learn_more(plain_answerer: Answerer) -> None:
    assert outcome(plain_answerer, "How can I keep up with Minato's hiring news?") == ("answer", "learn-more")


@pytest.mark.parametrize("text", ["ホテルでの経験年数って給料に反映されますか？", "ホテル勤務の経験は給料に反映される？"])
def test_where_one_worked_is_no_topic_of_the_question(plain_answerer: Answerer, text: str) -> None:
    # ホテル is the hotel rooms' topic, but here it is where the candidate worked: the salary is asked.
    assert outcome(plain_answerer, text) == ("answer", "guide-salary")


def test_a_hotels_rooms_are_still_no_salary_question(plain_answerer: Answerer) -> None:
    assert outcome(plain_answerer, "ホテルの給料っていくら？") == ("no answer", None)


def test_how_a_word_ending_in_i_is_treated_asks_no_transfer(plain_answerer: Answerer) -> None:
    # 扱いどうなる holds いどう (異動 typed in kana) across two words.
    text = "情報系の専門学校に行ってても高卒の区分で受けれる？専門卒って扱いどうなるのか"
    assert outcome(plain_answerer, text) == ("answer", "guide-application")


@pytest.mark.parametrize(("text", "entry"), [
    ("What were the three reasons they gave for working at Minato specifically?", "why-minato"),
    ("what was the vision they gave for the Azabu district?", "district-azabu")])
def test_what_the_speakers_gave_names_no_topic(plain_answerer: Answerer, text: str, entry: str) -> None:
    # "they gave", "specifically": how the briefing said it, not what is asked; a district's vision is its slogan.
    assert outcome(plain_answerer, text) == ("answer", entry)


@pytest.mark.parametrize("text", ["家賃補助とか住居手当っていくら出る？", "家賃補助はありますか"])
def test_a_rent_subsidy_is_a_housing_allowance(plain_answerer: Answerer, text: str) -> None:
    assert outcome(plain_answerer, text) == ("answer", "guide-salary")


@pytest.mark.parametrize("text", ["面接 手話通訳 たのめますか", "for the exam can I ask hearing support?",
                                  "弱視なので、試験問題を拡大文字にしてもらうことはできますか"])
def test_an_accommodation_at_the_exam_is_the_guides(plain_answerer: Answerer, text: str) -> None:
    assert outcome(plain_answerer, text) == ("answer", "guide-exam")


@pytest.mark.parametrize("text", ["説明会に手話通訳はついていましたか", "国立新美術館の今の展示は何ですか"])
def test_an_accommodation_at_the_briefing_or_a_homophone_is_not(plain_answerer: Answerer, text: str) -> None:
    assert outcome(plain_answerer, text) == ("no answer", None)


@pytest.mark.parametrize("text", ["休憩時間は何分ですか", "お昼休憩は何時から？"])
def test_a_break_is_part_of_the_working_hours(plain_answerer: Answerer, text: str) -> None:
    # not the commute's minutes: the guide holds the hours of work and their breaks
    assert outcome(plain_answerer, text) == ("answer", "guide-holidays")


def test_those_renting_their_own_home_are_where_staff_live(plain_answerer: Answerer) -> None:
    text = "職員住宅じゃなくて、自分で家を借りてる職員は主にどこに住んでるんですか"
    assert outcome(plain_answerer, text) == ("answer", "commute-residence")


@pytest.mark.parametrize("text", ["when is the population expected to hit the next big milestone?",
                                  "by what year do they expect the population to pass the next round number?"])
def test_a_milestone_or_round_number_of_the_population_is_its_forecast(plain_answerer: Answerer, text: str) -> None:
    # "round" alone is the exam's (rounds of the exam): the phrase is the forecast's 30万人
    assert outcome(plain_answerer, text) == ("answer", "facts-population-forecast")


def test_the_unit_a_figure_is_given_in_names_no_topic(plain_answerer: Answerer) -> None:
    text = "港区の面積ってどれくらいなんですか 東京ドーム何個分とかじゃなくて普通の単位で"
    assert outcome(plain_answerer, text) == ("answer", "overview-area")


def test_cch_typed_for_a_small_tsu_is_romaji(plain_answerer: Answerer) -> None:
    # kyacchi fureezu: キャッチフレーズ typed with "cch" (Hepburn writes tch), no English word
    assert outcome(plain_answerer, "Azabu chiku no kyacchi fureezu wa nan desu ka") == ("answer", "district-azabu")


@pytest.mark.parametrize("text", ["初任給 院卒", "what is the salary for new graduate with master degree?"])
def test_a_graduate_schools_degree_is_a_degree_the_starting_salary_depends_on(plain_answerer: Answerer,
                                                                              text: str) -> None:
    assert outcome(plain_answerer, text) == ("answer", "guide-salary")


@pytest.mark.parametrize("text", ["子どもが熱を出したときに休める制度はありますか", "こども が びょうき の とき しょくいん は やすめますか"])
def test_being_able_to_take_time_off_is_the_guides_leave(plain_answerer: Answerer, text: str) -> None:
    assert outcome(plain_answerer, text) == ("answer", "guide-holidays")


def test_both_of_what_is_named_is_no_topic(plain_answerer: Answerer) -> None:
    # 両方: both of the two places named; the list of where staff live holds them.
    assert outcome(plain_answerer, "職員の居住地に大田区と品川区、両方入ってますか") == ("answer", "commute-residence")


def test_a_count_asked_in_keywords_goes_to_the_entry_stating_it(plain_answerer: Answerer) -> None:
    # 提案数 ending a keyword question asks a count, which the adopted projects state (22件), not the system's outline.
    assert outcome(plain_answerer, "新技術チャレンジ 提案数") == ("answer", "newtech-projects")


@pytest.mark.parametrize("text", ["しごとは なんじから なんじまで？", "職員って朝は何時から働くんですか"])
def test_the_clock_time_of_the_work_asks_the_working_hours(plain_answerer: Answerer, text: str) -> None:
    assert outcome(plain_answerer, text) == ("answer", "guide-holidays")


@pytest.mark.parametrize("text", ["食堂って何時から開いてますか", "区役所の窓口って何時まで開いてますか"])
def test_a_clock_time_of_a_place_is_no_working_hours(plain_answerer: Answerer, text: str) -> None:
    assert outcome(plain_answerer, text) == ("no answer", None)


@pytest.mark.parametrize("text", ["有栖川公園って何地区？", "ありすがわ の こうえん は どこ の ちく"])
def test_a_park_named_by_its_short_name_is_that_park(plain_answerer: Answerer, text: str) -> None:
    assert outcome(plain_answerer, text) == ("answer", "district-azabu")


@pytest.mark.parametrize("text", ["小学校の運動会の日に休みを取れますか", "娘の卒業式の日に休みはとれますか"])
def test_what_one_takes_leave_for_is_the_occasion_not_another_topic(plain_answerer: Answerer, text: str) -> None:
    # 卒業式, 通院: the occasion of the leave asked, not a topic of its own (as where one worked is not)
    assert outcome(plain_answerer, text) == ("answer", "guide-holidays")


def test_a_clause_telling_when_leave_is_taken_is_its_circumstance(plain_answerer: Answerer) -> None:
    # 風邪 (a word the knowledge does not know) tells when, in "…をひいたときの": not another topic asked.
    assert outcome(plain_answerer, "子どもが風邪をひいたときの看護休暇はある？") == ("answer", "guide-holidays")


def test_whose_occasion_it_is_belongs_to_the_occasion(plain_answerer: Answerer) -> None:
    # こども of "こどもの運動会で休める": whose sports day, part of the occasion (not the pre-class's children).
    assert outcome(plain_answerer, "こどもの運動会で休める制度はある？") == ("answer", "guide-holidays")


def test_a_merit_asked_in_kana_words_asks_the_merits_entry(plain_answerer: Answerer) -> None:
    # なにがいい read whole (メリット): a long kana stretch is what was typed, no chance reading inside another word
    assert outcome(plain_answerer, "がっこう の プレクラス は なに が いい の") == ("answer", "preclass-merits")


@pytest.mark.parametrize("text", ["プレクラス は こども に とって なん ですか", "プレクラスって子どものための何なの？"])
def test_asked_what_a_thing_is_the_entry_defining_it_answers(plain_answerer: Answerer, text: str) -> None:
    # the child is as much the merits' and the timeline's word: asked what the pre-class is, the entry titled by it
    assert outcome(plain_answerer, text) == ("answer", "preclass-what")


def test_what_a_thing_is_gives_way_to_an_aspect_asked(plain_answerer: Answerer) -> None:
    assert outcome(plain_answerer, "プレクラスのメリットってなんですか") == ("answer", "preclass-merits")


def test_a_word_of_another_guide_entry_qualifies_the_guides_topic(plain_answerer: Answerer) -> None:
    # 職歴 (experience, the application's word) qualifies the salary asked: the guide's word, no other topic
    assert outcome(plain_answerer, "バンドマン時代の期間って職歴として初任給に反映される？") == ("answer", "guide-salary")


@pytest.mark.parametrize("text", ["I read about Platinum Street in the handout. Which district of Minato is it in?",
                                  "説明会でプラチナ通りの写真を見ました。あれは港区のどの地区なんですか？"])
def test_which_district_of_a_thing_the_story_names_is_that_districts_entry(plain_answerer: Answerer, text: str) -> None:
    # the question names only the district: the thing is the story's, and the district entry alone naming it answers
    assert outcome(plain_answerer, text) == ("answer", "district-takanawa")


def test_how_many_sq_km_asks_an_area_not_a_count(plain_answerer: Answerer) -> None:
    assert outcome(plain_answerer, "how many sq km is minato?") == ("answer", "overview-area")


@pytest.mark.parametrize("text", ["職員住宅って川崎とかにもあるの？それとも区内だけ？", "職員住宅は三田と、あと目黒区もでしたっけ？"])
def test_whether_another_place_is_among_those_listed_is_the_lists(plain_answerer: Answerer, text: str) -> None:
    # another municipality asked as one more place on a list ("…もでしたっけ", "…とかにもある？それとも"): the list answers
    assert outcome(plain_answerer, text) == ("answer", "housing-staff")


def test_another_places_own_thing_is_still_refused(plain_answerer: Answerer) -> None:
    assert outcome(plain_answerer, "目黒区の職員住宅の家賃は？") == ("no answer", None)


@pytest.mark.parametrize(("text", "reply"), [("食堂のランチの値段って高いの？", ("answer", "cafeteria")),
                                             ("食堂の料金は安いですか", ("answer", "cafeteria")),
                                             ("食堂のランチの値段はいくら？", ("no answer", None)),
                                             ("しょくどうの ランチの ねだんを おしえて", ("no answer", None)),
                                             ("しょくどうは ねだんが たかい？", ("answer", "cafeteria"))])
def test_a_price_judged_is_answered_by_affordable_a_sum_asked_is_not(plain_answerer: Answerer, text: str,
                                                                      reply: tuple[str, str | None]) -> None:
    assert outcome(plain_answerer, text) == reply


@pytest.mark.parametrize("text", ["仮のクラスは何を参考に分けるの？", "プレクラスってどうやって分けてるの？"])
def test_how_the_pre_classes_are_divided_is_their_timelines(plain_answerer: Answerer, text: str) -> None:
    # The timeline's answer tells how they are formed (from the kindergartens' information): 分け方, 編成.
    assert outcome(plain_answerer, text) == ("answer", "preclass-timeline")


@pytest.mark.parametrize(("text", "entry"), [("How much is the land area of Minato?", "overview-area"),
                                             ("how much is the population of minato?", "overview-population")])
def test_how_much_is_the_area_asks_a_size_not_a_price(plain_answerer: Answerer, text: str, entry: str) -> None:
    assert outcome(plain_answerer, text) == ("answer", entry)



@pytest.mark.parametrize(("text", "entry"), [
    ("ベトナム籍の妻も区の職員に応募できますか", "guide-application"),  # one's family, of a nationality
    ("i am filipino living in tokyo, are there many foreigners in minato?", "facts-foreign-residents"),
    ("Which panelist is from the public health center?", "panel"),  # no one of "the public" using a place
    ("職員って区外の人も多いんですか？どこに住んでる？", "commute-residence"),  # 区外の人: where staff live
])
def test_who_the_candidate_is_or_where_staff_live_is_no_detail_asked(plain_answerer: Answerer, text: str,
                                                                    entry: str) -> None:
    assert outcome(plain_answerer, text) == ("answer", entry)


@pytest.mark.parametrize(("text", "entry"), [
    ("息子の学校行事で休める休暇ってありますか", "guide-holidays"),  # the occasion's words lower the score
    ("区役所の仕事の勤務時間って何時から？", "guide-holidays"),  # the job's hours: 仕事 owns no other figure
    ("夜勤手当みたいなのは区の仕事でもつく？", "guide-salary"),  # 夜勤 is the guide's word too: no 児童手当
    ("子どもの急な発熱で休める休暇はありますか", "guide-holidays"),  # an occasion with a な-adjective
    ("子どもの入学式に合わせて休暇は取れますか", "guide-holidays"),  # leave fitted to an occasion
    ("ホテルはシフト制なんですが、区役所は基本土日休みですか", "guide-holidays"),  # 基本 titles no topic
    ("双子がいるので時短勤務みたいな働き方はできますか", "guide-holidays"),  # nor 働き方
    ("初任給はどのくらいか、親としてはやはり気になります。", "guide-salary"),  # the role one asks in (親として)
    ("定年後の再任用や会計年度任用職員の応募資格を教えてください。", "guide-application"),  # fixed-term staff: 非常勤
])
def test_the_guide_answers_its_topic_asked_with_a_circumstance(plain_answerer: Answerer, text: str, entry: str) -> None:
    assert outcome(plain_answerer, text) == ("answer", entry)


@pytest.mark.parametrize("text", ["職員採用試験 申込方法", "採用試験の申込方法？"])
def test_of_words_typed_alone_the_last_is_what_is_asked(plain_answerer: Answerer, text: str) -> None:
    # The exam and how to apply both explain every word; the method is asked, the exam only says which.
    assert outcome(plain_answerer, text) == ("answer", "guide-application")


def test_the_guide_answers_its_topic_typed_in_kana_with_a_workplace(plain_answerer: Answerer) -> None:
    # きゅうりょう read inside the kana is the salary; ほいくえん で はたらく is where one would work, no topic.
    assert outcome(plain_answerer, "ほいくえん で はたらく ひと の きゅうりょう は いくら") == ("answer", "guide-salary")


def test_the_bay_area_is_the_district_its_slogan_names_not_the_city(plain_answerer: Answerer) -> None:
    # 港区ベイエリア ends the Shibaura-Konan slogan: the city's bay area, not another name of the city.
    assert outcome(plain_answerer, "港区 ベイエリア どんなとこ") == ("answer", "district-shibaura-konan")
