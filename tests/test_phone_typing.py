"""How phones and keyboards spell what candidates mean: macrons in romaji, small kana, a place split by a space."""

from __future__ import annotations

import pytest

from bot.focus import clauses
from bot.normalize import clean
from bot.service import Answerer
from single_reply import outcome


def test_a_long_vowel_with_a_macron_is_the_doubled_vowel() -> None:
    assert clean("Shokuin jūtaku") == "shokuin juutaku"
    assert clean("Saiyō shiken, Tôkyô") == "saiyou shiken, toukyou"


@pytest.mark.parametrize(("text", "entry"), [("Minato-ku no shokuin jūtaku wa doko ni arimasu ka", "housing-staff"),
                                             ("Shokuin no tsūkin jikan wa dono kurai desu ka", "commute-time")])
def test_romaji_with_macrons_is_read_as_kana(plain_answerer: Answerer, text: str, entry: str) -> None:
    assert outcome(plain_answerer, text) == ("answer", entry)


def test_a_small_vowel_typed_for_effect_is_the_full_vowel_or_a_drawn_out_sound() -> None:
    assert clean("どのくらぃ？") == "どのくらい?"
    assert clean("ですかぁ") == "ですか"
    assert clean("ふぁいる、ティッシュ、うぃんどう") == "ふぁいる、ティッシュ、うぃんどう"  # sounds of their own


def test_a_small_vowel_does_not_hide_the_word(plain_answerer: Answerer) -> None:
    assert outcome(plain_answerer, "通勤時間ってだいたいどのくらぃ？") == ("answer", "commute-time")


def test_a_ratio_is_a_share(plain_answerer: Answerer) -> None:
    assert outcome(plain_answerer, "foreign residents ratio") == ("answer", "facts-foreign-residents")
    # Foreigners among the staff: a part of the staff the staff entry does not count.
    assert outcome(plain_answerer, "What's the ratio of foreign nationals among city hall staff?") == ("no answer", None)
    assert outcome(plain_answerer, "What's the share of women among the staff?") == ("answer", "overview-staff")


def test_a_relative_who_asks_for_no_name(plain_answerer: Answerer) -> None:
    assert outcome(plain_answerer, "is there any senior person who teach the new staff on the job?") == (
        "answer", "training-ojt")


def test_not_this_i_mean_that_sets_the_first_aside(plain_answerer: Answerer) -> None:
    text = "Not the hotel figure, I mean the daytime population: is that the highest in Tokyo?"
    assert outcome(plain_answerer, text) == ("answer", "facts-daytime-population")


@pytest.mark.parametrize(("text", "entry"), [("Minato city is having how many staff members in total?", "overview-staff"),
                                             ("the self develop money support, is it exist?", "training-self-development")])
def test_english_of_learners_names_the_topic(plain_answerer: Answerer, text: str, entry: str) -> None:
    assert outcome(plain_answerer, text) == ("answer", entry)


@pytest.mark.parametrize("text", ["えっとなんか港区のホテルで一番部屋数多いとこってどこですか", "港区の外国人で一番多い国籍はどこ？"])
def test_a_ranking_of_the_citys_own_things_is_not_the_citys_ranking(plain_answerer: Answerer, text: str) -> None:
    assert outcome(plain_answerer, text) == ("no answer", None)


def test_spaces_in_kana_part_words_not_sentences(plain_answerer: Answerer) -> None:
    # Read as two sentences, the staff housing was context and なんかい (何回) the question.
    assert outcome(plain_answerer, "しょくいんじゅうたく なんかいだて?") == ("no answer", None)
    assert [c.text for c in clauses("しょくいんじゅうたく なんかいだて?") if c.asks] == ["しょくいんじゅうたく なんかいだて?"]



@pytest.mark.parametrize(("text", "entry"), [("bonasu wa nan kagetsu bun desu ka", "guide-salary"),
                                             ("きゅよ は いくら ですか", "guide-salary"),
                                             ("しょくいん じゅたく は ありますか", "housing-staff")])
def test_a_spaced_word_missing_its_long_vowel_is_the_word(plain_answerer: Answerer, text: str, entry: str) -> None:
    assert outcome(plain_answerer, text) == ("answer", entry)


