"""Surface forms of spoken, spaced, romaji and mistyped questions (bot.spaced, bot.spoken): read as what they mean."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.knowledge import load_knowledge
from bot.romaji import romaji_word
from bot.scope import SCOPE_SECTIONS
from bot.spoken import kana_acronyms, purpose_of
from bot.vocabulary import Vocabulary

ENTRIES = """\
entries:
  - id: housing
    category: test
    title: {ja: 職員住宅, en: Staff housing}
    questions:
      ja: [職員住宅はありますか？]
      en: [Is there staff housing?]
    answer: {ja: 職員住宅があります。, en: There is staff housing., easy: いえ が あります。}
  - id: merits
    category: test
    title: {ja: 働くメリット, en: Merits}
    questions:
      ja: [働くメリットは？]
      en: [What are the merits?]
    answer: {ja: メリットがあります。, en: There are merits., easy: いい ところ が あります。}
  - id: childcare
    category: test
    title: {ja: 育児休業, en: Childcare leave}
    questions:
      ja: [育児休業は？, 通勤時間は？]
      en: [Childcare leave?]
    answer: {ja: 育児休業があります。, en: There is childcare leave., easy: やすみ が あります。}
  - id: districts
    category: test
    title: {ja: 五つの地区とプレクラス, en: Districts}
    questions:
      ja: [地区はいくつ？, プレクラスとは？]
      en: [How many districts?]
    answer: {ja: 五つの地区があります。, en: There are five districts., easy: ちく が いつつ あります。}
"""
SYNONYMS = """\
synonyms:
  - [職員住宅, 職員の家, 社宅]
  - [メリット, 何がいい, なにがいい, いいところ]
