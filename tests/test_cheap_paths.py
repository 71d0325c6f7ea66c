"""The shortcuts that spare work find what the full work finds: guarded patterns, look-ups, narrowed key lists."""

from __future__ import annotations

import random
import re

from rapidfuzz import fuzz, process

from bot.analyzer import morphemes
from bot.contrast import CONTRAST, drop_contrast
from bot.dialect import STANDARD_FORMS, standard_forms
from bot.fuzzykeys import FuzzyKeys
from bot.kanaplaces import _country
from bot.normalize import clean
from bot.wordtrie import any_of, starting_with


def _every_ending(text: str) -> str:
    for pattern, standard, _ in STANDARD_FORMS:
        text = pattern.sub(standard, text)
    return text


def test_a_regional_ending_is_only_left_unsearched_where_it_cannot_be() -> None:
    rng = random.Random(7)
    alphabet = "んてでだべっぺさやろうかとちょどじいしーけえるれたほまなぼへひあきこらの?？、。 "
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 12))) for _ in range(20_000)]
    assert [standard_forms(text) for text in texts] == [_every_ending(text) for text in texts]


def test_a_message_without_a_contrast_mark_keeps_what_the_pattern_would_keep() -> None:
    rng = random.Random(11)
    pieces = ["じゃなくて", "ではなく", "でなく", "と違って", "とちがって", "not ", "but ", "i mean ", "if ", "they're ", "in ",
              "staff housing", "芝浦港南", "高輪", "の", "は", "って", "、", "?", "予算", "面積", " "]
    for _ in range(5_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 8)))
        kept = CONTRAST.sub(lambda found: " ", clean(text)).strip()
        if kept == clean(text).strip():  # the pattern finds no contrast: the text stays as it is
            assert drop_contrast(text) == text


def test_a_look_ahead_for_the_first_characters_keeps_every_match() -> None:
    words = ["住宅", "住まい", "寮", "dorm", "staff housing", "ojt担当", "みなと区", "minato-ku"]
    body = rf"{any_of(w for w in words if not w.isascii())}|(?<![a-z0-9])(?:{any_of(w for w in words if w.isascii())})s?"
    plain, guarded = re.compile(body), re.compile(starting_with(body, (word[0] for word in words)))
    rng = random.Random(3)
    for _ in range(3_000):
        text = "".join(rng.choice(words + ["の", "a", " ", "は", "職員", "s"]) for _ in range(rng.randint(0, 6)))
        assert [m.span() for m in guarded.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_the_keys_out_of_reach_cannot_reach_the_cutoff() -> None:
    rng = random.Random(5)
    keys = ["embassy", "population", "budget", "housing", "training", "プレクラス", "ドローン", "メニュー", "salary",
            "dormitory", "employees", "mentor", "exam", "commute", "overtime", "リーダー", "ラーメン"]
    narrowed = FuzzyKeys(keys)
    letters = sorted({char for key in keys for char in key})
    for _ in range(3_000):
        word = list(rng.choice(keys))
        for _ in range(rng.randint(0, 4)):
            word.insert(rng.randint(0, len(word)), rng.choice(letters))
            if len(word) > 3 and rng.random() < 0.5:
                word.pop(rng.randrange(len(word)))
        typed = "".join(word)
        for cutoff in (80.0, 84.0):
            near = process.extractOne(typed, narrowed.within_reach(typed, cutoff), scorer=fuzz.ratio,
                                      score_cutoff=cutoff)
            every = process.extractOne(typed, keys, scorer=fuzz.ratio, score_cutoff=cutoff)
            assert (near and near[:2]) == (every and every[:2])


def _analysed_country(katakana: str) -> bool:
    parts = morphemes(katakana)
    return len(parts) == 1 and parts[0].pos[2:4] == ("地名", "国")


def test_the_look_up_before_the_analysis_misses_no_country() -> None:
    texts = ["ネパール", "ネパーール", "フィリピン", "タイ", "アメリカ", "韓国", "中国", "イギリス", "シマス", "ジンコウ",
             "ジーンコウ", "ネパアル", "ペルー", "ペル", "ブラジル", "ブラジルジン", "ポルトガル", "ポルトガルノ", "トシテ"]
    assert [_country(text) is not None for text in texts] == [_analysed_country(text) for text in texts]


def test_a_word_read_once_is_read_the_same_and_unknown_words_are_read_each_time() -> None:
    from bot.analyzer import _tokenizer

    texts = ["123人の職員", "45人の職員", "十二人", "アイウエオカキクケコ", "カキクケコサシスセソ", "2,296人", "1.5倍",
             "港区の予算は1,845億円です", "港区の予算は1,845億円です"]
    for text in texts:
        morphemes.cache_clear()
        fresh = [(m.surface(), tuple(m.part_of_speech()), m.normalized_form(), m.reading_form(), m.begin(), m.end(),
                  tuple(m.synonym_group_ids())) for m in _tokenizer().tokenize(text)]
        assert [tuple(m) for m in morphemes(text)] == fresh


def test_whose_audiences_and_years_are_found_as_the_patterns_find_them_everywhere() -> None:
    from bot.askers import AUDIENCE, WHOSE, audiences
    from bot.figureyear import YEAR_NAMED, _years_named

    unguarded = re.compile(WHOSE.pattern[WHOSE.pattern.index("])(?:") + 5:-1])
    rng = random.Random(13)
    pieces = ["息子", "さん", "の", "が", "my ", "our ", "son's", "friends ", "スポーツ選手", "向け", "を対象と", "のための",
              "令和", "5", "年度", "2031", "年", "きょねん", "next ", "fiscal ", "year", "3 years ago", "予算", " ", "は"]
    for _ in range(5_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 7)))
        assert [m.span() for m in WHOSE.finditer(text)] == [m.span() for m in unguarded.finditer(text)]
        assert audiences(text) == AUDIENCE.findall(clean(text))
        assert [m.span() for m in _years_named(text)] == [m.span() for m in YEAR_NAMED.finditer(text)]
