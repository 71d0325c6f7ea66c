"""Romaji words read as kana (shokudou -> ショクドウ), Hepburn style."""

from __future__ import annotations

import re
from functools import lru_cache

import jaconv

from bot.normalize import KANA_ONLY, clean, to_katakana


ROMAJI = re.compile(r"^[a-z][a-z\-']*$")
HEPBURN_NN = re.compile(r"nn(?=[aiueo])")


@lru_cache(maxsize=4096)  # asked once per word and reading run it might explain: cheap the second time
def romaji_to_katakana(word: str) -> str | None:
    """Return the katakana for a romaji word (shokudou -> ショクドウ), or None if it is not romaji."""
    word = clean(word).replace("-", "")
    if not ROMAJI.match(word):
        return None
    # Hepburn writes ん+に as "nni" (nannin = なんにん), where an IME reads "nn" as ん alone (なんいん).
    kana = jaconv.alphabet2kana(HEPBURN_NN.sub("n'n", word)).replace("'", "")
    if not KANA_ONLY.match(kana) or kana.endswith("っ") or "っっ" in kana:
        return None
    return to_katakana(kana)
