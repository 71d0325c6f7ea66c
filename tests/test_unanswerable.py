"""Questions the briefing cannot answer however close their topic, and guide questions it must route.

Each test names a general mechanism (never a benchmark question): asking to name the top one, asking which one of
a kind the knowledge never names, a country's own embassy, a detail of a covered topic the answer does not hold.
"""

from __future__ import annotations

import pytest

from bot.focus import clauses
from bot.service import Answerer
from single_reply import outcome


@pytest.mark.parametrize("question", [
    "港区でいちばん部屋の多いホテルはどこ？",  # the knowledge counts the rooms, it names no hotel
    "区内で一番人が多い国籍はどれですか",
    "23区のなかで面積が一番大きい区はどこ？",  # Minato is not; its area entry holds no superlative
])
def test_naming_the_top_one_is_refused(plain_answerer: Answerer, question: str) -> None:
    assert outcome(plain_answerer, question) == ("no answer", None)


@pytest.mark.parametrize(("question", "entry_id"), [
    ("客室数がいちばん多い区ってどこ？", "facts-hotel-rooms"),  # the ward is Minato: 都内最多
    ("Which ward has the most embassies?", "facts-embassies"),
    ("大使館の数って全国で一番なの？", "facts-embassies"),  # a superlative that confirms names no top one
])
def test_a_superlative_the_knowledge_holds_is_answered(plain_answerer: Answerer, question: str, entry_id: str) -> None:
    assert outcome(plain_answerer, question) == ("answer", entry_id)


@pytest.mark.parametrize("question", [
    "Doitsu no taishikan wa doko ni arimasu ka",  # a country typed in romaji stays a country (ドイツ)
    "Betonamu taishikan wa doko desu ka",  # ... with no particle after it
    "Indoneshia taishikan wa doko ni arimasu ka",  # ... and long enough to look like a spoken pause
    "タイ の たいしかん の ばしょ は？",  # a katakana country is no part of the reading タイシカン next to it
])
def test_one_countrys_embassy_is_refused(plain_answerer: Answerer, question: str) -> None:
    assert outcome(plain_answerer, question) == ("no answer", None)


def test_the_embassies_in_romaji_are_still_answered(plain_answerer: Answerer) -> None:
    assert outcome(plain_answerer, "taishikan wa nan kakoku arimasu ka") == ("answer", "facts-embassies")


@pytest.mark.parametrize(("question", "entry_id"), [
    ("娘の初任給ってどのくらいになるんだろう", "guide-salary"),  # whose question it is, not what it asks (bot.askers)
    ("Is my wife's commute allowance paid?", "guide-salary"),
    ("昇給の頻度はどのくらい？", "guide-salary"),  # how a fact is measured names no topic
])
def test_the_people_asked_for_and_measures_name_no_topic(plain_answerer: Answerer, question: str,
                                                         entry_id: str) -> None:
    assert outcome(plain_answerer, question) == ("answer", entry_id)


def test_a_person_in_another_role_is_still_a_topic(plain_answerer: Answerer) -> None:
    assert outcome(plain_answerer, "職員住宅に妻も一緒に住めますか") == ("no answer", None)  # a guard: refused before too


@pytest.mark.parametrize(("question", "entry_id"), [
    ("障害者採用の試験はどんな内容？", "guide-exam"),  # the track says which exam; the exam is asked about
    ("経験者採用の試験に適性検査はある？", "guide-exam"),
    ("経験者採用の応募資格は？", "guide-application"),
])
def test_the_noun_asked_about_picks_between_close_entries(plain_answerer: Answerer, question: str,
                                                          entry_id: str) -> None:
    assert outcome(plain_answerer, question) == ("answer", entry_id)


@pytest.mark.parametrize(("question", "entry_id"), [
    ("TOEFLのスコアは評価に入りますか", "guide-exam"),  # what a municipal recruitment guide covers (not-covered.yaml)
    ("短大卒程度の区分で受けたいです。条件は？", "guide-application"),  # a guard: answered before too
    ("試験地はどこ？", "guide-exam"),
])
def test_the_recruitment_guides_vocabulary_reaches_its_entry(plain_answerer: Answerer, question: str,
                                                             entry_id: str) -> None:
    assert outcome(plain_answerer, question) == ("answer", entry_id)


