"""The two sides of a comparison: "トヨタとホンダ、どっちが年収高い？" compares two things no entry knows.

The word asked of them (年収, 休み) belongs to a topic of the guide, so the guide's entry would answer, though the
question is about neither Minato nor its staff. When both sides are nouns the knowledge does not know, no answer
compares them (bot.decision refuses it).
"""

from __future__ import annotations

import re

from bot.normalize import clean
from bot.terms import Term

# "XとY(って|は|、)…どっち": the sides are the words just before and after と (a few words, no pause inside).
SIDES = re.compile(r"([^\s、,。？?!！]{2,12})と([^\s、,。？?!！]{2,12})(?:って|は|では|だと|なら|の)?[、,\s]*"
                   r"[^、,。？?!！]{0,12}?(?:どっち|どちら)")
NOUNS = frozenset({"名詞", "latin"})  # a name in Latin letters (ANA, JAL) is a noun too


def compares_unknown_sides(text: str, terms: list[Term]) -> bool:
    """Tell whether a question compares two things, each named only by words the knowledge does not know."""
    if "どっち" not in text and "どちら" not in text:
        return False  # most questions compare nothing: spared cleaning and the search (cleaning makes no hiragana)
    found = SIDES.search(clean(text))
    return found is not None and all(_unknown(side, terms) for side in found.groups())


def _unknown(side: str, terms: list[Term]) -> bool:
    # Every word of the side is one no entry knows, and one of them is a noun of two letters or more.
    words = [t for t in terms if t.token.surface in side and t.via != "weak"]
    return bool(words) and all(t.concept is None for t in words) and any(
        t.token.pos in NOUNS and len(t.token.surface) >= 2 for t in words)
