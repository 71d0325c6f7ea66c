"""Which of the guide's entries answers: the one holding the detail asked, or the one whose title the question names.

The four entries pointing to the recruitment guide (pay, the exam, leave and hours, how to apply) share many words:
"障害者対象の試験は例年いつ頃？" leans to who may apply (障害者), though the exam's entry holds its dates, and
"デジタル系の職種の採用試験ってありますか" to how to apply (職種), though it names the exam's title (試験). The question
asks the guide either way; the entry to answer is the one whose topic it asks.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.details import Asked, DetailCheck
from bot.guidetopics import GuideTopics
from bot.matchtypes import Candidate
from bot.specific import Specifics
from bot.terms import Term

# "しけんを うけられますか", "受けられる試験ってある？": whether one may take it asks who may apply, however the exam is named
MAY_TAKE = re.compile(r"(?:受け|うけ)(?:られ|れる|れま|る\s*こと\s*(?:が|は)?\s*(?:でき|出来))"
                      r"|(?:受験|じゅけん|応募|おうぼ)\s*(?:でき|出来)|can\s+i\s+(?:take|apply)", re.I)
TITLE_MARGIN = 25.0  # how far below the best a guide entry whose title the question names may be put first


class GuideChoice:
    """Picks, among the guide's entries, the one whose topic a question asks."""

    def __init__(self, details: DetailCheck, specifics: Specifics, guide_topics: GuideTopics,
                 acceptable: Callable[[Candidate], bool]) -> None:
        self._details = details
        self._specifics = specifics
        self._guide_topics = guide_topics
        self._acceptable = acceptable

    def holding(self, candidates: list[Candidate], asked: list[Asked]) -> Candidate | None:
        """Return the guide entry holding the detail asked when the best one, a guide entry too, does not."""
        if not self._guides(candidates[0]):
            return None
        return next((c for c in candidates[1:5] if self._guides(c) and self._details.holds(c.entry_id, asked)), None)

    def titled(self, candidates: list[Candidate], terms: list[Term], text: str) -> Candidate | None:
        """Return the guide entry whose title the question names when the best one's title it does not, or None.

        Not when it asks whether one may take the exam: that is who may apply (how to apply), whatever it names."""
        if len(candidates) < 2 or not self._guides(candidates[0]) or MAY_TAKE.search(text):
            return None
        best = candidates[0]
        owners = {self._specifics.title_owner(t.concept) for t in terms if t.weight == 1.0 and t.via != "weak"}
        if best.entry_id in owners:
            return None
        return next((c for c in candidates[1:4] if c.entry_id in owners and self._guides(c)
                     and c.score >= best.score - TITLE_MARGIN and self._answers(c, terms, text)), None)

    def _guides(self, candidate: Candidate) -> bool:
        return self._details.points_to_guide(candidate.entry_id)

    def _answers(self, candidate: Candidate, terms: list[Term], text: str) -> bool:
        # On its own: above the accept line, or from the guide's lower line when it names its topic (bot.guidetopics).
        return self._acceptable(candidate) or self._guide_topics.names_its_topic(candidate.entry_id, candidate.score,
                                                                                 terms, text)