@pytest.mark.parametrize("question", [
    "AIの点検はどの橋で試すの？",  # the knowledge never speaks of bridges: no entry can name one (bot.whichnoun)
    "ドローンはどこのメーカーの機体を使う予定ですか",
    "Which bridge will the AI inspection test use?",
    "ドローンの実証はなんという橋で行ったの？",  # 何て / なんという + noun: the name of one of that kind
])
def test_asking_which_one_of_an_unknown_kind_is_refused(plain_answerer: Answerer, question: str) -> None:
    assert outcome(plain_answerer, question) == ("no answer", None)


def test_asking_which_one_of_a_known_kind_is_answered(plain_answerer: Answerer) -> None:
    assert outcome(plain_answerer, "職員住宅はどの地区にありますか") == ("answer", "housing-staff")


@pytest.mark.parametrize(("question", "entry_id"), [
    ("福岡からでも試験会場で受験できますか", "guide-exam"),  # where one comes from is not asked (bot.origin)
    ("千葉県から通勤している職員はいますか？", "commute-residence"),
    ("Hi, I'm from Vietnam. How many embassies are there in Minato?", "facts-embassies"),  # in English, before it
    ("Can someone with Korean nationality apply to the city?", "guide-application"),
])
def test_a_place_of_origin_is_not_what_is_asked(plain_answerer: Answerer, question: str, entry_id: str) -> None:
    assert outcome(plain_answerer, question) == ("answer", entry_id)


def test_a_place_asked_about_is_still_refused(plain_answerer: Answerer) -> None:
    assert outcome(plain_answerer, "千葉市の職員住宅はどこ？") == ("no answer", None)


def test_a_purpose_set_off_by_a_comma_is_context() -> None:
    pieces = clauses("家族との時間を大事にできるように、育休の制度はありますか")
    assert [piece.asks for piece in pieces] == [False, True]
    assert len(clauses("どのように、応募すればいい？")) == 1  # a question word, not a purpose


def test_a_purpose_does_not_pull_the_answer_to_its_topic(plain_answerer: Answerer) -> None:
    assert outcome(plain_answerer, "女性職員が働き続けられるように、育休はどうなっていますか") == ("answer", "guide-holidays")


def test_a_detail_cue_typed_in_hiragana_is_still_a_detail(plain_answerer: Answerer) -> None:
    # A loan-word cue (何メートル) typed in hiragana still asks a size, which no entry about Shiba holds.
    assert outcome(plain_answerer, "とうきょうたわーは なんめーとる？") == ("no answer", None)


@pytest.mark.parametrize(("question", "entry_id"), [
    ("留学帰国者向けの特別枠はありますか", "guide-application"),  # whom a track is for is no topic (bot.askers)
    ("新人向けの研修はどんな内容？", "training-new-staff-design"),  # an audience the knowledge knows keeps its meaning
])
def test_an_unknown_audience_names_no_topic(plain_answerer: Answerer, question: str, entry_id: str) -> None:
    assert outcome(plain_answerer, question) == ("answer", entry_id)


@pytest.mark.parametrize("question", [
    "Could you give me the addresses of the five branch offices?",  # an English cue matches its plural too
    "しょくいんじゅうたくは なんとう あるの？ なんへや あるの？",  # なん + a counter typed in kana asks a count
    "職員住宅は全部で何部屋ありますか",
    "区役所の食堂には何台くらい席がありますか",
])
def test_a_count_or_address_no_answer_holds_is_refused(plain_answerer: Answerer, question: str) -> None:
    assert outcome(plain_answerer, question) == ("no answer", None)


