"""Typo compounds one sound off a known word: 魅了 (ミリョウ) for 魅力 (ミリョク), 時自体 (ジジタイ) for 自治体.

A candidate typing on a phone mishears or mistypes one sound (miryou for miryoku, jijitai for jichitai), and the
converter offers a real compound of that reading. It is no word the knowledge uses, and it reads one kana away
from one that it does, keeping its first sound (区長 クチョウ is no 課長 カチョウ: a word's onset is what a
speaker gets right) and at least one of its kanji in place: that word is meant. Only kanji stretches that
hold a word the knowledge does not know are tried, only known words of four kana or more, and only when a single
known word fits.
"""

from __future__ import annotations

import itertools
import re
from collections import defaultdict

from bot.normalize import reading_of, to_katakana
from bot.readingscan import ReadingTable, one_edit_apart
from bot.variants import MAX_KANJI_READINGS, kanji_readings
from bot.terms import Term, scanned_token

KANJI_RUN = re.compile(r"[\u3400-\u9fff々]{2,}")
KANA_ONLY = re.compile(r"[\u30a0-\u30ffー]+")
MIN_READING = 4
# A word typed in kana with one kana dropped, added or changed (じこけはつ for じこけいはつ): only a word standing
# alone between spaces or marks, of five kana or more, that the analyzer could not read whole.
KANA_WORD = re.compile(r"[\u3041-\u3096\u30a1-\u30faー]+")
SPACED_WORD = re.compile(r"[^\s、。？?！!,]+")
TRAILING_PARTICLE = re.compile(r"(?:って|から|まで|は|が|を|に|で|も|の|と|へ)$")
MIN_KANA_WORD = 5
MIN_STRETCH, MAX_STRETCH = 2, 4


class NearReadings:
    """The knowledge's kanji compounds by reading length, and the look-up of a question's stretches."""

    def __init__(self, words: dict[str, tuple[str, str]]) -> None:
        # (length, first sound) -> (reading, word, concept): only a reading of the same length and onset can be one
        # sound off, so a look-up reads those alone.
        self._by_onset: dict[tuple[int, str], list[tuple[str, str, str]]] = defaultdict(list)
        self._readings = frozenset(reading for reading, _ in words.values())
        for word, (reading, concept) in words.items():
            if len(reading) >= MIN_READING:
                self._by_onset[len(reading), reading[0]].append((reading, word, concept))

    def find(self, stretch: str) -> tuple[str, str] | None:
        """Return the (reading, concept) of the one known compound a stretch of kanji is one sound off, if any."""
        fits = set()
        for reading in _readings(stretch):
            if reading in self._readings:
                return None  # a known word's own reading: the homophone look-ups' business
            fits |= {(known, concept) for known, word, concept in self._by_onset.get((len(reading), reading[:1]), ())
                     if len(word) == len(stretch) and one_edit_apart(known, reading)
                     and any(a == b for a, b in zip(word, stretch))}
        return fits.pop() if len({concept for _, concept in fits}) == 1 else None


def read_near(near: NearReadings, text: str, terms: list[Term]) -> list[Term]:
    """Return the terms with a stretch holding an unknown word read as the known compound it is one sound off."""
    # A place's name is no mistyped word (関西 is not 関係 one sound off).
    unknown = [t.token.surface for t in terms
               if t.concept is None and not t.token.is_kana and not t.token.is_latin and not t.token.is_place]
    if not unknown:
        return terms
    for run in KANJI_RUN.findall(text):
        for stretch in _stretches(run, unknown):
            found = near.find(stretch)
            if found is not None:
                reading, concept = found
                kept = [t for t in terms if t.token.surface not in stretch]  # 時 and 自体 of 時自体
                present = {t.concept for t in kept}
                return kept + ([Term(scanned_token(reading, concept), concept, "near")] if concept not in present else [])
    return terms


def _stretches(run: str, unknown: list[str]) -> list[str]:
    # Longest first: the stretches of a run that hold an unknown word whole.
    found = []
    for size in range(min(MAX_STRETCH, len(run)), MIN_STRETCH - 1, -1):
        for start in range(len(run) - size + 1):
            stretch = run[start:start + size]
            if any(word in stretch for word in unknown):
                found.append(stretch)
    return found


def _readings(stretch: str) -> list[str]:
    # The analyzer's reading, and, for a stretch it cannot read (魅良), its kanji's own readings put together.
    whole = reading_of(stretch)
    if KANA_ONLY.fullmatch(whole):
        return [whole]
    options = [kanji_readings(char)[:MAX_KANJI_READINGS] or ("",) for char in stretch]
    return ["".join(combo) for combo in itertools.product(*options)]


def read_near_kana(table: ReadingTable[tuple[str, ...]], text: str, terms: list[Term]) -> list[Term]:
    """Return the terms with a kana word the analyzer split into unknown pieces read as the known word it is one
    kana off (じこけはつ: 自己啓発), when a single known word fits."""
    unknown = [t.token.surface for t in terms if t.concept is None and t.token.is_kana]
    if not unknown:
        return terms
    whole = {to_katakana(t.token.surface) for t in terms}
    for match in SPACED_WORD.finditer(text):
        word = to_katakana(TRAILING_PARTICLE.sub("", match.group()))
        if len(word) < MIN_KANA_WORD or not KANA_WORD.fullmatch(word) or word in table \
                or not any(to_katakana(u) in word for u in unknown) or word in whole:
            continue  # (a word read whole, known or not, is no split one: ちゅうごく is China)
        fits = {concepts: reading for reading, concepts in table.one_off(word, MIN_KANA_WORD)}
        if len(fits) == 1:
            (concepts, reading), = fits.items()
            kana = match.group()
            kept = [t for t in terms if not (t.token.is_kana and t.token.surface in kana)]  # こけ of じこけはつ
            present = {t.concept for t in kept}
            return kept + [Term(scanned_token(reading, concept), concept, "near") for concept in concepts
                           if concept not in present]
    return terms
