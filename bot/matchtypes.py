"""The matcher's plain data: its settings, an entry ranked for a question, and what it decided.

Shared by the ranking (bot.matching), the decision (bot.decision), the follow-ups and the rules they consult, which
need the types but not the Decider: kept apart so that none of them has to import it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal, NamedTuple

from bot.scope import SmallTalk

Kind = Literal["answer", "clarify", "fallback", "smalltalk", "invalid"]


@dataclass(frozen=True)
class MatchSettings:
    """The knobs of the confidence decision."""

    accept_score: float = 53.0
    min_coverage: float = 0.45
    clarify_margin: float = 1.0
    fuzzy_cutoff_latin: float = 84.0
    fuzzy_cutoff_kana: float = 80.0
    fuzzy_min_length: int = 4
    unknown_noun_weight: float = 1.2  # times the rarest known word's weight
    unknown_other_weight: float = 0.35
    unknown_latin_weight: float = 0.8
    weak_weight: float = 0.3
    english_aspect_weight: float = 0.5  # an English word asking about a topic (period, long) names none (bot.matching)


class Candidate(NamedTuple):
    """An entry and how well the question fits it (a named tuple: twenty are made for every question)."""

    entry_id: str
    score: float
    coverage: float
    precision: float
    evidence: float  # the weight of the question's words this entry explains


@dataclass(frozen=True)
class MatchResult:
    """What the matcher decided for one question."""

    kind: Kind
    candidates: tuple[Candidate, ...] = ()
    smalltalk: SmallTalk | None = None
    reason: str = ""

    @property
    def best(self) -> Candidate | None:
        """Return the top-ranked candidate, if any."""
        return self.candidates[0] if self.candidates else None

    @staticmethod
    def answering(entry_id: str, candidates: Iterable[Candidate], reason: str) -> MatchResult:
        """Return an answer by an entry, its candidate (or a zero-scored one) first and the others after it."""
        ranked = tuple(candidates)
        chosen = next((c for c in ranked if c.entry_id == entry_id), Candidate(entry_id, 0.0, 0.0, 0.0, 0.0))
        return MatchResult("answer", (chosen, *(c for c in ranked if c is not chosen)), reason=reason)
