"""Everyday phrasings of what the knowledge already knows: spellings of its phrases, words of grammar, asked facts."""

from __future__ import annotations

import pytest

from bot.katakanasentence import katakana_sentence
from bot.normalize import analyze
from bot.phrasevariants import phrase_spellings
from bot.spoken import kana_districts
from bot.service import Answerer, Question
from single_reply import outcome


def test_a_phrase_is_also_its_kana_place_noun_and_its_spoken_progressive() -> None:
    assert {"住めるところ", "住めるとこ", "住める場所"} <= set(phrase_spellings("住める所"))
    assert "住んでるところ" in phrase_spellings("住んでいる場所")
    assert "良い場所" not in phrase_spellings("良いところ")  # a merit, not a good spot
    assert phrase_spellings("住所") == ("住所",)
    assert "職員さん向けの住まい" in phrase_spellings("職員向けの住まい")  # people spoken of politely
    assert phrase_spellings("職員") == ("職員",)


def test_only_a_sentence_all_in_katakana_with_its_grammar_is_read_as_hiragana() -> None:
    assert katakana_sentence("ケンシュウハ アリマスカ？") == "けんしゅうは ありますか?"
    assert katakana_sentence("プレクラス") is None  # a loan word, no grammar
    assert katakana_sentence("プレクラスは何ですか") is None
    # casual: no ending, but a question word of its own or before a particle
    assert katakana_sentence("タイシカン イクツ アルノ") == "たいしかん いくつ あるの"
    assert katakana_sentence("ミナトクノ ドノチク？") == "みなとくの どのちく?"
    assert katakana_sentence("ナンバー プレート") is None  # ナン goes on as a loan word
    assert katakana_sentence("ショクドウッテドコニアル？") == "しょくどうってどこにある?"  # no spaces: after ッテ
    # a question word right after カラ or ッテ, a request at the end, a particle typed as a word of its own
    assert katakana_sentence("ジュウタクカラナニガチカイ") == "じゅうたくからなにがちかい"
    assert katakana_sentence("ケンシュウノナイヨウオシエテクダサイ") == "けんしゅうのないようおしえてください"
    assert katakana_sentence("ヨサン ッテ フエテル？") == "よさん って ふえてる?"
    assert katakana_sentence("パネルディスカッション テーマ") is None  # loan words, no grammar between them


def test_a_height_typed_in_kana_is_a_size_no_answer_states(plain_answerer: Answerer) -> None:
    assert outcome(plain_answerer, "ロッポンギヒルズ ノ タカサ ハ？") == ("no answer", None)


def test_so_much_points_at_what_was_said_and_names_no_topic(plain_answerer: Answerer) -> None:
    # "何がそんなに評判なんですか": そんな was an unknown word counting against the cafeteria
    terms = plain_answerer.matcher.read_terms("何がそんなに評判なんですか")
    assert all(term.concept is not None for term in terms if term.token.surface == "そんな")


def test_a_number_of_things_in_kana_names_no_topic(plain_answerer: Answerer) -> None:
    # "よいところを みっつ": how many, not what; みっつ was an unknown word counting against the answer
    terms = plain_answerer.matcher.read_terms("よいところを みっつ おしえて")
    assert all(term.concept is not None for term in terms if term.token.surface == "みっつ")


def test_an_unknown_noun_of_time_or_amount_is_context() -> None:
    adverbial = {token.surface: token.adverbial for token in analyze("今日の説明会で半分以上の職員が")}
    assert adverbial["今日"] and adverbial["半分"] and adverbial["以上"]
    assert not adverbial["説明会"] and not adverbial["職員"]


def test_a_workplace_good_to_work_in_is_no_mere_working(plain_answerer: Answerer) -> None:
    # The analyzer reads 働きやすさ as 働く alone, a word ten entries use: the group's concept is 職場環境.
    concepts = {term.concept for term in plain_answerer.matcher.read_terms("働きやすい職場づくり")}
    assert "働く" not in concepts and "環境" in concepts


