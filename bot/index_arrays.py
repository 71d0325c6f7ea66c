"""The concept index's NumPy scoring: for questions that touch many entries of a large knowledge base, and for every
question of a base of a few dozen entries (DenseScores).

Imported only by a base of DENSE_FROM_ENTRIES entries or more (bot.index), so a tiny base starts without NumPy.
"""

from __future__ import annotations

import numpy as np

from bot.index import FRONT_RUNNERS, Scored, Touched

Pair = tuple[np.ndarray, np.ndarray]  # from the strong concepts alone, and from all
Postings = tuple[np.ndarray, np.ndarray]

SORT_COST = 16  # a posting sorted costs about as much as this many array cells scanned

class IndexArrays:
    """What the NumPy scoring needs beyond the postings: each paraphrase's entry and total weight, as arrays."""

    def __init__(self, question_entry: list[int], question_total: list[float], entries: int) -> None:
        self._question_entry = np.array(question_entry, dtype=np.int64)
        self._question_total = np.array(question_total, dtype=np.float64)
        self._entries = entries

    def best(self, bag: list[Touched], asked: list[Touched], total: float) -> list[Scored]:
        """Return the front-runners among the touched entries (not yet in their final order)."""
        entries, (coverage, all_coverage), (precision, all_precision) = self._scores(bag, asked)
        f2 = _f2(precision, np.minimum(coverage / total, 1.0))
        # Weak words (what, どこ, ある) only reorder the front-runners: alone they would pull in every entry.
        front = _top(f2, FRONT_RUNNERS)
        # Words of the context may add evidence beyond what is asked: an entry explains at most all of it.
        return [Scored(int(entries[i]), float(all_coverage[i]), min(float(all_coverage[i] / total), 1.0),
                       float(all_precision[i])) for i in front]

    def _scores(self, bag: list[Touched], asked: list[Touched]) -> tuple[np.ndarray, Pair, Pair]:
        entries, coverage = _sum_postings(bag, self._entries)
        questions, overlap = _sum_postings(asked, len(self._question_total), scale=False)
        owners = np.searchsorted(entries, self._question_entry[questions])
        totals = self._question_total[questions]
        return entries, coverage, tuple(_best_share(len(entries), owners, share / totals) for share in overlap)


def _f2(precision: np.ndarray, coverage: np.ndarray) -> np.ndarray:
    denominator = 4 * precision + coverage
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(denominator > 0, 5 * precision * coverage / np.where(denominator > 0, denominator, 1), 0.0)


def _top(scores: np.ndarray, count: int) -> np.ndarray:
    candidates = np.nonzero(scores)[0]
    if len(candidates) > count:
        candidates = candidates[np.argpartition(-scores[candidates], count)[:count]]
    return candidates[np.argsort(-scores[candidates], kind="stable")]


def _sum_postings(postings: list[tuple[Postings, float, bool]], size: int,
                  scale: bool = True) -> tuple[np.ndarray, Pair]:
    """Return the distinct positions (below size) of the postings, ascending, and for each the sum of its values:
    over the strong postings alone, and over all."""
    if not postings:
        return np.zeros(0, dtype=np.int64), (np.zeros(0), np.zeros(0))
    positions = np.concatenate([p for (p, _), _, _ in postings])
    values = np.concatenate([weight * v if scale else v for (_, v), weight, _ in postings])
    is_strong = np.concatenate([np.full(len(p), strong) for (p, _), _, strong in postings])
    if len(positions) * SORT_COST < size:  # few postings: sort them rather than scan an array as long as the base
        distinct, inverse = np.unique(positions, return_inverse=True)
        width = len(distinct)
    else:  # so many that sorting them costs more than counting into one array (the sums come out the same)
        distinct = np.flatnonzero(np.bincount(positions, minlength=size))
        inverse, width = positions, size
    every = np.bincount(inverse, weights=values, minlength=width)
    alone = np.bincount(inverse[is_strong], weights=values[is_strong], minlength=width)
    if width == size:
        every, alone = every[distinct], alone[distinct]
    return distinct, (alone, every)


def _best_share(size: int, owners: np.ndarray, shares: np.ndarray) -> np.ndarray:
    best = np.zeros(size)
    np.maximum.at(best, owners, shares)
    return best


class DenseScores:
    """The scoring of a base of at most FRONT_RUNNERS entries: one pass over every paraphrase and entry.

    A long question touches most of a small base's paraphrases (a thousand postings of the bundled one); summed in
    plain Python they cost twice as much as a few NumPy calls over all of them. The sums are NumPy's bincount, which
    adds each cell's values in the order of the postings, as the plain sums do: the scores are the same.
    """

    def __init__(self, question_entry: list[int], question_total: list[float], entries: int) -> None:
        owners = np.array(question_entry, dtype=np.int64)
        self._question_total = np.array(question_total, dtype=np.float64)
        self._by_entry = np.argsort(owners, kind="stable")  # each entry's paraphrases together, for one max each
        grouped = owners[self._by_entry]
        self._starts = np.flatnonzero(np.r_[True, grouped[1:] != grouped[:-1]]) if len(grouped) else grouped
        self._owners = grouped[self._starts]
        self._entries = entries

    def best(self, bag: list[Touched], asked: list[Touched], total: float) -> list[Scored]:
        """Return the entries with a score, best first (equal scores in the entries' order)."""
        coverage, all_coverage = _dense_sums(bag, self._entries, scale=True)
        overlap, all_overlap = _dense_sums(asked, len(self._question_total), scale=False)
        precision = self._best_share(overlap)
        all_precision = precision if all_overlap is overlap else self._best_share(all_overlap)
        covered = np.minimum(coverage / total, 1.0)
        denominator = 4 * precision + covered
        # An untouched entry covers nothing: its F2 is 0, as is one's with no denominator (both shares 0).
        f2 = 5 * precision * covered / np.where(denominator > 0, denominator, 1.0)
        front = np.flatnonzero(f2)
        front = front[np.argsort(-f2[front], kind="stable")]
        return [Scored(e, evidence, min(evidence / total, 1.0), share) for e, evidence, share
                in zip(front.tolist(), all_coverage[front].tolist(), all_precision[front].tolist())]

    def _best_share(self, overlap: np.ndarray) -> np.ndarray:
        # Each entry's best share of one of its paraphrases' weight (0 for an entry no paraphrase of which is touched).
        best = np.zeros(self._entries)
        if len(self._starts):
            best[self._owners] = np.maximum.reduceat((overlap / self._question_total)[self._by_entry], self._starts)
        return best


def _dense_sums(postings: list[Touched], size: int, scale: bool) -> Pair:
    """Return each cell's sum over the strong postings alone and over all (one array if no posting is weak)."""
    if not postings:
        empty = np.zeros(size)
        return empty, empty
    positions = np.concatenate([p for (p, _), _, _ in postings])
    values = np.concatenate([v * weight if scale and weight != 1.0 else v for (_, v), weight, _ in postings])
    every = np.bincount(positions, weights=values, minlength=size)
    strong = sum(len(p) for (p, _), _, is_strong in postings if is_strong)  # the strong concepts come first
    if strong == len(positions):
        return every, every
    return np.bincount(positions[:strong], weights=values[:strong], minlength=size), every
