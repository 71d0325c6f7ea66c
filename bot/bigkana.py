"""Small kana typed large: "しよくいん" for しょくいん, "パネルディスカツシヨン" for パネルディスカッション.

Old phones, some input methods and hurried thumbs give ゃゅょっ as their full-size letters. The analyzer then reads
しよくいん as し+よく+いん and knows no word in it. A large や, ゆ or よ after a kana of the い row, or a large つ before
a consonant, may stand for the small one; whether it does is told by the words: the message is read both ways and
the reading that knows more of its words wins (じゆう is 自由, not じゅう, in "じゆうに選べる").
"""

from __future__ import annotations

import re

from bot.terms import Term

LARGE_YOON = re.compile(r"(?<=[きしちにひみりぎじぢびぴキシチニヒミリギジヂビピ])[やゆよヤユヨ]")
LARGE_SOKUON = re.compile(r"[つツ](?=[かきくけこさしすせそたちてとぱぴぷぺぽカキクケコサシスセソタチテトパピプペポ])")
SMALL = str.maketrans("やゆよヤユヨつツ", "ゃゅょャュョっッ")


def small_kana_restored(text: str) -> str | None:
    """Return the text with every large kana that may stand for a small one made small, or None if there is none."""
    restored = LARGE_SOKUON.sub(lambda m: m.group(0).translate(SMALL),
                                LARGE_YOON.sub(lambda m: m.group(0).translate(SMALL), text))
    return None if restored == text else restored


def reads_better(restored: list[Term], typed: list[Term]) -> bool:
    """Tell whether the restored reading knows more of the message's words than the one as typed."""
    return _unknown(restored) < _unknown(typed) and _known(restored) > _known(typed)


def _unknown(terms: list[Term]) -> int:
    return sum(term.via == "unknown" for term in terms)


def _known(terms: list[Term]) -> int:
    return sum(term.via not in ("unknown", "weak") for term in terms)
