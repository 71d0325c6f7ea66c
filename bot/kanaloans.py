"""Loan words typed in hiragana with the long-vowel mark: "ちかくの すーぱーは" names スーパー.

Typed so, a loan word falls apart in the analysis (す, ぱ, ー), and the question seems to name nothing but its other
words: a question about a supermarket was answered with the branch offices. ー after hiragana marks a loan word;
read in katakana, the longest start of the run that the dictionary holds as a common noun is that word (a filler,
あのー, or a stretched adjective, すごーい, is none).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.analyzer import holds_as, morphemes
from bot.kanaplaces import kana_countries
from bot.normalize import Token, analyze, to_katakana
from bot.terms import Term

LONG_RUN = re.compile(r"[\u3041-\u3096]+ー[\u3041-\u3096ー]*")
COMMON_NOUN = ("名詞", "普通名詞")
MIN_LOAN = 3


def fallen_apart(text: str, is_foreign_place: Callable[[Token], bool], resolve: Callable[[Token], Term]) -> list[Term]:
    """Return the words of a hiragana text the analysis took apart: a country (ねぱーる), a place the knowledge lacks,
    and a loan word with its long vowel (すーぱー), as the vocabulary reads it."""
    return ([Term(token, None, "unknown") for token in kana_countries(text) if is_foreign_place(token)]
            + [resolve(token) for token in kana_loans(text)])


def kana_loans(text: str) -> list[Token]:
    """Return the loan words a text types in hiragana with ー (すーぱー: スーパー), as tokens."""
    found: list[Token] = []
    for run in LONG_RUN.findall(text):
        katakana = to_katakana(run)
        last_mark = katakana.rindex("ー") + 1
        for end in range(len(katakana), max(last_mark, MIN_LOAN) - 1, -1):
            word = katakana[:end]
            if holds_as(word, COMMON_NOUN):
                found += analyze(word) if len(morphemes(word)) == 1 else ()
                break
    return found