@pytest.mark.parametrize(("question", "entry_id"), [
    ("えっと職員住宅ってなんかいいところあるんですか", "housing-staff"),  # the filler なんか is no count (何回)
    ("プレクラスってなんかいつまでやるんだっけ", "preclass-timeline"),
    ("なんか国立新美術館ってどの地区だっけ", "district-azabu"),  # なんか before 国立 is no 何か国 (how many countries)
])
def test_the_filler_nanka_asks_no_count(plain_answerer: Answerer, question: str, entry_id: str) -> None:
    assert outcome(plain_answerer, question) == ("answer", entry_id)


@pytest.mark.parametrize(("question", "entry_id"), [
    ("How many minutes does a typical commute take?", "commute-time"),  # minutes measure a time, they count nothing
    ("Minato covers how many km2?", "overview-area"),  # ... and km2 an area
    ("How large is Minato's budget?", "overview-budget"),  # how large asks a size, as how big does
    ("How big is the city's workforce?", "overview-staff"),  # a workforce is as big as its headcount
    ("大使館は何か所くらいある？", "facts-embassies"),  # places are counted by any count of them (か国)
    ("What is the public-private scheme about?", "newtech-what"),  # public-private: nobody who may use a place
    ("支所は地区ごとの窓口ですか？", "why-sogo-shisho"),  # 地区ごとの asks no part's figure when none is asked
])
def test_a_measure_or_size_the_answer_holds_is_answered(plain_answerer: Answerer, question: str,
                                                         entry_id: str) -> None:
    assert outcome(plain_answerer, question) == ("answer", entry_id)


def test_a_part_of_a_figure_is_still_refused(plain_answerer: Answerer) -> None:
    assert outcome(plain_answerer, "地区ごとの人口は？") == ("no answer", None)


@pytest.mark.parametrize("question", [
    "六本木でおいしいお店ある？",  # how food tastes: no answer says
    "What are the cafeteria hours?",  # the canteen's opening hours
    "AIの実証実験は成功しましたか",  # how a trial went: its results are not in the briefing
    "職員住宅って ぺっとかえる？",  # the house rules, typed in kana
])
def test_a_taste_hours_result_or_rule_no_answer_holds_is_refused(plain_answerer: Answerer, question: str) -> None:
    assert outcome(plain_answerer, question) == ("no answer", None)


def test_whether_the_cafeteria_is_good_is_answered_by_what_it_offers(plain_answerer: Answerer) -> None:
    assert outcome(plain_answerer, "区役所の食堂ってランチおいしい？") == ("answer", "cafeteria")


@pytest.mark.parametrize("question", [
    "大学生向けのインターンシップはありますか",  # an internship
    "採択されなかった提案にはどんなのがあった？",  # the proposals not adopted: the answer lists the adopted five
    "ドローンの実証はどの施設で試したんですか",  # where a trial was run
    "How much money went to the sleep trainer project?",  # a project's budget, not the city's
])
def test_a_topic_or_detail_the_briefing_never_gives_is_refused(plain_answerer: Answerer, question: str) -> None:
    assert outcome(plain_answerer, question) == ("no answer", None)


@pytest.mark.parametrize(("question", "entry_id"), [
    ("採択されなかった提案は何件あったことになる？", "newtech-projects"),  # the proposals less the adopted five
    ("港区の避難所は何か所ありますか", None),  # shelters are no embassies: 81か国 counts none of them
])
def test_a_count_is_answered_only_by_a_count_of_the_same_things(plain_answerer: Answerer, question: str,
                                                                 entry_id: str | None) -> None:
    assert outcome(plain_answerer, question) == (("answer", entry_id) if entry_id else ("no answer", None))


@pytest.mark.parametrize(("question", "entry_id"), [
    ("配属されたら誰か先輩が教えてくれますか", "training-ojt"),  # 誰か (someone) asks for no person's name
    ("応募の受付はいつからですか", "guide-exam"),  # the application period
])
def test_someone_and_the_application_period(plain_answerer: Answerer, question: str, entry_id: str) -> None:
    assert outcome(plain_answerer, question) == ("answer", entry_id)


def test_whether_people_from_outside_may_use_the_cafeteria_is_refused(plain_answerer: Answerer) -> None:
    assert outcome(plain_answerer, "区役所の食堂って外の人も使えるの？") == ("no answer", None)


