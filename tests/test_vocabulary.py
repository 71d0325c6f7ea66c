"""Words to concepts: synonym groups, phrases, readings, places."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.knowledge import load_knowledge
from bot.scope import SCOPE_SECTIONS
from bot.vocabulary import Vocabulary

ENTRY = """\
entries:
  - id: hotels
    category: test
    title: {ja: ホテル, en: Hotels}
    questions:
      ja: [宿泊施設の客室数は？, ホテルはいくつ？]
      en: ["How many hotel rooms?", hotels]
    answer: {ja: 客室は多いです。, en: Many rooms., easy: 部屋（へや）は多（おお）いです。}
"""
SYNONYMS = """\
synonyms:
  - [宿泊施設, ホテル, 宿, hotel, hotels]
  - [職員住宅, 寮, dorm, staff housing]
"""


@pytest.fixture
def vocabulary(tmp_path: Path) -> Vocabulary:
    (tmp_path / "a.yaml").write_text(ENTRY, encoding="utf-8")
    (tmp_path / "synonyms.yaml").write_text(SYNONYMS, encoding="utf-8")
    scope = "home_places: [港区]\nother_places: [新宿, shinjuku]\n" + "".join(
        f"{key}: {'{}' if key in ('messages', 'example_questions') else '[]'}\n" for key in SCOPE_SECTIONS if key not in {"home_places", "other_places"})
    (tmp_path / "scope.yaml").write_text(scope, encoding="utf-8")
    vocabulary = Vocabulary(load_knowledge(tmp_path))
    vocabulary.learn("宿泊施設の客室数は？")
    return vocabulary


def concepts(vocabulary: Vocabulary, text: str) -> list[str | None]:
    return [t.concept for t in vocabulary.resolve(text) if t.via != "weak"]


def test_a_variant_becomes_the_canonical_words(vocabulary: Vocabulary) -> None:
    assert concepts(vocabulary, "ホテル") == concepts(vocabulary, "宿泊施設")


def test_a_one_character_variant_is_not_replaced_inside_other_words(vocabulary: Vocabulary) -> None:
    tokens = [t.token.lemma for t in vocabulary.resolve("新宿区の客室")]
    assert tokens[0] == "新宿"  # not 新 + 宿泊施設 + 区
    assert concepts(vocabulary, "宿")[0] == concepts(vocabulary, "宿泊施設")[0]


def test_english_phrases_match_plurals_and_before_japanese(vocabulary: Vocabulary) -> None:
    assert concepts(vocabulary, "dorms") == concepts(vocabulary, "職員住宅")
    assert concepts(vocabulary, "staff housingは？") == concepts(vocabulary, "職員住宅")


def test_kana_reading_scan_finds_a_known_word(vocabulary: Vocabulary) -> None:
    assert "客室" in concepts(vocabulary, "きゃくしつはある")


def test_other_municipalities_are_foreign_places(vocabulary: Vocabulary) -> None:
    (place, *_) = vocabulary.resolve("新宿区の客室")
    assert vocabulary.is_foreign_place(place.token)
    (home, *_) = vocabulary.resolve("港区の客室")
    assert not vocabulary.is_foreign_place(home.token)


def test_a_verb_typed_in_kana_is_the_knowledge_bases_kanji_verb(vocabulary: Vocabulary) -> None:
    # やさしい日本語 writes すむ for 住む; the analyzer keeps the kana lemma, so its reading must find the verb.
    vocabulary.learn("職員が住める家はありますか")
    assert concepts(vocabulary, "しょくいん が すむ") == concepts(vocabulary, "職員が住む") == ["職員", "住む"]


def test_a_kana_verb_with_two_kanji_spellings_stays_unknown(vocabulary: Vocabulary) -> None:
    vocabulary.learn("手紙を書く")
    vocabulary.learn("絵を描く")  # 書く and 描く are both かく: a kana かく may be either
    assert "書く" not in concepts(vocabulary, "かく") and "描く" not in concepts(vocabulary, "かく")


def test_kana_without_long_vowels_finds_the_word_romaji_users_type_so(vocabulary: Vocabulary) -> None:
    # "jutaku", "shokudo": romaji typed without the long vowel reads ジュタク for ジュウタク.
    vocabulary.learn("職員住宅はありますか")
    assert concepts(vocabulary, "しょくいんじゅたく") == concepts(vocabulary, "職員住宅")
    assert concepts(vocabulary, "しゅくはくしせつ") == concepts(vocabulary, "宿泊施設")  # no long vowel: as before


def test_a_kana_word_that_asks_about_a_topic_is_not_read_as_a_homophone(vocabulary: Vocabulary) -> None:
    # "面積のほうは？": ほう (方, "the one about") asks about the topic named before it; it is not 法 (law).
    vocabulary.learn("法律の法")
    assert "法" in concepts(vocabulary, "法")
    assert concepts(vocabulary, "客室のほうは") == ["客室"]
