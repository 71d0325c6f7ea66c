"""Routing to the fact asked: of the close entries, the one whose answer holds the asked kind of fact answers.

"プレクラスは何月まで？" names the pre-class, whose general entry explains every word; its timeline holds the month
asked. bot.decision routes a question asking a detail (a month, a count, a place: bot.details) to the entry holding
it when that entry is close to the best one, acceptable on its own, or of the best one's topic.
"""

from __future__ import annotations

from collections.abc import Callable, Collection

from bot.details import Asked, DetailCheck
from bot.guidetopics import GUIDE_TOPIC_SCORE
from bot.head import topic_heads
from bot.matchtypes import Candidate
from bot.specific import Specifics
from bot.terms import Term
from bot.vocabulary import Vocabulary

ROUTE_MARGIN = 40.0  # how far below the best an entry holding the asked fact may score and still answer
HEADED_ROUTE_SCORE = 40.0  # the least an entry of the best's topic naming the question's head scores to be routed to


class DetailRouter:
    """Puts first the entry holding the asked detail, when one may answer in the best one's place."""

    def __init__(self, details: DetailCheck, specifics: Specifics, vocabulary: Vocabulary,
                 bag_of: Callable[[str], Collection[str]], acceptable: Callable[[Candidate], bool],
                 accept_score: float) -> None:
        self._details = details
        self._specifics = specifics
        self._vocabulary = vocabulary
        self._bag_of = bag_of
        self._acceptable = acceptable
        self._accept_score = accept_score

    def route(self, candidates: list[Candidate], terms: list[Term],
               details: list[Asked], text: str) -> tuple[list[Candidate], str]:
        """Return the candidates with the one holding the asked detail first, and why (or "": none moved)."""
        if not details:
            return candidates, ""
        asked = ", ".join(d.kind.name for d in details)
        holders = [c.entry_id for c in candidates if self._details.holds(c.entry_id, details)]
        best = candidates[0]
        if best.entry_id not in holders:
            holder = next((c for c in candidates
                           if c.entry_id in holders and self._may_route(best, c, details, terms, text)), None)
            if holder is None:
                return candidates, ""
            candidates = first(holder, candidates)
        named = self._specifics.named(candidates, terms, holders) if self._acceptable(best) else None
        if named is not None:
            return first(named, candidates), f"its answer holds the asked {asked} and the question names its title"
        return candidates, f"its answer holds the asked {asked}" if candidates[0] is not best else ""

    def _may_route(self, best: Candidate, holder: Candidate, details: list[Asked], terms: list[Term],
                   text: str) -> bool:
        # Close enough to the best one, and acceptable on its own or of the best one's topic when that one shows the
        # question is in scope and its answer states the fact ("When do first graders move into their class?").
        guide = self._details.points_to_guide(holder.entry_id)
        if guide and holder.score >= GUIDE_TOPIC_SCORE and self._acceptable(best) and self._details.points_to_guide(
                best.entry_id):
            return True  # "高卒程度の試験はいつ頃？": of the guide's topics, the exam's holds its dates (日程)
        if holder.score < best.score - ROUTE_MARGIN:
            return self._heads_its_topic(best, holder, details, terms, text)
        if guide and holder.score >= GUIDE_TOPIC_SCORE and all(d.kind.route_only and not d.kind.strict for d in details):
            return True  # "gaikokujin mo kuyakusho de hatarakemasu ka": who may apply is the guide's, however worded
        return holder.score >= self._accept_score or (
            self._acceptable(best) and self._specifics.same_topic(best.entry_id, holder.entry_id)
            and self._details.holds(holder.entry_id, details, stated=True)
            and self._specifics.shares_words(holder.entry_id, terms))

    def _heads_its_topic(self, best: Candidate, holder: Candidate, details: list[Asked], terms: list[Term],
                         text: str) -> bool:
        # "港区の小学校のプレクラスって、何月まで？": the pre-class's general entry explains every word, its timeline
        # holds the month; of the best one's topic, it names the noun the question is about (not "職員住宅って何年
        # まで住める", whose head the commute's minutes never name).
        heads = set(topic_heads(text))
        named = {t.concept for t in terms if t.token.surface in heads and t.weight == 1.0 and t.concept is not None
                 and not self._vocabulary.is_home(t.token)}
        # Not one explaining little else ("1人あたり予算って何万円": the summary states sums, of no person).
        if not named or holder.score < HEADED_ROUTE_SCORE:
            return False
        return (self._acceptable(best) and self._specifics.same_topic(best.entry_id, holder.entry_id)
                and self._details.holds(holder.entry_id, details, stated=True)
                and named <= set(self._bag_of(holder.entry_id)))


def first(chosen: Candidate, candidates: list[Candidate]) -> list[Candidate]:
    """Return the candidates with the chosen one first, the others in their order."""
    return [chosen, *(c for c in candidates if c is not chosen)]
