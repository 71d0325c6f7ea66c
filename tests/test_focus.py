"""Reading the question inside a candidate's message: clauses, context, contrasts, comparisons, romaji, English."""

from __future__ import annotations

import pytest

from bot.clauseends import clause_ends
from bot.contrast import drop_contrast
from bot.focus import asks, asks_to_compare, clauses
from bot.romajisentence import romaji_sentence
from bot.matching import Matcher
from bot.normalize import clean, detect_lang
from bot.service import Answerer, Question
from single_reply import outcome


@pytest.fixture(scope="module")
def matcher(plain_answerer: Answerer) -> Matcher:
    return plain_answerer.matcher


def test_a_self_introduction_is_context_and_the_last_sentence_asks() -> None:
    pieces = clauses("大学で福祉を学んでいて、子どもに関わる仕事に興味があります。新人の研修はどんな内容ですか？")
    assert [piece.asks for piece in pieces] == [False, False, True]  # …学んでいて、 is a clause of its own
    assert pieces[-1].text.startswith("新人の研修")


def test_spoken_clauses_split_at_the_analyzers_conjunctive_particles_only() -> None:
    assert [p.asks for p in clauses("えーとあの港区に住んでるんですけど職員住宅ってあるんですか")] == [False, True]
    assert len(clauses("港区ってぶっちゃけどんな区？")) == 1  # the けど inside ぶっちゃけどんな is no particle
    assert len(clauses("区民は何か国の出身なのでしょうか。")) == 1  # nor the ので of のでしょうか


def test_a_clause_that_hands_over_to_the_next_is_context_even_with_a_question_word() -> None:
    pieces = clauses("えっとバイト中なんであれなんですけど港区の職員って全部で何人いるんですか")
    assert [piece.asks for piece in pieces] == [False, True]
    assert [piece.asks for piece in clauses("兄は40歳なんですが、受けられる年齢に上限はありますか？")] == [False, True]


def test_a_condition_sets_the_scene_and_the_clause_after_it_asks() -> None:
    pieces = clauses("看護師として区に採用されたら、給料はいくらぐらいですか")
    assert [piece.asks for piece in pieces] == [False, True] and pieces[1].text.startswith("、給料")


def test_spaced_simple_japanese_ends_a_sentence_after_a_polite_ending() -> None:
    # やさしい日本語 spaces every word: a space after ですか/ます ends a sentence however short the pieces.
    pieces = clauses("研修 は ありますか 日本語 が すこし むずかしい です")
    assert [piece.asks for piece in pieces] == [True, False]
    assert len(clauses("しょくいん の すむ ところ は ありますか")) == 1
    assert len(clauses("職員 が すむ 家 は あります か")) == 1  # the particle か still belongs to its sentence


@pytest.mark.parametrize(("text", "asking"), [
    ("食堂はある？", True), ("職員住宅ってあるんですか", True), ("研修について教えてください。", True),
    ("What kind of training do new staff get", True), ("Is there a cafeteria", True),
    ("いくつかの区を見比べています。", False), ("どこに住むか迷っています。", False), ("I study welfare.", False),
    ("I'm a British national who has lived in Tokyo for six years.", False), ("Could you tell me about housing.", True),
    ("いくつか質問させてください。", False),  # leave to ask: the question comes after
    ("研修について知りたいんです。", True), ("通勤時間を聞きたいのです。", True),  # a wish, its ending explained
])
def test_what_asks(text: str, asking: bool) -> None:
    assert asks(text) is asking


def test_a_contrast_sets_aside_what_comes_before_it() -> None:
    assert drop_contrast("芝浦港南じゃなくて高輪のスローガンは？").startswith("高輪")
    assert drop_contrast("他の自治体ではなく港区で働く意義は？") == "他の自治体ではなく港区で働く意義は？"  # emphasis


