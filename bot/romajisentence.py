"""Japanese typed in romaji as a sentence ("shokudou wa arimasu ka"): told from English by its particles and endings,
read word by word as kana, the writer's spaces kept."""

from __future__ import annotations

import re

from bot.kanaplaces import romaji_country
from bot.normalize import ENGLISH_FUNCTION_WORD, clean
from bot.romaji import romaji_word

# Japanese typed in romaji: particles and endings that English sentences do not have.
ROMAJI_MARKERS = frozenset(
    "wa ga wo ni de no ka mo desu masu arimasu imasu desuka masuka nan nani nandesuka doko itsu dou donna ikura "
    "nannin ikutsu oshiete kudasai shiritai kana ne yo tte kara made dake hoshii naku dekimasu dekiru aru nai "
    "onegaishimasu dore dono kurai gurai dorekurai donokurai docchi dochira naze doushite kakaru kakatteru kakarimasu "
    "deshou desho darou".split())
# Markers that only Japanese has: a particle alone (no, ni, de) is also an English word or a slip.
STRONG_ROMAJI = ROMAJI_MARKERS - frozenset("wa ga wo ni de no ka mo ne yo kara made dake aru nai".split())
ROMAJI_PARTICLES = {"wa": "は", "wo": "を", "e": "へ"}
ROMAJI_PUNCTUATION = {".": "。", "?": "？", "!": "！", ",": "、"}
MIN_ROMAJI_SHARE = 0.7
ASCII_LETTER = re.compile(r"[a-z]")
WARD = re.compile(r"(?!minato-)[a-z]+-ku")  # another ward: the city's own is read as kana as ever
JAPAN = frozenset({"ニホン", "ニッポン"})
NOT_HEPBURN = re.compile(r"[lq]|c(?!c?h)|y(?![aueo])")  # cch is っち typed on a phone (kyacchi), no English


def romaji_sentence(text: str) -> str | None:
    """Return kana for Japanese typed in romaji ("shokudou wa arimasu ka"), or None for English and the rest."""
    cleaned = clean(text)
    if not ASCII_LETTER.search(cleaned):
        return None  # no romaji word at all (most Japanese messages): nothing to split into words
    # "minato ku no menseki": the ward's ku belongs to its name (みなとく), no word of its own.
    # A figure is one word (2031, 20.37), its point no sentence end.
    words = re.findall(r"[a-z]+(?:-[a-z]+)*|\d+(?:[.,]\d+)*|\S", re.sub(r"(?<=[a-z]) ku\b", "ku", cleaned))
    letters = [word for word in words if word[0].isascii() and word[0].isalpha()]
    if len(letters) < 2 or not any(word in ROMAJI_MARKERS for word in letters):
        return None
    if len(ENGLISH_FUNCTION_WORD.findall(cleaned)) >= 2 and not any(word in STRONG_ROMAJI for word in letters):
        return None  # "can i see slide on my phone? no paper?": English, whose "no" is no particle
    # An acronym typed in capitals (AI, OJT, SNS) is an English word between the kana, not the romaji あい.
    acronyms = {word.lower() for word in re.findall(r"(?<![A-Za-z])[A-Z]{2,}(?![A-Za-z])", text)}
    # Another ward named with its hyphen (shinjuku-ku) stays its name as typed, which the vocabulary
    # knows as another place, where its kana (しんじゅくく) would fall apart into pieces.
    kana = {word: None if word in acronyms or _english(word) or WARD.fullmatch(word)
            else ROMAJI_PARTICLES.get(word) or romaji_word(word) for word in letters}
    if sum(kana[word] is not None or word in acronyms for word in letters) < MIN_ROMAJI_SHARE * len(letters):
        return None
    # Unconvertible words (English loans like "OJT") stay as they are between the kana, and the punctuation
    # stays too: "… kimashita. … desu ka" is two sentences, the first one context.
    pieces = [_romaji_piece(word, kana.get(word)) for word in words]
    return re.sub(r"\s*([、。？！])", r"\1", re.sub(r"\s+", " ", "".join(pieces))).strip()


def _english(word: str) -> bool:
    # Letters Hepburn does not write (l, q, a c outside ch, a y before a consonant) make "population" or "daytime"
    # an English word between the kana, unless it is a country spelled the English way (nepal).
    return NOT_HEPBURN.search(word) is not None and romaji_country(word) is None


def _romaji_piece(word: str, kana: str | None) -> str:
    # Each word keeps its space: the writer marked the words, which the analyzer would guess worse in a kana run
    # (おだいばはどのちくにはいっていますか), and bot.spaced reads known phrases across them.
    if kana:
        # A country stays in katakana, a word of its own: "Firipin ryouri" is not one noun ふぃりぴんりょうり. Not
        # Japan: ニホン in katakana is no word of the dictionary's, にほん is 日本 ("kokuseki ga nihon ja nakute mo").
        country = romaji_country(word)
        return f" {kana if country in JAPAN else country or kana} "
    return ROMAJI_PUNCTUATION.get(word, f" {word} ")