@pytest.mark.parametrize(
    ("question", "entry_id"),
    [
        ("住めるところはありますか", "housing-staff"),  # ところ for the 所 of 住める所
        ("しょくいんが すむ ところ は ありますか", "housing-staff"),  # a place to live, asked to exist
        ("職員の住んでる場所を教えて", "commute-residence"),  # 住んでる for 住んでいる: where they live now
        # the story tells the pre-class; the question asks the word only the merits entry's title adds to it
        ("娘が春から小学生になります。入学してしばらくは仮の学級で過ごすと聞きました。それにはどんなメリットがあるんですか？",
         "preclass-merits"),
        ("ぷれくらすって どんな いいこと が あるの", "preclass-merits"),  # いいこと: a good thing it does
        ("港区で働くことをもっと知るにはどうすればいい？", "learn-more"),
        ("さっきの資料ってもらえるんですか", "slides-handout"),  # さっき: the session just heard, no topic
        ("通勤は何分くらい？", "commute-time"),
        # 仕事に行く: the commute, typed in spaced words, one of them in kanji
        ("みんな 仕事 に 行く のに どれくらい かかる？", "commute-time"),
        ("ショクドウハ ドコニ アリマスカ", "cafeteria"),  # all in katakana, particles and endings too
        ("タイシカン イクツ アルノ", "facts-embassies"),
        ("よさんは なんおくえん くらい？", "overview-budget"),
        ("港区の名物って何？", "overview-summary"),
        # やさしい日本語: お金の助け is a subsidy, 仕事の勉強 is training
        ("しごと の あと に べんきょう したい。おかね の たすけ は ある？", "training-self-development"),
        ("みんな いえ から かいしゃ まで どのくらい かかりますか", "commute-time"),  # 家から会社まで: the commute
        ("港区は職員の研修にどれくらい力を入れていますか", "training-overview"),  # 力を入れる: effort, no topic  # what the city is known for is what marks it: its overview  # なんおくえん: 何億円 in kana
        ("ショクドウッテドコニアル？", "cafeteria"),  # katakana without spaces: the question word after ッテ tells  # all in katakana, casual: the question word tells
        ("けんしゅうって どんなかんじ？", "training-overview"),  # かんじ: 感じ typed in kana, no topic
        ("How many staff work there these days?", "overview-staff"),  # these days: now, not the daytime
        ("kinda curious, is there a cafeteria pls", "cafeteria"),  # chat English names no topic
        ("What staff benefits does Minato offer?", "housing-staff"),  # staff benefits: 福利厚生, the housing's
        ("Of the five districts, which one has Odaiba?", "district-shibaura-konan"),  # close: the one naming the place
        ("試験は日本語だけで行われますか", "guide-exam"),
        ("港区で働く良さってどこにあるの？", "why-minato"),
        ("ほかの自治体より港区で働く利点はどこにあるんでしょう", "why-minato"),  # 利点: a merit lies, no place
        ("区役所で働く値打ちはどこにあるんですか", "why-minato"),  # 値打ち: worth, no place
        # no topic before it, but one entry fits far ahead of any other: no guess between topics to offer
        ("もっと詳しく知りたいときはどこを見ればいいの？", "learn-more"),
        ("いつつ の ちく は どこ ですか", "overview-districts"),  # likewise: a good fit well ahead of the districts
        ("研修でどんなことしますか", "training-overview"),  # こと|します holds no トシマ (豊島, another city)
        ("プレクラスではどんなことしますか", "preclass-what"),  # likewise after katakana
        # 何年以上: a length of experience required, no date the salary's years of service could answer
        ("民間企業で何年以上働いていれば経験者採用に応募できますか", "guide-application"),  # the exam's language: the guide tells the exam's content
        ("高校生でも申し込めますか", "guide-application"),  # a school stage asked of eligibility
        ("ペルーの人でも公務員になれますか", "guide-application"),
        ("JLPTのN2でも応募できますか", "guide-application"),  # a language certificate asks eligibility  # 公務員になれる: eligibility, whoever asks
        # the projects name the disaster asked about too, a few points below the work's overview
        ("看護師として働いています。港区の新技術の取り組みで、災害に役立つものはありますか？", "newtech-projects"),
        # the rank is set aside (…とかじゃなくていい): no rank is asked of the population
        ("港区の人口ってどのくらいなんですか何番目とかじゃなくていいので", "overview-population"),
        ("人口が26万人とありましたが、いつの数字ですか", "overview-population"),  # 数字: the figure just named
        ("港区ってどういう街なんですか", "overview-summary"),  # 街 is the まち of the city's overview
        ("研修は何のためにやるんですか", "training-overview"),  # ため: grammar, no topic of the exam's entry
        ("今は横浜に住んでいて、職員住宅があるなら知りたいです", "housing-staff"),  # …ていて、 tells the story
        # two close entries, only the exam's answer holds the asked date: no "did you mean"
        ("むすめが うける しけんは いつ ありますか？", "guide-exam"),
        # one aspect set against another: the topic they are of stays
        ("昼間人口の割合じゃなくて、人数はどのくらい？", "facts-daytime-population"),  # (no ratio is stated: bot.details)
        ("Where do employees live who are not in the dorm?", "commute-residence"),  # the dorm is set aside
        ("Can we get the slides after the session ends?", "slides-handout"),  # the session is the briefing
        # two entries explain all that is asked (新人); the story before it speaks of the second one
        ("デザインの研修で区民に伝わる資料の作り方を学ぶと聞きました。それって新人向けですか", "training-new-staff-design"),
        ("Would I find the ward office easy to work in?", "workplace-environment"),  # English for 働きやすい
        ("人口の割に予算は大きいんですか", "overview-budget-per-person"),  # 人口の割に: per resident
        ("区民 は なんこく の ひと が いますか", "facts-nationalities"),  # なんこく: which countries, typed in kana
        ("働きやすさについて説明会でどんな話がありましたか", "workplace-environment"),
        # unknown nouns of time and amount say when or how much, not what: 本日, 半数, 以上 weigh as context
        ("ほんじつ の スライド は いただけますか", "slides-handout"),
        # where people live now (residence), not a house to live in nor how many live in the city
        ("港区で働いている人たちって、どこから通ってるんだろう", "commute-residence"),
        ("しょくいん は どこ に すんで いる の", "commute-residence"),
        ("Where do the workers live, mostly?", "commute-residence"),
        ("Which district is the State Guest House in?", "district-akasaka"),  # 迎賓館 in English
        ("platinum street is in which area of minato?", "district-takanawa"),  # プラチナ通り
        ("How many of the city's staff are ladies?", "overview-staff"),
        # the English words of an entry HR would use: a forecast's future, help for studying on one's own, leading
        ("By when will Minato pass 300k residents?", "facts-population-forecast"),
        ("Will the city subsidize a course I take on my own?", "training-self-development"),
        ("Is Minato leading municipalities nationwide?", "why-minato"),
        # the question first, then why it is asked: the reason after ですか、 is context
        ("スライドを印刷したものは配られますか", "slides-handout"),  # on paper: the handout asked
        ("締めくくりの「港区とは」のスライドの中身を教えて", "why-minato"),  # the briefing's closing slide's title
        ("しりょう は かみ で もらえますか", "slides-handout"),
        ("初任給は月いくらですか、奨学金の返済があるので気になっています", "guide-salary"),
        ("通勤時間はどのくらいですか、子どもの送り迎えがあるので気になります", "commute-time"),
        ("職員の女性って半分以上なんですか？", "overview-staff"),  # not 働く, a word of ten  # 何分 read ナニブン ("after all") is still 何 + 分: minutes asked  # knowing more: where to find more
    ],
)
def test_everyday_phrasings_find_their_entry(plain_answerer: Answerer, question: str, entry_id: str) -> None:
    reply = plain_answerer.answer(Question(question, channel="test"))
    assert (reply.kind, reply.entry_id) == ("answer", entry_id)


