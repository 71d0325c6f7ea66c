"""Questions the briefing does not answer though an entry holds a detail of the asked kind (bot.detailof, scope.yaml).

Wordings are our own, never a benchmark's.
"""

from __future__ import annotations

import pytest

from bot.details import DetailCheck
from bot.contrast import drop_contrast
from bot.knowledge import KnowledgeBase
from bot.service import Answerer, Question


@pytest.mark.parametrize("question", ["港区の保育園の数はいくつありますか", "港区にある大学の数はいくつ？",
                                      "プレクラス関連の予算はいくら？", "研修の予算はいくらですか"])
def test_a_detail_of_another_topic_is_not_answered_by_a_figure_of_this_one(plain_answerer: Answerer,
                                                                           question: str) -> None:
    # The embassies' 81か国 counts no nurseries; the city's budget is not the training's.
    assert plain_answerer.answer(Question(question)).kind == "fallback"


@pytest.mark.parametrize(("question", "entry_id"), [("大使館の数はいくつ？", "facts-embassies"),
                                                    ("港区の予算はいくら？", "overview-budget")])
def test_a_detail_of_the_entrys_own_topic_is_still_answered(plain_answerer: Answerer, question: str,
                                                            entry_id: str) -> None:
    assert plain_answerer.answer(Question(question)).entry_id == entry_id


@pytest.fixture(scope="module")
def details(kb: KnowledgeBase) -> DetailCheck:
    """Return the detail rule over the bundled knowledge."""
    return DetailCheck(kb)


@pytest.mark.parametrize(("question", "kind", "entry_id"), [
    ("食堂は部外者でも利用できる？", "who may use", "cafeteria"),
    ("Is the staff cafeteria open to the public?", "who may use", "cafeteria"),
    ("食堂って大学生でも使えるの？", "who may use", "cafeteria"),  # someone named with でも: may they too
    ("しょくどうは くやくしょの ひとじゃなくても はいれますか", "who may use", "cafeteria"),
    ("Is the cafeteria for staff only?", "who may use", "cafeteria"),
    ("食堂って子どもも入れるの？", "who may use", "cafeteria"),  # someone named with も: may they too
    ("職員住宅に家族用の部屋はある？", "household", "housing-staff"),
    ("職員住宅の入居条件は？", "household", "housing-staff"),  # who may move in: not stated
    ("結婚したら職員住宅は出ないといけない？", "household", "housing-staff"),
    ("区内のホテルの稼働率は？", "rate", "facts-hotel-rooms"),  # a share the count of rooms does not give
    ("芝浦の運河って釣りできる？", "leisure", "district-shibaura-konan"),  # what one may do where an answer names
    ("採用のSNSってインスタかXか、どっち？", "account name", "learn-more"),  # which platform: the answer names none
    ("リモートって週にどれくらい？リモートは週何回？", "remote work days", "guide-holidays"),  # that it exists, not how often
    ("自己啓発助成は何に使えるの？", "coverage", "training-self-development"),  # what a subsidy covers: not stated
    ("研修の講師って区の職員？", "instructor", "training-workplace"),  # who teaches: no answer says
    ("点検AIの開発会社はどこ？", "company", "newtech-projects"),  # who made a trial's product: not stated
    ("ドローンの機種は何ですか", "model or technology", "newtech-projects"),
    ("What's the name of the app for the evacuation drill?", "model or technology", "newtech-projects"),
    ("Which courses does the subsidy cover?", "coverage", "training-self-development"),
    ("Can you go swimming off Odaiba?", "leisure", "district-shibaura-konan"),
    ("AIのアプリって区民じゃなくても使える？", "who may use", "newtech-projects"),
    ("青山通りはどこからどこまでですか", "extent", "district-akasaka"),
    ("土井さんは保健所の前はどこの部署にいたの？", "career", "panel"),  # a year of joining and a present post only
    ("新人は最初どの部署に配属されますか", "career", "panel"),
    ("中島さんは入区前はどんな仕事をしてたの？", "career", "panel"),  # before joining: the answer starts at joining
    ("職員住宅で猫とか、ペットは飼える？", "house rules", "housing-staff"),
    ("プレクラスを始めてから、いじめは減りましたか", "results", "preclass-what"),  # an outcome nobody measured
    ("Can friends stay overnight in the staff housing? any curfew?", "house rules", "housing-staff"),
    ("プレクラスは何年前から始まったの？", "history", "preclass-timeline"),
    ("お台場の海で釣りはできると？", "leisure", "district-shibaura-konan"),
    ("有栖川宮記念公園 は 犬 と 入れます か", "leisure", "district-azabu"),
    ("港区の職員住宅ってpet OK?", "house rules", "housing-staff"),
    ("What will the temperature be in Tokyo this weekend?", "weather", "guide-holidays"),  # the weekend's weather
    ("is it gonna snow in tokyo this weekend?", "weather", "guide-holidays"),
    ("お台場って週末は雨が降りそう？", "weather", "district-shibaura-konan"),
    ("次の説明会の会場ってどこですか", "briefing session", "guide-exam"),  # the session's venue, not the exam's
    ("説明会 次回 日程", "briefing session", "guide-exam"),
])
def test_a_fact_the_topics_entry_does_not_state_is_not_held_by_it(details: DetailCheck, question: str, kind: str,
                                                                  entry_id: str) -> None:
    asked = details.asked(question)
    assert kind in [item.kind.name for item in asked]
    assert not details.holds(entry_id, asked)


