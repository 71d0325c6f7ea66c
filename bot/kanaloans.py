"""Loan words typed in hiragana with the long-vowel mark: "ちかくの すーぱーは" names スーパー.

Typed so, a loan word falls apart in the analysis (す, ぱ, ー), and the question seems to name nothing but its other
words: a question about a supermarket was answered with the branch offices. ー after hiragana marks a loan word;
read in katakana, the longest start of the run that the dictionary holds as a common noun is that word (a filler,
あのー, or a stretched adjective, すごーい, is none).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.analyzer import holds_as
from bot.kanaplaces import kana_countries
from bot.normalize import Token, analyze, to_katakana
from bot.terms import Term

LONG_RUN = re.compile(r"[\u3041-\u3096]+ー[\u3041-\u3096ー]*")
# Sounds only loan words have (でぃ of ぱねるでぃすかっしょん, ふぁ of ふぁいる): a loan word typed in hiragana too.
LOAN_SOUND = re.compile(r"でぃ|てぃ|でゅ|ふぁ|ふぃ|ふぇ|ふぉ|うぃ|うぇ|うぉ|ゔ|しぇ|ちぇ|じぇ|とぅ|どぅ")
LOAN_RUN = re.compile(rf"[\u3041-\u3096]*(?:{LOAN_SOUND.pattern})[\u3041-\u3096ー]*")
COMMON_NOUN = ("名詞", "普通名詞")
MIN_LOAN = 3


def fallen_apart(text: str, is_foreign_place: Callable[[Token], bool], resolve: Callable[[Token], Term]) -> list[Term]:
    """Return the words of a hiragana text the analysis took apart: a country (ねぱーる), a place the knowledge lacks,
    and a loan word with its long vowel (すーぱー), as the vocabulary reads it."""
    return ([Term(token, None, "unknown") for token in kana_countries(text) if is_foreign_place(token)]
            + [resolve(token) for token in kana_loans(text)])


def kana_loans(text: str) -> list[Token]:
    """Return the loan words a text types in hiragana with ー or a loan word's sound (すーぱー: スーパー), as tokens."""
    found: list[Token] = []
    runs = LONG_RUN.findall(text) if "ー" in text else []
    runs += [run for run in LOAN_RUN.findall(text) if "ー" not in run] if LOAN_SOUND.search(text) else []
    for run in runs:
        katakana = to_katakana(run)
        last_mark = katakana.rindex("ー") + 1 if "ー" in katakana else _last_loan_sound(run)
        for end in range(len(katakana), max(last_mark, MIN_LOAN) - 1, -1):
            word = katakana[:end]
            if holds_as(word, COMMON_NOUN):
                found += analyze(word)  # パネルディスカッション: パネル and ディスカッション
                break
    return found


def _last_loan_sound(run: str) -> int:
    # The word reaches at least past its last loan sound (ぱねるでぃ of ぱねるでぃすかっしょん).
    return max(found.end() for found in LOAN_SOUND.finditer(run))
