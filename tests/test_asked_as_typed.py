"""Words typed as they are meant: a language, the exam's venue, a former post abroad, kana that reads as something else."""

from __future__ import annotations

import pytest

from bot.kanacounts import kana_counters
from bot.service import Answerer, Question
from single_reply import outcome


@pytest.mark.parametrize("text", ["ネパールご で しけん を うけられますか", "インドネシア語でも受験できますか"])
def test_the_exams_language_is_no_place_asked_about(plain_answerer: Answerer, text: str) -> None:
    kind, entry = outcome(plain_answerer, text)
    assert kind == "answer" and entry in ("guide-exam", "guide-application")


def test_a_language_spoken_by_staff_is_still_refused(plain_answerer: Answerer) -> None:
    assert outcome(plain_answerer, "スペインご の はなせる しょくいん は なんにん いますか") == ("no answer", None)


@pytest.mark.parametrize("text", ["しけんかいじょうは ふくおかにも ありますか", "一次試験は名古屋でも受けられますか",
                                  "Is there an exam venue in Osaka?"])
def test_where_the_exam_is_taken_is_the_guides(plain_answerer: Answerer, text: str) -> None:
    kind, entry = outcome(plain_answerer, text)
    assert kind == "answer" and entry in ("guide-exam", "guide-application")


def test_a_post_held_abroad_is_where_the_candidate_comes_from(plain_answerer: Answerer) -> None:
    kind, entry = outcome(plain_answerer, "台湾での教員経験は職務経験になりますか")
    assert kind == "answer" and entry in ("guide-application", "guide-salary")


def test_two_hiragana_the_dictionary_has_as_a_place_are_a_word(plain_answerer: Answerer) -> None:
    # "tsuma" (a wife) is also a place name in the dictionary (つま): no other municipality is asked about.
    turn = plain_answerer.explain(Question("tsuma wa donichi ni yasumi ga toremasu ka", channel="test"))
    assert turn.understanding is not None and turn.understanding.result.reason != "another municipality"


@pytest.mark.parametrize(("typed", "read"), [("いくらぐらいなんだい", "いくらぐらいなんだい"),
                                             ("なんだい？", "なんだい？"), ("くるまは なんだい ある", "くるまは 何台 ある")])
def test_nandai_ending_a_sentence_is_the_copula_not_a_count(typed: str, read: str) -> None:
    assert kana_counters(typed) == read


def test_a_casual_question_ending_in_nandai_is_answered(plain_answerer: Answerer) -> None:
    assert outcome(plain_answerer, "きゅうりょうは いくらなんだい") == ("answer", "guide-salary")


def test_nandai_after_a_noun_is_the_copula_not_a_count(plain_answerer: Answerer) -> None:
    # "どの地区なんだい" is 地区 + な + んだい (which district is it?), no number of cars (何台) asked.
    assert outcome(plain_answerer, "自然教育園があるのはどの地区なんだい") == ("answer", "district-takanawa")


def test_a_reading_starting_inside_a_dictionary_word_is_no_typo(plain_answerer: Answerer) -> None:
    # 化学職 reads カガクショク, which holds ガクショク (学食): a coincidence of sounds, no cafeteria asked about.
    assert outcome(plain_answerer, "化学職の試験の内容を教えて") == ("answer", "guide-exam")


def test_an_adverb_in_kana_is_no_loan_word_with_its_long_vowel_left_out(plain_answerer: Answerer) -> None:
    # もっと is no モットー (a slogan).
    terms, _, _ = plain_answerer.matcher.explain("みなとく の ひと は これから もっと ふえる の？")
    assert "スローガン" not in {t.concept for t in terms}


def test_be_able_to_is_no_topic(plain_answerer: Answerer) -> None:
    terms, _, _ = plain_answerer.matcher.explain("Would you be able to tell me about the panel discussion?")
    assert all(t.concept is not None for t in terms if t.token.surface == "able")


@pytest.mark.parametrize("text", ["港区の予算のうち教育費はいくらくらい？", "予算1,845億円のうち、教育費って何円？"])
def test_a_part_of_a_figure_read_only_inside_its_word_is_still_a_part(plain_answerer: Answerer, text: str) -> None:
    # 教育費: the analyzer reads no known word of it but a reading inside; the budget's answer names no such part.
    assert outcome(plain_answerer, text) == ("no answer", None)


@pytest.mark.parametrize("text", ["住民のうち実際は何割くらいが外国の人？", "提案のうち、実際に採択されたのは何件？"])
def test_an_adverb_after_among_is_no_part(plain_answerer: Answerer, text: str) -> None:
    assert outcome(plain_answerer, text)[0] == "answer"


@pytest.mark.parametrize("text", ["How many of the city staff are foreigners?",
                                  "What share of the ward staff are foreign nationals?"])
