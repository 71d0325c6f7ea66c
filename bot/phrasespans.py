"""Where a question's words stand, and the noun phrases right before or after a position of its text.

The rules that read what a figure or a count belongs to (bot.partof: 芝地区の人口, 有栖川宮記念公園の面積, 子育て支援の
予算) find the words asked with in the cleaned text, in the analyzer's order, and read the phrase a particle
attaches to: the words that follow each other there with nothing but spaces between.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.normalize import clean, to_katakana
from bot.terms import Term

GAP = re.compile(r"[\s・]*")  # between the words of one noun phrase (麻布 地区)
SUFFIX = re.compile(r"[\u3400-\u9fff]")  # a one-kanji suffix the vocabulary drops (所 of 避難所)

Span = tuple[int, int, Term]


def asked_words(terms: list[Term], scanned: bool = False) -> list[Term]:
    return [t for t in terms if is_asked(t, scanned)]


def is_asked(term: Term, scanned: bool = False) -> bool:
    # A word the question asks with, as written: not the context's, not weak, not a reading found inside a word
    # unless `scanned` (a district typed in kana is found so).
    return term.weight == 1.0 and term.concept is not None and term.via != "weak" and (scanned or term.via != "scan")


def in_written_order(folded: str, words: list[Term]) -> list[Term]:
    """Return the words in the order they stand in a text folded to katakana; one not found as written or by its
    reading (a phrase's reading, アザブチク of あざぶちいき) stays right after the word before it."""
    keys, last = [], -1
    for number, term in enumerate(words):
        token = term.token  # found as written, or by its reading (あざぶ, which the analyzer gives as 麻布)
        found = [at for key in (to_katakana(clean(token.surface)), token.reading) if key and (at := folded.find(key)) >= 0]
        last = min(found, default=last)
        keys.append((last, number))
    return [words[number] for _, number in sorted(keys)]


def spans_of(cleaned: str, words: list[Term], fold: Callable[[str], str] = str) -> list[Span]:
    # Where each word stands, in order (the analyzer's words follow the text).
    spans, cursor = [], 0
    for term in words:
        surface = fold(clean(term.token.surface))
        at = cleaned.find(surface, cursor)
        if at >= 0:
            spans.append((at, at + len(surface), term))
            cursor = at + len(surface)
    return spans


def ending_at(spans: list[Span], cleaned: str, end: int) -> list[Term]:
    # The noun phrase right before a position: words that follow each other with nothing but spaces between.
    phrase: list[Term] = []
    for start, stop, term in reversed(spans):
        if stop > end:
            continue
        if not (GAP.fullmatch(cleaned[stop:end]) or not phrase and SUFFIX.fullmatch(cleaned[stop:end])):
            break
        phrase.insert(0, term)
        end = start
    return phrase


def starting_at(spans: list[Span], cleaned: str, start: int) -> list[Term]:
    # The noun phrase right after a position.
    phrase: list[Term] = []
    for at, stop, term in spans:
        if at < start:
            continue
        if not GAP.fullmatch(cleaned[start:at]):
            break
        phrase.append(term)
        start = stop
    return phrase
