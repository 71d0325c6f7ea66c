"""Spellings of phones and keyboards that mean another one: romaji long vowels with a macron, small kana for effect."""

from __future__ import annotations

import re

import jaconv

# Romaji long vowels written with a macron or a circumflex (jūtaku, Saiyō, Tôkyô), as Hepburn and Kunrei print them:
# the vowel doubled, as an IME spells it (juutaku, saiyou). ō is mostly おう (採用, 東京), rarely おお.
LONG_VOWELS = str.maketrans({"ā": "aa", "ī": "ii", "ū": "uu", "ē": "ee", "ō": "ou",
                             "â": "aa", "î": "ii", "û": "uu", "ê": "ee", "ô": "ou"})


# A small vowel typed for effect after a hiragana it cannot join (くらぃ, おねがぃ, ですかぁ): joining ones make a
# sound of their own (ふぁ, てぃ, しぇ, うぃ). After its own vowel it draws the sound out (かぁ, よぉ) and is dropped,
# after another it is the full vowel.
SMALL_VOWEL = re.compile(r"(?<=([\u3041-\u3096]))[ぁぃぅぇぉ]")
JOINS_SMALL_VOWEL = frozenset("ふゔうてでとどしじちぢつくぐ")
SMALL_TO_FULL = dict(zip("ぁぃぅぇぉ", "あいうえお"))


def vowel_of(kana: str) -> str:
    """Return the vowel a kana (hiragana or katakana) ends in: a, i, u, e or o; "" for ん and the like."""
    spelled = jaconv.kana2alphabet(jaconv.kata2hira(kana))
    return spelled[-1] if spelled[-1:] in ("a", "i", "u", "e", "o") else ""


def _unsmall(found: re.Match[str]) -> str:
    before, small = found.group(1), found.group()
    if before in JOINS_SMALL_VOWEL:
        return small
    return "" if vowel_of(before) == vowel_of(small) else SMALL_TO_FULL[small]


# The long mark typed as a look-alike inside a katakana word (トリア一ジ with the kanji 一, ドロ-ン with a hyphen or a
# dash): the converter's or the keyboard's neighbour of ー.
LONG_MARK_LOOKALIKE = re.compile(r"(?<=[\u30a1-\u30fa])[一\-‐‑–—―](?=[\u30a1-\u30fa])")


# An acronym typed letter by letter with spaces between ("Ｏ J T担当", "a i の"), beside Japanese: one word (ojt).
SPACED_LETTERS = re.compile(r"(?<![a-z])[a-z](?: [a-z]){1,4}(?![a-z])")
JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")


# English chat shorthand (ppl, rn, u, pls): the words spelled out, so the phrases they make are known ("how many
# people live"). Not hr (human resources), nor one-letter words other than u (r, y are romaji syllables).
SHORTHAND = {"ppl": "people", "ppls": "people", "rn": "right now", "u": "you", "ur": "your", "pls": "please",
             "plz": "please", "thx": "thanks", "abt": "about", "govt": "government", "gov't": "government",
             "bc": "because", "cuz": "because", "coz": "because", "yr": "year", "yrs": "years", "hrs": "hours",
             "mins": "minutes", "dept": "department", "b4": "before", "tmrw": "tomorrow", "tmr": "tomorrow",
             "w/": "with", "w/o": "without"}
SHORTHAND_WORD = re.compile(r"(?<![\w'/])("
                            + "|".join(re.escape(word) for word in sorted(SHORTHAND, key=len, reverse=True))
                            + r")(?![\w'/])")
LATIN = re.compile(r"[a-z]")


# Simplified Chinese forms typed by a Chinese keyboard (预算 for 予算, 职员 for 職員): the Japanese kanji meant. None of
# them is a Japanese kanji itself, so no Japanese word changes.
SIMPLIFIED = str.maketrans(dict(zip("预职员馆费岁试验积语业习时间东长门问题说读认识议设计务动劳龄资经济发开关现环规术电车铁报纸网图书饭价钱应录宾园厅儿师护疗养专请联络亲选举级",
                                    "予職員館費歳試験積語業習時間東長門問題説読認識議設計務動労齢資経済発開関現環規術電車鉄報紙網図書飯価銭応録賓園庁児師護療養専請連絡親選挙級")))


def as_typed_meant(text: str) -> str:
    """Return (lower-cased) text with its long vowels doubled (jūtaku -> juutaku), small vowels typed for effect
    made full or dropped (くらぃ -> くらい, ですかぁ -> ですか), chat shorthand spelled out (ppl -> people) and acronyms
    spelled out in Japanese joined (o j t)."""
    text = SMALL_VOWEL.sub(_unsmall, text.translate(LONG_VOWELS).translate(SIMPLIFIED))
    text = LONG_MARK_LOOKALIKE.sub("ー", text)
    if LATIN.search(text):
        text = SHORTHAND_WORD.sub(lambda word: SHORTHAND[word.group()], text)
    if " " in text and JAPANESE.search(text):
        text = SPACED_LETTERS.sub(lambda letters: letters.group().replace(" ", ""), text)
    return text


HIRAGANA = re.compile(r"[\u3041-\u309f]")


def is_kana_heavy(text: str) -> bool:
    """Tell whether a text is mostly hiragana, typed without converting (segmented badly by the analyzer)."""
    return len(HIRAGANA.findall(text)) * 2 > len(text)
