"""Which district a thing is in: the entries whose title names a district, and the thing a story names.

"六本木って何地区？" is answered by a district's entry naming 六本木, never by the list of the five districts, which
says where nothing is (bot.decision). "説明会でプラチナ通りの写真を見ました。あれはどの地区？" names nothing but the
district in the question: the thing is the story's, and the district entry alone naming it answers.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from functools import cached_property

from bot.knowledge import KnowledgeBase
from bot.matchtypes import Candidate
from bot.terms import Term
from bot.vocabulary import Vocabulary
from bot.whichnoun import asks_which_district


class Districts:
    """The district-titled entries, read when first asked (resolving every title costs a large base seconds)."""

    def __init__(self, kb: KnowledgeBase, vocabulary: Vocabulary, bag_of: Callable[[str], Collection[str]],
                 users: Callable[[str], int]) -> None:
        self._kb = kb
        self._vocabulary = vocabulary
        self._bag_of = bag_of
        self._users = users

    @cached_property
    def titled(self) -> frozenset[str]:
        """Return the entries whose title names a district (地区 and its synonyms: エリア, district)."""
        return frozenset(entry.id for entry in self._kb.entries if self._words & {
            t.concept for title in entry.title.values() for t in self._vocabulary.resolve(title, False)})

    @cached_property
    def _words(self) -> frozenset[str]:
        return frozenset(t.concept for t in self._vocabulary.resolve("地区", False) if t.concept is not None)

    def of_the_story(self, text: str, terms: list[Term], candidates: list[Candidate]) -> Candidate | None:
        """Return the district entry alone naming a thing the story names, when the question asks only which district."""
        if not asks_which_district(text) or any(self._names_a_thing(t) for t in terms):
            return None
        told = {t.concept for t in terms if t.weight < 1.0 and t.concept is not None and self._users(t.concept) == 1}
        return next((c for c in candidates if c.entry_id in self.titled and told & set(self._bag_of(c.entry_id))), None)

    def _names_a_thing(self, term: Term) -> bool:
        # A word of the question's own other than the district, the city or an asking word (どこ, 何).
        return (term.weight == 1.0 and term.concept is not None and term.via != "weak" and term.concept not in self._words
                and not self._vocabulary.is_home(term.token) and not self._vocabulary.asks_about(term.token))
