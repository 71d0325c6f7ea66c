"""Questions read as they are meant: an adjective after a space, a first as a rank, who may still apply, both asked."""

from __future__ import annotations

import pytest

from bot.origin import office_trip
from bot.service import Answerer
from single_reply import outcome


@pytest.mark.parametrize(("text", "entry"), [("みなとくって がいこくじんが おおいの", "facts-foreign-residents"),
                                             ("どこから かよってるひとが おおいの", "commute-residence")])
def test_a_kana_adjective_after_a_space_is_the_adjective(plain_answerer: Answerer, text: str, entry: str) -> None:
    # おおい after a space is 覆い (a cover) to the analyzer: the question means 多い.
    assert outcome(plain_answerer, text) == ("answer", entry)


def test_a_first_answers_which_rank(plain_answerer: Answerer) -> None:
    assert outcome(plain_answerer, "プレクラス制度は東京で何番目の導入ですか") == ("answer", "preclass-what")


def test_a_rank_no_answer_states_is_still_refused(plain_answerer: Answerer) -> None:
    assert outcome(plain_answerer, "港区の面積は23区で何番目？") == ("no answer", None)


@pytest.mark.parametrize("text", ["60歳を超えていても応募できる仕事はありますか", "40さいを こえていても うけられますか"])
def test_an_age_past_a_bound_asks_who_may_apply(plain_answerer: Answerer, text: str) -> None:
    assert outcome(plain_answerer, text) == ("answer", "guide-application")


def test_a_venue_taken_at_is_no_person_who_may_apply(plain_answerer: Answerer) -> None:
    assert outcome(plain_answerer, "一次試験は大阪の会場でも受けられますか") == ("answer", "guide-exam")


def test_paid_time_off_is_leave_not_pay(plain_answerer: Answerer) -> None:
    assert outcome(plain_answerer, "How many days of paid time off do staff get?") == ("answer", "guide-holidays")


def test_both_asked_together_are_both_answered(plain_answerer: Answerer) -> None:
    kind, entry = outcome(plain_answerer, "大使館の数と国籍の数をまとめて知りたい")
    assert kind == "answer" and entry in ("facts-embassies", "facts-nationalities")


def test_the_city_itself_is_no_word_of_a_guide_topic(plain_answerer: Answerer) -> None:
    # "weekend" names the holidays' title; Tokyo is every entry's: the weather asked is no topic of the guide.
    assert outcome(plain_answerer, "How's the weather going to be in Tokyo over the weekend?") == ("no answer", None)


def test_an_account_name_typed_in_romaji_is_refused(plain_answerer: Answerer) -> None:
    assert outcome(plain_answerer, "minatoku no SNS no account mei wa?") == ("no answer", None)


def test_the_noun_whose_existence_is_asked_is_the_head(plain_answerer: Answerer) -> None:
    # The embassies and the nationalities both count countries: the embassies exist (大使館がある), they are asked.
    assert outcome(plain_answerer, "港区にはいくつの国の大使館があるんでしょう") == ("answer", "facts-embassies")


def test_a_concession_is_context_and_the_clause_after_it_asks(plain_answerer: Answerer) -> None:
    assert outcome(plain_answerer, "ブランクがあっても研修ってちゃんとありますか") == ("answer", "training-overview")


@pytest.mark.parametrize("text", ["区役所の食堂って職員じゃなくても使えますか", "おだいば で はなび を しても いい ですか"])
def test_who_may_and_whether_one_may_are_asked_not_conceded(plain_answerer: Answerer, text: str) -> None:
    assert outcome(plain_answerer, text) == ("no answer", None)


@pytest.mark.parametrize("text", ["社食って夜おそくまで使える？", "食堂は日曜日もやってますか", "食堂で晩ご飯もやってる？"])
def test_the_cafeterias_hours_and_other_meals_are_no_detail_it_states(plain_answerer: Answerer, text: str) -> None:
    # The briefing tells of an affordable lunch with a view: not until when, on which days, nor any dinner.
    assert outcome(plain_answerer, text) == ("no answer", None)


def test_a_low_price_is_judged_not_asked(plain_answerer: Answerer) -> None:
    assert outcome(plain_answerer, "Can staff get lunch at a cheap price somewhere in the office?") == ("answer", "cafeteria")


def test_a_quoted_name_gives_way_to_the_entry_holding_the_count_asked(plain_answerer: Answerer) -> None:
    # The quote names the proposal system (newtech-what); how many were adopted is the projects' figure.
    text = "「みなと新技術チャレンジ提案制度」で採択された提案は何件？"
    assert outcome(plain_answerer, text) == ("answer", "newtech-projects")