@pytest.mark.parametrize("text", ["shokuin no futsal team wa arimasu ka", "shokudo no menyu oshiete kudasai"])
def test_a_long_vowel_is_not_put_back_where_it_makes_another_word(plain_answerer: Answerer, text: str) -> None:
    # "team" read てあん is no 提案 (テイアン); the menu, however spelled, is not in the briefing.
    assert outcome(plain_answerer, text) == ("no answer", None)


@pytest.mark.parametrize(("text", "entry"), [
    ("プレクラス制度のメリットに、教員の負担軽減って入ってないですよね？", "preclass-merits"),
    ("最後に港区とはってまとめてた3つのポイントに、給料が高いってのは入ってないですよね？", "why-minato"),
    ("職員住宅の場所、虎ノ門は入ってたけど品川は入ってへんかったよね？", "housing-staff")])
def test_an_item_looked_for_in_a_list_is_not_the_topic(plain_answerer: Answerer, text: str, entry: str) -> None:
    # The list's entry answers whether the item is listed; an item it lacks is the point of the question.
    assert outcome(plain_answerer, text) == ("answer", entry)


def test_what_a_thing_includes_is_no_list_on_a_slide(plain_answerer: Answerer) -> None:
    assert outcome(plain_answerer, "職員住宅に駐車場は入ってる？") == ("no answer", None)


@pytest.mark.parametrize("text", ["東京都の人口って何人ですか", "東京都全体の人口って何人？", "23区の予算の合計は？"])
def test_a_figure_of_a_whole_the_city_is_part_of_is_not_the_citys(plain_answerer: Answerer, text: str) -> None:
    assert outcome(plain_answerer, text) == ("no answer", None)


def test_a_spaced_kana_word_read_as_adverbs_alone_is_an_unknown_word(plain_answerer: Answerer) -> None:
    # こうこう (高校) is not こう + こう: the question names a thing the knowledge lacks, not just 港区.
    assert outcome(plain_answerer, "minato-ku ni koukou wa nankou arimasu ka") == ("no answer", None)
    assert outcome(plain_answerer, "しょくいんって つうきん なんぷん くらい？") == ("answer", "commute-time")


@pytest.mark.parametrize("text", ["Is the city hall cafeteria open on Saturdays?", "総合支所の窓口って土日もあいてますか",
                                  "ホテルの客室数で港区の次に多いのはどこの区ですか",
                                  "new tech challengeのtrial resultsってもう出てる？",
                                  "what was minato's budget the year before? want to see if it's growing",
                                  "ドローン輸送の実証を担った事業者はどこですか",
                                  "芝浦港南地区の人口ってここ10年でどのくらい増えた？"])
def test_details_the_briefing_never_states_are_refused(plain_answerer: Answerer, text: str) -> None:
    assert outcome(plain_answerer, text) == ("no answer", None)


def test_two_offered_answers_in_spaced_romaji_are_one_question(plain_answerer: Answerer) -> None:
    # "… desu ka, … desu ka": the か before a comma ends no sentence of its own.
    text = "Shizen kyouikuen wa Takanawa desu ka, Azabu desu ka"
    assert outcome(plain_answerer, text) == ("answer", "district-takanawa")


def test_an_acronym_spelled_letter_by_letter_is_one_word(plain_answerer: Answerer) -> None:
    assert clean("Ｏ J T担当はつくのでしょうか") == "ojt担当はつくのでしょうか"
    assert clean("I am a student") == "i am a student"  # English keeps its words
    assert outcome(plain_answerer, "Ｏ J T担当はつくのでしょうか") == ("answer", "training-ojt")


@pytest.mark.parametrize(("text", "entry"), [("通勤手当に支給上限ってありますか", "guide-salary"),
                                             ("年次有給休暇の付与日数と繰越の上限は？", "guide-holidays")])
def test_the_limits_of_the_guides_allowances_are_the_guides(plain_answerer: Answerer, text: str, entry: str) -> None:
    assert outcome(plain_answerer, text) == ("answer", entry)


def test_a_place_passed_over_for_minato_is_no_topic(plain_answerer: Answerer) -> None:
    assert outcome(plain_answerer, "Why choose Minato instead of Shinjuku?") == ("answer", "why-minato")
    assert outcome(plain_answerer, "What is the budget of Shibuya?") == ("no answer", None)