def test_a_contrast_sets_aside_only_the_negated_phrase_not_the_topic_before_it() -> None:
    # The topic (marked by は or って) is what is asked about; only the phrase negated right before じゃなくて goes.
    assert drop_contrast("社宅って市の外じゃなくて市内にある？").startswith("社宅って")
    assert "外" not in drop_contrast("社宅って市の外じゃなくて市内にある？")
    assert drop_contrast("客室数は全国じゃなくて都内で一番？").startswith("客室数は")


def test_an_english_correction_by_a_second_noun_phrase_sets_the_first_aside() -> None:
    # "not the headcount, the share": the comma stands for "but".
    assert drop_contrast("staff: not the total number, the share of women") == "staff:  the share of women"


def test_not_only_is_no_contrast() -> None:
    # "AだけじゃなくてBも": both are asked about.
    assert drop_contrast("東京の区だけじゃなくて神奈川の市もある？") == "東京の区だけじゃなくて神奈川の市もある？"


def test_dochira_ni_asks_where_politely_and_compares_nothing() -> None:
    assert not asks_to_compare("職員の皆さんはどちらにお住まいの方が多いのでしょうか")
    assert not asks_to_compare("どちらから通っている方が多いですか")
    assert asks_to_compare("大使館と国籍、どちらが多いですか")


def test_japanese_typed_in_romaji_is_read_as_kana_and_english_is_not() -> None:
    assert romaji_sentence("shokudou wa arimasu ka") == "しょくどう は あります か"  # the writer's words kept
    assert romaji_sentence("Minato-ku no shokuin wa nannin imasu ka") == "みなとく の しょくいん は なんにん います か"
    assert romaji_sentence("minato ku no shokuin wa nannin imasu ka") == "みなとく の しょくいん は なんにん います か"  # 区 apart
    # an English word between the romaji stays English: romaji never writes sl, gr (but shimbun's mb is ん)
    assert romaji_sentence("azabu chiku no slogan wa nan desu ka") == "あざぶ ちく の slogan は なん です か"
    assert romaji_sentence("Is there a cafeteria at city hall?") is None


def test_comparisons_and_english_with_a_japanese_word() -> None:
    assert asks_to_compare("大使館の数と国籍の数、どっちが多い？") and not asks_to_compare("大使館の数は？")
    assert detect_lang("What is プレクラス?") == "en" and detect_lang("英語のskillって試験で評価されますか") == "ja"


@pytest.mark.parametrize(("question", "entry_id"), [
    ("大学で福祉を学んでいて、子どもに関わる仕事に興味があります。新人の研修はどんな内容ですか？", "training-new-staff-design"),
    ("渋谷区に住んでいます。港区の職員住宅はどこにありますか？", "housing-staff"),  # a place in the context
    ("芝浦港南じゃなくて高輪のスローガンは？", "district-takanawa"),
    # "どういう制度ですか" names no topic of its own: the clause before says which system, not the salary context
    ("給与は下がってもかまいません。企業の技術で区の課題を解決する仕組みがあるそうですが、どういう制度ですか？",
     "newtech-what"),
    ("プレクラスは何月まで？", "preclass-timeline"),  # the entry holding the asked month
    # the general entry explains every word by far; of its topic, the timeline names the head (プレクラス) and the month
    ("港区の小学校でやってるプレクラスって何月まで？", "preclass-timeline"),
    ("港区の広さはどれくらいなんですか？", "overview-area"),  # no なんで (why) inside なんですか
    ("しょくいんが すむ いえは ありますか", "housing-staff"),
    ("えーと あの 職員住宅って どこにあるんですか", "housing-staff"),
])
def test_the_question_inside_a_message_decides(matcher: Matcher, question: str, entry_id: str) -> None:
    result = matcher.match(question)
    assert result.kind == "answer" and result.best is not None and result.best.entry_id == entry_id


