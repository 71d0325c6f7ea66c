"""Other municipalities named in a question: asked about, where the candidate comes from, or a trip's start.

A place named as where one comes from ("大阪からでも受験できる？") is context; one asked about ("大阪市の予算は？") is
answered only by an entry that itself speaks of it; a trip from a named place ("千葉駅から区役所まで何分？") is
answered only by an answer naming that place (bot.partof).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection

from bot.details import DetailCheck
from bot.matchtypes import Candidate
from bot.normalize import clean
from bot.origin import is_origin, office_trip, trip_refusal
from bot.terms import Term
from bot.vocabulary import Vocabulary

# "プラ…なんとか通り": a word half remembered, no place; "韓国籍の息子": a nationality, no place either
NO_PLACE_AFTER = re.compile(r"\s*(?:…|\.\.\.|・・・|なんとか|籍|の\s*国籍)")
COMMUTES_FROM = re.compile(r"から\s*も?\s*(?:通って|通勤して|かよって|通っ|通勤し)[^。？?]{0,6}?(?:人|方|職員)"
                           r"|(?<![a-z])(?:commute|commutes|commuting)\s+from(?![a-z])")
LISTED = re.compile(r"(?:入って|挙がって|あがって|含まれて|載って|出て)(?:い)?(?:ます|まし|た|る|ない|ません|へん|なかった)"
                    r"|挙がった|含まれ(?:る|ます)|(?<![a-z])(?:on the list|among them|included|mentioned)(?![a-z])"
                    # "…三田と虎ノ門と、あと品川区もでしたっけ？", "品川とかにもあるんですか？それとも区内だけ？"
                    r"|(?:区|市|町)?(?:とか)?(?:に|で)?も(?:でしたっけ|だっけ|ありました(?:っけ)?|あったっけ)"
                    r"|(?:とか|など)(?:に|で)?も?(?:ある|あります)[^。？?]{0,6}[?？]\s*それとも")
# "Is Minato's budget bigger than Berlin's?", "the population of Shanghai compared to Minato", "compared to working at
# Google": a name (capitalised, as typed) weighed against the city; one the knowledge never speaks of cannot be compared.
COMPARED_NAME = re.compile(r"(?:bigger|larger|smaller|higher|lower|more|less|better|worse|richer|cheaper)\s+than\s+"
                           r"(?:the\s+(?:city|ward|town|state)\s+of\s+)?([A-Z][a-z]+)"
                           r"|compared?\s+(?:to|with)\s+(?:working\s+(?:at|for)\s+)?([A-Z][a-z]+)"
                           r"|(?:of|in)\s+([A-Z][a-z]+)\s+compared\s+(?:to|with)")
NAMING_MARGIN = 40.0  # how far below the best an entry naming the place people commute from may score and answer
Verdict = tuple[str, str]  # a decision's kind (answer, fallback) and why


class OtherPlaces:
    """Keeps the candidates that may answer about the places a question names, or decides the question itself."""

    def __init__(self, details: DetailCheck, vocabulary: Vocabulary, bag_of: Callable[[str], Collection[str]]) -> None:
        self._details = details
        self._vocabulary = vocabulary
        self._bag_of = bag_of

    def filter(self, text: str, terms: list[Term],
               candidates: list[Candidate]) -> tuple[list[Candidate], Verdict | None]:
        """Return the candidates left, and a decision when the places settle the question."""
        stranger = self._compared_stranger(text)
        if stranger:  # "bigger than Berlin's": no answer speaks of it
            return candidates, ("fallback", f"compares with {stranger}, which the knowledge never speaks of")
        if office_trip(text):
            return candidates, ("fallback", "asks the time or way of one trip to the city's offices")
        # A place named in the context ("渋谷区に住んでいます。") is not what is asked about, nor where one comes from
        # ("大阪からでも受験できる？"), unless a trip's time from there is asked ("千葉駅から区役所まで何分？").
        cleaned = clean(text)
        named = [t for t in terms if t.weight == 1.0 and self._vocabulary.is_foreign_place(t.token)
                 and not NO_PLACE_AFTER.match(cleaned, cleaned.find(clean(t.token.surface)) + len(t.token.surface))]
        places = [t for t in named if not is_origin(text, t.token.surface)]
        origins = [t for t in named if t not in places]
        if candidates and origins:
            trip = trip_refusal(text, origins, self._details.answer_text(candidates[0].entry_id))
            if trip:
                return candidates, ("fallback", trip)
        if candidates and origins and COMMUTES_FROM.search(text) and not self._details.asked(text):
            # "川崎から通っている人はいますか？": whether people come from there, which the entry naming it answers.
            naming = next((c for c in candidates if c.score >= candidates[0].score - NAMING_MARGIN
                           and self._mentions_all(c.entry_id, origins)), None)
            if naming is not None:
                return [naming, *(c for c in candidates if c is not naming)], (
                    "answer", "its answer names the place asked about")
        if places and not LISTED.search(text):
            # Another municipality's name: only an entry that itself speaks of that place may answer. Not when it is
            # asked whether the place is among those an answer lists ("埼玉は入っていましたか？"): the list answers.
            candidates = [c for c in candidates if self._mentions_all(c.entry_id, places)]
            if not candidates:
                return candidates, ("fallback", "another municipality")
        return candidates, None

    def _compared_stranger(self, text: str) -> str:
        # A capitalised name weighed against the city that no word of the knowledge reads as (Berlin, Google).
        for found in COMPARED_NAME.finditer(text):
            name = next(group for group in found.groups() if group)
            words = self._vocabulary.resolve(name.lower(), False)
            if not any(t.concept is not None or self._vocabulary.is_home(t.token) for t in words):
                return name
        return ""

    def _mentions_all(self, entry_id: str, places: list[Term]) -> bool:
        bag = self._bag_of(entry_id)
        return all(place.concept in bag for place in places)