@pytest.mark.parametrize("question", [
    "How long does on-the-job training last for new staff?",  # how long, last: they ask, they name no topic
    "How long is the OJT period for new hires?",
])
def test_how_long_asked_in_english_names_no_topic_of_its_own(plain_answerer: Answerer, question: str) -> None:
    assert outcome(plain_answerer, question) == ("no answer", None)  # the OJT's length is not in the briefing


@pytest.mark.parametrize("question", ["将来の職員数の予測はどうなる？", "2031年には職員数はどれくらいになる見込み？"])
def test_a_count_named_as_one_word_is_of_its_own_topic(plain_answerer: Answerer, question: str) -> None:
    # 職員数 is the staff's figure: the population forecast states no future staff number
    assert outcome(plain_answerer, question) == ("no answer", None)
    assert outcome(plain_answerer, "令和13年の人口の見込みは？") == ("answer", "facts-population-forecast")


@pytest.mark.parametrize("question", ["職員は区の施設を割引で使えますか", "睡眠のアプリって無料で使えるの？", "Is the cafeteria free for staff?"])
def test_a_discount_or_a_free_use_is_a_detail_no_answer_offers(plain_answerer: Answerer, question: str) -> None:
    assert outcome(plain_answerer, question) == ("no answer", None)


def test_a_ranking_by_a_measure_typed_without_its_particle_is_still_that_measure(plain_answerer: Answerer) -> None:
    # "一番予算多い" ranks wards by budget: the ward with the most hotel rooms does not answer it
    assert outcome(plain_answerer, "都内で一番予算多い区ってどこ？") == ("no answer", None)


@pytest.mark.parametrize("question", ["プレクラスは中学校でもやってる？", "みなとくの ちゅうがっこうは いくつ？"])
def test_junior_high_school_is_no_school_of_the_pre_class(plain_answerer: Answerer, question: str) -> None:
    # ちゅうがっこう was read as がっこう (its prefix dropped), the pre-class entries' school
    assert outcome(plain_answerer, question) == ("no answer", None)


def test_one_class_typed_in_kana_is_one_class_not_people_living(plain_answerer: Answerer) -> None:
    # ひとくらす read as 人 + 暮らす made the class size a question about the population
    assert outcome(plain_answerer, "ぷれくらすは ひとくらす なんにん？") == ("no answer", None)


def test_school_lunch_is_a_word_of_its_own_not_pay(plain_answerer: Answerer) -> None:
    # 給食費 was read through the 食 and 職 inside it, and its price sent to the pay's entry
    assert outcome(plain_answerer, "給食費はいくら？") == ("no answer", None)


@pytest.mark.parametrize("text", ["ミナトクヤクショノジュウショオシエテ", "Minato-ku kuyakusho no juusho wa doko desu ka"])
def test_an_address_typed_in_kana_or_romaji_is_no_staff_residence(plain_answerer: Answerer, text: str) -> None:
    # Where staff live (大田区, 横浜市...) is no address of the city hall; the briefing gives none.
    assert outcome(plain_answerer, text) == ("no answer", None)


def test_where_staff_live_is_still_answered(plain_answerer: Answerer) -> None:
    assert outcome(plain_answerer, "職員の皆さんはどのあたりに住んでいますか？") == ("answer", "commute-residence")


@pytest.mark.parametrize("text", ["what is most popular food in the cafeteria",
                                  "AIスリープトレーナーって区民はどうやって申し込むんですか？"])
def test_a_popular_dish_or_how_residents_sign_up_is_not_stated(plain_answerer: Answerer, text: str) -> None:
    assert outcome(plain_answerer, text) == ("no answer", None)


@pytest.mark.parametrize("text", ["大使館の数じゃなくて、領事館だけの数は？", "台場だけだと人口何人くらいなんですか"])
def test_the_figure_of_one_part_alone_needs_an_answer_naming_it(plain_answerer: Answerer, text: str) -> None:
    assert outcome(plain_answerer, text) == ("no answer", None)


