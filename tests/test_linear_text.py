"""Per-question text work is bounded: counted in characters and steps, never timed (bench/worst_case.py times it)."""

from __future__ import annotations

import random
import re

from bot.knowledge import KnowledgeBase
from bot.grouping import GROUPING_KEY_CHARS, group_similar
from bot.matching import Matcher
from bot.variants import MAX_VARIANT_CHARS, reading_variants
from bot.wordtrie import any_of
from bot.readingscan import ReadingTable
from bot.service import Answerer, Question


def test_any_of_matches_exactly_what_the_longest_first_alternation_matches() -> None:
    rng = random.Random(8)
    alphabet = "アイウエオカキ"
    words = {"".join(rng.choice(alphabet) for _ in range(rng.randrange(1, 6))) for _ in range(300)}
    alternation = re.compile("|".join(map(re.escape, sorted(words, key=len, reverse=True))))
    trie = re.compile(any_of(words))
    for _ in range(200):
        text = "".join(rng.choice(alphabet + "ー") for _ in range(60))
        assert [(m.span(), m.group()) for m in trie.finditer(text)] == \
               [(m.span(), m.group()) for m in alternation.finditer(text)]
    assert re.compile(any_of([])).search("anything") is None


def test_the_reading_table_finds_what_the_longest_first_alternation_finds() -> None:
    rng = random.Random(9)
    alphabet = "アイウエオカキ"
    words = {"".join(rng.choice(alphabet) for _ in range(rng.randrange(3, 9))) for _ in range(400)}
    alternation = re.compile("|".join(map(re.escape, sorted(words, key=len, reverse=True))))
    table = ReadingTable(dict.fromkeys(words, 1), 3)
    for _ in range(200):
        text = "".join(rng.choice(alphabet + "ー") for _ in range(60))
        assert [(start, end, found) for start, end, found in table.scan(text)] == \
               [(*m.span(), m.group()) for m in alternation.finditer(text)]
    assert list(ReadingTable({}, 3).scan("アイウエオ")) == []


def test_the_reading_scan_looks_up_a_bounded_number_of_substrings_per_character(kb: KnowledgeBase) -> None:
    # However many readings the knowledge has, a position costs at most one look-up per distinct length.
    table = Matcher(kb).vocabulary._readings()
    lookups = 0

    class Counting(dict):  # type: ignore[type-arg]
        def __contains__(self, key: object) -> bool:
            nonlocal lookups
            lookups += 1
            return super().__contains__(key)

    table._table = Counting(table._table)
    text = "ショクドウ" * 200
    list(table.scan(text))
    assert 0 < lookups <= len(text) * len(table._lengths)


def test_reading_variants_of_a_long_text_stay_within_a_character_budget() -> None:
    text = "与算痛勤" * 100
    variants = reading_variants(text, frozenset({"与", "算", "痛", "勤"}))
    assert 1 <= len(variants) and sum(len(run) for run, _, _ in variants) <= MAX_VARIANT_CHARS + len(variants[0][0])
    short = reading_variants("与算はいくら", frozenset({"与", "算"}))
    assert len(short) > 1  # an ordinary question still gets its other readings


def test_grouping_compares_only_the_start_of_long_questions() -> None:
    start = "給料はいくらですか" * 30
    texts = [start + "あ" * 1500, start + "い" * 1500, "食堂はありますか"]
    assert len(start) >= GROUPING_KEY_CHARS
    assert group_similar(texts) == [[0, 1], [2]]


def test_the_engine_reads_at_most_a_bounded_prefix(plain_answerer: Answerer) -> None:
    # The same question followed by 100,000 more characters gets the same reply as with 10,000 more:
    # nothing past the cap is read.
    base = "食堂はありますか" + "あ" * 2000
    assert plain_answerer.answer(Question(base + "x" * 10_000)).to_dict("") == \
           plain_answerer.answer(Question(base + "y" * 100_000)).to_dict("")