def test_a_loan_word_typed_without_its_long_vowel_is_still_the_word(plain_answerer: Answerer) -> None:
    # romaji drops long vowels ("doron" for ドローン): the known word spelt so, when only one is
    terms = plain_answerer.matcher.read_terms("ドロンの実証実験はどこ？")
    assert any(term.concept == "ドローン" for term in terms)
    reply = plain_answerer.answer(Question("doron wa nani wo hakonde imasu ka", channel="test"))
    assert (reply.kind, reply.entry_id) == ("answer", "newtech-projects")


def test_only_a_spelling_no_known_word_has_stands_for_a_loan_word() -> None:
    from bot.matching import _bare_loan_words
    assert _bare_loan_words(["ドローン", "メニュー", "ビール", "ビル"]) == {"ドロン": "ドローン", "メニュ": "メニュー"}


def test_how_much_typed_without_its_last_kana_is_whole_again(plain_answerer: Answerer) -> None:
    from bot.spoken import how_much_whole
    assert how_much_whole("どれくらかかる？") == "どれくらいかかる？"
    assert how_much_whole("どのくらすが") == "どのくらすが"  # which class: a word goes on
    reply = plain_answerer.answer(Question("職員住宅からの通勤ってどのくらですか", channel="test"))
    assert reply.kind == "answer"


