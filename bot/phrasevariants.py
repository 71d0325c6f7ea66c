"""The everyday spellings of a multi-word synonym, so a phrase is found however a candidate writes it.

Multi-word synonyms (住める所, 住んでいる場所) are found in a question as text. Candidates write the same phrase
with the place noun in kana (住めるところ, 住めるとこ) or as 場所, drop the い of ている in speech (住んでる所), and
speak of people politely (職員さん向けの住まい):
each such spelling of a phrase in the knowledge is the phrase too.
"""

from __future__ import annotations

import re

from bot.normalize import Token, clean

# The place noun right after a verb or adjective ending in kana (住める所, 住んでいる場所): never 住所, 事務所.
_PLACE_NOUN = re.compile(r"(?<=[\u3041-\u309f])(?:場所|ところ|とこ|所)(?![\u3041-\u309f\u3400-\u9fff])")
_PLACE_SPELLINGS = ("所", "ところ", "とこ")
# 場所 only after a verb (住む場所 is 住む所); after an adjective, 良いところ is a merit and 良い場所 a good spot.
_AFTER_VERB = re.compile(r"[うくぐすつぬぶむる](?:場所|ところ|とこ|所)")
# ている / でいる and their spoken てる / でる, only before the end or a noun (not ていること's parts).
# A person noun opening a phrase, spoken of politely: 職員さん向けの住まい is 職員向けの住まい.
_PERSON_FIRST = re.compile(r"^(?:職員|先輩|先生|担当者)(?=[\u3041-\u309f\u3400-\u9fff])")
_PROGRESSIVE = re.compile(r"(?<=[てで])(?:い)?(?=る(?:$|[^\u3041-\u309f]|ところ|とこ))")


def phrase_spellings(phrase: str) -> tuple[str, ...]:
    """Return the phrase and its other everyday spellings (住んでいる場所 -> 住んでる所, 住んでるところ, ...)."""
    spellings = {phrase}
    for spelling in list(spellings):
        if _PROGRESSIVE.search(spelling):
            spellings.add(_PROGRESSIVE.sub("い", spelling))
            spellings.add(_PROGRESSIVE.sub("", spelling))
    for spelling in list(spellings):
        if _PLACE_NOUN.search(spelling):
            nouns = _PLACE_SPELLINGS + (("場所",) if _AFTER_VERB.search(spelling) else ())
            spellings.update(_PLACE_NOUN.sub(noun, spelling) for noun in nouns)
    for spelling in list(spellings):
        if _PERSON_FIRST.search(spelling):
            spellings.add(_PERSON_FIRST.sub(lambda person: f"{person.group(0)}さん", spelling))
    return (phrase, *sorted(spellings - {phrase}))


def with_spellings(group: tuple[str, ...]) -> tuple[str, ...]:
    """Return a synonym group with every other spelling of its words after its first (canonical) word."""
    return (group[0], *dict.fromkeys(spelling for word in group[1:] for spelling in phrase_spellings(clean(word))))


def is_one_word(word: str, tokens: tuple[Token, ...]) -> bool:
    """Tell whether a synonym is one word of the analyzer (its tokens), not a phrase matched as text."""
    return len(tokens) == 1 and tokens[0].surface == clean(word)