def test_some_of_a_whole_no_entry_counts_so_is_refused(plain_answerer: Answerer, text: str) -> None:
    # The foreign residents are the city's residents, not its staff: no answer counts foreign staff.
    assert outcome(plain_answerer, text) == ("no answer", None)


@pytest.mark.parametrize(("text", "entry"), [("How many of the city staff are women?", "overview-staff"),
                                             ("How many of the residents are foreigners?", "facts-foreign-residents")])
def test_some_of_a_whole_an_entry_counts_is_answered(plain_answerer: Answerer, text: str, entry: str) -> None:
    assert outcome(plain_answerer, text) == ("answer", entry)


@pytest.mark.parametrize("text", ["Will the slides be e-mailed to participants?", "投影資料はメールで送ってもらえますか"])
def test_slides_sent_by_email_are_slides_handed_out(plain_answerer: Answerer, text: str) -> None:
    assert outcome(plain_answerer, text) == ("answer", "slides-handout")


def test_whether_one_may_apply_to_a_kind_of_hiring_is_eligibility(plain_answerer: Answerer) -> None:
    # 経験者採用 reads as the experienced (経験者), a word of pay too: "…って応募できる？" asks whether one may apply.
    assert outcome(plain_answerer, "新卒1年目でも経験者採用って応募できる？") == ("answer", "guide-application")


def test_the_british_spelling_of_subsidy_is_a_subsidy(plain_answerer: Answerer) -> None:
    terms, _, _ = plain_answerer.matcher.explain("Does Minato subsidise staff who take evening courses?")
    subsidy, _, _ = plain_answerer.matcher.explain("subsidy")
    assert subsidy[0].concept in {t.concept for t in terms}


def test_half_a_word_typed_in_kana_owns_no_count(plain_answerer: Answerer) -> None:
    # しょく of しょく員 is half of 職員数, which a longer reading found: not a thing whose count is asked.
    assert outcome(plain_answerer, "しょく員の数はなんにんですか") == ("answer", "overview-staff")


def test_a_verb_after_how_many_counts_the_thing_named_before(plain_answerer: Answerer) -> None:
    text = "How many proposals did the tech challenge receive, and how many went through?"
    assert outcome(plain_answerer, text) == ("answer", "newtech-projects")


def test_a_noun_denied_owns_no_count(plain_answerer: Answerer) -> None:
    # 採用じゃない: not all were adopted (a state), no figure of recruitment.
    assert outcome(plain_answerer, "提案の22件って全部採用じゃないよね？何件採択されたの？") == ("answer", "newtech-projects")


@pytest.mark.parametrize("text", ["帰化していれば試験は受けられる？", "Does being over 40 disqualify me from the experienced-hire exam?"])
def test_who_may_apply_is_the_guides(plain_answerer: Answerer, text: str) -> None:
    assert outcome(plain_answerer, text) == ("answer", "guide-application")


def test_which_households_may_live_in_the_staff_housing_is_not_stated(plain_answerer: Answerer) -> None:
    assert outcome(plain_answerer, "Can couples live in the staff housing?") == ("no answer", None)


def test_braille_at_the_exam_is_the_guides(plain_answerer: Answerer) -> None:
    kind, entry = outcome(plain_answerer, "点字の問題用紙で試験を受けられますか")
    assert kind == "answer" and entry in ("guide-exam", "guide-application")


@pytest.mark.parametrize("text", ["みなと保健所には職員が何人いますか", "児童相談所って何人くらいで回してるの？",
                                  "健康推進課の人は何人？"])
def test_the_staff_of_an_office_are_not_counted_by_naming_two_panelists(plain_answerer: Answerer, text: str) -> None:
    assert outcome(plain_answerer, text) == ("no answer", None)


def test_the_panelists_are_still_counted_by_naming_them(plain_answerer: Answerer) -> None:
    assert outcome(plain_answerer, "パネリストは何人でしたか？") == ("answer", "panel")


def test_a_maker_asked_in_keywords_is_a_company_no_answer_names(plain_answerer: Answerer) -> None:
    assert outcome(plain_answerer, "インフラ点検AI メーカー") == ("no answer", None)


def test_to_whom_is_answered_by_the_group_an_answer_names(plain_answerer: Answerer) -> None:
    # 誰に伝える: the residents the design training is for (区民), no person's name.
    assert outcome(plain_answerer, "新任研修のデザインって、誰に伝えるためのもの？") == ("answer", "training-new-staff-design")


def test_to_whom_is_refused_when_no_answer_names_the_group(plain_answerer: Answerer) -> None:
    assert outcome(plain_answerer, "AIスリープトレーナーは誰向けのサービスですか") == ("no answer", None)


