"""A loan word typed without its small ッ or its long ー: "メリト" for メリット, "サポト" for サポート.

On a phone's flick keyboard the small ッ and the long-vowel mark are extra strokes, and a hurried thumb leaves them
out. The analyzer then knows no such word. A katakana word the knowledge does not know, which becomes one it knows
when one ッ or ー is put back, is that word, if only one word fits.
"""

from __future__ import annotations

import re
from collections.abc import Callable

KATAKANA_WORD = re.compile(r"[\u30a1-\u30fa]{3,}")  # no ー or ッ typed at all, three kana or more
MARKS = "ッー"


def meant_word(surface: str, concept_of: Callable[[str], str | None]) -> str | None:
    """Return the concept of the one known word the katakana surface is with a ッ or ー put back, or None."""
    if not KATAKANA_WORD.fullmatch(surface):
        return None
    found = {concept for i in range(1, len(surface)) for mark in MARKS
             if (concept := concept_of(surface[:i] + mark + surface[i:])) is not None}
    return found.pop() if len(found) == 1 else None
