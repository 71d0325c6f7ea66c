"""Small kana typed large: "しよくいん" for しょくいん, "パネルディスカツシヨン" for パネルディスカッション.

Old phones, some input methods and hurried thumbs give ゃゅょっ as their full-size letters. The analyzer then reads
しよくいん as し+よく+いん and knows no word in it. A large や, ゆ or よ after a kana of the い row, or a large つ before
a consonant, may stand for the small one; whether it does is told by the words: the message is read both ways and
the reading that knows more of its words wins (じゆう is 自由, not じゅう, in "じゆうに選べる").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Protocol, TypeVar

from bot.terms import Term

LARGE_YOON = re.compile(r"(?<=[きしちにひみりぎじぢびぴキシチニヒミリギジヂビピ])[やゆよヤユヨ]")
# A small っ stands inside a word, after a kana that may precede it: not first ("くみんも つかえますか"), nor after
# ん, ー, を or another っ.
LARGE_SOKUON = re.compile(r"(?<=[\u3041-\u3096\u30a1-\u30fa])(?<![んンっッをヲ])[つツ]"
                          r"(?=[かきくけこさしすせそたちてとぱぴぷぺぽカキクケコサシスセソタチテトパピプペポ])")
NEAR = 2  # characters around an unknown word where a large kana may have split it
SMALL = str.maketrans("やゆよヤユヨつツ", "ゃゅょャュョっッ")


class Terms(Protocol):
    """A reading of a message: its words (bot.focus.Reading)."""

    @property
    def terms(self) -> list[Term]: ...


Read = TypeVar("Read", bound=Terms)


def small_kana_restored(text: str) -> str | None:
    """Return the text with every large kana that may stand for a small one made small, or None if there is none."""
    restored = LARGE_SOKUON.sub(lambda m: m.group(0).translate(SMALL),
                                LARGE_YOON.sub(lambda m: m.group(0).translate(SMALL), text))
    return None if restored == text else restored


def read_either_way(text: str, read: Callable[[str], Read]) -> Read:
    """Return the reading of the text as typed, or of it with its large kana made small when that knows more words.

    Only a reading that leaves a word unknown can be bettered: the second reading is not made for the others.
    """
    typed = read(text)
    restored = small_kana_restored(text) if _near_an_unknown_word(text, typed.terms) else None
    if restored is None:
        return typed
    other = read(restored)
    return other if _unknown(other.terms) < _unknown(typed.terms) and _known(other.terms) > _known(typed.terms) else typed


def _near_an_unknown_word(text: str, terms: list[Term]) -> bool:
    # A large kana far from every word left unknown ("いつから" in a message whose unknown word is elsewhere) cannot
    # better the reading: the second reading, a long message's whole cost again, is made only for one next to it.
    spans = []
    for term in terms:
        if term.via == "unknown":
            start = text.find(term.token.surface)
            if start < 0:
                return True  # not found as typed: read again, as before
            spans.append((start - NEAR, start + len(term.token.surface) + NEAR))
    return any(low <= found.start() < high for pattern in (LARGE_YOON, LARGE_SOKUON)
               for found in pattern.finditer(text) for low, high in spans)


def _unknown(terms: list[Term]) -> int:
    return sum(term.via == "unknown" for term in terms)


def _known(terms: list[Term]) -> int:
    return sum(term.via not in ("unknown", "weak") for term in terms)