def test_a_concession_sets_nothing_aside(plain_answerer: Answerer) -> None:
    # "職員じゃなくても" (even if not staff) asks whether others may: it is no contrast "AじゃなくてB".
    assert plain_answerer.answer(Question("職員住宅は職員じゃなくても住めますか")).kind == "fallback"
    assert drop_contrast("芝浦港南じゃなくて高輪のスローガンは？") != "芝浦港南じゃなくて高輪のスローガンは？"


@pytest.mark.parametrize("question", ["港区長のお名前を教えてください", "中島さんの年齢を教えて"])
def test_an_office_holder_or_a_persons_age_is_not_in_the_briefing(plain_answerer: Answerer, question: str) -> None:
    # The briefing names no mayor, and gives the panelists' years of joining, not their ages.
    assert plain_answerer.answer(Question(question)).kind == "fallback"


def test_the_age_limit_is_still_the_guides(plain_answerer: Answerer) -> None:
    assert plain_answerer.answer(Question("受験できるのは何歳まで？")).entry_id == "guide-application"


@pytest.mark.parametrize(("question", "entry_id"), [("看護師の試験はいつごろですか", "guide-exam"),
                                                    ("平日休みの交替はある？", "guide-holidays"),
                                                    ("ブランクが長くても応募できる？", "guide-application")])
def test_a_recruitment_guides_everyday_words_point_to_it(plain_answerer: Answerer, question: str,
                                                        entry_id: str) -> None:
    # The exam's categories (看護師, 保育士), shift work (交代) and a gap in one's career (ブランク) are the guide's.
    assert plain_answerer.answer(Question(question)).entry_id == entry_id


@pytest.mark.parametrize("question", ["今年の試験はもう終わった？", "去年の試験はいつだった？"])
def test_this_or_last_year_names_no_topic(plain_answerer: Answerer, question: str) -> None:
    assert plain_answerer.answer(Question(question)).entry_id == "guide-exam"


def test_of_two_close_entries_the_one_holding_the_asked_detail_answers(plain_answerer: Answerer) -> None:
    # The exam and how to apply score alike; only the exam's entry holds a date (日程): no "did you mean".
    reply = plain_answerer.answer(Question("おとうとが うける しけん いつ あるの"))
    assert (reply.kind, reply.entry_id) == ("answer", "guide-exam")


@pytest.mark.parametrize("question", ["港区の保育園の一覧を教えて", "土井さんのインスタは？", "中島さんの連絡先を教えて"])
def test_a_list_of_another_topic_or_a_persons_account_is_not_in_the_briefing(plain_answerer: Answerer,
                                                                            question: str) -> None:
    # The districts' entry lists no nurseries; the city's SNS accounts are not a panelist's own.
    assert plain_answerer.answer(Question(question)).kind == "fallback"


@pytest.mark.parametrize("question", ["私でも港区の職員になれますか", "区 の しょくいん に なれる？", "しょくいんに なれますか",
                                      "外国人も港区で働けますか"])
def test_whether_one_can_become_staff_asks_the_eligibility(plain_answerer: Answerer, question: str) -> None:
    # Not the staff count: 職員 is its title word, but becoming staff is the recruitment guide's matter.
    assert plain_answerer.answer(Question(question)).entry_id == "guide-application"


@pytest.mark.parametrize("question", ["パネリストの年齢は？", "プレクラスはいつから導入されたの？"])
def test_a_panelists_age_or_a_start_year_is_not_in_the_briefing(plain_answerer: Answerer, question: str) -> None:
    assert plain_answerer.answer(Question(question)).kind == "fallback"


def test_a_verb_owns_no_count(plain_answerer: Answerer) -> None:
    # 通った (read as 通勤) is no topic whose count is asked: the adopted projects answer.
    question = "新技術チャレンジって応募は何件あって、そのうち実際に通ったのは何件？"
    assert plain_answerer.answer(Question(question)).entry_id == "newtech-projects"


