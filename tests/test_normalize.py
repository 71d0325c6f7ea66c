"""Normalization: width, kana, readings, stems, language."""

from __future__ import annotations

from bot.normalize import analyze, clean, detect_lang, has_letters, kana_runs, looks_binary, stem
from bot.variants import kanji_readings, reading_variants


def test_clean_folds_width_and_case() -> None:
    assert clean("ＯＪＴ　ﾌﾟﾚｸﾗｽ  Hello") == "ojt プレクラス hello"
    assert clean("大使館は何か國？") == "大使館は何か国?"  # an old form of a kanji is its new form


def test_half_width_katakana_becomes_the_same_word() -> None:
    assert [t.lemma for t in analyze("ﾌﾟﾚｸﾗｽ")] == [t.lemma for t in analyze("プレクラス")]


def test_homophones_share_a_reading() -> None:
    (typo,) = analyze("食道")
    (right,) = analyze("食堂")
    assert typo.lemma != right.lemma and typo.reading == right.reading


def test_particles_and_auxiliaries_are_dropped_and_function_verbs_are_weak() -> None:
    tokens = analyze("職員住宅はありますか？")
    assert [t.lemma for t in tokens if not t.weak] == ["職員", "住宅"]
    assert [t.lemma for t in tokens if t.weak] == ["有る"]


def test_kana_runs_are_katakana() -> None:
    assert kana_runs("しょくどうはある？") == ["ショクドウハアル"]


def test_english_words_are_stemmed() -> None:
    assert stem("embassies") == stem("embassy")
    assert [t.lemma for t in analyze("Embassies")] == [stem("embassies")]


def test_language_detection() -> None:
    assert detect_lang("食堂") == "ja"
    assert detect_lang("cafeteria?") == "en"
    assert detect_lang("👍👍") is None


def test_letters_and_binary() -> None:
    assert not has_letters("🍜🍜 123 !!")
    assert has_letters("寮")
    assert looks_binary("\x00\x01\x02\x03abc")
    assert not looks_binary("普通の質問です")


def test_very_long_input_is_analyzed_without_error() -> None:
    assert analyze("食堂" * 10_000)


def test_a_kanji_has_all_its_readings() -> None:
    assert {"アタエ", "ヨ"} <= set(kanji_readings("与"))


def test_reading_variants_try_other_readings_beside_unknown_words() -> None:
    variants = reading_variants("与算", frozenset({"与"}))
    assert any(run == "ヨサン" for run, _, _ in variants)
    run, mask, spans = variants[0]
    assert len(mask) == len(run) and spans["与"][0] == 0


def test_question_words_and_adverbs_are_weak_hints() -> None:
    assert [(t.lemma, t.weak) for t in analyze("もっとどこで知るの？")] == [("もっと", True), ("どこ", True), ("知る", False)]


def test_a_counter_after_a_figure_is_marked_and_the_same_word_alone_is_not() -> None:
    assert [(t.lemma, t.counter) for t in analyze("50代の受験")] == [("代", True), ("受験", False)]
    assert [(t.lemma, t.counter) for t in analyze("代の受験")][0] == ("代", False)


def test_a_noun_before_the_topic_marker_tte_keeps_its_last_kanji() -> None:
    # 初任給って was read 初任 + 給う, 研修会って 研修 + 会う; verbs before って stay verbs.
    assert [t.surface for t in analyze("初任給って高い？")][:1] == ["初任給"]
    assert [t.surface for t in analyze("研修会ってある？")][:1] == ["研修会"]
    assert [t.lemma for t in analyze("言ってた")] == ["言う"]


def test_hedges_tagged_as_nouns_are_weak_like_other_adverbs() -> None:
    assert [(t.lemma, t.weak) for t in analyze("大抵は残業が少ない？だいたい")] == [
        ("大抵", True), ("残業", False), ("少ない", False), ("大体", True)]


def test_a_long_mark_typed_as_a_look_alike_inside_katakana_is_the_long_mark() -> None:
    # トリア一ジ (the kanji 一), ドロ-ン (a hyphen): the long mark meant; 一 before a kanji stays one (テスト一覧).
    assert clean("トリア一ジ") == "トリアージ" and clean("ドロ－ン") == "ドローン"
    assert clean("テスト一覧") == "テスト一覧"