def test_details_the_briefing_does_not_hold_are_refused(matcher: Matcher) -> None:
    for question in ("港区の人口は23区で何番目？", "神宮外苑のイチョウの見頃はいつ？", "職員住宅の間取りは？"):
        assert matcher.match(question).kind == "fallback", question


def test_a_comparison_is_answered_with_both_facts(plain_answerer: Answerer) -> None:
    reply = plain_answerer.answer(Question("大使館の数と国籍の数、どっちが多い？"))
    assert reply.kind == "answer" and "81" in reply.text and "135" in reply.text


def test_english_and_romaji_are_answered_in_english(plain_answerer: Answerer) -> None:
    for question in ("What is プレクラス?", "shokudou wa arimasu ka"):
        reply = plain_answerer.answer(Question(question, lang="ja"))
        assert reply.kind == "answer" and reply.lang == "en", question


def test_kb_explain_shows_which_clause_was_taken_as_the_question(matcher: Matcher) -> None:
    reading, _, _ = matcher.understand("大学で福祉を学んでいます。新人の研修はどんな内容ですか？")
    assert reading.focus.startswith("新人の研修") and "question:" in reading.note
    assert {t.weight for t in reading.terms if t.token.surface == "福祉"} == {0.2}


def test_kb_explain_says_when_the_asked_fact_picked_the_entry(matcher: Matcher) -> None:
    result = matcher.match("プレクラスは何月まで？")
    assert result.best is not None and result.best.entry_id == "preclass-timeline"
    assert "date or period" in result.reason


def test_romaji_keeps_its_sentences_so_a_self_introduction_stays_context() -> None:
    # "I came from Brazil. How many foreigners…": the country belongs to the context, not to the question.
    kana = romaji_sentence("watashi wa burajiru kara kimashita. minato-ku no gaikokujin wa nannin desu ka?")
    assert kana is not None
    assert [piece.asks for piece in clauses(kana)] == [False, True]


def test_a_foreign_residents_question_after_naming_a_country_is_answered(matcher: Matcher) -> None:
    result = matcher.match("watashi wa burajiru kara kimashita. minato-ku no gaikokujin wa nannin desu ka")
    assert result.kind == "answer" and result.best is not None and result.best.entry_id == "facts-foreign-residents"


def test_a_question_word_for_an_asked_fact_is_no_unknown_topic(matcher: Matcher) -> None:
    # 何個 asks for a count (scope.yaml's detail_questions): like 何人 it must not count as a word no entry knows.
    result = matcher.match("港区に大使館って何個あるの")
    assert result.kind == "answer" and result.best is not None and result.best.entry_id == "facts-embassies"


@pytest.mark.parametrize(("message", "entry_id"), [
    # The city's name names no topic in a question pointing back: the story before it says which system.
    ("前の職場では、資格の勉強をするときに会社が費用を補助してくれました。港区にもそういう制度はありますか？",
     "training-self-development"),
    # A clause whose pronoun stands for the story ("そういうのがあると…") hands the borrowing on to the story.
    ("姉が役所で働いていて、入ったばかりの頃は先輩がついて仕事を教えてくれたそうです。そういうのがあると心強いです。"
     "港区にもそういう仕組みってありますか？", "training-ojt"),
    # The story lends its known words; its unknown ones (言葉, 気) are not asked about.
    ("説明会でプレクラスという言葉を聞いて気になりました。これはどういう制度ですか？", "preclass-what"),
])
def test_a_question_pointing_back_takes_its_topic_from_the_story(matcher: Matcher, message: str, entry_id: str) -> None:
    result = matcher.match(message)
    assert result.kind == "answer" and result.best is not None and result.best.entry_id == entry_id


def test_a_condition_is_part_of_the_question_not_a_story_lending_its_words(matcher: Matcher) -> None:
    assert matcher.match("お台場で花火を見るならどこがいい？").kind == "fallback"


