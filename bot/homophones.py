"""Kana words of one reading shared by two known words: きかい is 機会 or 機械, じょせい 助成 or 女性.

Typed in kana, the reading alone cannot tell them apart, and the vocabulary's first-learned word would always win
("しょくいんに なったら べんきょうする きかい は ありますか" would ask about machines). The other words of the question
decide: the word whose entries also use them is the one meant (勉強 beside 機会, 自己啓発 beside 助成).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from bot.index import ConceptIndex
from bot.terms import Term


class Homophones:
    """Settles which of the known words of one reading a kana word means, by the question's other words."""

    def __init__(self, index: ConceptIndex, readings: Mapping[str, set[str]]) -> None:
        self._index = index
        self._shared = {reading: tuple(sorted(concepts)) for reading, concepts in readings.items() if len(concepts) > 1}

    def settle(self, terms: list[Term]) -> list[Term]:
        """Return the terms with each kana word of a shared reading read as the word its company points to."""
        if not self._shared or not any(t.via == "reading" and t.token.reading in self._shared for t in terms):
            return terms
        return [self._settled(term, terms) if term.via == "reading" and term.token.reading in self._shared else term
                for term in terms]

    def _settled(self, term: Term, terms: list[Term]) -> Term:
        others = {t.concept for t in terms if t is not term and t.concept is not None and t.via != "weak"}
        if not others:
            return term
        company = {concept: sum(1 for position in self._index.user_entries(concept)
                                if not others.isdisjoint(self._index.bag(position)))
                   for concept in self._shared[term.token.reading]}
        best = max(company, key=company.__getitem__)
        return replace(term, concept=best) if company[best] > company.get(term.concept, 0) else term
