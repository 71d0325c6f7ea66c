"""Follow-ups answered by the last topic itself or by an item of its answer, read before the usual ranking:

- more of it: "もうちょい詳しく" gets the same entry again (its entry is all the briefing says of it), not the entry
  on where to learn more, whose title says 詳しく too;
- an ordinal within the list it gave: "2番目の地区について詳しく" after the five districts (bot/followup_ordinal.py);
- a contrast setting it aside: "それなら社宅に住んでない人はどこに…" after staff housing asks where the others live;
- what it speaks of: "有名な場所ある？" after a district (words that only ask about something fit no entry well),
  "値段は高め？" after the cafeteria (a yes/no judgement of what its answer speaks of: お手頃価格) get the topic.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from bot.details import DetailCheck
from bot.contrast import drop_contrast, drop_negated
from bot.followup_asks import BRIEF_CHARACTERS, asks_more_of_it, clear, judges
from bot.followup_ordinal import item_entry, list_items, nested, ordinal
from bot.followup_other import Others, topic_text
from bot.knowledge import Entry
from bot.matching import Matcher
from bot.matchtypes import Candidate, MatchResult
from bot.normalize import clean
from bot.terms import Term

if TYPE_CHECKING:
    from bot.followup import Understanding


class TopicItself:
    """Reads the follow-ups the last topic (or an item of its list) answers, with the matcher's reading of words."""

    def __init__(self, matcher: Matcher, details: DetailCheck, others: Others,
                 names_topic: Callable[[Term, bool], bool]) -> None:
        self._matcher = matcher
        self._details = details
        self._others = others
        self._names_topic = names_topic

    def picked(self, topic: Entry, text: str, terms: list[Term],
               candidates: list[Candidate]) -> tuple[MatchResult, str] | None:
        """Return the answer to more of the topic or an item of its list, and a note for `kb explain`, or None."""
        if asks_more_of_it(text):
            return MatchResult.answering(topic.id, candidates, "more of the last answer"), f"more of {topic.id}"
        chosen = self._listed_item(topic, text, terms)
        if chosen is None:
            return None
        return (MatchResult.answering(chosen, candidates, "an item of the list the last answer gave"),
                f"an item of the list {topic.id} gave")

    def set_aside(self, topic: Entry, text: str) -> str | None:
        """Return what a message asks once the topic it sets aside is gone ("社宅に住んでない人はどこに…" -> "人は
        どこに…", "芝じゃなくて高輪の…" after Shiba), or None when it does not set the topic aside."""
        kept = drop_negated(drop_contrast(text))
        if kept == text:
            return None
        # The user's words are read here, not through Others' cache, which keeps only the entries' own texts.
        said = {term.concept for term in self._matcher.read_terms(text)} - {
            term.concept for term in self._matcher.read_terms(kept)}
        return kept if said & self._others.concepts(topic_text(topic)) else None

    def clearly_its_own(self, topic: Entry, alone: Understanding) -> bool:
        """Tell whether a message is a clear question of its own, whatever the topic's answer spoke of: its best entry
        explains every word of it, well, and it says something the topic does not ("港区で働くメリットは？" after the
        pre-class merits: 働く; "見込みは？" after the population forecast says nothing else)."""
        return clear(alone.result.candidates[0]) and any(not self._matcher.mentions(topic.id, term.concept)
                                                         for term in alone.reading.terms if term.via != "weak")

    def of_the_topic(self, topic: Entry, text: str, terms: list[Term], candidates: list[Candidate],
                     result: MatchResult, elliptic: bool) -> MatchResult:
        """Answer with the topic a follow-up refused only for want of a better fit or of a figure it did not ask."""
        if result.kind != "fallback":
            return result
        asking = self._details.asked(text) or self._details.unit(text, strict=True) is not None
        # A judgement ("高め？") of what the topic's answer speaks of asks no figure; words that only ask about
        # something, asking no kind of detail, ask it of the topic when nothing fits them well.
        if not (judges(text) and self._spoken_of(topic, terms)) and (
                asking or not elliptic or result.reason != "low score"):
            return result
        return MatchResult.answering(topic.id, candidates, "what the message asks is the last topic's")

    def _spoken_of(self, topic: Entry, terms: list[Term]) -> bool:
        # Every word the message says with meaning (値段) is one the topic's answer uses, in one of its languages.
        said = {term.concept for term in terms if term.concept and term.via != "weak" and not term.token.weak
                and self._matcher.knows(term.concept)}
        return bool(said) and said <= self._others.concepts(" ".join(topic.answer.values()))

    def _listed_item(self, topic: Entry, text: str, terms: list[Term]) -> str | None:
        # The item by the answer's own order; the message's other words may name only what the topic, its answer or
        # that item's entry speaks of ("地区", "スローガン"), else it is a question of its own.
        items = list_items(topic.answer.get("ja", ""))
        found = ordinal(text, len(items)) if items else None
        if found is None or not 1 <= found[0] <= len(items):
            return None  # no list, or past its end
        position, written = found
        # From a list within the list on, items may be counted either way: the topic's answer holds them all.
        kb = self._matcher.kb
        chosen = topic.id if nested(items[:position]) else item_entry(kb, topic, items[position - 1])
        spoken_of = self._others.concepts(" ".join([topic_text(topic), *topic.answer.values()]))
        short = len(clean(text)) <= BRIEF_CHARACTERS
        if any(self._names_topic(term, short) and term.concept is not None and self._matcher.knows(term.concept)
               and term.concept not in spoken_of and not self._matcher.mentions(chosen, term.concept)
               and clean(term.token.surface) not in written for term in terms):
            return None
        return chosen
