"""Follow-ups: read a message that names no topic of its own ("いつまで？", "何人？", "how many?") against the last one.

A chat message often leans on the one before: after the pre-class answer "いつまで？" asks when the pre-class period
ends. Such a message is elliptic when none of its words names a topic: they only ask (question words), name an
aspect of something (期間, 場所, 理由, 他, a counter), ask for a detail the knowledge describes (scope.yaml
`detail_questions` cues: 何人, 家賃, 住所), or, in a short message, say what is done (住める？). It is then read as if
the last topic's title came right before it, so the usual ranking and detail routing pick the entry holding the
asked fact; of entries fitting about as well, the one nearest the topic (itself, its `related:` entries in order,
its category) is meant; an entry far from the topic does not answer it, nor does the topic's own answer again when
it lacks the asked detail. "他には？" asks for the topic's first related entry.

A message that names a topic of its own is a question of its own: the context only helps when it points back
(それって新人も？), cannot be answered alone (都内で何番目？), or is a close call among entries the topic settles
(スローガンは？ after a district). Without a topic, an elliptic message gets "did you mean" or "I don't know":
never a guess.
"""

from __future__ import annotations

import re
import threading
import weakref
from dataclasses import dataclass, replace

from bot.aspects import ASPECT_WORDS
from bot.details import DetailCheck
from bot.focus import POINTED_WEIGHT, POINTING, QUESTION_WORD, Reading
from bot.followup_asks import (ambiguous, asks_another_item, brief, counts_an_item, dates_the_figure, points_back,
                               written_words)
from bot.followup_items import ordinal_item
from bot.followup_near import Nearness
from bot.followup_named import asked_of_a_part, neighbour_named
from bot.followup_other import Others, topic_text as _topic_text
from bot.followup_topic import TopicItself
from bot.knowledge import Entry
from bot.matching import Candidate, Matcher
from bot.matchtypes import MatchResult
from bot.normalize import clean
from bot.terms import Term

MAX_SUGGESTED = 3
MORE_WORDS = frozenset("詳しい 詳細 もっと 更に さらに 続き more detail details".split())
EXAMPLE_MARK = r"\s*(?:とか|なんか|など|みたいな|や)"  # "テレビとか取材": テレビ is an example of what follows
TOPIC_POS = frozenset({"名詞", "固有名詞"})
VERB_USE = re.compile(r"^(?:さ(?:れ|せ)|し(?:た|て|ま)|する)")  # not できる: "テレワークできる？" names telework
SHORT_MESSAGE = 12  # characters: a chat follow-up is short ("いくらまで出るの？")
KANA_NOUN = 3  # kana: a noun typed in kana this long (ていあん) is a word, not the filler around a count
COUNT_WORD = re.compile(r"なん|いく|何|幾")  # なんさい, いくつ: the count itself, no topic
OTHER = re.compile(r"他|ほか|以外|(?<![a-z])(?:else|other|others|another)(?![a-z])")

@dataclass(frozen=True)
class Understanding:
    """How a message was read in its conversation: the matcher's reading, and whether the context decided."""

    reading: Reading
    candidates: list[Candidate]
    result: MatchResult
    elliptic: bool  # the message names no topic of its own
    context_note: str = ""  # for `kb explain`: how the last topic was used, "" when it was not