def test_a_reading_taking_a_piece_of_one_kanjis_reading_is_no_word(plain_answerer: Answerer) -> None:
    # "なんか一番" reads ナンカイチバン: ナンカイ (何回) takes the イ of 一's イチ, so it is not there
    reading, _, _ = plain_answerer.matcher.understand("昼間人口がなんか一番だったのって都内でだっけ")
    assert all(term.token.surface != "ナンカイ" for term in reading.terms)


@pytest.mark.parametrize(("question", "entry_id"), [
    ("職員の収入ってどれくらい？", "guide-salary"),  # 収入 (income) is pay, as "income" is
    ("区役所の食堂はマスコミにも取り上げられた？", "cafeteria"),  # マスコミ: the media
    ("試験に実技はありますか", "guide-exam"),  # a practical test is part of the exam
])
def test_everyday_words_of_a_topic(plain_answerer: Answerer, question: str, entry_id: str) -> None:
    assert outcome(plain_answerer, question) == ("answer", entry_id)


@pytest.mark.parametrize(("question", "entry_id"), [
    ("purachina doori wa doko no chiku desu ka", "district-takanawa"),  # Hepburn chi
    ("puratina doori wa doko no chiku desu ka", "district-takanawa"),  # ti as an IME types チ: プラチナ, a word
])
def test_romaji_ti_is_read_as_an_ime_reads_it_when_that_makes_the_word(plain_answerer: Answerer, question: str,
                                                                        entry_id: str) -> None:
    assert outcome(plain_answerer, question) == ("answer", entry_id)


def test_a_country_in_kanji_is_no_homophone_mistyped(plain_answerer: Answerer) -> None:
    terms, _, _ = plain_answerer.matcher.explain("韓国から応募できますか")
    assert [t.concept for t in terms if t.token.surface == "韓国"] == [None]  # not 勧告 (カンコク)


def test_the_date_a_figure_is_of_is_asked_of_that_figure(plain_answerer: Answerer) -> None:
    assert outcome(plain_answerer, "じんこうは いつの じてんの かず？") == ("answer", "overview-population")


@pytest.mark.parametrize("question", [
    "にほん の こくせき が なくても しょくいん に なれますか",  # Japanese nationality asked as a requirement
    "Nihon no kokuseki ga nakute mo juken dekimasu ka",
])
def test_nationality_asked_as_a_requirement_is_the_applications(plain_answerer: Answerer, question: str) -> None:
    assert outcome(plain_answerer, question) == ("answer", "guide-application")


@pytest.mark.parametrize(("question", "expected"), [
    ("あかさかちいきの すろーがんは なに？", ("answer", "district-akasaka")),  # 地域 typed in kana is 地区
    ("タカナワチイキ ノ ミドコロ ハ？", ("answer", "district-takanawa")),
    ("あざぶちいきの じんこうって なんにん？", ("no answer", None)),  # a district's population, typed in kana
    ("しばちくのじんこうってなんにん", ("no answer", None)),
])
def test_a_district_typed_in_kana_with_chiiki(plain_answerer: Answerer, question: str,
                                              expected: tuple[str, str | None]) -> None:
    assert outcome(plain_answerer, question) == expected


def test_kanagawa_is_where_the_cities_staff_live_in_are(plain_answerer: Answerer) -> None:
    # The entry names 川崎市 and 横浜市: the prefecture they are in is its word too, not another municipality.
    assert outcome(plain_answerer, "職員の人ってどのへんに住んでるの？神奈川とか？") == ("answer", "commute-residence")