def test_the_seaside_is_the_bay_area(plain_answerer: Answerer) -> None:
    text = "Auckland has lots of harbour parks, does Minato have any waterfront parks? like by the bay?"
    assert outcome(plain_answerer, text) == ("answer", "district-shibaura-konan")
    assert outcome(plain_answerer, "港区の海沿いのエリアはどこ？") == ("answer", "district-shibaura-konan")


@pytest.mark.parametrize("text", ["Roppongi wa nani chiku desu ka", "六本木って5つの地区のうちどこに入るんですか",
                                  "土井さんは保健所に来る前、どの部署にいたんですか", "Nakajima-san wa nan-sai desu ka",
                                  "管理職に占める女性の割合はどれくらいですか", "児童相談所の職員は港区全体で何人くらいいますか",
                                  "How much exactly is a lunch set at the cafeteria", "自己啓発助成 上限",
                                  "shokudo no menu wa nani ga aru?", "予算って前の年と比べて増えたの？減ったの？",
                                  "えーと食堂ってお弁当持ち込んで食べてもいいんですかねあの職員じゃなくても"])
def test_more_details_the_briefing_never_states(plain_answerer: Answerer, text: str) -> None:
    assert outcome(plain_answerer, text) == ("no answer", None)


@pytest.mark.parametrize(("text", "entry"), [("迎賓館はどの地区に入ってますか？", "district-akasaka"),
                                             ("職員住宅はどの地区にある？", "housing-staff"),
                                             ("外国籍の方が人口に占める割合はどのくらいでしょうか。", "facts-foreign-residents"),
                                             ("パネリストの中島さんはどんな経歴の方ですか？", "panel")])
def test_what_the_briefing_states_is_still_answered(plain_answerer: Answerer, text: str, entry: str) -> None:
    assert outcome(plain_answerer, text) == ("answer", entry)


@pytest.mark.parametrize(("text", "entry"), [("港区 预算 多少", "overview-budget"), ("人口 最新", "overview-population"),
                                             ("What are the regular working hours at the ward office — nine to five?",
                                              "guide-holidays")])
def test_chinese_forms_the_latest_and_nine_to_five(plain_answerer: Answerer, text: str, entry: str) -> None:
    # 预 is the simplified 預; 最新 is no typo of 最初 but the briefing's own, latest figure.
    assert outcome(plain_answerer, text) == ("answer", entry)


@pytest.mark.parametrize("text", ["shokuin no naka ni gaikokujin wa imasu ka", "えーと港区の職員さんで外国出身の人って何人くらいいるんですか",
                                  "how many foreigners are actually working as Minato city staff right now?"])
def test_how_many_of_the_staff_are_foreign_is_not_stated(plain_answerer: Answerer, text: str) -> None:
    assert outcome(plain_answerer, text) == ("no answer", None)


@pytest.mark.parametrize(("text", "entry"), [("外国人も職員になれますか", "guide-application"),
                                             ("がいこくじん の しょくいん は いますか。 わたし も はたらけます か",
                                              "guide-application"),
                                             ("港区の外国人住民は何人？", "facts-foreign-residents")])
def test_whether_a_foreigner_may_join_is_the_guides(plain_answerer: Answerer, text: str, entry: str) -> None:
    assert outcome(plain_answerer, text) == ("answer", entry)


def test_an_honorific_typed_apart_is_no_word(plain_answerer: Answerer) -> None:
    assert outcome(plain_answerer, "しょくいん さん は かながわ から も かよって いますか") == ("answer", "commute-residence")


@pytest.mark.parametrize("text", ["高卒でも区役所で働けるの？", "gaikokujin mo kuyakusho de hatarakemasu ka",
                                  "foreigner apply OK? nationality requirement"])
def test_who_may_apply_is_the_guides_however_worded(plain_answerer: Answerer, text: str) -> None:
    assert outcome(plain_answerer, text) == ("answer", "guide-application")


@pytest.mark.parametrize("text", ["しょくいんじゅうたくってなんこあるの", "ショクインジュウタクハゼンブデナンコアリマスカ",
                                  "その推計、令和13年より先はどうなる予測なんでしょう。人口のピークが何年かも知りたいです"])