def test_aspect_words_of_a_question_that_borrows_its_topic_need_not_be_explained(matcher: Matcher) -> None:
    # 具体的, 中身, 説明 ask about the topic the clause before names; no entry must explain them too.
    result = matcher.match("働きやすい職場づくりって聞いたけど、具体的な中身の説明はあった？")
    assert result.kind == "answer" and result.best is not None and result.best.entry_id == "workplace-environment"


def test_a_worry_told_before_the_question_is_context() -> None:
    # "…心配なんですよ。" tells (なんです is no なんで, why); the question is the sentence after it.
    pieces = clauses("実家は千葉の端なので通勤が心配なんですよ。職員の皆さんは通勤に何分くらいかけていますか？")
    assert [piece.asks for piece in pieces] == [False, True]
    pieces = clauses("子どもと話すのが好きなんだわ。研修はどんな内容ですか？")  # …だわ。 tells too
    assert [piece.asks for piece in pieces] == [False, True]


def test_english_with_a_word_like_a_particle_is_no_romaji() -> None:
    # "no" and "on" look like romaji, but two English function words and no Japanese-only ending make it English.
    assert romaji_sentence("can i see slide at home? no paper?") is None
    assert romaji_sentence("shokudou wa doko ni arimasu ka") is not None


def test_a_thought_told_in_voice_input_ends_its_clause() -> None:
    # "…と思ってて" (no comma in speech-to-text) tells; what follows asks.
    pieces = clauses("えっと前は工場で働いてて事務の仕事をしたいなと思っててそれで職員住宅ってあるんですか")
    assert [piece.asks for piece in pieces][-1] and not pieces[-2].asks
    assert "職員住宅" in pieces[-1].text


def test_a_spoken_because_ends_its_clause_and_choudai_asks() -> None:
    pieces = clauses("娘がね区の試験を受けるっていうもんでね職員住宅のこと教えてちょうだい")
    assert [piece.asks for piece in pieces] == [False, True]


def test_a_polite_te_of_the_copula_ends_its_clause_and_home_is_where_one_lives(plain_answerer: Answerer) -> None:
    message = ("息子が来年、港区の職員採用試験を受けたいと申しております。親としては通勤が心配でして、"
               "横浜の自宅から通っていらっしゃる職員の方もおられるのでしょうか。")
    assert [c.asks for c in clauses(message)][-2:] == [False, True]
    assert outcome(plain_answerer, message) == ("answer", "commute-residence")


@pytest.mark.parametrize("sentence", ["研修はどういうものですか", "どういったものでしょうか", "どんなもんでしょう"])
def test_mono_de_before_a_polite_ending_is_no_spoken_because(sentence: str) -> None:
    # "…もので しょうか": the で of でしょう / です, not "…もんでね" (because)
    assert clause_ends(clean(sentence)) == []


def test_a_worry_and_alternatives_wondered_about_before_a_direct_question_are_its_context(
        plain_answerer: Answerer) -> None:
    message = ("飲食をやってた身としては、職場の昼飯がどうなってるかが地味に気になるのっしゃ。"
               "弁当持参が当たり前なのか、食べるところがあるのか。区役所に食堂ってあるの？")
    assert [c.asks for c in clauses(message)][-3:] == [False, False, True]
    assert outcome(plain_answerer, message) == ("answer", "cafeteria")


@pytest.mark.parametrize(("message", "entry"), [("東京タワーと増上寺は芝地区やろ？ほな国立新美術館はどこの地区や", "district-azabu"),
                                               ("食堂はあるんですよね？じゃあ職員住宅はどこにありますか？", "housing-staff")])
def test_a_question_opened_by_then_follows_on_what_was_asked_before(plain_answerer: Answerer, message: str,
                                                                   entry: str) -> None:
    assert [c.asks for c in clauses(message)] == [False, True]
    assert outcome(plain_answerer, message) == ("answer", entry)


