"""Which entries' answers name a place other than the city the bot is about ("六本木、三田…", not only "港区").

bot.details reads it for a location asked ("どこ？"): an answer naming a place holds it.
"""

from __future__ import annotations

from bot.knowledge import KnowledgeBase
from bot.normalize import analyze


class Places:
    """Which entries' answers name a place other than the city the bot is about (its welcome message names it).

    Read lazily, per entry asked about: a large knowledge base is not analysed twice at start-up.
    """

    def __init__(self, kb: KnowledgeBase) -> None:
        self._kb = kb
        self.home = _place_names(kb.scope.message("welcome", "ja"))
        self._named: dict[str, bool] = {}

    def named_in(self, entry_id: str) -> bool:
        """Tell whether an entry's answer names a place ("六本木、三田…", "大田区", not only "港区")."""
        found = self._named.get(entry_id)
        if found is None:
            entry = self._kb.entry(entry_id)
            found = entry is not None and bool(_place_names(entry.answer.get("ja", "")) - self.home)
            self._named[entry_id] = found
        return found


def _place_names(text: str) -> frozenset[str]:
    return frozenset(token.lemma for token in analyze(text) if token.is_place)
