"""Compounds typed with a wrong kanji of the right reading: 住託 for 住宅, 大師館 for 大使館, 通金 for 通勤.

A phone's converter offers every kanji of a reading, and a candidate picks the wrong one. The result is often a
compound the analyzer does not know, split into pieces read the wrong way (大師 + 館 is ダイシカン), so the readings
of the whole text never meet the word meant. Here each kanji compound the knowledge uses is indexed with one
position left open (大?館); a question's kanji run that fits one of these with another kanji in the open position
is that word when the kanji put there reads as the one it replaces (師 シ for 使 シ, its readings from the
dictionary, long vowels aside: 遊 ユウ for 輸 ユ), or has no reading the dictionary knows at all (託).

Only runs holding a word the knowledge does not know are tried, and never a known place name: 目黒 stays 目黒.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable

from bot.analyzer import morphemes
from bot.nearreading import NearReadings
from bot.normalize import Token, word_boundaries
from bot.variants import kanji_readings
from bot.terms import Term, scanned_token

KANJI_RUN = re.compile(r"[\u3400-\u9fff々]{2,}")
KANJI_PART = re.compile(r"[\u3400-\u9fff々]+")
MIN_WORD, MAX_WORD = 2, 4  # kanji in a compound that may be mistyped (a longer one is usually split by the analyzer)
OPEN = "\0"
GEMINATING = frozenset("チツクキ")
ASKING_KANJI = frozenset("何幾")
LONG_VOWEL = re.compile(r"(?<=[オコソトノホモヨロゴゾドボポョウクスツヌフムユルグズヅブプュ])ウ|(?<=[エケセテネヘメレゲゼデベペ])イ|ー")


@dataclass(frozen=True)
class Swap:
    """A stretch of a question read as a known word typed with one wrong kanji."""

    typed: str  # 大師館
    word: str  # 大使館
    reading: str  # タイシカン
    concept: str


class KanjiSwaps:
    """The knowledge's kanji compounds, each with one position open, and the look-up of a question's runs."""

    def __init__(self) -> None:
        self._words: dict[str, tuple[str, str]] = {}  # 大使館 -> (タイシカン, concept)
        self._open: dict[str, set[str]] = defaultdict(set)  # 大?館 -> {大使館}
        self._near: NearReadings | None = None
        self._two_kanji: defaultdict[str, set[str]] | None = None  # two-kanji words by reading, made when first asked

    def near(self) -> NearReadings:
        """Return the look-up of compounds one sound off the known ones (魅了 for 魅力), made once learning is done."""
        if self._near is None:
            self._near = NearReadings(self._words)
        return self._near

    def learn(self, word: str, reading: str, concept: str) -> None:
        """Index a compound the knowledge uses, with its reading."""
        if not MIN_WORD <= len(word) <= MAX_WORD or not KANJI_RUN.fullmatch(word) or word in self._words:
            return
        self._words[word] = (reading, concept)
        self._near = self._two_kanji = None
        for position in range(len(word)):
            self._open[word[:position] + OPEN + word[position + 1:]].add(word)

    def find(self, text: str, unknown: frozenset[str], known: frozenset[str], protected: frozenset[str]) -> list[Swap]:
        """Return the stretches of text's kanji runs that are known words with one kanji swapped.

        A run is tried only where it holds an unknown word's surface, and never across a protected one (a place);
        a stretch never cuts a known word (退職|手続き holds no 職手).
        """
        found: list[Swap] = []
        bounds = word_boundaries(text)
        for match in KANJI_RUN.finditer(text):
            run = match.group()
            # The kanji that start words of their own (食|因 of 食因住宅, 余|参っ): only those may spell a homophone.
            alone = frozenset(i - match.start() for i in bounds if match.start() <= i <= match.end())
            if not any(word in run for word in unknown) or any(place in run for place in protected):
                continue
            found.extend(self._in_run(run, known, alone))
        return found

    def _in_run(self, run: str, known: frozenset[str], alone: frozenset[int] = frozenset()) -> list[Swap]:
        found: list[Swap] = []
        kanji = {part for word in known for part in KANJI_PART.findall(word)}  # 手続 of 手続き
        kept = [(m.start(), m.end()) for word in kanji for m in re.finditer(re.escape(word), run)]
        for size in range(min(MAX_WORD, len(run)), MIN_WORD - 1, -1):
            for start in range(len(run) - size + 1):
                end = start + size
                typed = run[start:end]
                # A stretch inside one word of the text, not at its start (被率 of 緑被率), is a piece of that word, no
                # typo; one crossing a word's end may be (地句 of 芝地|句: the typo glued 地 to 芝).
                if (typed in self._words or any(typed in swap.typed or swap.typed in typed for swap in found)
                        or (alone and start not in alone and not any(start < b < end for b in alone))
                        or any(a < end and start < b and not (start <= a and b <= end) for a, b in kept)):
                    continue
                swap = self._swap(typed, known, {start, start + 1} <= alone)  # each kanji starts a word
                if swap is not None:
                    found.append(swap)
        return found

    def _swap(self, typed: str, known: frozenset[str] = frozenset(), lone: bool = False) -> Swap | None:
        words = {word for position in range(len(typed))
                 for word in self._open.get(typed[:position] + OPEN + typed[position + 1:], ())
                 if _reads_alike(typed, word, position, self._words[word][0])}
        if not words and lone and len(typed) == MIN_WORD and not is_dictionary_word(typed) and not known.intersection(typed):
            # 食因 for 職員: both kanji swapped, the word read as typed. Never with a kanji that is a word of its own
            # here (件 of 何件, a question word's: 何件 is no 下限).
            words = self._homophones(typed)
        concepts = {self._words[word][1] for word in words}
        if len(concepts) != 1:
            return None  # none, or two words it could stand for: no guess
        word = min(words)
        reading, concept = self._words[word]
        return Swap(typed, word, reading, concept)


    def _homophones(self, typed: str) -> set[str]:
        if self._two_kanji is None:
            self._two_kanji = defaultdict(set)
            for word, (reading, _) in self._words.items():
                if len(word) == MIN_WORD:
                    self._two_kanji[_short(reading)].add(word)
        first, second = _with_geminates(kanji_readings(typed[0])), kanji_readings(typed[1])
        return {word for a in first for b in second for word in self._two_kanji.get(_short(a + b), ())
                if word[0] != typed[0] and word[1] != typed[1]}


def read_swaps(found: list[Swap], terms: list[Term], by_lemma: dict[str, str]) -> list[Term]:
    """Return a question's terms with its swapped compounds (find_swaps) read as the words meant (the misread pieces
    dropped)."""
    if not found:
        return terms
    kept: list[Term] = []
    for term in terms:
        if term.via == "scan" and any(term.token.surface in s.reading for s in found):
            continue  # キュウ (旧) read inside 初人給: a piece of the swapped word's reading
        # A lone kanji the vocabulary knows (初 of 初人給, typed for 初任給) is a piece of the swapped stretch too.
        piece = term.concept is None or _lone_kanji_read(term) or _lone_kanji_of(term, found)
        rest = _outside(term.token.surface, found) if piece else term.token.surface
        if rest == term.token.surface:
            kept.append(term)
        elif rest in by_lemma:  # 芝地 + 句 read as 芝 + 地区: what is left of the misread word is 芝
            kept.append(Term(Token(rest, rest, "", "名詞"), by_lemma[rest], "swap"))
    present = {t.concept for t in kept}
    return kept + [Term(scanned_token(s.reading, s.concept), s.concept, "swap") for s in found if s.concept not in present]


def text_as_meant(text: str, found: list[Swap]) -> str | None:
    """Return a text with its compounds of one swapped kanji (find_swaps) put right (None when it has none).

    職場外研集 for 職場外研修: the analyzer split the run around the typo (職|場外|研|集), so reading the swapped
    stretch alone leaves 場外 behind; the text as meant is read again. Only one kanji swapped: a compound with both
    swapped (大仕 for 体制?) is a guess, kept beside the reading of the whole run (大仕官 read タイシカン).
    """
    meant = text
    for swap in found:
        if sum(typed != right for typed, right in zip(swap.typed, swap.word)) == 1:
            meant = meant.replace(swap.typed, swap.word)
    return meant if meant != text else None


def find_swaps(swaps: KanjiSwaps, text: str, terms: list[Term], is_place: Callable[[Token], bool]) -> list[Swap]:
    """Return the swapped compounds of a question's kanji runs: tried only where a run holds something no known word
    explains."""
    known = sorted((t.token.surface for t in terms if t.concept is not None and not t.token.is_kana
                    and not _lone_kanji_read(t)), key=len, reverse=True)
    leftover = text
    for surface in known:
        leftover = leftover.replace(surface, " ")
    unknown = frozenset(KANJI_PART.findall(leftover))
    if not unknown:
        return []
    places = frozenset(t.token.surface for t in terms if is_place(t.token))
    return swaps.find(text, unknown, frozenset(known), places)


def _lone_kanji_of(term: Term, found: list[Swap]) -> bool:
    surface = term.token.surface
    return len(surface) == 1 and KANJI_PART.fullmatch(surface) is not None and any(surface in s.typed for s in found)


def _lone_kanji_read(term: Term) -> bool:
    # One kanji the analyzer split off and the vocabulary read by its sound (食 as 職, 因 as もと), or took for a
    # pronoun (予 as 余): a piece of a mistyped compound as likely as a word. Never 何 or 幾, which ask (何時 is no
    # 家事, カジ).
    surface = term.token.surface
    read = term.via == "reading" or term.via == "weak" and term.token.pos == "代名詞"
    return read and len(surface) == 1 and surface not in ASKING_KANJI and KANJI_PART.fullmatch(surface) is not None


def _outside(surface: str, swaps: list[Swap]) -> str:
    # What of a word lies outside the swapped stretches it overlaps (芝地 of 芝地句, where 地句 is 地区: 芝).
    for swap in swaps:
        for size in range(min(len(surface), len(swap.typed)), 0, -1):
            if surface.endswith(swap.typed[:size]):
                surface = surface[:-size]
                break
            if surface.startswith(swap.typed[-size:]):
                surface = surface[size:]
                break
    return surface


def is_dictionary_word(text: str) -> bool:
    """Tell whether the analyzer reads a text as one word of its dictionary (扶養, 中間), not pieces or a guess."""
    parts = morphemes(text)
    return len(parts) == 1 and parts[0].reading != parts[0].surface


def _reads_alike(typed: str, word: str, position: int, reading: str) -> bool:
    typed_readings = kanji_readings(typed[position])
    if not typed_readings:
        # A kanji the dictionary cannot read alone: no evidence either way, unless the stretch is a word it knows (扶養).
        return not is_dictionary_word(typed)
    meant = _position_reading(word, position, reading)
    typed_short = {_short(r) for r in typed_readings}
    if meant is None and len(word) == 2:
        # The other kanji's reading in this word is one the dictionary never gives it alone (概 of 概要 is ガイ, alone
        # オオムネ): the typed kanji reads alike when it reads the word's reading at its end, or its start.
        whole = _short(reading)
        return any(len(r) < len(whole) and (whole.endswith(r) if position else whole.startswith(r)) for r in typed_short)
    return meant is not None and _short(meant) in typed_short


@lru_cache(maxsize=4096)
def _position_reading(word: str, position: int, reading: str) -> str | None:
    # The reading of one kanji of a known word: what is left of the word's reading once the others' are taken off
    # (宅 of 住宅 ジュウタク, 住 read ジュウ: タク). None when the others' readings do not line up.
    head = _strip(word[:position], reading, front=True)
    if head is None:
        return None
    rest = _strip(word[position + 1:], head, front=False)
    return rest or None


def _strip(kanji: str, reading: str, front: bool) -> str | None:
    for char in (kanji if front else reversed(kanji)):
        options = sorted(_with_geminates(kanji_readings(char)) if front else kanji_readings(char), key=len, reverse=True)
        fits = next((r for r in options if (reading.startswith(r) if front else reading.endswith(r)) and len(r) < len(reading)), None)
        if fits is None:
            return None
        reading = reading[len(fits):] if front else reading[:-len(fits)]
    return reading


def _with_geminates(readings: tuple[str, ...]) -> set[str]:
    # Before another sound a final チ, ツ, ク or キ is often said ッ: 日 ニチ in 日程 ニッテイ, 学 ガク in 学校 ガッコウ.
    return {*readings, *(r[:-1] + "ッ" for r in readings if len(r) > 1 and r[-1] in GEMINATING)}


def _short(reading: str) -> str:
    return LONG_VOWEL.sub("", reading)