def test_a_part_the_answer_names_is_answered(plain_answerer: Answerer) -> None:
    assert outcome(plain_answerer, "女性職員だけだと何人？") == ("answer", "overview-staff")


@pytest.mark.parametrize("text", ["研修は職場の中だけじゃなくて外でも受けられますか", "職場の中だけでなく、外でも研修を受けられる？"])
def test_not_only_one_part_singles_out_none(plain_answerer: Answerer, text: str) -> None:
    # "…だけじゃなくて外でも": both parts are asked about, no figure of one alone.
    assert outcome(plain_answerer, text) == ("answer", "training-workplace")


@pytest.mark.parametrize("text", ["芝地区と高輪地区、人口が多いのはどっち？", "芝地区と麻布地区、どっちが人口多い？"])
def test_which_is_more_needs_an_answer_stating_a_figure(plain_answerer: Answerer, text: str) -> None:
    # Each district's answer is its slogan: no figure to compare.
    assert outcome(plain_answerer, text) == ("no answer", None)


def test_which_is_more_is_answered_by_the_one_answer_holding_both_sides(plain_answerer: Answerer) -> None:
    assert outcome(plain_answerer, "港区の職員は、女性と男性ではどちらの人数が多いのでしょうか。") == ("answer", "overview-staff")


@pytest.mark.parametrize("text", ["ろぼっと の とりあーじ って もう ほんばん で つかってる？",
                                  "Is the AI sleep trainer something residents can download and use right now?",
                                  "バーチャル避難訓練ってうちらも参加できるんですかね区民として",
                                  "the virtual evacuation drill project, does it use VR headsets or just a phone app?"])
def test_whether_a_trial_is_in_use_open_to_residents_or_its_device_is_not_stated(plain_answerer: Answerer,
                                                                                 text: str) -> None:
    assert outcome(plain_answerer, text) == ("no answer", None)


@pytest.mark.parametrize("text", ["doron wa nandai tsukatte iru no desu ka", "purekurasu wa nankou de jisshi shite imasu ka",
                                  "くやくしょの えれべーたーは なんだい ありますか"])
def test_a_count_typed_in_kana_keeps_its_counter(plain_answerer: Answerer, text: str) -> None:
    # なんだい is 何台, なんこう 何校: a count in a unit no answer states, not any figure.
    assert outcome(plain_answerer, text) == ("no answer", None)


def test_a_count_in_kana_an_answer_states_is_answered(plain_answerer: Answerer) -> None:
    assert outcome(plain_answerer, "ほてるの へやは なんしつ ありますか") == ("answer", "facts-hotel-rooms")


def test_nandai_after_a_noun_is_the_copula_not_a_count(plain_answerer: Answerer) -> None:
    # 数なんだい: "what is it a count of?", answered by the count the city leads in, not a count in 台
    assert outcome(plain_answerer, "全国で一番多いのは何の数なんだい？") == ("answer", "facts-embassies")


@pytest.mark.parametrize("text", ["この1年で人口は実際何人増えたんですか", "人口のピークはいつ頃の予測なんですか？",
                                  "全国自治体をリードって具体例"])
def test_a_past_change_a_peak_or_an_example_is_not_stated(plain_answerer: Answerer, text: str) -> None:
    assert outcome(plain_answerer, text) == ("no answer", None)


@pytest.mark.parametrize("text", ["kaigai kenshuu wa arimasu ka", "区の広報紙のデザインは外注ですか、それとも職員が作ってますか",
                                  "shokudou de kyasshuresu kessai wa tsukaemasu ka", "中学校にもプレクラスみたいな仕組みってあるんですか",
                                  "What's the median household income in Minato?", "外国人 国籍 内訳", "区役所 階数",
                                  "えっと南緑水公園って遊具あるんですか", "親でも区役所の食堂で昼食をいただけるのでしょうか"])
def test_details_the_briefing_never_states_are_refused(plain_answerer: Answerer, text: str) -> None:
    # training abroad, outsourcing, payment, which schools, residents' income, a breakdown, floors, a park's
    # playground, a parent at the canteen
    assert outcome(plain_answerer, text) == ("no answer", None)