def test_ano_before_the_citys_own_name_is_a_filler_that_points_back_at_nothing(plain_answerer: Answerer) -> None:
    message = "えーと孫がカナダから帰ってきて港区で働きたいって言うんですけどあの港区ってどんなところなんでしょうか"
    assert outcome(plain_answerer, message) == ("answer", "overview-summary")


def test_a_wish_told_before_a_direct_question_is_its_context(plain_answerer: Answerer) -> None:
    message = "娘が区役所に入りました。親として職場の雰囲気を少しでも知りたいです。区役所の食堂ってどんなところですか？"
    assert outcome(plain_answerer, message) == ("answer", "cafeteria")
    assert [c.asks for c in clauses(message)] == [False, False, True]


def test_a_wish_with_a_spoken_ending_before_a_question_closed_by_deshou_is_context(plain_answerer: Answerer) -> None:
    # "…知っておきたいと思いましてな。…あるんでしょう。": the wish tells, the でしょう sentence asks
    message = "娘が区を受けます。どんな職場か知っておきたいと思いましてな。新人の研修はどんな内容なんでしょう。"
    assert [c.asks for c in clauses(message)][-2:] == [False, True]


def test_a_question_drawn_out_in_speech_still_asks() -> None:
    # "…増えていくのかねえ", "…あるのかい": the particle that asks, said long or as old people say it
    assert [c.asks for c in clauses("娘が言うんだけども職員はもっと増えるのかねえ")] == [False, True]
    assert clauses("食堂はほんとにあるのかい")[-1].asks
    assert not clauses("東京のことは見当もつかねえ。")[0].asks  # つかない, said roughly: no question


def test_a_drawn_out_ne_said_as_a_filler_names_no_topic(plain_answerer: Answerer) -> None:
    # "ねえ" (the analyzer reads 姉, an older sister) opening the asking clause of voice input
    assert outcome(plain_answerer, "ねえ港区ってどんなとこなのか教えて") == ("answer", "overview-summary")


def test_a_polite_te_form_said_with_ne_ends_its_clause() -> None:
    # "…受けたいと申しておりましてね港区の…": voice input without a comma; the polite て-form tells, what follows asks
    pieces = clauses("えーと息子がですね区の試験を受けたいと申しておりましてね職員の数はどのくらいなんでしょうか")
    assert [piece.asks for piece in pieces] == [False, True] and pieces[-1].text.startswith("職員")


def test_a_request_to_explain_and_a_kansai_question_ending_ask() -> None:
    assert clauses("定年まで勤めました。港区のプレクラス制度とはどのようなものか、ご説明願います。")[-1].asks
    assert clauses("東京のことは知らん。港区の面積はどのくらいあるんだ。")[-1].asks  # …あるんや, said the standard way
    assert not clauses("好きなんだ。研修は？")[0].asks  # no question word: なんだ here is the copula


def test_a_spoken_but_from_tohoku_hands_over_to_the_question(plain_answerer: Answerer) -> None:
    message = "山形で働いてらんだ。東京のことは分がねんだども、港区の面積ってどれぐらいあるのや？"
    assert outcome(plain_answerer, message) == ("answer", "overview-area")


def test_a_wish_that_names_the_topic_still_lends_it_to_a_bare_question(plain_answerer: Answerer) -> None:
    assert outcome(plain_answerer, "職員住宅について知りたいです。場所はどこですか？") == ("answer", "housing-staff")


def test_where_the_candidate_comes_from_is_context(plain_answerer: Answerer) -> None:
    terms = plain_answerer.matcher.explain("静岡から出てくるんですが、みんな通勤にどのくらいかかってますか")[0]
    assert [t.weight < 1 for t in terms if t.token.surface == "静岡"] == [True]
    trip = plain_answerer.matcher.explain("静岡から区役所まで何分かかりますか")[0]  # a trip's start is asked about
    assert [t.weight for t in trip if t.token.surface == "静岡"] == [1.0]


