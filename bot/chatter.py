"""Chat around an English question: a greeting, a sign-off, a self-deprecating aside, a tag like "or nah".

"bit of a daft question but how big is Minato in square km?", "what are the five districts called again, cheers",
"has Minato got the most hotel rooms or am I chatting rubbish": the pieces that name nothing the knowledge knows
(daft, cheers, rubbish) tell no topic. Their unknown words are read as context, so they do not dilute the question
the way a word asked about would. A piece naming a known word keeps every word: "how many nepali people work at the
city office" asks of nepali people.
"""

from __future__ import annotations

import re
import unicodedata

from bot.normalize import clean
from bot.terms import Term

# Where an English message's pieces part: a comma, a dash, "but", "or", "so", a question mark inside.
PIECES = re.compile(r"\s*(?:[,;:!?]|\s-\s|\.\s)\s*|\s+(?=(?:but|or|so|like|cos|cause)\s)")
LATIN = re.compile(r"[a-z]")
JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")
ASKS = re.compile(r"(?:what|where|when|who|whom|whose|which|why|how|is|are|was|were|do|does|did|can|could|will|would"
                  r"|should|may|has|have|any|tell|please)(?![a-z])")
CHATTER_WEIGHT = 0.2  # as much as a word of the context around a question (bot.focus)


def quiet_chatter(text: str, terms: list[Term]) -> list[Term]:
    """Return the terms with the unknown words of an English message's topic-less pieces read as context."""
    raw = unicodedata.normalize("NFKC", text).strip()
    if JAPANESE.search(raw) or not LATIN.search(raw.lower()):
        return terms
    pieces = [piece for piece in PIECES.split(raw) if piece.strip()]
    if len(pieces) < 2:
        return terms
    surfaces = [clean(t.token.surface) for t in terms]
    chatty: set[str] = set()
    for index, piece in enumerate(pieces):
        words = clean(piece).split()
        named = [t for t, surface in zip(terms, surfaces) if surface in words]
        if named and not any(t.concept is not None and t.via != "weak" for t in named) and _chat(piece, index == 0):
            chatty.update(words)
    return [t.weighing(CHATTER_WEIGHT) if t.concept is None and t.weight == 1.0 and surface in chatty else t
            for t, surface in zip(terms, surfaces)]


def _chat(piece: str, first: bool) -> bool:
    # Not a question of its own ("Is there a shuttle bus", "where exactly?"), unless it only offers an alternative
    # ("or nah", "or am I chatting rubbish"); never one naming a proper noun ("or Shinjuku", "LA").
    words = piece.split()
    named = any(word[:1].isupper() and word != "I" and not (first and position == 0)
                for position, word in enumerate(words))
    if named:
        return False
    lowered = clean(piece)
    return lowered.startswith("or ") or not (ASKS.match(lowered) or piece.rstrip().endswith("?"))