class FollowUps:
    """Reads messages against the last topic, with one matcher (built again when the knowledge changes)."""

    def __init__(self, matcher: Matcher) -> None:
        self._matcher = matcher
        self._aspects = matcher.vocabulary.aspects  # 期間, 理由, 何人: they ask about the topic (bot.aspects)
        self._details = DetailCheck(matcher.kb, follow_ups=True)
        self._others = Others(matcher, self._names_topic)
        self._nearness = Nearness(matcher, self._details, self._names_nothing)
        self._closest_to, self._within_family = self._nearness.closest_to, self._nearness.within_family
        self._near, self._distance = self._nearness.near, self._nearness.distance
        self._itself = TopicItself(matcher, self._details, self._others, self._names_topic)

    def understand(self, text: str, topic: Entry | None) -> Understanding:
        """Read a message, against the topic when it names none of its own (or points back at it)."""
        reading, candidates, result = self._matcher.understand(text)
        if result.kind in ("invalid", "smalltalk"):
            return Understanding(reading, candidates, result, elliptic=False)
        short = len(clean(text)) <= SHORT_MESSAGE
        if short and self._details.asked(text):  # "いつ実施されるの？": 実施 used as a verb says what is done (行われる)
            reading = replace(reading, terms=[_as_verb(term, clean(text)) for term in reading.terms])
        # "何歳？" names nothing (though HR's synonyms read 何歳 as the application's age limits): whose age is the topic's.
        elliptic = (self._details.only_counts(text) and not self._kana_topic(reading.terms)) or not any(
            self._names_topic(term, short) for term in reading.terms)
        if topic is not None:
            contextual = self._after(text, topic, elliptic, Understanding(reading, candidates, result, elliptic))
            if contextual is not None:
                return contextual
        if elliptic and result.kind == "answer" and OTHER.search(clean(text)):
            result = MatchResult("fallback", reason="no topic to follow up on")  # "他には？" alone: other than what?
        elif elliptic and result.kind == "answer" and ambiguous(result.candidates):
            # "何人？" with nothing before it: of what? Offer the likeliest topics rather than guess one. ("広さは？"
            # has one reading only, the city's area: that is no guess.)
            result = MatchResult("clarify", result.candidates[:MAX_SUGGESTED], reason="no topic to follow up on")
        return Understanding(reading, candidates, result, elliptic=elliptic)

    def _after(self, text: str, topic: Entry, elliptic: bool, alone: Understanding) -> Understanding | None:
        # "もうちょい詳しく", "2番目の地区は？": the topic again, or an item of its list; "社宅に住んでない人は…": not it.
        if (picked := self._itself.picked(topic, text, alone.reading.terms, alone.candidates)) is not None:
            return Understanding(alone.reading, alone.candidates, picked[0], True, f"after the last topic: {picked[1]}")
        if (kept := self._itself.set_aside(topic, text)) is not None:
            return Understanding(*self._matcher.understand(kept), elliptic, f"{topic.id} set aside: {kept}")
        # The topic's title stands before the message: fully when the message names nothing else or could not be
        # answered alone ("都内で何番目？"), a little when it points back at it ("それって新人も？").
        # "いくつ採用された？" after the adopted projects: the entry answering it alone (the five districts' 5つ) speaks of
        # none of its words, only its question word fits; so it names no topic of its own, and asks the topic's count.
        elliptic = elliptic or self._unexplained(topic, text, alone)
        pointing = bool(POINTING.search(clean(text)))
        # A brief message pointing back ("それって新人も？") or naming what only the topic spoke of ("土井さんは何歳？")
        # is about the topic: answered near it, or not at all, never by an entry the topic has nothing to do with.
        anchored = not elliptic and not pointing and self._anchored(topic, text, alone)
        bound = not elliptic and (points_back(text) or anchored)
        leaning = _leaning(elliptic, pointing, anchored, alone.result)
        if leaning is None:
            # A question of its own, answered on its own; the context only settles a close call ("スローガンは？"
            # fits the five districts about as well: after the Shiba district, it asks for Shiba's) or asks the city's
            # fact of the topic, a part of it ("人口は？" after the Shiba district: Shiba's, not in the briefing).
            settled = self._of_a_part(topic, text, alone) or self._closest_to(topic, text, alone.result)
            if settled is alone.result:
                return None
            note = f"a close call settled by the last topic {topic.id} ({topic.title.get('ja', '')})"
            return Understanding(alone.reading, alone.candidates, settled, elliptic, note)
        how, weight = leaning
        reading, candidates, result = self._read_after(text, topic, elliptic, weight, alone)
        short = len(clean(text)) <= SHORT_MESSAGE
        if not elliptic and not (result.kind == "answer"
                                 and ((pointing and not bound) or self._near(topic, result.candidates[0]))
                                 and self._explains(result.candidates[0].entry_id, alone.reading.terms, short,
                                                  clean(text))):
            if not bound:
                return None  # "駐車場はある？" after staff housing: the housing answer says nothing of parking
            result = MatchResult("fallback", result.candidates, reason="about the last topic, which does not say")
        note = f"read after the last topic {topic.id} ({topic.title.get('ja', '')}): the message {how}"
        return Understanding(reading, candidates, result, elliptic, note)

    def _read_after(self, text: str, topic: Entry, elliptic: bool, weight: float,
                    alone: Understanding) -> tuple[Reading, list[Candidate], MatchResult]:
        # "他には？" asks for something else than what was just answered: the nearest of its related entries;
        # "もう一人は？" for another item of the list just given. (Another district, "他の地区は？" after Shiba, is
        # not Shiba's either.)
        asks_other = bool(OTHER.search(clean(text)))
        other = self._others.other_of(topic, text, alone.reading.terms, elliptic,
                                      self._more_of_the_topics_kind(topic, alone.reading.terms)) if asks_other else None
        item = asks_another_item(text) or other == "item"
        reading, candidates, result = self._matcher.understand_after(text, _topic_text(topic), weight,
                                                                     topic.id if asks_other and not item else None)
        by_position = ordinal_item(self._matcher.kb, topic, text) if elliptic and item else None
        if by_position is not None:  # "3つ目は？": the third item's own entry, or none past the end of the list
            chosen, why = by_position
            return reading, candidates, (MatchResult.answering(chosen, candidates, why) if chosen
                                         else MatchResult("fallback", tuple(candidates), reason=why))
        if elliptic and (item or asks_other):
            result = self._nearness.another(topic, text, item, candidates, result)
        elif other == "kind":
            result = self._others.all_of_the_kind(topic, alone.reading.terms, candidates, result)
        if elliptic:  # a message of its own words ("ドローンのやつ…") knows better what it is about than the topic
            result = self._closest_to(topic, text, result, wide=True)
            result = self._nearness.not_a_repeat(topic, text, self._within_family(topic, text, result))
            result = self._nearness.figure_near(topic, text, result)
            if not (item or asks_other):
                result = self._named_nearby(topic, text, alone.reading.terms, candidates, result)
            if dates_the_figure(text):  # "いつのデータ？": the date of the topic's own figure, or the briefing has none
                result = (MatchResult.answering(topic.id, candidates, "the date of the last answer's figure")
                          if self._details.holds(topic.id, self._details.asked(text), stated=True)
                          else MatchResult("fallback", tuple(candidates), reason="the last answer does not date its figure"))
        result = self._itself.of_the_topic(topic, text, alone.reading.terms, candidates, result, elliptic)
        return reading, candidates, result

    def _named_nearby(self, topic: Entry, text: str, terms: list[Term], candidates: list[Candidate],
                      result: MatchResult) -> MatchResult:
        # "5月からは？" (a figure the timeline states), "どういう制度？" (a related entry's title word): that entry.
        # "もっと詳しく" asks more of the topic itself, not of the entry titled さらに詳しく知るには.
        named = {term.concept for term in terms if term.concept and term.via != "weak" and not term.token.weak
                 and not ({term.concept, clean(term.token.lemma)} & MORE_WORDS)}
        answering = result.candidates[0].entry_id if result.kind == "answer" else None
        chosen = neighbour_named(self._matcher.kb, topic, text, named, answering, self._details.answer_text,
                                 lambda entry: self._others.concepts(_topic_text(entry)))
        if chosen is None or (result.kind == "answer" and result.candidates[0].entry_id == chosen) \
                or not self._details.holds(chosen, self._details.asked(text)):
            return result
        return MatchResult.answering(chosen, candidates, "the neighbour of the last topic its words name")

    def _of_a_part(self, topic: Entry, text: str, alone: Understanding) -> MatchResult | None:
        short, best = len(clean(text)) <= SHORT_MESSAGE, self._matcher.kb.entry(alone.result.candidates[0].entry_id)
        named = {t.concept for t in alone.reading.terms if self._names_topic(t, short) and t.concept is not None}
        if not brief(text) or best is None or self._near(topic, alone.result.candidates[0]) or any(
                t.token.is_place for t in alone.reading.terms) or not asked_of_a_part(
                topic, best, named, self._details.home, lambda entry: self._others.concepts(_topic_text(entry))):
            return None
        return MatchResult("fallback", alone.result.candidates, reason="the city's fact asked of the last topic, a part of it")

    def _more_of_the_topics_kind(self, topic: Entry, terms: list[Term]) -> bool:
        # "他のメリットは？" after the pre-class merits: more of what the topic's answer lists (an aspect its title
        # names), so another item of it, not another entry.
        title = self._others.concepts(_topic_text(topic))
        return any(term.concept in title and clean(term.token.lemma) in ASPECT_WORDS and not OTHER.search(
            clean(term.token.surface)) for term in terms)

    def _anchored(self, topic: Entry, text: str, alone: Understanding) -> bool:
        # "土井さんは何歳？" after the panel: 土井 is the panel's, and the entry answering the message alone (the age
        # limits) says nothing of him, so that answer is not to this message.
        if alone.result.kind != "answer" or not brief(text) or self._itself.clearly_its_own(topic, alone):
            return False
        best = alone.result.candidates[0].entry_id
        short = len(clean(text)) <= SHORT_MESSAGE
        if self._near(topic, alone.result.candidates[0]):
            return False
        mine = [term for term in alone.reading.terms if (self._names_topic(term, short) or self._says_what(term))
                and not self._matcher.vocabulary.is_home(term.token)]
        # "何年入区？" after the panel: 入区 is written in the panel's answer only (the analyzer splits it into parts
        # other entries use too), so the word as typed ties the message to the topic.
        answers = self._details.answer_text
        # Not a word asking an aspect of any topic: "港区で働くメリットは？" after the pre-class merits asks its own.
        typed = clean(text)
        for term in alone.reading.terms:
            typed = typed.replace(clean(term.token.surface), " ") if self._names_nothing(term) else typed
        if any(word in answers(topic.id) and word not in answers(best) for word in written_words(typed)):
            return True
        return any(self._matcher.mentions(topic.id, term.concept) and not self._matcher.mentions(best, term.concept)
                   for term in mine)

    def _unexplained(self, topic: Entry, text: str, alone: Understanding) -> bool:
        # Only a message asking a detail the topic states ("いくつ", 5件): "テレワークできる？" after the commuting time
        # asks nothing the commuting time holds.
        asked = self._details.asked(text)
        if alone.result.kind != "answer" or not brief(text) or not asked or not self._details.holds(topic.id, asked, stated=True):
            return False
        named = [t for t in alone.reading.terms if self._names_topic(t, len(clean(text)) <= SHORT_MESSAGE)]
        best = alone.result.candidates[0].entry_id
        return bool(named) and all(t.concept is not None and self._matcher.knows(t.concept)
                                   and not self._matcher.mentions(best, t.concept) for t in named)

    def _says_what(self, term: Term) -> bool:
        # A verb or adjective ("新卒も住める？": 住める) ties a short message to the topic that speaks of it.
        return term.via != "weak" and not term.token.weak and term.token.pos in ("動詞", "形容詞")

    def _explains(self, entry_id: str, terms: list[Term], short: bool, cleaned: str = "") -> bool:
        # Every topic the message names itself must be one the answering entry speaks of; a word no entry uses
        # ("テレビとか取材…" after the cafeteria, whose answer speaks of media coverage) only gives an example of one
        # that it does, and cannot be explained alone.
        named = [term for term in terms if self._names_topic(term, short)]
        examples = [term for term in named if (term.concept is None or not self._matcher.knows(term.concept))
                    and re.search(re.escape(clean(term.token.surface)) + EXAMPLE_MARK, cleaned)]
        meant = [term for term in named if term not in examples]
        if not named:
            return True
        return bool(meant) and all(self._matcher.mentions(entry_id, term.concept) for term in meant)

    def _names_nothing(self, term: Term) -> bool:
        # "もう一人は？": もう and 一人 only say which one; "それって…": それ points at one; 期間, 何人 ask about one
        token = term.token
        words = {clean(token.lemma), clean(token.surface), term.concept}
        return bool(words & self._aspects) or counts_an_item(token.surface) or token.lemma.startswith("何") \
            or QUESTION_WORD.fullmatch(token.lemma) is not None or POINTING.fullmatch(clean(token.surface)) is not None

    def _kana_topic(self, terms: list[Term]) -> bool:
        # "ていあんってなんけんあったの": a noun typed in kana beside the count (not filler) names what is counted.
        return any(t.token.is_kana and t.token.pos in TOPIC_POS and t.concept is not None and t.via not in ("weak", "scan")
                   and len(t.token.surface) >= KANA_NOUN and not COUNT_WORD.match(t.token.surface)
                   and not self._names_nothing(t) for t in terms)

    def _names_topic(self, term: Term, short: bool) -> bool:
        token = term.token
        if self._names_nothing(term):
            return False
        if term.via == "weak" or token.weak:
            # A function word the knowledge never uses is more likely a misread topic (ちく for 地区) than a hint.
            return token.is_kana and term.concept is not None and not self._matcher.knows(term.concept)
        # Nouns name topics, known or not ("ボーナスは？" is a question of its own); in a short message verbs and
        # adjectives ("いくらまで出るの？", "住める？") say what is asked about the topic, in a longer one they may
        # name it themselves ("働きやすい職場づくりって…").
        return token.pos in TOPIC_POS or token.is_latin or not short


