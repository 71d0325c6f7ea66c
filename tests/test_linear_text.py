"""Per-question text work is bounded: counted in characters and steps, never timed (bench/worst_case.py times it)."""

from __future__ import annotations

import random
import re
import re._constants as sre_constants
import re._parser as sre_parse
from typing import Iterator

from bot.knowledge import KnowledgeBase
from bot.matching import GROUPING_KEY_CHARS, Matcher, group_similar
from bot.normalize import MAX_VARIANT_CHARS, any_of, reading_variants
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


def _alternatives(parsed: sre_parse.SubPattern) -> Iterator[list[sre_parse.SubPattern]]:
    for op, av in parsed:
        if op is sre_constants.BRANCH:
            yield av[1]
            for alternative in av[1]:
                yield from _alternatives(alternative)
        elif op is sre_constants.SUBPATTERN:
            yield from _alternatives(av[3])
        elif op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT):
            yield from _alternatives(av[2])


def test_the_reading_scan_pattern_is_a_trie(kb: KnowledgeBase) -> None:
    # In a trie no two alternatives start with the same character: at each position of the text the regex
    # follows one path, instead of trying thousands of readings one after another.
    pattern = Matcher(kb).vocabulary._readings()
    parsed = sre_parse.parse(pattern.pattern)
    for alternatives in _alternatives(parsed):
        starts = [alternative[0] for alternative in alternatives if len(alternative)]
        assert len(starts) == len(set(starts)), "two readings share a first character at one branch"
    assert parsed.getwidth()[1] < 200  # only optional groups: no repeat anywhere


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
