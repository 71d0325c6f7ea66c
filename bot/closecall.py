"""Of two close entries, the one that answers: it names more of the topics asked, or the place asked about.

Both rules read which of the question's concepts each entry's words hold (its bag in the index), so the decider
can settle a close call without asking the candidate which one they meant.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Protocol

from bot.terms import Term
from bot.vocabulary import Vocabulary

GROUP_MARGIN = 5.0  # how far below the best an entry naming every member listed may score and answer
CLEARLY_MORE = 0.1  # of two close entries, one explaining this much more of the question answers
SIBLINGS = 3  # this many entries alike, all pointing to one other entry, ask what they share: that one answers

Bag = Callable[[str], Mapping[str, float]]  # an entry id -> the concepts its words hold


class Ranked(Protocol):
    """A ranked entry (bot.matchtypes.Candidate)."""

    entry_id: str
    coverage: float
    score: float


class CloseCalls:
    """Settles a close call between the two best entries, or says it cannot (None)."""

    def __init__(self, vocabulary: Vocabulary, bag: Bag, city_wide: Callable[[str], bool],
                 related: Mapping[str, Sequence[str]] | None = None) -> None:
        self._vocabulary = vocabulary
        self._bag = bag
        self._city_wide = city_wide
        self._related = related or {}

    def hub(self, top: Sequence[Ranked], margin: float) -> str | None:
        """Return the entry that the close entries all point to as related, when the question fits them alike.

        "研修 種類 新人": the design training and the training overview score alike, and the design training lists
        the overview as related: the overview, whose answer tells of every training, answers. "5地区 特徴": the five
        districts' entries score alike and each lists the districts' overview, which answers though it scores lower.
        """
        close = [c.entry_id for c in top if c.score > top[0].score - margin]
        if len(close) < 2:
            return None
        inside = [hub for hub in close if all(hub in self._related.get(other, ()) for other in close if other != hub)]
        if len(inside) == 1:
            return inside[0]
        alike = [c.entry_id for c in top if c.score > top[0].score - GROUP_MARGIN]
        if len(alike) < SIBLINGS:
            return None
        shared = set.intersection(*(set(self._related.get(entry_id, ())) for entry_id in alike))
        return shared.pop() if len(shared) == 1 else None

    def explains_more(self, top: Sequence[Ranked], terms: list[Term], least: int = 0) -> int | None:
        """Return 0 or 1, the entry that names more of the topics asked and explains clearly more of the question.

        "新技術の取り組みで防災に関するものは？": of two close entries, the projects explain 防災 too. Only the words that
        name something count (もの, 教える, どんな say nothing of the topic). The second wins only when the first
        names at least `least` of them.
        """
        named = self._named(terms)
        best, second = top[0], top[1]
        explained = [len(named & self._bag(c.entry_id).keys()) for c in (best, second)]
        if explained[1] > explained[0] >= least and second.coverage >= best.coverage + CLEARLY_MORE:
            return 1
        if explained[0] > explained[1] and best.coverage >= second.coverage + CLEARLY_MORE:
            return 0
        return None

    def explains_the_question(self, top: Sequence[Ranked], terms: list[Term]) -> int | None:
        """Return 0 or 1, the only one of the two whose words name every topic the question clause names.

        "娘が専門学校の2年で…港区の職員の研修制度には？": the self-introduction (専門学校) lifts how to apply as high as
        the training; only the training names all the question asks of (職員, 研修).
        """
        named = self._named(terms)
        if not named:
            return None
        whole = [named <= self._bag(c.entry_id).keys() for c in top[:2]]
        return whole.index(True) if whole.count(True) == 1 else None

    def _named(self, terms: list[Term]) -> set[str]:
        # The concepts the question clause names: not its context, its grammar, nor the city itself.
        return {t.concept for t in terms if t.weight == 1.0 and t.concept is not None and t.via != "weak"
                and not self._vocabulary.is_home(t.token)}

    def names_the_place(self, top: Sequence[Ranked], terms: list[Term]) -> int | None:
        """Return 0 or 1, the only one of the two whose words name a place of the city the question names.

        "Which of the five districts has Odaiba?": the districts' overview and 芝浦港南 score alike; only the latter
        names お台場. The city itself (港区, named by most entries) tells them apart no more than any other word.
        """
        places = {t.concept for t in terms if t.weight == 1.0 and t.concept is not None
                  and self._vocabulary.is_home(t.token) and not self._city_wide(t.concept)}
        if not places:
            return None
        naming = [bool(places & self._bag(c.entry_id).keys()) for c in top[:2]]
        return naming.index(True) if naming.count(True) == 1 else None

    def lists(self, top: Sequence[Ranked], terms: list[Term], owner: Callable[[str | None], str | None],
              tied: float) -> int | None:
        """Return the index of the entry a question listing members asks about, or None (names_them_all, then
        names_the_group)."""
        listed = self.names_them_all(top, terms, tied)
        return listed if listed is not None else self.names_the_group(top, terms, owner, GROUP_MARGIN)

    def names_them_all(self, top: Sequence[Ranked], terms: list[Term], margin: float) -> int | None:
        """Return the index of the one entry naming every member the context lists, of three or more that explain
        the question alike.

        "5つの地区ってどこどこだっけ、芝と麻布と…": the districts' overview and 芝's and 麻布's own entries all explain
        the question; the context names two districts, which only the overview names both of. It lists members, it
        does not pick one.
        """
        tied = [c for c in top if top[0].score - c.score < margin and c.coverage >= 1.0]
        context = {t.concept for t in terms if t.weight < 1.0 and t.concept is not None and t.via != "weak"}
        if len(tied) < 3 or len(context) < 2:
            return None
        named = [len(context & self._bag(c.entry_id).keys()) for c in tied]
        most = max(named)
        return list(top).index(tied[named.index(most)]) if most >= 2 and named.count(most) == 1 else None

    def names_the_group(self, top: Sequence[Ranked], terms: list[Term], owner: Callable[[str | None], str | None],
                        margin: float) -> int | None:
        """Return the index of the entry naming two or more entries the question names by their titles, close to the
        best: "5つの地区って芝と麻布とあと何だっけ" lists members of the districts' overview, it asks for all of them.
        """
        # Places of the city only: 外国人住民 and 国籍 title two entries too, and the guide's eligibility names both.
        titled = {t.concept: owner(t.concept) for t in terms
                  if t.weight == 1.0 and t.via != "weak" and self._vocabulary.is_home(t.token)}
        ranked = {c.entry_id for c in top}
        named = {concept for concept, entry_id in titled.items() if entry_id in ranked}
        if len({titled[concept] for concept in named}) < 2:
            return None
        groups = [n for n, c in enumerate(top) if top[0].score - c.score < margin and c.entry_id not in titled.values()
                  and named <= self._bag(c.entry_id).keys()]
        return groups[0] if len(groups) == 1 else None