_FOLLOWUPS: weakref.WeakKeyDictionary[Matcher, FollowUps] = weakref.WeakKeyDictionary()
_FOLLOWUPS_LOCK = threading.Lock()


def followups_for(matcher: Matcher) -> FollowUps:
    """Return the follow-up reader of a matcher (one per knowledge version; a reload builds a new matcher)."""
    with _FOLLOWUPS_LOCK:
        found = _FOLLOWUPS.get(matcher)
        if found is None:
            found = _FOLLOWUPS[matcher] = FollowUps(matcher)
        return found


def _as_verb(term: Term, cleaned: str) -> Term:
    # A noun of action right before する/される (実施される, 開催した) is used as a verb: it names no topic.
    surface = clean(term.token.surface)
    if term.token.pos != "名詞" or not surface or not VERB_USE.search(cleaned.split(surface, 1)[-1]) or surface not in cleaned:
        return term
    return replace(term, token=term.token._replace(pos="動詞"))


def _leaning(elliptic: bool, pointing: bool, anchored: bool, alone: MatchResult) -> tuple[str, float] | None:
    # How a message leans on the topic (for `kb explain`) and how much the topic's words count; None: it does not.
    if elliptic:
        return "names no topic of its own", 1.0
    if pointing:
        return "points back at it", POINTED_WEIGHT
    if anchored:
        return "names what the last answer spoke of", 1.0
    if alone.kind != "answer":
        return "is not answered on its own", 1.0
    return None