def test_members_listed_in_the_context_ask_for_the_whole_list(plain_answerer: Answerer) -> None:
    # The context names two districts; only the five districts' overview names both: it lists, it picks no one.
    assert outcome(plain_answerer, "えっとその5つの地区ってなんでしたっけ芝と麻布とあと") == ("answer", "overview-districts")


def test_a_contrast_typed_with_a_space_before_it_sets_its_word_aside() -> None:
    # simple Japanese and romaji put a space between the word and じゃなくて: the word is still set aside
    assert drop_contrast("しょくどう じゃなくて じゅうたく は どこ") == "じゅうたく は どこ"


def test_a_reason_told_after_tai_is_context(plain_answerer: Answerer) -> None:
    # After たい the analyzer reads ので as の + で: the reason told still ends its clause.
    assert [c.asks for c in clauses("人口密度を計算したいので、面積を教えてください")] == [False, True]
    assert outcome(plain_answerer, "人口密度を計算したいので、面積を教えてください") == ("answer", "overview-area")


@pytest.mark.parametrize(("text", "entry"), [
    ("えっと水泳やってて大学で体力には自信あってあの港区の職員って何人くらいいるんですか", "overview-staff"),
    ("なんか経理やってて数字には強くてえっと港区の予算ってどのくらい", "overview-budget")])
def test_a_filler_after_a_te_form_starts_the_question_anew(plain_answerer: Answerer, text: str, entry: str) -> None:
    # Voice input runs on: the story told in て-forms leads on (its なんか asks nothing), the filler starts anew.
    assert [c.asks for c in clauses(text)] == [False, True]
    assert outcome(plain_answerer, text) == ("answer", entry)


def test_a_title_before_a_name_ends_no_sentence() -> None:
    """"Ms. Nakajima": the period of a title is no sentence end, or the name alone would be taken as the question."""
    assert len(clauses("Roughly how old is Ms. Nakajima?")) == 1
    assert len(clauses("Did Mr. Doi join in 2010? I forgot.")) == 2


def test_the_age_of_a_panelist_named_with_a_title_is_refused(matcher: Matcher) -> None:
    assert matcher.match("Roughly how old is Ms. Nakajima?").kind == "fallback"


def test_a_pause_after_a_particle_goes_on_with_the_same_sentence() -> None:
    """Voice input: "…って どこの会社と 組んでるの" is one question, not a topic, a context and a verb."""
    assert len(clauses("新技術の実験って どこの会社が 組んでるんですか")) == 1
    assert len(clauses("港区に住んでるんですけど 職員住宅ってあるんですか")) == 2  # a pause after けど ends a clause


def test_an_english_word_in_a_romaji_sentence_stays_english() -> None:
    # l, a c outside ch and a y before a consonant are no Hepburn: "population" is no ポプラティオン
    kana = romaji_sentence("jinkou wa dore kurai desu ka? population no koto desu")
    assert kana is not None and "population" in kana and "じんこう" in kana


def test_a_filler_is_no_word_pointing_back(plain_answerer: Answerer) -> None:
    # あのー before 港区 is a speaker's filler, not あの (that): the question clause names the city, no topic borrowed
    # from the clause before (役所で働きたい: the staff).
    reply = plain_answerer.answer(Question("えっと甥が区役所で働きたいって言ってるんですけどあのー港区ってどんなところですかね"))
    assert (reply.kind, reply.entry_id) == ("answer", "overview-summary")


def test_a_sentence_closed_by_a_period_before_the_question_tells() -> None:
    # …勧めてるの。 and …実感がほしいです。 end like questions (の, ほしい), but a period closes them before the sentence
    # the question mark closes: they tell; a question word would still make one ask.
    pieces = clauses("甥が区役所を勧めてるの。もっと役に立つ実感がほしいです。職員って何人いるの？")
    assert [piece.asks for piece in pieces] == [False, False, True]
    assert [piece.asks for piece in clauses("食堂はどこですか。職員住宅はありますか？")] == [True, True]
    assert [piece.asks for piece in clauses("試験は難しいですか。何を勉強しますか")] == [True, True]  # か。 asks
    # the last sentence asking, with no mark at all, closes the story the same way
    assert [piece.asks for piece in clauses("決め手がほしいです。港区で働く魅力は何")] == [False, True]