def test_how_many_staff_in_english_is_a_count_of_people_the_guide_does_not_state(plain_answerer: Answerer) -> None:
    assert outcome(plain_answerer, "How many staff work at the Minato public health center?") == ("no answer", None)
    assert outcome(plain_answerer, "how many employees does the city have") == ("answer", "overview-staff")


@pytest.mark.parametrize("text", ["自己啓発助成で英会話教室の授業料も出ますか",
                                  "Can the self-development subsidy be used toward a master's degree?"])
def test_what_the_subsidy_covers_is_not_stated(plain_answerer: Answerer, text: str) -> None:
    assert outcome(plain_answerer, text) == ("no answer", None)


def test_what_the_subsidy_is_is_still_answered_when_its_cover_is_asked_too(plain_answerer: Answerer) -> None:
    text = "自己啓発助成ってどういうの？資格の勉強とかにも使える？"
    assert outcome(plain_answerer, text) == ("answer", "training-self-development")


def test_a_number_named_by_its_counter_is_a_count_in_that_unit(plain_answerer: Answerer) -> None:
    # 導入校数: how many schools (校), which the pre-class answers do not count; 客室数 stays the rooms' own topic
    assert outcome(plain_answerer, "プレクラス 導入校数") == ("no answer", None)
    assert outcome(plain_answerer, "客室数は？") == ("answer", "facts-hotel-rooms")


def test_an_address_typed_in_kana_without_its_long_vowel_is_still_an_address(plain_answerer: Answerer) -> None:
    assert outcome(plain_answerer, "Peru taishikan no jusho oshiete") == ("no answer", None)


@pytest.mark.parametrize("question", ["公務員試験の面接で受かるコツは？", "Any tips for the interview?", "SPIの勉強法を教えて"])
def test_advice_on_how_to_pass_is_refused(plain_answerer: Answerer, question: str) -> None:
    assert outcome(plain_answerer, question) == ("no answer", None)


def test_steadily_is_no_knack_asked(kb) -> None:  # type: ignore[no-untyped-def]
    from bot.details import DetailCheck
    checks = DetailCheck(kb)
    assert "advice" not in [asked.kind.name for asked in checks.asked("コツコツ働くのが得意です。職場外研修はありますか")]
    assert "advice" in [asked.kind.name for asked in checks.asked("面接のコツは？")]


@pytest.mark.parametrize("question", ["元銀行員から転職した職員って結構いるんですか", "育休を取っている職員さんってどれくらいいますか"])
def test_how_many_people_there_are_is_no_rule_of_the_guide(plain_answerer: Answerer, question: str) -> None:
    assert outcome(plain_answerer, question) == ("no answer", None)


def test_how_many_staff_there_are_is_still_the_staff_count(plain_answerer: Answerer) -> None:
    assert outcome(plain_answerer, "職員ってどのくらいいるの？") == ("answer", "overview-staff")


@pytest.mark.parametrize("question", ["自然教育園って何ヘクタールあるの？", "お台場海浜公園の広さは何平方メートル？",
                                      "How big is Odaiba's seaside park in square meters?"])
def test_a_parks_size_is_in_no_answer(plain_answerer: Answerer, question: str) -> None:
    # A district's answer names its parks and says "the … area" in English: neither is a size.
    assert outcome(plain_answerer, question) == ("no answer", None)


def test_the_citys_size_in_any_unit_is_still_its_area(plain_answerer: Answerer) -> None:
    assert outcome(plain_answerer, "港区の面積は何平方キロ？") == ("answer", "overview-area")


@pytest.mark.parametrize("question", ["Is the staff housing furnished?", "職員住宅にエレベーターはついてる？",
                                      "Does the canteen have wheelchair access?"])
def test_a_buildings_equipment_is_in_no_answer(plain_answerer: Answerer, question: str) -> None:
    assert outcome(plain_answerer, question) == ("no answer", None)


@pytest.mark.parametrize("question", ["窓口は何時まで開いていますか", "区役所の窓口って土曜日も開いてる？",
                                      "介護福祉士の資格はどうやって取るの？"])
