"""How near an entry is to the last topic, and which of the entries fitting a follow-up about as well is meant.

The topic itself is nearest, then its `related:` entries in HR's order, then its category; an entry of another
category is far. Of entries that fit a message about as well, the one holding what is asked, speaking of the
message's own words and nearest the topic answers ("何か国？" after the foreign residents: the nationalities).
A follow-up asking a detail or a figure no entry near the topic holds is not answered; "他には？" is answered by HR's
order of the related entries. Used by bot/followup.py.
"""

from __future__ import annotations

from typing import Callable

from bot.details import DetailCheck
from bot.followup_asks import CONFIDENT
from bot.knowledge import Entry
from bot.matching import Candidate, Matcher
from bot.matchtypes import MatchResult
from bot.terms import Term

FAMILY_MARGIN = 5.0  # entries within this many points of the best are told apart by how near the topic they are
ASKED_MARGIN = 30.0  # ... and this many when the message names no topic but asks a detail some of them hold
SAME_CATEGORY, FAR = 50, 100  # how near an entry is to the last topic (itself 0, its related entries 1, 2, ...)


class Nearness:
    """Tells entries near the topic from far ones, and settles close calls by nearness."""

    def __init__(self, matcher: Matcher, details: DetailCheck, names_nothing: Callable[[Term], bool]) -> None:
        self._matcher = matcher
        self._details = details
        self._names_nothing = names_nothing

    def closest_to(self, topic: Entry, text: str, result: MatchResult, wide: bool = False) -> MatchResult:
        """Of the entries fitting about as well, the one holding what is asked and nearest the topic answers.

        "何か国？" after the foreign residents: the nationalities (135か国), not the embassies (81か国).
        """
        if result.kind not in ("answer", "clarify") or not result.candidates or result.reason == "comparison":
            return result
        # A message naming no topic but asking a detail ("何か国？") cannot tell its holders apart by its own words:
        # their scores differ only by how the topic's title reads in each, so the topic's neighbours decide.
        margin = ASKED_MARGIN if wide and self._details.asked(text) else FAMILY_MARGIN
        near = [c for c in result.candidates if self._fits_as_well(c, result.candidates[0], topic, margin)]
        if len(near) < 2 and (result.kind == "answer" or not near):
            return result  # nothing else fits as well: the usual case, decided without reading the details
        near = self._speaking_of(self.holding(near, text), text)
        if not near:
            return result
        nearest = min(near, key=lambda c: self.distance(topic, c.entry_id))
        if self.distance(topic, nearest.entry_id) >= FAR or (result.kind == "answer" and nearest is result.candidates[0]):
            return result
        return MatchResult.answering(nearest.entry_id, result.candidates, "nearest the last topic")

    def within_family(self, topic: Entry, text: str, result: MatchResult) -> MatchResult:
        """A message naming nothing is about the topic: an entry far from it ("何歳？" after the panel reaching the
        application entry's age limits) does not answer it; the nearest that fits well enough does, or none."""
        if result.kind != "answer" or self.distance(topic, result.candidates[0].entry_id) < FAR:
            return result
        accept = self._matcher.settings.accept_score
        near = self.holding([c for c in result.candidates
                             if c.score >= accept and self.distance(topic, c.entry_id) < FAR], text)
        if not near:
            return MatchResult("fallback", result.candidates, reason="nothing near the last topic answers it")
        return MatchResult.answering(near[0].entry_id, result.candidates, "nearest the last topic")

    def holding(self, candidates: list[Candidate], text: str) -> list[Candidate]:
        """Return the candidates whose answer holds what the message asks for: its detail kinds and unit (何か国)."""
        asked = self._details.asked(text)
        return [c for c in candidates if self._details.holds(c.entry_id, asked)]

    def distance(self, topic: Entry, entry_id: str) -> int:
        """Return how far an entry is from the topic: 0 itself, 1, 2… its related entries, then its category."""
        if entry_id == topic.id:
            return 0
        if entry_id in topic.related:
            return 1 + topic.related.index(entry_id)
        entry = self._matcher.kb.entry(entry_id)
        return SAME_CATEGORY if entry is not None and entry.category == topic.category else FAR

    def near(self, topic: Entry, candidate: Candidate) -> bool:
        """Tell whether a candidate is the topic, one of its related entries or of its category."""
        return self.distance(topic, candidate.entry_id) < FAR

    def not_a_repeat(self, topic: Entry, text: str, result: MatchResult) -> MatchResult:
        """Refuse an answer to a follow-up that lacks the detail it asks, the topic's own answer again or another's.

        The answer just given, again, answers a new detail question only when it holds that detail itself:
        "期間は？" after the training menu (no period in it), or "いくらまで出るの？" after an answer that only
        points to the recruitment guide, is not in the briefing. Nor does another entry lacking it: a message
        naming nothing but the kind of fact ("どこでやってるの？" after the pre-class system) asks it of the topic.
        """
        if result.kind != "answer":
            return result
        answering = result.candidates[0].entry_id
        asked = self._details.asked(text)
        if answering != topic.id:
            if asked and not self._details.holds(answering, asked):
                return MatchResult("fallback", result.candidates, reason="nothing near the last topic holds the asked detail")
            return result
        unit = self._details.unit(text, strict=True)
        if (asked and not self._details.holds(topic.id, asked, self._details.pointers, stated=True)) or (
                unit is not None and not self._details.counts_in(topic.id, unit)):  # "1クラス何人？": no such figure
            return MatchResult("fallback", result.candidates, reason="the last answer does not hold the asked detail")
        return result

    def figure_near(self, topic: Entry, text: str, result: MatchResult) -> MatchResult:
        """Refuse a figure asked of the topic ("何歳？" after the panel: an age) that no entry near it holds in its unit.

        The briefing does not say then, whatever far entry (the application's age limits) fits the words.
        """
        unit = self._details.unit(text, strict=True)
        if unit is None or result.kind not in ("answer", "clarify") or any(
                self.near(topic, c) and self._details.counts_in(c.entry_id, unit) for c in result.candidates):
            return result
        return MatchResult("fallback", result.candidates, reason=f"nothing near the last topic holds a figure in {unit}")

    def another(self, topic: Entry, text: str, item: bool, candidates: list[Candidate],
                result: MatchResult) -> MatchResult:
        """Answer "他には？" by the topic's related entries, "もう一人は？" (`item`) by the topic itself first.

        "他" names nothing, so the words cannot choose: HR's order of the related entries does, after the topic
        itself for another item of its list ("もう一人は？"), before it for something else ("他には？"). Of those, the
        first holding what is asked answers ("who else?" wants a person: after the panel, the panel itself).
        """
        kb = self._matcher.kb
        related = [entry_id for entry_id in topic.related if kb.entry(entry_id) is not None]
        asked = self._details.asked(text)
        if not item and not related:
            return result
        order = [topic.id, *related] if item else [*related, topic.id]
        holding = [entry_id for entry_id in order if self._details.holds(entry_id, asked)]
        chosen_id = (holding or order)[0]
        reason = "another item of the last answer" if chosen_id == topic.id else "another related entry"
        return MatchResult.answering(chosen_id, candidates, reason)

    def _speaking_of(self, candidates: list[Candidate], text: str) -> list[Candidate]:
        # "住んでるところは？" after the commuting time: of the entries that fit about as well, those speaking of the
        # message's own words (住む: where staff live) are meant, not the topic, which does not.
        own = {term.concept for term in self._matcher.read_terms(text) if term.concept is not None and term.via != "weak"
               and not term.token.weak and not self._names_nothing(term)}
        speaking = [c for c in candidates if all(self._matcher.mentions(c.entry_id, concept) for concept in own)]
        return speaking or candidates

    def _fits_as_well(self, candidate: Candidate, best: Candidate, topic: Entry, margin: float) -> bool:
        # Close in score; or the topic itself, explaining every word the best explains ("スローガンは？" fits each
        # district wholly, the shorter answers merely score higher).
        behind = best.score - candidate.score
        accept = self._matcher.settings.accept_score
        if behind <= FAMILY_MARGIN or (behind <= margin and candidate.score >= accept):
            return True
        return (candidate.entry_id == topic.id and candidate.coverage >= best.coverage and best.score < CONFIDENT
                and candidate.score >= accept)
