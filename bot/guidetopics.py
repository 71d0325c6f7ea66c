"""Another topic's question that a guide entry matched by its asked detail alone: "OJTって何か月くらい？".

The entries pointing to the recruitment guide hold every detail of their own topics by pointing (bot.details), and
their paraphrases ask with words of all kinds: 何か月分 (the bonus), 何回 (the exam's rounds), 何時から (the hours).
A question about the training's length shares those words and nothing else with them, so a guide entry may come
first. When the question names a noun that titles another topic, that few entries use and that the guide entry
never speaks of (OJT, 研修), it asks of that topic, and the guide is no answer.
"""

from __future__ import annotations

import re

from bot.details import DetailCheck
from bot.index import ConceptIndex
from bot.knowledge import KnowledgeBase
from bot.specific import Specifics
from bot.terms import Term
from bot.vocabulary import Vocabulary

NUMERAL = re.compile(r"[\d一二三四五六七八九十]")  # 一人 of 子ども一人: a count, no topic
FEW_USERS = 2  # a noun more entries use names no one topic


class GuideTopics:
    """Tells whether a question a guide entry matched names another entry's topic instead."""

    def __init__(self, details: DetailCheck, specifics: Specifics, vocabulary: Vocabulary, index: ConceptIndex,
                 kb: KnowledgeBase) -> None:
        self._details = details
        self._specifics = specifics
        self._vocabulary = vocabulary
        self._index = index
        self._position = {entry.id: position for position, entry in enumerate(kb.entries)}

    def refusal(self, terms: list[Term], entry_id: str) -> str:
        """Return why a guide entry cannot answer a question of another topic ("" when it can)."""
        other = self._other_topic(terms, entry_id)
        return f"asks of {other}, another entry's topic the guide does not speak of" if other else ""

    def _other_topic(self, terms: list[Term], entry_id: str) -> str:
        if not self._details.points_to_guide(entry_id):
            return ""
        bag = self._index.bag(self._position[entry_id])
        for term in terms:
            owner = self._specifics.title_owner(term.concept)
            if (term.weight < 1.0 or term.via in ("weak", "scan") or term.concept in bag or owner in (None, entry_id)
                    or self._details.points_to_guide(owner) or NUMERAL.match(term.token.surface)):
                continue  # another guide entry's word (給料と休み) is the guide's too
            if self._names_a_topic(term):
                return term.token.surface
        return ""

    def _names_a_topic(self, term: Term) -> bool:
        token = term.token
        return ((token.pos == "名詞" or token.is_latin) and not token.is_place
                and term.concept not in self._vocabulary.known_places
                and self._index.users(term.concept or "") <= FEW_USERS and not self._vocabulary.asks_about(token))