def test_the_counters_hours_and_how_to_qualify_are_not_the_guides(plain_answerer: Answerer, question: str) -> None:
    # The guide's entries point to the staff's working hours and who may apply, not the counters' opening hours
    # nor how one earns a qualification.
    assert outcome(plain_answerer, question) == ("no answer", None)


def test_the_staffs_hours_at_a_counter_job_are_still_the_guides(plain_answerer: Answerer) -> None:
    assert outcome(plain_answerer, "窓口の職場でも交替制や夜間の勤務はある？") == ("answer", "guide-holidays")


@pytest.mark.parametrize("question", ["Does every Minato public school run pre-classes?",
                                      "Which elementary schools use the pre-class system?", "うちの学区の小学校もプレクラスですか"])
def test_which_schools_run_the_pre_class_is_not_stated(plain_answerer: Answerer, question: str) -> None:
    assert outcome(plain_answerer, question) == ("no answer", None)


@pytest.mark.parametrize("question", ["食堂って区民も食べに行けるの？", "大学生でも区役所の食堂を使えますか"])
def test_whether_others_may_eat_at_the_canteen_is_not_stated(plain_answerer: Answerer, question: str) -> None:
    assert outcome(plain_answerer, question) == ("no answer", None)


@pytest.mark.parametrize("question", ["採用のインスタの名前を教えて", "港区のSNSってどれをやってるの？"])
def test_which_accounts_the_city_runs_is_not_stated(plain_answerer: Answerer, question: str) -> None:
    # The answer invites candidates to follow the city on social media; it names no account or platform.
    assert outcome(plain_answerer, question) == ("no answer", None)


def test_whether_the_city_is_on_social_media_is_answered(plain_answerer: Answerer) -> None:
    assert outcome(plain_answerer, "港区の採用ってインスタやってますか") == ("answer", "learn-more")


@pytest.mark.parametrize("question", ["What is Minato's population density?", "Tell me the population density of the ward"])
def test_the_population_density_is_in_no_answer(plain_answerer: Answerer, question: str) -> None:
    # The population and the area are stated apart; the briefing states no density.
    assert outcome(plain_answerer, question) == ("no answer", None)


def test_whether_a_trial_is_in_use_citywide_is_not_stated(plain_answerer: Answerer) -> None:
    assert outcome(plain_answerer, "Is the drone delivery already being used citywide?") == ("no answer", None)


@pytest.mark.parametrize(("question", "reply"), [("How much budget did the sleep AI trial get?", ("no answer", None)),
                                                 ("How much budget does Minato have?", ("answer", "overview-budget"))])
def test_how_much_budget_is_a_sum_only_the_budget_states(plain_answerer: Answerer, question: str,
                                                         reply: tuple[str, str | None]) -> None:
    assert outcome(plain_answerer, question) == reply


def test_which_the_counted_countries_are_is_not_stated(plain_answerer: Answerer) -> None:
    # The embassies' answer counts 81 countries; it names none of them.
    assert outcome(plain_answerer, "81か国ってどこの国？具体的に教えて") == ("no answer", None)
    assert outcome(plain_answerer, "大使館は何か国？") == ("answer", "facts-embassies")


@pytest.mark.parametrize(("question", "reply"), [("土井さんは保健所で何年ぐらい勤めているの？", ("no answer", None)),
                                                 ("中島さんは入区してからずっと児童相談所勤務ですか", ("no answer", None)),
                                                 ("中島さんは何年に入区しましたか", ("answer", "panel"))])
def test_how_long_a_panelist_has_served_there_is_not_the_year_they_joined(plain_answerer: Answerer, question: str,
                                                                         reply: tuple[str, str | None]) -> None:
    # The panel's answer gives the year each joined the city and their post now, not their years at that post.
    assert outcome(plain_answerer, question) == reply


def test_what_a_panelist_told_is_not_recounted(plain_answerer: Answerer) -> None:
    # The panel's answer names the panelists and the theme; it does not recount their stories.
    assert outcome(plain_answerer, "土井さんはパネルでどんな話をされましたか") == ("no answer", None)
    assert outcome(plain_answerer, "パネルのテーマは？") == ("answer", "panel")