def test_staff_study_in_simple_japanese_is_the_training_overview(plain_answerer: Answerer) -> None:
    assert outcome(plain_answerer, "しょくいん の べんきょう は なに が ありますか") == ("answer", "training-overview")
    assert outcome(plain_answerer, "韓国の人でも職員になれますか") == ("answer", "guide-application")  # not shifted


def test_updates_ask_where_to_learn_more_and_today_names_no_topic(plain_answerer: Answerer) -> None:
    assert outcome(plain_answerer, "Where do I get updates on Minato hiring?") == ("answer", "learn-more")
    terms = plain_answerer.matcher.read_terms("today's panelists")
    assert all(term.via != "unknown" for term in terms)  # today was an unknown word counting against the panel


def test_a_panelists_name_in_latin_letters_is_the_panelist(plain_answerer: Answerer) -> None:
    assert outcome(plain_answerer, "Doi-san is in which section?") == ("answer", "panel")
    terms = plain_answerer.matcher.read_terms("why do it that way")
    assert all(term.via != "unknown" for term in terms)  # a manner, no topic


def test_an_english_comparative_names_no_topic(plain_answerer: Answerer) -> None:
    # "bigger", "the highest": how a figure compares; unknown words, they counted against the entry asked about
    terms = plain_answerer.matcher.read_terms("is the daytime population bigger, the biggest or the highest")
    assert all(term.via != "unknown" for term in terms)


def test_whether_a_thing_is_a_must_names_no_topic(plain_answerer: Answerer) -> None:
    terms = plain_answerer.matcher.read_terms("日本の国籍がないとだめですか")
    assert all(term.via != "unknown" for term in terms)  # だめ was an unknown word counting against the answer


def test_a_long_story_of_the_topic_then_its_merits_asks_the_merits(plain_answerer: Answerer) -> None:
    # The story describes the pre-class at length (the general entry scores far above), the question asks only
    # its merit: the entry titled by the pre-class and メリット answers.
    question = "港区の小学校では入学のあと仮のクラスを作る制度があると聞きましたが、その良いところは何ですか"
    assert outcome(plain_answerer, question) == ("answer", "preclass-merits")


def test_chiiki_is_chiku_after_a_name_and_a_word_of_its_own_after_a_particle() -> None:
    assert kana_districts("しばちいきのすろーがん") == "しばちくのすろーがん"  # the compound reading of 芝地区
    assert kana_districts("いつつのちいきってなに") == "いつつのちいきってなに"  # ちくって would read as ちくる
    assert kana_districts("いつつの ちくって なまえは？") == "いつつの ちく って なまえは？"  # 地区, not ちくる


def test_five_areas_typed_in_kana_are_the_districts(plain_answerer: Answerer) -> None:
    assert outcome(plain_answerer, "いつつのちいきってどこ？") == ("answer", "overview-districts")


def test_a_kind_of_place_and_being_on_a_list_name_no_topic(plain_answerer: Answerer) -> None:
    # 市 (神奈川県の市) was an unknown word, 挙がって read as 上がる a topic word: both counted against the answer
    assert outcome(plain_answerer, "職員の住まいの例で、神奈川県の市はどこが挙がってた？") == ("answer", "commute-residence")


def test_plainly_names_no_topic(plain_answerer: Answerer) -> None:
    terms = plain_answerer.matcher.read_terms("東京ドーム何個分じゃなくて普通に教えて")
    assert all(term.token.surface != "普通" or term.via == "weak" for term in terms)


def test_all_right_and_representative_name_no_topic(plain_answerer: Answerer) -> None:
    for text, word in (("受験って大丈夫ですか", "大丈夫"), ("赤坂地区の代表的な場所は", "代表的")):
        terms = plain_answerer.matcher.read_terms(text)
        assert [term.via for term in terms if term.token.surface == word] == ["weak"], text


@pytest.mark.parametrize("question", ["試験で配慮をお願いするにはどうすればいい？", "民間企業の選考と港区の試験は併願できますか"])
def test_accommodation_and_applying_to_two_exams_are_the_guides(plain_answerer: Answerer, question: str) -> None:
    assert outcome(plain_answerer, question)[1] in ("guide-application", "guide-exam")


