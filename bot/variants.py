"""Other readings of a mistyped kanji compound: 与算 read as ヨサン finds 予算."""

from __future__ import annotations

import itertools
from functools import lru_cache
from importlib.resources import files

from bot.analyzer import KANJI_CHAR, dictionary
from bot.normalize import reading_parts, to_katakana

MAX_KANJI_READINGS = 4
MAX_READING_VARIANTS = 32
MAX_VARIANT_CHARS = 4000  # all variants of a text together: a question of ordinary length gets all 32, a long one fewer


@lru_cache(maxsize=4096)
def kanji_readings(char: str) -> tuple[str, ...]:
    """Return every reading the dictionary has for one kanji (与: アタエ, ヨ), and the one it lacks (績: セキ)."""
    readings = sudachi_kanji_readings(char)
    extra = _extra_readings().get(char)
    return (*readings, extra) if extra and extra not in readings else readings


def sudachi_kanji_readings(char: str) -> tuple[str, ...]:
    """Return the readings SudachiDict has for one kanji as a word of its own."""
    return tuple(dict.fromkeys(to_katakana(m.reading_form()) for m in dictionary().lookup(char)))


@lru_cache(maxsize=1)
def _extra_readings() -> dict[str, str]:
    # A kanji that never stands alone in SudachiDict (託 of 住託, 績 of 面績) has no reading there: the table
    # tools/kanji_readings.py made from pykakasi gives one, loaded on the first typo looked at.
    text = files("bot").joinpath("data/kanji_readings.tsv").read_text(encoding="utf-8")
    return dict(line.split("\t", 1) for line in text.splitlines() if line and not line.startswith("#"))


def reading_variants(text: str, unknown: frozenset[str]) -> list[tuple[str, list[bool], dict[str, tuple[int, str]]]]:
    """Return readings of the whole text in which single kanji at or beside unknown words take their other readings.

    A mistyped compound (与算 for 予算) splits into single kanji read the wrong way (与 as アタエ); trying each
    kanji's other readings (ヨ) finds the word meant. Each variant comes with a mask of the positions that
    came from or beside unknown words, and where each surface's reading starts and what it is.
    """
    parts = reading_parts(text)
    flagged = [surface in unknown for surface, _ in parts]
    near = [any(flagged[max(0, i - 1):i + 2]) for i in range(len(parts))]
    choices = []
    for (surface, reading), close in zip(parts, near):
        others = kanji_readings(surface) if close and KANJI_CHAR.match(surface) else ()
        choices.append(tuple(dict.fromkeys((reading, *others)))[:MAX_KANJI_READINGS])
    variants = []
    length = sum(len(reading) for _, reading in parts)
    budget = max(1, min(MAX_READING_VARIANTS, MAX_VARIANT_CHARS // max(1, length)))
    for combo in itertools.islice(itertools.product(*choices), budget):
        mask = [close for (_, _), reading, close in zip(parts, combo, near) for _ in reading]
        starts = itertools.accumulate((len(reading) for reading in combo), initial=0)
        spans = {surface: (start, reading) for (surface, _), reading, start in zip(parts, combo, starts)}
        variants.append(("".join(combo), mask, spans))
    return variants
