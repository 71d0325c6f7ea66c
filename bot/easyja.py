"""やさしい日本語 (easy Japanese): telling a question written in it, and the figures an answer holds.

Learners of Japanese, and texts written for them, put spaces between words (分かち書き) and use few kanji:
"しょくいんが すむ いえは ありますか". Ordinary Japanese has no spaces inside a sentence, so two or more gaps
between Japanese chunks with little kanji is a conservative sign; an all-hiragana question without spaces
("がいこくせきのひとはおおい？") is ordinary casual Japanese and stays `ja`.
"""

from __future__ import annotations

import re
import unicodedata

JAPANESE_CHUNK = re.compile(r"^[\u3040-\u30ff\u3400-\u9fff\u30fc々〆？！。、?!ー]+$")
KANJI = re.compile(r"[\u3400-\u9fff々]")
KANA = re.compile(r"[\u3040-\u30ff]")
MIN_GAPS = 2
MAX_KANJI_SHARE = 0.25
# A figure: digits, with thousands separators or a decimal point inside ("2,296", "8.44").
FIGURE = re.compile(r"\d(?:[\d,.]*\d)?")


def looks_easy_japanese(text: str) -> bool:
    """Tell whether a Japanese question is written as simple Japanese: spaced words, few kanji."""
    chunks = unicodedata.normalize("NFKC", text).split()
    if len(chunks) < MIN_GAPS + 1 or not all(JAPANESE_CHUNK.match(chunk) for chunk in chunks):
        return False
    joined = "".join(chunks)
    kanji, kana = len(KANJI.findall(joined)), len(KANA.findall(joined))
    return kana > 0 and kanji / (kanji + kana) <= MAX_KANJI_SHARE


def figures(text: str) -> set[str]:
    """Return the figures in a text as bare digit strings: width, separators and decimal points removed.

    "2,296人" and "2296" are the same figure; "8.44％" is "844"; "令和6年4月1日" holds 6, 4 and 1; circled
    numbers (①) count as their digit; "㎢" reads as "km2" under NFKC, so both ja and easy carry its 2.
    """
    return {re.sub(r"[,.]", "", match) for match in FIGURE.findall(unicodedata.normalize("NFKC", text))}


def large_figures(text: str) -> set[str]:
    """Return the figures of three digits or more: the ones an English answer must carry unchanged.

    English writes era years as Western ones (平成5年度: FY1993) and 30万 as 300,000, so small figures are not
    compared with English; 1,845億円 and 184.5 billion both read 1845.
    """
    return {figure for figure in figures(text) if len(figure.lstrip("0")) >= 3}