def test_a_verb_in_a_clause_pointing_back_names_no_topic(plain_answerer: Answerer) -> None:
    # "あれ百万超えてる？": あれ points back at the daytime population told of; 超える names no topic of its own (the
    # forecast's "30万人を超える" would take the question).
    reply = plain_answerer.answer(Question("昼間の人口ってかなり多いって聞いたけど何人くらい？あれ百万超えてるの"))
    assert (reply.kind, reply.entry_id) == ("answer", "facts-daytime-population")


def test_an_emoji_with_more_text_after_it_ends_a_sentence() -> None:
    # "…何も知らん😇 てか…": the emoji closes the told sentence as a period would; one ending the message stays
    told, *_ = [c for c in clauses("サークルばっかで何も知らん😇 てか港区ってどんなとこ？") if "知らん" in c.text]
    assert told.text.endswith("。") and not told.asks
    assert clauses("食堂あるの🤔")[-1].text == "食堂あるの🤔"


@pytest.mark.parametrize("face", ["(^^;", "(^_^)", "(笑)", "^^", "(汗)"])
def test_a_kaomoji_with_more_text_after_it_ends_a_sentence(face: str) -> None:
    # "…私が代わりに調べてます(^^; 港区の…？": a face closes the told sentence as an emoji does
    told, *_ = [c for c in clauses(f"本人は忙しいので私が代わりに調べてます{face} 港区の職員さんの通勤時間は？") if "調べ" in c.text]
    assert told.text.endswith("。") and not told.asks
    assert clauses(f"食堂あるの{face}")[-1].text.startswith("食堂あるの")


def test_a_figure_in_romaji_is_one_word() -> None:
    from bot.romajisentence import romaji_sentence
    assert romaji_sentence("2031 nen no jinkou wa?") == "2031 ねん の じんこう は？"  # not 2 0 3 1: a year
    assert romaji_sentence("menseki wa 20.37 km desu ka") == "めんせき は 20.37 km です か"  # its point no 。


@pytest.mark.parametrize(("text", "entry"), [("都内最多なのはホテルの部屋数と、あともう一つ何だった？", "facts-daytime-population"),
                                             ("都内で一番なのは昼間人口と、あともう一つは？", "facts-hotel-rooms")])
def test_the_other_one_besides_the_one_named_is_asked(plain_answerer: Answerer, text: str, entry: str) -> None:
    assert drop_contrast(text).startswith("都内")  # the topic stays, the one named is set aside
    assert outcome(plain_answerer, text) == ("answer", entry)



def test_a_label_quoted_without_brackets_names_its_entry(plain_answerer: Answerer) -> None:
    # "港区とはっていう": the closing slide's title, quoted without 「」, as 「港区とは」 would be.
    assert outcome(plain_answerer, "スライドの港区とはっていうまとめ、何が書いてあった？") == ("answer", "why-minato")


def test_a_detail_told_in_the_clause_lending_its_topic_is_not_asked(plain_answerer: Answerer) -> None:
    # The first sentence tells who is covered (対象になる); the question pointing back to it asks the merits.
    text = ("港区に引っ越したら区立小学校のプレクラス制度の対象になると聞きました。"
            "その制度にはどんな良い点があるのでしょうか。")
    assert outcome(plain_answerer, text) == ("answer", "preclass-merits")


def test_a_detail_in_the_clause_lending_its_topic_is_asked_when_the_question_asks_nothing_else(
        plain_answerer: Answerer) -> None:
    assert outcome(plain_answerer, "パネリストの中島さんの年齢が気になります。教えてもらえますか？") == ("no answer", None)