def test_the_number_of_hires_is_a_statistic_the_guides_entries_do_not_point_to(plain_answerer: Answerer) -> None:
    # The exam's entry names dates, content and the application period; the fallback points to the same guide.
    assert plain_answerer.answer(Question("来年の採用予定人数は？")).kind == "fallback"


def test_a_long_vowel_typed_out_is_the_loan_words_mark(details: DetailCheck) -> None:
    # romaji "menyuu" is read めにゅう: the cue めにゅー (メニュー) is still asked
    assert "dishes" in [item.kind.name for item in details.asked("しょくどう の めにゅう を みせて")]


def test_a_verb_before_kurai_asks_no_price(details: DetailCheck) -> None:
    # "…いかないくらい" (about, not reaching) holds いくら across two words: no price is asked
    assert "price" not in [item.kind.name for item in details.asked("職員数って3000人いかないくらいでしたっけ？")]
    assert "price" in [item.kind.name for item in details.asked("家賃はいくらくらい？")]


@pytest.mark.parametrize("question", [
    "食堂って眺めいいんでしょ？食堂をほめる文章を書いてよ",  # a request ending in よ is the question asked
    "しょくいん じゅうたく の さくぶん を なおして ください",  # 直して: a text to edit
    "研修についての作文を直して",
    "I'm interested in the drone projects. Write me a cover letter about them",
])
def test_a_text_to_write_or_edit_is_no_answer_of_the_briefing(plain_answerer: Answerer, question: str) -> None:
    assert plain_answerer.answer(Question(question)).kind == "fallback"


def test_the_city_hall_owns_no_detail_of_its_own(plain_answerer: Answerer) -> None:
    # 役所 (read 区役所) is the employer: its working hours are the staff's, which the guide's entry points to
    reply = plain_answerer.answer(Question("役所って勤務時間って何時から何時ですか"))
    assert (reply.kind, reply.entry_id) == ("answer", "guide-holidays")


def test_unlike_sets_aside_what_it_names() -> None:
    # "Aと違って、Bは…？" (unlike A): A is not asked about, as with AじゃなくてB
    assert drop_contrast("民間と違って区役所は土日が休みですか") == "区役所は土日が休みですか"
    assert drop_contrast("大阪とちがって港区って人口はどれくらい") == "港区って人口はどれくらい"  # typed in kana


@pytest.mark.parametrize("question", ["しょくいんの つうきんは なんぷん？", "ぷれくらすは なんがつまで？"])
def test_a_period_or_a_month_typed_in_kana_is_still_asked(details: DetailCheck, question: str) -> None:
    assert "date or period" in [item.kind.name for item in details.asked(question)]


def test_of_two_close_entries_a_quantity_asked_goes_to_the_one_stating_a_figure(plain_answerer: Answerer) -> None:
    # Where staff live (a list of places) and how long they commute (minutes) both explain 職員 and 通勤; how much
    # time they spend is a figure only the second states.
    reply = plain_answerer.answer(Question("港区の職員の人って、通勤にどれくらいかけているのが普通なんですか？"))
    assert (reply.kind, reply.entry_id) == ("answer", "commute-time")


def test_of_two_close_entries_the_one_naming_every_topic_asked_answers(plain_answerer: Answerer) -> None:
    # 専門学校 in the self-introduction lifts how to apply as high as the training; only the training names 研修.
    text = "娘が専門学校の2年で、来年就職です。私は民間企業に30年勤めていますが、役所のことは詳しくありません。港区の職員の研修制度にはどのようなものがありますか。"
    reply = plain_answerer.answer(Question(text))
    assert (reply.kind, reply.entry_id) == ("answer", "training-overview")


def test_a_time_said_as_an_adverb_owns_no_figure(plain_answerer: Answerer) -> None:
    # "今何人": how many now; 今 is no thing whose count the population entry would not state
    assert plain_answerer.answer(Question("港区の人口って今何人で、将来はどうなるの", channel="test")).entry_id == \
        "facts-population-forecast"


def test_oneself_owns_no_figure(plain_answerer: Answerer) -> None:
    # 自分で家借りてる人: whose home it is, no thing of another topic whose detail is asked
    reply = plain_answerer.answer(Question("職員の人ってさ どこらへんに住んでんのかな あ 職員住宅じゃなくて 普通に自分で家借りてる人の話",
                                           channel="test"))
    assert reply.entry_id == "commute-residence"


def test_a_whole_kana_word_read_as_a_noun_owns_its_count(plain_answerer: Answerer) -> None:
    # こうえん is 公園: the parks' count is no count the five districts' entry states
    assert not plain_answerer.answer(Question("みなとく に こうえん は いくつ あるの", channel="test")).matched
