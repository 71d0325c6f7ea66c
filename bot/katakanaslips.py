"""A loan word typed without its small ッ or its long ー ("メリト" for メリット, "サポト" for サポート), with ゛ for ゜
("スリーブ" for スリープ), a ゛ too many or too few ("メリッド"), or the key flicked the wrong way ("メルット").

On a phone's flick keyboard the small ッ and the long-vowel mark are extra strokes, and a hurried thumb leaves them
out; ゛ and ゜ share one key, so one tap too many or too few turns プ into ブ. The analyzer then knows no such word. A
katakana word the knowledge does not know, which becomes one it knows when one ッ or ー is put back, one ゛ is made ゜
(or back), added or taken away, or one kana is another of its key, is that word, if only one word fits.
"""

from __future__ import annotations

import re
from collections.abc import Callable

KATAKANA_WORD = re.compile(r"[\u30a1-\u30fa]{3,}")  # no ー or ッ typed at all, three kana or more
MARKS = "ッー"
KATAKANA_WITH_MARKS = re.compile(r"[\u30a1-\u30fa\u30fc]{3,}")
VOICED_KANA = "ガギグゲゴザジズゼゾダヂヅデドバビブベボ"
PLAIN_KANA = "カキクケコサシスセソタチツテトハヒフヘホ"
# The one other kana a mark's tap makes: ゛ added or taken away ("メリッド" for メリット), and ゛ and ゜ swapped on
# their one key (ブ for プ; a バ is read as パ, not as ハ).
OTHER_DOT = {**dict(zip(VOICED_KANA, PLAIN_KANA)), **dict(zip(PLAIN_KANA, VOICED_KANA)),
             **dict(zip("バビブベボパピプペポ", "パピプペポバビブベボ"))}
# A flick one way too far: the other kana of the same key ("メルット" for メリット)
FLICK_ROWS = ("アイウエオ", "カキクケコ", "サシスセソ", "タチツテト", "ナニヌネノ", "ハヒフヘホ", "マミムメモ", "ラリルレロ")
SAME_KEY = {kana: row.replace(kana, "") for row in FLICK_ROWS for kana in row}
MIN_FLICKED = 4


def meant_word(surface: str, concept_of: Callable[[str], str | None]) -> str | None:
    """Return the concept of the one known word the katakana surface is with a ッ or ー put back, a ゛ and a ゜
    swapped, a ゛ added or taken away, or (four kana or more) one kana flicked to another of its key; or None."""
    if not KATAKANA_WITH_MARKS.fullmatch(surface):
        return None
    found = {concept for i in range(len(surface)) if surface[i] in OTHER_DOT
             if (concept := concept_of(surface[:i] + OTHER_DOT[surface[i]] + surface[i + 1:])) is not None}
    if len(surface) >= MIN_FLICKED:  # (a short word's slip is often another word: デート is no データ)
        found |= {concept for i in range(len(surface)) for other in SAME_KEY.get(surface[i], "")
                  if (concept := concept_of(surface[:i] + other + surface[i + 1:])) is not None}
    if KATAKANA_WORD.fullmatch(surface):
        found |= {concept for i in range(1, len(surface)) for mark in MARKS
                  if (concept := concept_of(surface[:i] + mark + surface[i:])) is not None}
    return found.pop() if len(found) == 1 else None
