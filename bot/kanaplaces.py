"""Countries typed in hiragana ("ねぱーるの たいしかん"): the analyzer splits them into nonsense, so they are read again.

A question about one country's embassy or residents asks a detail the briefing does not give (it gives counts, not
countries). Written in katakana or kanji the analyzer knows the country and the question counts as naming a place
the knowledge does not speak of; typed in hiragana it falls apart (ね|ぱ|ー|る) and the rest of the question
(たいしかん) finds the embassies' count. Each hiragana run is read again in katakana, up to a particle: a country
the dictionary knows there is a place like any other. Only countries: a city or ward in kana (しながわ) may be a
place the knowledge names, and the readings of the whole question find those.

Typed in romaji ("Firipin taishikan", "Nepaaru ryouri") a country is one word of its own: `romaji_country` reads it in
katakana, its doubled vowels as the long-vowel mark (ネパアル -> ネパール), or one long vowel its English spelling
leaves out (nepal, peru), so the romaji reading can keep it a country.
"""

from __future__ import annotations

import re

from bot.analyzer import Morpheme, holds_as, morphemes
from bot.normalize import Token, to_katakana
from bot.romaji import romaji_to_katakana

HIRAGANA_RUN = re.compile(r"[\u3041-\u309fー]{3,}")
PARTICLES = frozenset("ノハガニデヲトモヘ")
MAX_TRIES = 2
COUNTRY_POS = (None, None, "地名", "国")
MIN_COUNTRY = 3  # katakana: タイ alone is also a fish and a tie
MIN_KANA_COUNTRY = 4
MAX_COUNTRY = 12  # katakana: the longest country names (アラブシュチョウコクレンポウ is a compound, not one name)
# Romaji has no long-vowel mark: a vowel after a kana of its own row is one (メエトル -> メートル, ネパアル -> ネパール).
VOWEL_ROWS = {"ア": "アカサタナハマヤラワガザダバパャァ", "イ": "イキシチニヒミリギジヂビピィ", "ウ": "ウクスツヌフムユルグズヅブプュゥ",
              "エ": "エケセテネヘメレゲゼデベペェ", "オ": "オコソトノホモヨロゴゾドボポョォ"}
LONG_VOWEL = re.compile("|".join(f"(?<=[{row}]){vowel}" for vowel, row in VOWEL_ROWS.items()))


def long_vowels(katakana: str) -> str:
    """Return katakana typed without long-vowel marks with them (メエトル -> メートル)."""
    return LONG_VOWEL.sub("ー", katakana)


def romaji_country(word: str) -> str | None:
    """Return the country a romaji word names, in katakana ("firipin" -> フィリピン), or None."""
    katakana = romaji_to_katakana(word)
    if katakana is None or len(katakana) < MIN_COUNTRY:
        return None
    # Spelled the English way ("nepal", "peru") a long vowel has no letter at all: one is tried after each kana.
    stretched = [katakana[:i] + "ー" + katakana[i:] for i in range(1, len(katakana) + 1) if katakana[i - 1] != "ー"]
    return next((candidate for candidate in dict.fromkeys([katakana, long_vowels(katakana), *stretched])
                 if _country(candidate)), None)


def _country(katakana: str) -> Morpheme | None:
    """Return the analyzer's word for a katakana text that is one country's name (フィリピン), else None."""
    # Most texts tried (シマス, ジーンコウ) are no country: the dictionary's look-up tells so for a third of an analysis.
    # A text the analyzer reads as one word is that word of the dictionary: no unknown word is given the country's
    # part of speech, so one the look-up lacks is no country.
    if not holds_as(katakana, COUNTRY_POS):
        return None
    parts = morphemes(katakana)
    return parts[0] if len(parts) == 1 and parts[0].pos[2:4] == ("地名", "国") else None


def starting_country(katakana: str) -> str:
    """Return the country's name a run of katakana starts with ("フィリピンタイシカン" -> フィリピン), or ""."""
    longest = min(len(katakana), MAX_COUNTRY)  # one analysis per length tried: the longest names bound them
    return next((katakana[:end] for end in range(longest, MIN_COUNTRY - 1, -1) if _country(katakana[:end])), "")


def country_in_kanji(token: Token) -> bool:
    """Tell whether a word is one country's name (韓国), or its people's (韓国人), written in kanji."""
    name = token.surface[:-1] if token.surface.endswith("人") else token.surface
    return token.is_place and not token.is_kana and bool(name) and _country(name) is not None


def country_in_kana(token: Token) -> bool:
    """Tell whether a kana word the analyzer reads as a country (かんこく: 韓国) is one: long enough not to be another
    word typed without its kanji (ちり may be 地理)."""
    return (token.is_place and token.is_kana and len(token.surface) >= MIN_KANA_COUNTRY
            and _country(token.lemma) is not None)


def kana_countries(text: str) -> list[Token]:
    """Return the countries a text names in hiragana, as place tokens."""
    found: list[Token] = []
    for run in HIRAGANA_RUN.findall(text):
        katakana = to_katakana(run)
        ends = [end for end in range(MIN_COUNTRY, len(katakana) + 1)
                if end == len(katakana) or katakana[end] in PARTICLES]
        for end in ends[:MAX_TRIES]:  # the country starts the run: ぽると|がるの is tried, not the run's every ending
            # ... its people too: ねぱーるじん is ネパール + 人
            country = _country(katakana[:end]) or (_country(katakana[:end - 2]) if katakana[:end].endswith("ジン") else None)
            if country is not None:
                found.append(Token(country.surface, country.normalized, country.reading, "名詞", is_place=True))
                break
    return found