def test_the_hiring_timeline_is_the_exams_schedule(plain_answerer: Answerer) -> None:
    # "timeline" is the pre-class entry's word too; the hiring timeline is the guide's.
    assert outcome(plain_answerer, "hiring timeline and exam dates?") == ("answer", "guide-exam")


def test_how_many_hotels_is_no_count_of_their_rooms(plain_answerer: Answerer) -> None:
    assert outcome(plain_answerer, "How many hotels are there in Minato?") == ("no answer", None)
    assert outcome(plain_answerer, "How many hotel rooms are there in Minato?") == ("answer", "facts-hotel-rooms")


@pytest.mark.parametrize(("text", "entry"), [("こうくの めんせきって どのくらい？", "overview-area"),
                                             ("こうくの しょくいんは なんにん いるんですか", "overview-staff")])
def test_the_citys_name_read_by_its_kanjis_sounds_is_the_city(plain_answerer: Answerer, text: str, entry: str) -> None:
    # 港区 read こうく, as one who has only seen it written reads it.
    assert outcome(plain_answerer, text) == ("answer", entry)


@pytest.mark.parametrize("text", ["こうくうけん ありますか", "こうくうけんは いくらですか"])
def test_a_reading_ends_at_no_long_vowel(plain_answerer: Answerer, text: str) -> None:
    # こうくうけん (航空券, a plane ticket) holds こうく (港区) only cut inside its long vowel くう.
    assert outcome(plain_answerer, text) == ("no answer", None)


@pytest.mark.parametrize("text", ["港区長の　お名前を　お教え願えますか。", "港区 役所 の 食堂 は 何時 から 何時 まで です か"])
def test_a_detail_asked_across_the_spaces_between_kanji_words_is_asked(plain_answerer: Answerer, text: str) -> None:
    # Written whole, each asks a detail no answer holds (the mayor's name, the cafeteria's hours); spaced, so do they.
    assert outcome(plain_answerer, text) == ("no answer", None)


@pytest.mark.parametrize("text", ["夜間人口は何人ですか", "What's the nighttime population?",
                                  "昼間人口が都内最多ゆうけど、夜の人口、つまり住んどる人は何人やねん"])
def test_the_nighttime_population_is_the_population(plain_answerer: Answerer, text: str) -> None:
    # 夜間人口 (the people who live there, counted at night) is the population the briefing states beside the daytime one.
    assert outcome(plain_answerer, text) == ("answer", "overview-population")


@pytest.mark.parametrize("text", ["港区で働く意義って何ですか", "港区で働く醍醐味は？"])
def test_the_meaning_of_working_there_is_why_work_for_minato(plain_answerer: Answerer, text: str) -> None:
    assert outcome(plain_answerer, text) == ("answer", "why-minato")


def test_what_one_forgot_is_asked_by_the_words_around_it(plain_answerer: Answerer) -> None:
    text = "uh so what are the five areas of minato called again i forgot"
    assert outcome(plain_answerer, text) == ("answer", "overview-districts")


@pytest.mark.parametrize("text", ["英検1級の二次試験の対策を教えてください。", "子どもの急な発熱で休める休暇はありますか"])
def test_a_prefix_of_a_gardens_name_is_no_word_read_into_a_kanji_of_its_sound(plain_answerer: Answerer,
                                                                             text: str) -> None:
    # 旧 (former) of 旧芝離宮恩賜庭園 names no topic: 級 and 急, read キュウ, are not it.
    understanding = plain_answerer.explain(Question(text, channel="test")).understanding
    assert understanding is not None and "旧" not in {term.concept for term in understanding.reading.terms}
    assert outcome(plain_answerer, "旧芝離宮恩賜庭園はどこの地区？") == ("answer", "district-shiba")


@pytest.mark.parametrize("text", ["けんしゅう は なんかい ありますか", "kenshuu wa nen ni nankai arimasu ka"])
def test_a_count_of_a_word_typed_in_kana_is_asked_of_that_word(plain_answerer: Answerer, text: str) -> None:
    # As 研修は何回ありますか: the exam's rounds (何回) are no count of trainings, which no answer states.
    assert outcome(plain_answerer, text) == ("no answer", None)


@pytest.mark.parametrize(("text", "entry"), [("まごさ かわって きくども みなとくの よさんは なんぼだべ", "overview-budget"),
                                             ("まごが しばうら こうなん って とこ すみたいって へってら どんな とこだ",
                                              "district-shibaura-konan")])
def test_whom_one_asks_for_names_no_topic(plain_answerer: Answerer, text: str, entry: str) -> None:
    # まご (a grandchild), typed in kana, is no unknown word diluting the question.
    assert outcome(plain_answerer, text) == ("answer", entry)


def test_first_graders_are_the_pre_class_children(plain_answerer: Answerer) -> None:
    assert outcome(plain_answerer, "いちねんせい の プレクラス は なんがつ まで ですか") == ("answer", "preclass-timeline")