def test_parcels_are_the_supplies_the_drones_carry_and_half_names_no_topic(plain_answerer: Answerer) -> None:
    assert outcome(plain_answerer, "ドローンで荷物を運ぶ実験があったの？") == ("answer", "newtech-projects")
    terms = plain_answerer.matcher.read_terms("女性は半分以上ですか")
    assert all(term.via != "unknown" for term in terms)


@pytest.mark.parametrize(("text", "word"), [("提案のうち何件が通った？", "うち"), ("あとどこでしたっけ", "あと"),
                                            ("支店のようなものですか", "よう"), ("紹介写真の二つ目は", "写真"),
                                            ("the hotel room count", "count"), ("what were they talking about", "talking"),
                                            ("具体的に教えて", "具体的"), ("is there an online option", "option"),
                                            ("besides that", "besides"), ("what's the deal with it", "deal")])
def test_among_what_else_like_and_the_photo_name_no_topic(plain_answerer: Answerer, text: str, word: str) -> None:
    terms = plain_answerer.matcher.read_terms(text)
    assert [term.via for term in terms if term.token.surface == word] in ([], ["weak"]), text


@pytest.mark.parametrize(("question", "entry_id"), [("salary for tech jobs?", "guide-salary"),
                                                    ("What is on the exam for IT roles?", "guide-exam")])
def test_technical_job_categories_are_the_guides(plain_answerer: Answerer, question: str, entry_id: str) -> None:
    assert outcome(plain_answerer, question) == ("answer", entry_id)


def test_two_days_a_week_typed_in_kana_or_romaji_is_the_holidays(plain_answerer: Answerer) -> None:
    # the analyzer reads 週二日 as シュウフタカ: the kana spelling is the holidays group's own
    assert outcome(plain_answerer, "やすみは しゅう ふつか ありますか") == ("answer", "guide-holidays")


def test_in_total_names_no_topic(plain_answerer: Answerer) -> None:
    # 全部で何人 is in the staff entry's questions: it made every "how many in total" the staff count
    assert outcome(plain_answerer, "港区の人は全部で何人？") == ("answer", "overview-population")


@pytest.mark.parametrize("text", ["あたらしい ひと の けんしゅう", "新しい人の研修"])
def test_a_new_person_is_new_staff(plain_answerer: Answerer, text: str) -> None:
    assert "新任" in [term.concept for term in plain_answerer.matcher.read_terms(text)]


@pytest.mark.parametrize(("question", "entry"), [("働きやすい職場づくりって説明会で出てきたけど、どういう意味？",
                                                  "workplace-environment"),
                                                 ("働きやすい職場づくりについて説明会で話してたけど、どういうこと？",
                                                  "workplace-environment")])
def test_where_a_topic_was_said_is_no_topic(plain_answerer: Answerer, question: str, entry: str) -> None:
    # 説明会で出てきた / 言ってた / 紹介された: the briefing is where it was said; OJT's paraphrases speak of the
    # briefing, the workplace's do not.
    assert outcome(plain_answerer, question) == ("answer", entry)


def test_an_area_asked_in_square_metres_is_the_area(plain_answerer: Answerer) -> None:
    for question in ("港区の面積は何平方メートル？", "港区の広さは何平米？"):
        assert outcome(plain_answerer, question) == ("answer", "overview-area")


def test_a_loan_word_typed_without_its_small_tsu_or_long_mark_is_that_word(plain_answerer: Answerer) -> None:
    from bot.katakanaslips import meant_word
    known = {"メリット": "merit", "サポート": "support"}.get
    assert meant_word("メリト", known) == "merit" and meant_word("サポト", known) == "support"
    assert meant_word("メリット", known) is None  # typed whole: nothing put back
    assert outcome(plain_answerer, "プレクラスのメリトはなに？") == ("answer", "preclass-merits")


def test_a_loan_word_typed_with_the_other_dot_is_that_word(plain_answerer: Answerer) -> None:
    # ゛ and ゜ share one flick key: ブ for プ.
    from bot.katakanaslips import meant_word
    known = {"スリープ": "sleep", "ドローン": "drone"}.get
    assert meant_word("スリーブ", known) == "sleep" and meant_word("トローン", known) == "drone"  # a ゛ too few
    assert meant_word("トラマ", known) is None  # nothing known that far off
    assert outcome(plain_answerer, "AIのスリーブテックの実証ってなに？") == ("answer", "newtech-projects")