@pytest.mark.parametrize("text", ["Who designed the Shiba district's famous tower?", "東京タワーの設計者って？"])
def test_who_designed_a_landmark_is_a_person_no_answer_names(plain_answerer: Answerer, text: str) -> None:
    assert outcome(plain_answerer, text) == ("no answer", None)


def test_who_holds_a_role_no_answer_names_is_refused_and_the_panelists_are_answered(plain_answerer: Answerer) -> None:
    assert outcome(plain_answerer, "Who is the head cook of the city hall canteen?") == ("no answer", None)
    assert outcome(plain_answerer, "Who were the speakers on the panel?") == ("answer", "panel")


@pytest.mark.parametrize("text", ["Is the art museum in Azabu free to enter?", "国立新美術館の観覧料はいくら？"])
def test_a_place_s_admission_is_no_detail_its_district_states(plain_answerer: Answerer, text: str) -> None:
    assert outcome(plain_answerer, text) == ("no answer", None)


@pytest.mark.parametrize("text", ["JLPTのN3って次はいつ受けられる？", "社会福祉士の国家試験はいつありますか",
                                  "N1 の べんきょう の しかた を おしえて", "一級建築士の試験日程は？",
                                  "英検2級の面接の対策ってどうすればいい？"])
def test_another_body_s_exam_dates_and_study_are_refused(plain_answerer: Answerer, text: str) -> None:
    assert outcome(plain_answerer, text) == ("no answer", None)


def test_whether_the_city_asks_for_a_certificate_is_still_the_eligibility(plain_answerer: Answerer) -> None:
    assert outcome(plain_answerer, "応募するのに日本語能力試験のN1は必要ですか") == ("answer", "guide-application")


@pytest.mark.parametrize("text", ["品川から区役所まで歩けますか", "池袋から港区まで自転車で行ける？",
                                  "三田の職員住宅から区役所まで何分？", "麻布十番駅から区役所までタクシーでいくら？"])
def test_the_way_of_a_trip_from_another_place_is_no_detail_an_answer_states(plain_answerer: Answerer, text: str) -> None:
    assert outcome(plain_answerer, text) == ("no answer", None)


def test_the_usual_commute_is_still_answered(plain_answerer: Answerer) -> None:
    assert outcome(plain_answerer, "家から区役所までの通勤時間はみんなどのくらい？") == ("answer", "commute-time")
    assert not office_trip("いえ から くやくしょ まで")  # no trip asked
    assert not office_trip("家 から 区役所 まで みんな 何分 ぐらい ですか")  # from home, as everyone commutes
    assert not office_trip("職員 は 家 から 区役所 まで 何時間 くらい です か")  # from home, the space before から too
    assert office_trip("六本木駅 から 区役所 まで 何分")


def test_a_price_judged_before_the_word_for_it_asks_no_figure(plain_answerer: Answerer) -> None:
    # "お手ごろ値段で食べられる？": whether it is cheap, which the cafeteria's answer says (お手頃価格); not how much
    assert outcome(plain_answerer, "食堂って安い値段でランチが食べられるの？") == ("answer", "cafeteria")
    assert outcome(plain_answerer, "食堂のランチの値段はいくら？") == ("no answer", None)


@pytest.mark.parametrize(("text", "entry"), [("休みは週に何回ありますか", "guide-holidays"), ("給料日は毎月何日？", "guide-salary")])
def test_how_often_names_no_topic(plain_answerer: Answerer, text: str, entry: str) -> None:
    # 週, 毎月: how often, the words around it name of what (not unknown words that would refuse the question)
    assert outcome(plain_answerer, text) == ("answer", entry)


@pytest.mark.parametrize("text", ["日本語能力はどのくらい必要ですか", "Is there a nationality rule?"])
def test_a_language_level_or_a_nationality_rule_is_the_eligibility(plain_answerer: Answerer, text: str) -> None:
    assert outcome(plain_answerer, text) == ("answer", "guide-application")


@pytest.mark.parametrize("text", ["港区の人は何人くらいいるんですか", "みなとくの ひとって なんにん ぐらい いるの"])
def test_people_of_the_city_counted_plainly_are_its_population_not_its_daytime_one(plain_answerer: Answerer,
                                                                                 text: str) -> None:
    # 人口 and 昼間人口 come out even; nothing in the question says 昼間, which only qualifies the population
    assert outcome(plain_answerer, text) == ("answer", "overview-population")


def test_people_of_another_kind_counted_are_not_the_population(plain_answerer: Answerer) -> None:
    assert outcome(plain_answerer, "みなとく に いんど の ひと は なんにん いますか")[1] != "overview-population"


def test_nan_eki_asked_with_the_copula_names_a_station_it_does_not_count_them(plain_answerer: Answerer) -> None:
    assert outcome(plain_answerer, "高輪地区の写真の駅って何駅だっけ？") == ("answer", "district-takanawa")
    assert outcome(plain_answerer, "高輪地区には駅が何駅ありますか") == ("no answer", None)


