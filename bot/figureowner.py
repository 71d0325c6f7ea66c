"""Whose figure an English question asks: "What is the population of Lagos?" asks Lagos's, which no answer states.

The city's figures (its population, budget, area) are the city's own. Asked "of" a place or thing the bot does not
know at all, or of another country, they are that one's: the city's figure would be an answer to another question.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.normalize import Token, clean
from bot.terms import Term

# The figure, "of", then the owner: "the population of Melbourne", "the annual budget of the Lagos state".
FIGURE_OF_EN = re.compile(r"(?<![a-z])(?:population|budget|area|size|residents|inhabitants)\s+of\s+(?:the\s+)?"
                          r"([a-z][a-z-]+)(?![a-z])")


def stranger_owner(text: str, terms: list[Term], is_foreign_place: Callable[[Token], bool]) -> str:
    """Return why the city's figure cannot answer a figure asked of an unknown owner or another country ("" if not)."""
    for found in FIGURE_OF_EN.finditer(clean(text)):
        owner = next((t for t in terms if t.token.is_latin and clean(t.token.surface) == found.group(1)), None)
        if owner is not None and (owner.concept is None and owner.via == "unknown" or is_foreign_place(owner.token)):
            return f"asks the figure of {owner.token.surface}, which its answer does not state"
    return ""