def test_a_count_in_kana_and_a_year_beyond_the_forecast_are_not_stated(plain_answerer: Answerer, text: str) -> None:
    assert outcome(plain_answerer, text) == ("no answer", None)


def test_a_count_in_kana_is_answered_where_the_answer_counts(plain_answerer: Answerer) -> None:
    assert outcome(plain_answerer, "たいしかん は なんこ ありますか") == ("answer", "facts-embassies")


@pytest.mark.parametrize("text", ["港区立の保育園は何園ありますか",
                                  "Please tell me the name of companies which is selected in new technology challenge"])
def test_a_count_of_nurseries_and_the_companies_names_are_not_stated(plain_answerer: Answerer, text: str) -> None:
    assert outcome(plain_answerer, text) == ("no answer", None)


@pytest.mark.parametrize("text", ["六本木は5つの地区のどこ？", "How big is each district in km2?",
                                  "canteen lunch is cheap they say, how much yen exactly?"])
def test_where_a_place_lies_each_districts_size_and_a_price_in_yen_are_not_stated(plain_answerer: Answerer,
                                                                                  text: str) -> None:
    assert outcome(plain_answerer, text) == ("no answer", None)


def test_a_district_entry_naming_the_place_says_which_district_it_is(plain_answerer: Answerer) -> None:
    assert outcome(plain_answerer, "お台場は5つの地区のどれ？") == ("answer", "district-shibaura-konan")


def test_a_verb_written_in_kanji_is_no_homophone_of_a_noun(plain_answerer: Answerer) -> None:
    """借りる (カリ) is written as meant: it is not 仮 (the provisional class) mistyped."""
    terms = plain_answerer.matcher.read_terms("部屋を借りる職員は多い？")
    assert [t.concept for t in terms if t.token.surface.startswith("借り")] == [None]
    assert "仮" in {t.concept for t in plain_answerer.matcher.read_terms("かりのクラスはいつまで？")}


def test_zu_and_ji_typed_for_du_and_di_read_the_same(plain_answerer: Answerer) -> None:
    """まちづくり, 職場づくり: romaji and kana typing write づ as ず ("machizukuri")."""
    concepts = {t.concept for t in plain_answerer.matcher.read_terms("しょくばずくり って どんな もの？")}
    assert {t.concept for t in plain_answerer.matcher.read_terms("職場づくり")} <= concepts  # the whole phrase, not 職場


@pytest.mark.parametrize(("question", "entry"), [("じこけはつ じょせい って なに？", "training-self-development"),
                                                 ("pureekurasu no meritto wa nan desu ka", "preclass-merits")])
def test_a_kana_word_one_kana_off_is_the_word_meant(plain_answerer: Answerer, question: str, entry: str) -> None:
    # じこけはつ (い dropped) falls apart into じ|こけ|はつ; alone between spaces, it is one kana off じこけいはつ.
    assert outcome(plain_answerer, question) == ("answer", entry)


def test_a_country_in_kana_is_no_word_one_kana_off(plain_answerer: Answerer) -> None:
    assert outcome(plain_answerer, "ちゅうごく の ひと は なんにん すんで いますか") == ("no answer", None)


@pytest.mark.parametrize(("question", "entry"), [("川崎死に住んでる職員もいるんですか？", "commute-residence"),
                                                 ("港苦の人口は？", "overview-population")])
def test_a_homophone_of_shi_or_ku_after_a_place_is_its_suffix(plain_answerer: Answerer, question: str,
                                                             entry: str) -> None:
    # 死 (シ) after 川崎 is 市, 苦 (ク) after 港 is 区: the converter's first offer for the sound alone.
    assert outcome(plain_answerer, question) == ("answer", entry)


def test_a_homophone_of_shi_elsewhere_stays_as_typed() -> None:
    from bot.spoken import place_suffixes
    assert place_suffixes("歴史の本と死者の数") == "歴史の本と死者の数"


@pytest.mark.parametrize(("question", "entry"), [("港区の予さんってどのくらい？", "overview-budget"),
                                                 ("食どうはありますか", "cafeteria"),
                                                 ("しょく堂はありますか", "cafeteria"),
                                                 ("人こうは何人", "overview-population")])