@pytest.mark.parametrize("text", ["is there a cheap hostel in minato?", "港区で安い雑貨屋さんってどこ？"])
def test_a_shop_to_find_is_no_detail_the_cafeteria_states(plain_answerer: Answerer, text: str) -> None:
    assert outcome(plain_answerer, text) == ("no answer", None)


def test_a_shop_one_works_at_is_context(plain_answerer: Answerer) -> None:
    assert outcome(plain_answerer, "スーパーのパートをしていますが、経験者採用で受けられますか") == ("answer", "guide-application")


def test_a_slang_name_for_people_is_not_the_women_staff(plain_answerer: Answerer) -> None:
    assert outcome(plain_answerer, "港区女子って実在するんですか") == ("no answer", None)
    assert outcome(plain_answerer, "港区の職員で女子は何人？") == ("answer", "overview-staff")


@pytest.mark.parametrize("text", [
    "公務員と会社員どっちがいいと思う？",  # an opinion, which no answer (the guide's neither) gives
    "年金の支給額はいくら？",  # the public pension
    "港区に引っ越したら住民票はどこで移せばいい？",  # a resident's paperwork
    "港区のひとり親への手当はいくら？",  # a benefit to residents, not the staff's pay
])
def test_opinions_pensions_paperwork_and_residents_benefits_are_refused(plain_answerer: Answerer, text: str) -> None:
    assert outcome(plain_answerer, text) == ("no answer", None)


def test_a_pet_in_the_staff_housing_is_a_house_rule_no_answer_states(plain_answerer: Answerer) -> None:
    assert outcome(plain_answerer, "職員住宅でペットを飼ってもいいですか") == ("no answer", None)


@pytest.mark.parametrize("text", ["職員住宅の近くに公園はある？", "is there a temple near minato?"])
def test_what_lies_near_a_place_is_no_detail_an_answer_states(plain_answerer: Answerer, text: str) -> None:
    assert outcome(plain_answerer, text) == ("no answer", None)


def test_the_city_closest_to_its_residents_is_still_the_branch_offices(plain_answerer: Answerer) -> None:
    assert outcome(plain_answerer, "区民に一番近いまちってどういう意味？")[1] in ("why-sogo-shisho", "why-minato")


def test_the_staff_s_own_allowances_are_still_the_guide_s(plain_answerer: Answerer) -> None:
    assert outcome(plain_answerer, "扶養手当はありますか") == ("answer", "guide-salary")


def test_the_city_office_in_english_is_the_city_hall(plain_answerer: Answerer) -> None:
    assert outcome(plain_answerer, "What's good about the city office's canteen?") == ("answer", "cafeteria")


def test_provided_names_no_topic(plain_answerer: Answerer) -> None:
    # 用意: provided, of whatever the words around it name; only the housing's questions said it before
    assert outcome(plain_answerer, "どんな研修が用意されてますか") == ("answer", "training-overview")


def test_itsu_inside_a_verb_asks_no_date(plain_answerer: Answerer) -> None:
    # 追いつける (catch up) holds いつ; it asks no date the training's answer would have to state
    assert outcome(plain_answerer, "新人研修で追いつけますか") == ("answer", "training-new-staff-design")


def test_an_architect_hired_is_a_job_not_a_person_asked(plain_answerer: Answerer) -> None:
    assert outcome(plain_answerer, "Do you recruit architects? What is the exam like?") == ("answer", "guide-exam")


@pytest.mark.parametrize("text", ["麻布の公園でお花見できますか？", "区役所の食堂にデザートある？"])
def test_cherry_blossom_viewing_and_sweets_are_no_detail_it_states(plain_answerer: Answerer, text: str) -> None:
    assert outcome(plain_answerer, text) == ("no answer", None)


def test_a_word_it_does_not_know_after_a_guide_topic_asks_a_detail_of_it(plain_answerer: Answerer) -> None:
    # 持ち越し (carrying over) is a detail of the leave, which the guide holds; before the topic, an unknown word says
    # whose dates are asked (a festival's), which no answer holds.
    assert outcome(plain_answerer, "有給休暇 持ち越し") == ("answer", "guide-holidays")
    assert outcome(plain_answerer, "よさこい祭りの日程は？") == ("no answer", None)


@pytest.mark.parametrize(("text", "entry"), [
    ("実家の仙台に帰れるくらい休みはありますか", "guide-holidays"),  # where one goes home
    ("フィリピン の 看護師 の 資格 で 応募 できますか", "guide-application"),  # a qualification obtained there
    ("Can I apply with a Vietnamese teaching license?", "guide-application"),
])
def test_a_place_one_goes_home_to_or_qualified_in_is_no_topic_asked(plain_answerer: Answerer, text: str, entry: str) -> None:
    assert outcome(plain_answerer, text) == ("answer", entry)


