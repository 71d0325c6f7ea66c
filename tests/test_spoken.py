"""Surface forms of spoken, spaced, romaji and mistyped questions (bot.spaced, bot.spoken): read as what they mean."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.knowledge import load_knowledge
from bot.scope import SCOPE_SECTIONS
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
