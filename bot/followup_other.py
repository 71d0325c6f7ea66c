"""What "他" / "ほか" / "else" is other than, after an answer: another item of the list the topic's answer gives, or
another thing of the kind the topic itself is one of.

"ドローンのほかは？" after the adopted projects names one of the things that answer lists: the others are in it.
"他の地区は？" after a district names the kind the district is one of: the entry listing them all answers.
Which entry then answers an elliptic "他には？" is decided in bot/followup.py.
"""

from __future__ import annotations

import re
from typing import Callable, Literal

from bot.followup_items import entry_of_item, listed_items
from bot.knowledge import Entry
from bot.matching import Candidate, Matcher
from bot.matchtypes import MatchResult
from bot.normalize import clean
from bot.terms import Term

# "ほかには何がある？", "what else is there?": asks for more of the things the last answer lists.
ASKS_WHAT_THERE_IS = re.compile(r"(?:何|なに|なん|どんな(?:の|もの|ところ|とこ)?|どこ)\s*(?:が|か)?\s*(?:ある|あります|あんの)"
                                r"|(?<![a-z])what\s+else\s+(?:is|are)\s+there(?![a-z])")
LISTED = re.compile(r"[、・,]")  # the separators of a list in an answer ("麻布十番、国立新美術館、…")
Other = Literal["item", "kind"]


def topic_text(entry: Entry) -> str:
    """Return the words naming an entry's topic: its title, in both languages (either kind of follow-up finds it)."""
    return " ".join(dict.fromkeys(entry.title.get(lang, "") for lang in ("ja", "en")))


class Others:
    """Reads what a message asking for "other" ones is other than, with the matcher's reading of words."""

    def __init__(self, matcher: Matcher, names_topic: Callable[[Term, bool], bool]) -> None:
        self._matcher = matcher
        self._names_topic = names_topic
        self._cache: dict[str, frozenset[str]] = {}

    def other_of(self, topic: Entry, text: str, terms: list[Term], elliptic: bool, more_of_its_list: bool) -> Other | None:
        """Return "kind" when the message names what the topic is one of ("他の地区は？" after a district), "item"
        when it names a thing the topic's answer lists ("公園はほかに？" after a district) or, naming nothing, asks
        what else there is after an answer listing several ("ほかには何がある？"); else None."""
        if more_of_its_list:
            return "item"
        named = {term.concept for term in terms if self._names_topic(term, True) and term.concept is not None}
        if named & self.concepts(topic_text(topic)):
            return "kind"
        if named & self.concepts(" ".join(topic.answer.get(lang, "") for lang in ("ja", "en"))):
            return "item"
        if elliptic and ASKS_WHAT_THERE_IS.search(clean(text)) and len(LISTED.findall(topic.answer.get("ja", ""))) >= 2:
            return "item"
        if elliptic and self._lists_only_itself(topic):
            return "item"  # "他には？" after the places staff live in: more of them, which the list is all the briefing has
        return None

    def _lists_only_itself(self, topic: Entry) -> bool:
        # A list whose items have no entries of their own (places, projects); the training menu's items do (OJT…):
        # "他には？" after it goes on to them, HR's related entries.
        items, kind = listed_items(topic.answer.get("ja", ""))
        return bool(items) and not any(entry_of_item(self._matcher.kb, item, kind) for item in items)

    def all_of_the_kind(self, topic: Entry, terms: list[Term], candidates: list[Candidate],
                        result: MatchResult) -> MatchResult:
        """Answer "他の地区は？" after a district with the first related entry speaking of that kind (the list)."""
        kinds = [term.concept for term in terms if term.concept in self.concepts(topic_text(topic))]
        chosen_id = next((entry_id for entry_id in topic.related if self._matcher.kb.entry(entry_id) is not None
                          and all(self._matcher.mentions(entry_id, kind) for kind in kinds)), None)
        if chosen_id is None:
            return result
        return MatchResult.answering(chosen_id, candidates, "the entry listing all of the topic's kind")

    def concepts(self, text: str) -> frozenset[str]:
        """Return the concepts a text names, as the matcher reads them (kept: the texts are the entries' own)."""
        found = self._cache.get(text)
        if found is None:
            found = self._cache[text] = frozenset(term.concept for term in self._matcher.read_terms(text)
                                                  if term.concept is not None)
        return found