@pytest.mark.parametrize("question", ["職員住宅って空きはありますか", "持ち家があっても職員住宅に入れる？"])
def test_who_may_live_in_the_housing_and_its_vacancies_are_not_stated(plain_answerer: Answerer, question: str) -> None:
    assert outcome(plain_answerer, question) == ("no answer", None)


@pytest.mark.parametrize("question", ["区長の年収っていくら？", "港区長 名前 教えて"])
def test_the_mayors_pay_and_name_are_not_stated(plain_answerer: Answerer, question: str) -> None:
    # The guide's salary entry points to staff pay; no answer names the mayor.
    assert outcome(plain_answerer, question) == ("no answer", None)


@pytest.mark.parametrize("question", ["みなとくの ゆるきゃらの なまえは？", "ミナトク ノ ユルキャラ ノ ナマエ"])
def test_a_mascots_name_is_not_the_districts_names(plain_answerer: Answerer, question: str) -> None:
    assert outcome(plain_answerer, question) == ("no answer", None)


@pytest.mark.parametrize("question", ["職員住宅は子どもと一緒に住めますか", "しょくいんじゅうたく おや と いっしょに すめる？"])
def test_who_may_live_with_one_in_the_housing_is_not_stated(plain_answerer: Answerer, question: str) -> None:
    assert outcome(plain_answerer, question) == ("no answer", None)


def test_the_name_of_one_of_a_kind_the_knowledge_never_speaks_of_is_not_stated(plain_answerer: Answerer) -> None:
    # As "どの橋？": no answer names a bridge, so none names the one asked (bot.whichnoun).
    assert outcome(plain_answerer, "ドローンの実証をした橋の名前は？") == ("no answer", None)
    assert outcome(plain_answerer, "パネリストの名前は？") == ("answer", "panel")


def test_which_of_two_sights_is_older_is_not_stated(plain_answerer: Answerer) -> None:
    # The Shiba district names both; no answer dates either (which is bigger, longer, older: a figure's).
    assert outcome(plain_answerer, "増上寺と東京タワーってどっちが古いの？") == ("no answer", None)


@pytest.mark.parametrize("question", [
    "区役所の職員の離職率はどのくらい？",  # a rate named by what it measures: the women's share is no retention rate
    "ロボットの実証は何か所の病院でやったの？",  # the count before what it counts (何か所の病院)
    "人口の見通しってどうやって計算してるの？",  # how a figure was reached
    "韓国人の職員っていますか",  # the people of a country are of that country, no 勧告 misread
])
def test_details_around_a_stated_figure_are_not_stated(plain_answerer: Answerer, question: str) -> None:
    assert outcome(plain_answerer, question) == ("no answer", None)


def test_which_of_the_things_ranked_is_first_is_not_the_city_ranked_first(plain_answerer: Answerer) -> None:
    # The hotel rooms' answer ranks Minato first in Tokyo; it names no hotel (and no hotel with the most rooms).
    assert outcome(plain_answerer, "部屋数がいちばん多いホテルってどこ？") == ("no answer", None)
    assert outcome(plain_answerer, "ホテルの客室数が一番多い区はどこ？") == ("answer", "facts-hotel-rooms")


@pytest.mark.parametrize("question", ["40歳以上の職員って何人いる？", "30代の職員は何人くらい？"])
def test_people_of_an_age_are_not_counted(plain_answerer: Answerer, question: str) -> None:
    # The staff's total (and the women among them) counts no age band.
    assert outcome(plain_answerer, question) == ("no answer", None)


@pytest.mark.parametrize("question", ["中島さんは保健師なの？事務職なの？", "土井さんは大学で何を専攻してたの？"])
def test_a_panelists_own_details_are_no_guide_question(plain_answerer: Answerer, question: str) -> None:
    # A person only the panel names is the panel's topic, as its title's words are: the guide's job kinds do not answer.
    assert outcome(plain_answerer, question) == ("no answer", None)