"""


@pytest.fixture(scope="module")
def vocabulary(tmp_path_factory: pytest.TempPathFactory) -> Vocabulary:
    directory: Path = tmp_path_factory.mktemp("kb")
    (directory / "a.yaml").write_text(ENTRIES, encoding="utf-8")
    (directory / "synonyms.yaml").write_text(SYNONYMS, encoding="utf-8")
    scope = "home_places: [港区]\nother_places: [新宿]\nstopwords: [ある, あります, 何, なに, なん, どこ]\n" + "".join(
        f"{key}: {'{}' if key in ('messages', 'example_questions') else '[]'}\n"
        for key in SCOPE_SECTIONS if key not in {"home_places", "other_places", "stopwords"})
    (directory / "scope.yaml").write_text(scope, encoding="utf-8")
    kb = load_knowledge(directory)
    vocabulary = Vocabulary(kb)
    for entry in kb.entries:
        for text in (*entry.questions["ja"], entry.title["ja"]):
            vocabulary.learn(text)
    return vocabulary


def concepts(vocabulary: Vocabulary, text: str) -> set[str]:
    return {term.concept for term in vocabulary.resolve(text) if term.concept and term.via != "weak"}


def test_a_phrase_typed_word_by_word_is_read_across_the_spaces(vocabulary: Vocabulary) -> None:
    assert {"職員", "住宅"} <= concepts(vocabulary, "しょくいん の いえ は あります か")  # 職員住宅 is read as two words
    assert "メリット" in concepts(vocabulary, "はたらく と なに が いい です か")


def test_a_reading_across_spaces_starts_and_ends_where_the_words_do(vocabulary: Vocabulary) -> None:
    # いく じかん reads イクジカン, but 育児 (イクジ) would cut じかん in two.
    assert "育児" not in concepts(vocabulary, "しごと に いく じかん は どれくらい")


def test_a_spaced_kana_word_the_analyzer_drops_still_counts(vocabulary: Vocabulary) -> None:
    # くちょう reads as 九 + ちょう (numeral, suffix), おおい as an interjection: neither may vanish from the question.
    terms = vocabulary.resolve("みなとく の くちょう は だれ です か")
    assert any(term.token.surface == "くちょう" and term.concept is None for term in terms)
    assert not any(term.token.surface in {"です", "か", "の"} for term in terms)


def test_a_kana_word_read_as_an_adverb_is_the_noun_it_reads_as(vocabulary: Vocabulary) -> None:
    # ちく alone is read as an adverb (チク): written for 地区, it is that noun.
    assert "地区" in concepts(vocabulary, "どの ちく に あります か")
    assert "地区" in concepts(vocabulary, "どのちくにありますか")


def test_romaji_loan_words_are_read_in_katakana_with_their_long_vowels() -> None:
    from bot.romaji import romaji_word

    assert [romaji_word(w) for w in ("teema", "doroon", "disukasshon", "paatii")] == ["テーマ", "ドローン", "ディスカッション", "パーティー"]
    # native words keep their doubled vowels: 多い, 通り, 場合, 研修
    assert [romaji_word(w) for w in ("ooi", "toori", "baai", "kenshuu")] == ["おおい", "とおり", "ばあい", "けんしゅう"]
    # an English spelling that drops the u after s (paneristo) is still romaji; an English word (test) is not
    assert (romaji_word("paneristo"), romaji_word("test")) == ("ぱねりすと", None)
    # Hepburn's ō typed oo in a native word no loan word spells: 申し込み, 給料 (ボーナス is a loan word)
    assert [romaji_word(w) for w in ("mooshikomi", "kyuuryoo", "boonasu")] == ["もうしこみ", "きゅうりょう", "ボーナス"]


def test_a_loan_word_split_over_two_words_is_found(vocabulary: Vocabulary) -> None:
    from bot.romajisentence import romaji_sentence

    kana = romaji_sentence("puree kurasu wa nan desu ka")
    assert kana == "プレー くらす は なん です か"
    assert "プレクラス" in concepts(vocabulary, kana)


def test_a_reading_made_only_of_grammar_words_is_no_word_typed_in_kana() -> None:
    from bot.scanguard import only_grammar, read_runs

    # なん + か + (いろいろ): ナンカイ would read as 何回; た + よう of だったような as 多様.
    words = read_runs("なんかいろいろある").words[0]
    assert only_grammar(words, 0, 4)
    words = read_runs("台場とかだったような").words[0]  # the run starts at と
    assert only_grammar(words, 4, 7)
    # しょ + くどう: the pieces of a kana word the analyzer cut badly are no grammar.
    assert not only_grammar(read_runs("しょくどうはある").words[0], 0, 5)
    # た|か|な|わ: single-kana particles are the bad segmentation of たかなわ (高輪), not grammar.
    assert not only_grammar(read_runs("たかなわってどんなところ").words[0], 0, 4)
    assert not only_grammar(read_runs("なんさい？").words[0], 0, 4)  # なん|さ|い: 何歳 typed in kana


def test_a_run_on_spoken_sentence_ends_after_its_asking_particle() -> None:
    from bot.focus import clauses

    pieces = clauses("えっと食堂ってなんか有名なんですかテレビで見た気がするんだけど")
    assert [piece.asks for piece in pieces] == [True, False]
    assert pieces[0].text.endswith("ですか")
    # …っけ then an afterthought; a tag after か (かね) stays with it
    assert [p.asks for p in clauses("予算っていくらだったっけすごい大きい数字だった")] == [True, False]
    assert len(clauses("研修ってあるんですかね")) == 1


def test_spoken_hedges_name_no_topic() -> None:
    from bot.spoken import drop_hedges

    assert "気" not in drop_hedges("予算は大きい数字だった気がする")
    assert "気" not in drop_hedges("子育てしながらだと気になって")
    assert "一回" not in drop_hedges("もう一回教えて")
    assert drop_hedges("雰囲気がいい") == "雰囲気がいい"  # 気 of a word stays
    assert drop_hedges("人気になってる") == "人気になってる"


def test_an_english_opener_before_a_colon_or_a_dash_is_its_own_sentence() -> None:
    from bot.focus import clauses

    assert [p.asks for p in clauses("Hi, quick question: what is the budget?")] == [False, True]
    assert [p.asks for p in clauses("Sorry, I came in late - will the slides be shared?")] == [False, True]
    assert len(clauses("Is it open 10:30 to 12:00?")) == 1


def test_a_kanji_that_never_stands_alone_has_a_reading_for_typos(vocabulary: Vocabulary) -> None:
    from bot.variants import kanji_readings

    assert "セキ" in kanji_readings("績") and "タク" in kanji_readings("託")  # SudachiDict: イサオ (a name), nothing
    assert "住宅" in concepts(vocabulary, "住託はありますか")  # 託 read タク, as 宅 of 住宅


def test_a_compound_one_sound_off_a_known_word_is_that_word() -> None:
    from bot.nearreading import NearReadings

    near = NearReadings({"魅力": ("ミリョク", "魅力"), "課長": ("カチョウ", "課長"), "自治体": ("ジチタイ", "自治体")})
    assert near.find("魅了") == ("ミリョク", "魅力")  # miryou typed for miryoku
    assert near.find("魅良") == ("ミリョク", "魅力")  # a stretch the analyzer cannot read: its kanji's readings
    assert near.find("時自体") == ("ジチタイ", "自治体")
    assert near.find("区長") is None  # クチョウ: a word's first sound is what a speaker gets right
    assert near.find("魅力") is None  # the word itself is no typo


def test_an_adjective_typed_for_the_suffix_after_a_verb_stem_is_the_suffix() -> None:
    from bot.spoken import easy_to

    assert easy_to("働き安い職場") == "働きやすい職場"  # 安い (cheap) for やすい (easy to)
    assert easy_to("住み安いまち") == "住みやすいまち"
    assert easy_to("ランチが安い") == "ランチが安い"
    assert easy_to("少し安い") == "少し安い"


def test_an_acronym_in_romaji_stays_an_english_word() -> None:
    from bot.romajisentence import romaji_sentence

    assert romaji_sentence("AI wo tsukatta purojekuto wa arimasu ka") == "ai を つかった ぷろじぇくと は あります か"


def test_japan_in_romaji_is_read_as_the_dictionary_reads_it() -> None:
    # A country typed in romaji stays in katakana (フィリピン), but ニホン is no word of the dictionary: unknown, it
    # weighed as a topic no entry has ("kokuseki ga nihon ja nakute mo juken dekimasu ka" was refused).
    from bot.romajisentence import romaji_sentence

    assert romaji_sentence("kokuseki ga nihon ja nakute mo juken dekimasu ka").split()[2] == "にほん"
    assert romaji_sentence("firipin ryouri wa arimasu ka").split()[0] == "フィリピン"


def test_a_doubled_i_in_romaji_is_a_loan_words_long_vowel_when_no_native_word_reads_so() -> None:
    # "AI suriipu toreenaa tte nan desu ka": すりいぷ read no word, so the sleep trainer project went unnamed.
    from bot.romaji import romaji_word

    assert romaji_word("suriipu") == "スリープ"
    assert romaji_word("chiisai") == "ちいさい"
    assert romaji_word("ii") == "いい"


def test_a_loan_word_typed_in_hiragana_with_its_long_vowel_is_that_word() -> None:
    # "ちかくの すーぱーは…": スーパー fell apart (す, ぱ), and the question seemed to ask only where is near.
    from bot.kanaloans import kana_loans

    assert [token.surface for token in kana_loans("ちかくの すーぱーは どこが やすいですか")] == ["スーパー"]
    assert kana_loans("あのー すごーい えーと") == []  # a filler, a stretched adjective


def test_a_purpose_phrase_is_said_as_a_plain_of() -> None:
    # "職員のための住まい" is the staff's housing: の…ための… says no more than の.
    assert purpose_of("しょくいん の ための 住まい") == "しょくいん の 住まい"
    assert purpose_of("そのために来ました") == "そのために来ました"  # ため as "because": no の after it


def test_an_acronym_spelled_in_kana_letter_names_is_read_as_letters() -> None:
    assert kana_acronyms("おーじぇーてぃー って なに") == "ojt って なに"
    assert kana_acronyms("あいあいがさ") == "あいあいがさ"  # two names (あい あい) are no acronym
    assert kana_acronyms("エスエヌエス やってる？") == "sns やってる？"  # typed in katakana too


def test_the_spoken_toko_of_a_kind_of_place_is_tokoro() -> None:
    # "どんなとこなの" may read どんな|と|こな|の; written ところ it reads as the place asked about.
    from bot.spoken import short_tokoro
    assert short_tokoro("港区ってどんなとこなの") == "港区ってどんなところなの"
    assert short_tokoro("住むのにいいとこ") == "住むのにいいとこ"


def test_the_inside_or_outside_of_the_ward_is_one_word() -> None:
    # 区の外 is 区外, 区の中 区内: read apart, 中 and 外 are the words of the in-house and outside training.
    from bot.spoken import inside_or_outside
    assert inside_or_outside("職員住宅は区の中？区の外？") == "職員住宅は区内？区外？"
    assert inside_or_outside("港区の外にもある？") == "港区の外にもある？"  # 港区外 would read as another place
    assert inside_or_outside("区の中心部") == "区の中心部"


def test_the_clock_time_of_the_work_is_said_as_its_hours() -> None:
    from bot.spoken import work_hours
    assert work_hours("しごと は なんじ から なんじ まで") == "しごと は 、勤務時間はなんじ から なんじ まで"
    assert work_hours("食堂は何時から") == "食堂は何時から"  # no work named: a place's clock time
    assert work_hours("しごとの時間は何時から") == "しごとの時間は何時から"  # the hours are named already
    assert work_hours("通勤に何時間かかる？") == "通勤に何時間かかる？"  # a duration, no clock time


@pytest.mark.parametrize(("typed", "kana"), [("aoyama-doori", "あおやまどおり"), ("shokuba-nai", "しょくばない"),
                                             ("nan-en", "なんえん")])
def test_a_hyphen_between_romaji_words_joins_them_and_is_no_long_mark(typed: str, kana: str) -> None:
    assert romaji_word(typed) == kana


def test_how_many_hours_a_day_one_works_asks_the_working_hours() -> None:
    from bot.spoken import work_hours
    assert work_hours("職員は一日に何時間くらい働くんですか") == "職員は、勤務時間は一日に何時間くらい働くんですか"