def test_a_word_half_converted_is_read_whole(plain_answerer: Answerer, question: str, entry: str) -> None:
    # 予さん: the phone converted one kanji of 予算; read 予 + さん (Mr.) it asked the city's summary.
    assert outcome(plain_answerer, question) == ("answer", entry)


def test_an_asking_kanji_beside_kana_is_no_half_converted_word(plain_answerer: Answerer) -> None:
    # うち何件: 何 + うち read ナニウチ or 何 + あと is no typo; the count of the adopted proposals is asked.
    assert outcome(plain_answerer, "提案は全部で何件来て、そのうち何件が通ったんですか？") == ("answer", "newtech-projects")


def test_a_mistyped_question_ending_is_no_place(plain_answerer: Answerer) -> None:
    # ありまあすか: あすか is a place of the dictionary (飛鳥); ending the sentence in か, it is the question's ending.
    assert outcome(plain_answerer, "職員住宅は白金にもありまあすか") == ("answer", "housing-staff")


def test_a_compound_typed_in_kana_may_voice_its_last_word(plain_answerer: Answerer) -> None:
    # 新虎通り reads シントラトオリ; said and typed しんとらどおり (rendaku), it is still the street 芝 names.
    assert outcome(plain_answerer, "しんとらどおり は どの ちく に ありますか") == ("answer", "district-shiba")


def test_a_kana_word_typed_without_its_dakuten_is_the_word_meant(plain_answerer: Answerer) -> None:
    # けいひんかん: the ゛ of げ left out on a flick keyboard; standing as a word of its own, it is 迎賓館.
    assert outcome(plain_answerer, "けいひんかん は どの ちく に ありますか") == ("answer", "district-akasaka")


def test_a_dakuten_dropped_reading_never_cuts_into_a_word(plain_answerer: Answerer) -> None:
    # ニホンコ (ニホンゴ unvoiced) of ニホン|コクセキ: no word typed; the nationality rule of the application is asked.
    assert outcome(plain_answerer, "nihon kokuseki ga nai to shokuin ni naremasen ka") == ("answer", "guide-application")


def test_a_compound_typed_in_two_words_means_what_it_means_whole(plain_answerer: Answerer) -> None:
    # けんしゅう せいど is 研修制度, which is 研修: its 制度 is no topic of its own (OJT's texts speak of 制度), as it is
    # none written 研修制度. The words of a phrase (あたらしい ぎじゅつ: an adjective, a noun) keep their say.
    read = {t.concept for t in plain_answerer.matcher.read_terms("けんしゅう せいど を おしえて ください")}
    assert "研修" in read and "制度" not in read
    assert outcome(plain_answerer, "けんしゅう せいど を おしえて ください") == ("answer", "training-overview")
    assert "技術" in {t.concept for t in plain_answerer.matcher.read_terms("あたらしい ぎじゅつ は なに")}


def test_a_kana_ending_of_a_word_starts_no_reading(plain_answerer: Answerer) -> None:
    # 近くがいい read チカクガイイ holds クガイ (区外) from the く of 近く: okurigana, spelled as read, is no typo.
    concepts = {t.concept for t in plain_answerer.matcher.vocabulary.resolve("海の近くがいいなと思っています")}
    assert "区外" not in concepts


def test_the_inside_or_outside_of_the_ward_asks_where_the_housing_is(plain_answerer: Answerer) -> None:
    assert outcome(plain_answerer, "職員住宅って区の中ですか、区の外ですか") == ("answer", "housing-staff")


@pytest.mark.parametrize("text", ["ちゅうかんじんこうは なんにん？", "中間人口は都内で何位？"])
def test_the_daytime_population_by_its_reading_chuukan_is_found(plain_answerer: Answerer, text: str) -> None:
    # 昼間人口 reads ちゅうかんじんこう (the analyzer says ひるま): typed in kana, or as its homophone 中間人口.
    assert outcome(plain_answerer, text) == ("answer", "facts-daytime-population")


@pytest.mark.parametrize("text", ["しょくいんの いえは どこですか", "しょくいんが すむ ところは ありますか"])
def test_spaced_words_typed_with_their_particle_are_read_across(plain_answerer: Answerer, text: str) -> None:
    # "いえは", "ところは": the word, then its particle typed on to it; 職員の家 and 住む所 are read across the spaces.
    assert outcome(plain_answerer, text) == ("answer", "housing-staff")