def test_an_outside_lecturer_is_an_instructor_no_answer_names(plain_answerer: Answerer) -> None:
    assert outcome(plain_answerer, "新任研修の講座って外部講師？") == ("no answer", None)


@pytest.mark.parametrize("text", [
    "How accurate is the inspection AI?", "Which embassies are in Takanawa?",
    "What programming language is the evacuation drill app written in?",
])
def test_a_projects_accuracy_the_embassies_names_and_a_programming_language_are_unstated(
        plain_answerer: Answerer, text: str) -> None:
    assert outcome(plain_answerer, text) == ("no answer", None)


def test_seido_mistyped_as_accuracy_still_asks_the_system(plain_answerer: Answerer) -> None:
    assert outcome(plain_answerer, "プレクラス精度ってなに？") == ("answer", "preclass-what")


@pytest.mark.parametrize("text", ["How is the budget allocated by department?", "What budget was allocated to the drone trial?"])
def test_how_the_budget_is_spent_or_a_projects_budget_is_unstated(plain_answerer: Answerer, text: str) -> None:
    assert outcome(plain_answerer, text) == ("no answer", None)


@pytest.mark.parametrize("text", ["今年の夏は40度を超えるかな", "芝公園って子どもの遊び場ある？"])
def test_the_heat_and_places_to_play_are_no_detail_it_states(plain_answerer: Answerer, text: str) -> None:
    assert outcome(plain_answerer, text) == ("no answer", None)


def test_a_country_named_in_english_is_another_place(plain_answerer: Answerer) -> None:
    assert outcome(plain_answerer, "Does Argentina have an embassy in Minato?") == ("no answer", None)


def test_a_phone_number_is_a_contact_no_answer_gives(plain_answerer: Answerer) -> None:
    assert outcome(plain_answerer, "What is the telephone number for city hall staff?") == ("no answer", None)


def test_joining_the_city_is_the_year_a_panelist_joined(plain_answerer: Answerer) -> None:
    assert outcome(plain_answerer, "土井さんが区役所に入ったのは何年？") == ("answer", "panel")


def test_a_verb_typed_apart_from_its_polite_ending_is_one_word() -> None:
    from bot.spaced import joined_counts
    assert joined_counts("ひと が ふえ ますか") == "ひと が ふえますか"
    assert joined_counts("ますます ふえる") == "ますます ふえる"


def test_shin_tora_dori_typed_in_romaji_is_the_shiba_districts_street(plain_answerer: Answerer) -> None:
    assert outcome(plain_answerer, "What district is Shin-Tora-dori part of?") == ("answer", "district-shiba")


@pytest.mark.parametrize("text", ["Is there help for staff who want further study?", "Do staff get a study budget?"])
def test_further_study_is_self_development(plain_answerer: Answerer, text: str) -> None:
    assert outcome(plain_answerer, text) == ("answer", "training-self-development")


def test_obtain_is_a_formal_get_naming_no_topic(plain_answerer: Answerer) -> None:
    assert outcome(plain_answerer, "Where can I obtain more information about recruitment?") == ("answer", "learn-more")


@pytest.mark.parametrize("text", ["kenshuu menu", "training menu"])
def test_a_menu_in_english_is_the_training_menu_not_men_mistyped(plain_answerer: Answerer, text: str) -> None:
    assert outcome(plain_answerer, text) == ("answer", "training-overview")
    assert outcome(plain_answerer, "what's on the cafeteria menu?")[0] == "no answer"


@pytest.mark.parametrize("text", ["新人の面倒を見てくれる人はいますか", "新人は誰が面倒見てくれるの？"])
def test_looking_after_the_new_staff_is_the_ojt(plain_answerer: Answerer, text: str) -> None:
    assert outcome(plain_answerer, text) == ("answer", "training-ojt")


def test_the_character_of_a_place_is_what_marks_it(plain_answerer: Answerer) -> None:
    assert outcome(plain_answerer, "港区と言えば金持ちの街という印象しかございません。一体どういう土地柄なのでしょうか。") == (
        "answer", "overview-summary")


def test_a_worry_told_names_no_topic(plain_answerer: Answerer) -> None:
    text = "むすめ ひとりで とうきょう すむの しんぱいでさ しょくいん の じゅうたく ってあるのかい"
    assert outcome(plain_answerer, text) == ("answer", "housing-staff")


def test_kyouji_asks_formally_and_names_no_topic(plain_answerer: Answerer) -> None:
    assert outcome(plain_answerer, "港区の予算をご教示いただけますか") == ("answer", "overview-budget")
    assert outcome(plain_answerer, "港区の面積と人口をご教示願います")[0] == "answer"
