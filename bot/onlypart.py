"""The figure of only a part of what an answer counts: 旅館だけだと何室, 領事館だけの数, 台場だけだと人口.

The hotel rooms' answer counts the rooms of every hotel and inn, the embassies' answer counts embassies and the
like, the population is the whole city's. Asked for the figure of one part alone ("only the ryokan", "only the
consulates", "only Daiba"), an answer that never names that part states no figure of it, however close its topic:
HR's synonyms read 旅館 as a hotel and 領事館 as an embassy, which is right for finding the topic and wrong here.
"""

from __future__ import annotations

import re

from bot.analyzer import morphemes
from bot.normalize import clean

ONLY = frozenset({"だけ", "のみ"})
NOUN = "名詞"
NOT_ONLY = re.compile(r"\s*(?:じゃ|では|で)\s*(?:な|無)")  # "職場の中だけじゃなくて外でも": not only that part


def only_parts(text: str) -> list[str]:
    """Return the nouns a text singles out with だけ or のみ ("旅館だけだと" -> ["旅館"])."""
    if "だけ" not in text and "のみ" not in text:
        return []
    cleaned = clean(text)
    parts = morphemes(cleaned)
    return [before.surface for before, part in zip(parts, parts[1:])
            if part.surface in ONLY and before.pos[0] == NOUN and not NOT_ONLY.match(cleaned, part.end)]


def only_part_refusal(text: str, stated: str, home: frozenset[str]) -> str:
    """Return why an answer cannot give the figure of one part alone ("" when it names every part singled out)."""
    missing = [part for part in only_parts(text) if part not in home and clean(part) not in stated]
    return f"asks the figure of {missing[0]} alone, which its answer does not name" if missing else ""
