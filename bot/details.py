"""Questions that ask for a detail (a price, a clock time, a height) the knowledge may not hold."""

from __future__ import annotations

import re

from bot.knowledge import KnowledgeBase
from bot.normalize import clean
from bot.scope import DetailQuestion


class DetailCheck:
    """Finds the details a question asks for, and whether an entry's text holds them."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self._kinds = [(kind, _pattern(kind.cues)) for kind in kb.scope.detail_questions]
        self._texts = {entry.id: clean(" ".join([*entry.answer.values(), *entry.keywords, *entry.title.values()]))
                       for entry in kb.entries}

    def asked(self, text: str) -> list[DetailQuestion]:
        """Return the kinds of detail a question asks for."""
        text = clean(text)
        return [kind for kind, pattern in self._kinds if pattern.search(text)]

    def holds(self, entry_id: str, kinds: list[DetailQuestion]) -> bool:
        """Tell whether an entry's answer holds every kind of detail asked for."""
        text = self._texts.get(entry_id, "")
        return all(any(clean(word) in text for word in kind.answered_by) for kind in kinds)


def _pattern(cues: tuple[str, ...]) -> re.Pattern[str]:
    # English cues match whole words (no "price" inside "priced"); Japanese ones match anywhere.
    parts = [rf"(?<![a-z]){re.escape(clean(c))}(?![a-z])" if c.isascii() else re.escape(clean(c)) for c in cues]
    return re.compile("|".join(parts))
