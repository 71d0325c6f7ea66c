"""Entries' concepts as arrays, so one question is scored against thousands of entries at once."""

from __future__ import annotations

from collections import defaultdict
from typing import Any, Callable, NamedTuple

FRONT_RUNNERS = 50
DENSE_FROM_ENTRIES = 10  # from this many entries up to FRONT_RUNNERS, every paraphrase is scored at once (NumPy)


class Scored(NamedTuple):
    """How much of a question one entry explains (a named tuple: one is made for each entry a question touches)."""

    entry: int
    evidence: float  # the weight of the question's words found in the entry
    coverage: float  # evidence / the question's whole weight
    precision: float  # the best share of one paraphrase's weight found in the question


class ConceptIndex:
    """Inverted lists of concepts over entries (with strengths) and over paraphrases (with weights).

    A question touching few entries of a large base is scored in plain Python: on a few dozen cells each NumPy call
    costs more than the sums themselves. A base of a few dozen entries is scored over all its paraphrases at once
    (DenseScores); one of fewer than DENSE_FROM_ENTRIES entries never imports NumPy. Every way adds the same floats
    in the same order, so they give the same scores (tests/test_index.py).
    """

    def __init__(self, bags: list[dict[str, float]], questions: list[tuple[int, dict[str, float]]]) -> None:
        self._bags = bags
        self._question_entry = [entry for entry, _ in questions]
        self._question_total = [sum(w.values()) or 1.0 for _, w in questions]
        # Only a base with more entries than front-runners can need NumPy's partial sort; its postings are arrays
        # (a tenth of the memory of lists at 100,000 entries), and it is imported now, not mid-answer. A base of a few
        # dozen entries is scored over all its paraphrases at once (DenseScores): NumPy too.
        large = len(bags) > FRONT_RUNNERS
        dense = DENSE_FROM_ENTRIES <= len(bags) <= FRONT_RUNNERS
        self._bag_postings = _Postings(
            ((concept, entry, strength) for entry, bag in enumerate(bags) for concept, strength in bag.items()),
            large or dense, dense)
        self._question_postings = _Postings(
            ((concept, index, weight) for index, (_, weights) in enumerate(questions) for concept, weight in weights.items()),
            large or dense, dense)
        self._arrays = self._dense = None
        if large:
            from bot.index_arrays import IndexArrays

            self._arrays = IndexArrays(self._question_entry, self._question_total, len(bags))
        elif dense:
            from bot.index_arrays import DenseScores

            self._dense = DenseScores(self._question_entry, self._question_total, len(bags))

    def best(self, strong: dict[str, float], weak: dict[str, float], total: float, limit: int) -> list[Scored]:
        """Return the entries that best explain a question's strong and weak concepts, best first.

        In a large base only the entries and paraphrases the question's concepts touch are looked at: the work grows
        with the postings read, not with the size of the knowledge base.
        """
        in_bags, in_questions = self._bag_postings.get, self._question_postings.get
        bag = [(postings, w, c in strong) for c, w in (*strong.items(), *weak.items())
               if (postings := in_bags(c)) is not None]
        asked = [(postings, 1.0, c in strong) for c in (*strong, *weak) if (postings := in_questions(c)) is not None]
        results = self._dense.best(bag, asked, total) if self._dense is not None else None
        if results is None and (self._arrays is None or sum(len(p) for (p, _), _, _ in bag + asked) <= PLAIN_POSTINGS):
            results = self._best_plain(bag, asked, total)
        if results is None:  # too many postings, or more front-runners than FRONT_RUNNERS: NumPy's partial sort
            results = self._arrays.best(bag, asked, total)  # type: ignore[union-attr]
        # Equal scores (both explain all that is asked): the one the context speaks of too comes first.
        results.sort(key=lambda s: (f2_score(s.precision, s.coverage), s.evidence), reverse=True)
        return results[:limit]

    def named_in_answers(self, strong: dict[str, float], total: float, limit: int) -> list[Scored]:
        """Return the entries whose words hold every strong concept of a question no paraphrase shares a word with.

        "スリープトレーナーってなに？": a project only the answer's list names. No paraphrase asks of it, so no entry
        has a share of one (precision); the entry naming all that is asked is read as explaining it, less surely.
        """
        touched = [postings for c in strong if (postings := self._bag_postings.get(c)) is not None]
        if len(touched) < max(len(strong), NAMED_WORDS):  # one word alone (日本語) is as likely any question's
            return []
        naming: dict[int, int] = {}
        for positions, _ in touched:
            for position in positions if isinstance(positions, list) else positions.tolist():
                naming[position] = naming.get(position, 0) + 1
        whole = sum(strong.values())
        return [Scored(e, whole, min(whole / total, 1.0), ANSWER_PRECISION)
                for e in sorted(e for e, count in naming.items() if count == len(strong))][:limit]

    def _best_plain(self, bag: list[Touched], asked: list[Touched], total: float) -> list[Scored] | None:
        # The touched entries (ascending); the question's weight each explains (coverage) and the best share of one
        # of its paraphrases' weight the question holds (precision), each from the strong concepts alone and from
        # all. Sums run in the order of the concepts, as adding posting by posting into one array per entry would.
        coverage, all_coverage = _sum_plain(bag, scale=True)
        overlap, all_overlap = _sum_plain(asked, scale=False)
        precision = self._best_share(overlap)
        all_precision = precision if all_overlap is overlap else self._best_share(all_overlap)
        entries = sorted(all_coverage)
        f2 = [_f2_plain(precision.get(e, 0.0), min(coverage.get(e, 0.0) / total, 1.0)) for e in entries]
        front = [i for i, score in enumerate(f2) if score]
        if len(front) > FRONT_RUNNERS and self._arrays is not None:
            return None
        front.sort(key=lambda i: -f2[i])  # stable: equal scores keep the entries' order
        return [Scored(e, all_coverage[e], min(all_coverage[e] / total, 1.0), all_precision.get(e, 0.0))
                for e in (entries[i] for i in front)]

    def _best_share(self, overlap: dict[int, float]) -> dict[int, float]:
        # Each entry's best share of one of its paraphrases' weight (a maximum: the order does not matter).
        best: dict[int, float] = {}
        entry_of, total_of, so_far = self._question_entry, self._question_total, best.get
        for question, weight in overlap.items():
            share = weight / total_of[question]
            if share > so_far(entry_of[question], 0.0):  # (an entry is kept from its first share above 0)
                best[entry_of[question]] = share
        return best

    def users(self, concept: str) -> int:
        """Return how many entries use a concept (in their questions, keywords, title or answer)."""
        return len(self._bag_postings[concept][0]) if concept in self._bag_postings else 0

    def user_entries(self, concept: str) -> tuple[int, ...]:
        """Return the positions of the entries using a concept."""
        if concept not in self._bag_postings:
            return ()
        positions = self._bag_postings[concept][0]
        return tuple(positions if isinstance(positions, list) else positions.tolist())

    def bag(self, entry: int) -> dict[str, float]:
        """Return an entry's concepts with their strengths."""
        return self._bags[entry]


NAMED_WORDS = 2
ANSWER_PRECISION = 0.25  # an entry named only by its answer's words: an F2 score of 62 when it explains it all
PLAIN_POSTINGS = 4000  # up to this many postings read, plain Python sums them faster than NumPy's calls cost


Postings = tuple[Any, Any]  # positions and values: lists, or array views in a large base
Touched = tuple[Postings, float, bool]  # a concept's postings, its weight, and whether it is asked (strong)


def _sum_plain(touched: list[Touched], scale: bool) -> tuple[dict[int, float], dict[int, float]]:
    # For each position of the postings, the sum of its values over the strong postings alone and over all, each
    # added in the order of the postings (as numpy.bincount adds them). The strong concepts come first: until the
    # first weak one, both sums are one.
    alone: dict[int, float] = {}
    every = alone
    for (positions, values), weight, strong in touched:
        if not isinstance(positions, list):  # a large base's array views
            positions, values = positions.tolist(), values.tolist()
        if scale and weight != 1.0:  # (1.0 * v is v)
            values = [weight * value for value in values]
        if not strong and every is alone:
            every = dict(alone)
        _add(every, positions, values)
        if strong and every is not alone:
            _add(alone, positions, values)
    return alone, every


def _add(sums: dict[int, float], positions: list[int], values: list[float]) -> None:
    # sums[position] += value, a position's first value stored as it is (0.0 + value is value: weights are positive).
    # A concept's positions are distinct, so the first concept's are stored in one C-level update.
    if not sums:
        sums.update(zip(positions, values))
        return
    for position, value in zip(positions, values):
        if position in sums:
            sums[position] += value
        else:
            sums[position] = value


def _f2_plain(precision: float, coverage: float) -> float:
    denominator = 4 * precision + coverage
    return 5 * precision * coverage / denominator if denominator > 0 else 0.0


def f2_score(precision: float, coverage: float) -> float:
    """Return the F-beta (beta=2) of precision and coverage: covering the user's question matters most."""
    denominator = 4 * precision + coverage
    return 5 * precision * coverage / denominator if denominator else 0.0


class _Postings:
    """Each concept's postings (positions with values): two lists per concept in a tiny base, views of two flat
    arrays in a larger one (made once per concept and kept, in a base scored densely).

    Two arrays for the whole index, not two per concept: building a hundred thousand small arrays was a tenth of the
    bundled index's build and most of its memory overhead at 100,000 entries. A view costs about as much as a look-up.
    `get` returns a concept's postings or None (the lists themselves: callers only read them).
    """

    def __init__(self, rows, as_arrays: bool, views_kept: bool = False) -> None:  # type: ignore[no-untyped-def]
        lists: dict[str, tuple[list[int], list[float]]] = defaultdict(lambda: ([], []))
        for concept, position, value in rows:
            positions, values = lists[concept]
            positions.append(position)
            values.append(value)
        self._spans: dict[str, tuple[int, int]] = {}
        if not as_arrays:
            # A small base keeps each concept's lists as they are: a look-up, not a slice copied per question.
            self._lists: dict[str, Postings] = dict(lists)
            self.get: Callable[[str], Postings | None] = self._lists.get
            self._concepts: dict[str, Any] = self._lists
            return
        self.get = self._view
        self._concepts = self._spans
        every_position: list[int] = []
        every_value: list[float] = []
        for concept, (positions, values) in lists.items():
            self._spans[concept] = (len(every_position), len(every_position) + len(positions))
            every_position += positions
            every_value += values
        import numpy as np

        self._positions: Any = np.array(every_position, dtype=np.int64)
        self._values: Any = np.array(every_value, dtype=np.float64)
        if views_kept:  # a small base: each concept's views made once, a look-up per question
            self._views = {concept: self._view(concept) for concept in self._spans}
            self.get = self._views.get

    def _view(self, concept: str) -> Postings | None:
        span = self._spans.get(concept)
        return None if span is None else (self._positions[span[0]:span[1]], self._values[span[0]:span[1]])

    def __contains__(self, concept: object) -> bool:
        return concept in self._concepts

    def __getitem__(self, concept: str) -> Postings:
        found = self.get(concept)
        if found is None:
            raise KeyError(concept)
        return found
