"""Rank entries for a question and decide whether the bot is confident enough to answer."""

from __future__ import annotations

import bisect
import math
import re
from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import replace

from rapidfuzz import fuzz, process

from bot.aspects import ASPECT_WORDS
from bot.bothasked import both_asked
from bot.decision import Decider
from bot.focus import Reading, read_message
from bot.fuzzykeys import FuzzyKeys
from bot.gcpause import gc_paused, keep_out_of_collections
from bot.homophones import Homophones
from bot.index import ConceptIndex, Scored, f2_score
from bot.knowledge import KnowledgeBase
from bot.matchtypes import Candidate, Kind, MatchResult, MatchSettings
from bot.normalize import clean, has_letters, to_katakana
from bot.phonetyping import is_kana_heavy
from bot.scope import SmallTalk
from bot.vocabulary import WEAK_PREFIX, Term, Vocabulary

# English words that ask about a topic (how long, period, number): the knowledge's English questions use them, so they
# are known words, but they name no topic. Weighed as one, "How long does the OJT last?" went to the entry whose
# questions ask "how long" (the pre-class period). Question words and ordinals keep their weight: they pick one.
PICKING = "when where who why how what which first second third fourth fifth sixth seventh eighth ninth tenth one ones"
ASKING_IN_ENGLISH = frozenset(word for word in ASPECT_WORDS if word.isascii() and word.isalpha()) - set(PICKING.split())

__all__ = ["Candidate", "Kind", "MatchResult", "MatchSettings", "Matcher", "group_similar"]

# The easy answer restates ja's facts with readings in kana (職員（しょくいん）): indexing it again would only shift
# the weights of words ja already holds and add stray kana words, so matching reads ja and en answers only.
UNINDEXED_ANSWER_LANGS = frozenset({"easy"})
ANSWER_WEIGHT = 0.5  # words found only in an answer count for less than the entry's own questions
LONG_MARK = "ー"
KATAKANA_WORD = re.compile(r"^[ァ-ヺー]{3,}$")

class Matcher:
    """An index over one KnowledgeBase; rebuilt when the knowledge changes."""

    def __init__(self, kb: KnowledgeBase, settings: MatchSettings = MatchSettings()) -> None:
        with gc_paused():  # the build makes no cycles: collections would only walk what it has built so far
            self._build(kb, settings)
        keep_out_of_collections(len(kb.entries))

    def _build(self, kb: KnowledgeBase, settings: MatchSettings) -> None:
        self.kb = kb
        self.settings = settings
        self.vocabulary = Vocabulary(kb)
        bags, question_concepts = self._learn_entries()
        self._idf = self._compute_idf(bags)
        self._unknown_weight = max(self._idf.values(), default=1.0)
        self._index = ConceptIndex(bags, [(entry, self._question_weights(c)) for entry, c in question_concepts])
        self._decider = Decider(kb, self.vocabulary, self._index, settings)
        self._homophones = Homophones(self._index, self.vocabulary.homophones)  # きかい: 機会 or 機械
        self._fuzzy_keys = [k for k in self.vocabulary.concept_keys() if len(k) >= 3 and not k.startswith(WEAK_PREFIX)]
        self._within_reach = FuzzyKeys(self._fuzzy_keys).within_reach
        self._fuzzy_order = {key: order for order, key in enumerate(self._fuzzy_keys)}
        self._ascii_keys = sorted(k for k in self._fuzzy_keys if k.isascii())
        self._bare_loans = _bare_loan_words(self._fuzzy_keys)
        self._smalltalk = [(_core(p), item) for item in kb.scope.smalltalk for p in item.patterns if _core(p)]
        # each pattern's first item, as a scan in order finds it (reversed: the first written last wins)
        self._smalltalk_exact: dict[str, SmallTalk] = dict(reversed(self._smalltalk))
        self._positions = {entry.id: position for position, entry in enumerate(kb.entries)}

    def _learn_entries(self) -> tuple[list[dict[str, float]], list[tuple[int, list[str]]]]:
        bags: list[dict[str, float]] = [{} for _ in self.kb.entries]
        questions: list[tuple[int, list[str]]] = []
        deferred: list[tuple[int, str]] = []
        for index, entry in enumerate(self.kb.entries):
            for text in entry.keywords + tuple(entry.title.values()):
                bags[index].update(dict.fromkeys(self.vocabulary.learn(text), 1.0))
            for text in (q for qs in entry.questions.values() for q in qs):
                if is_kana_heavy(clean(text)):
                    deferred.append((index, text))  # read like a user's question, once the vocabulary is known
                    continue
                concepts = self.vocabulary.learn(text)
                bags[index].update(dict.fromkeys(concepts, 1.0))
                questions.append((index, concepts))
            for lang, text in entry.answer.items():
                if lang in UNINDEXED_ANSWER_LANGS:
                    continue
                for concept in self.vocabulary.learn(text):
                    bags[index].setdefault(concept, ANSWER_WEIGHT)
        for index, text in deferred:
            concepts = self.vocabulary.learn_like_a_question(text)
            bags[index].update(dict.fromkeys(concepts, 1.0))
            questions.append((index, concepts))
        return bags, questions

    def _compute_idf(self, bags: list[dict[str, float]]) -> dict[str, float]:
        frequency: dict[str, int] = defaultdict(int)
        for bag in bags:
            for concept in bag:
                frequency[concept] += 1
        total = len(bags)
        return {concept: math.log(1 + total / count) for concept, count in frequency.items()}

    def _question_weights(self, concepts: list[str]) -> dict[str, float]:
        return {c: self._idf[c] * (self.settings.weak_weight if c.startswith(WEAK_PREFIX) else 1.0) for c in concepts}

    def match(self, text: str) -> MatchResult:
        """Decide how to reply to one question."""
        return self.explain(text)[2]

    def explain(self, text: str) -> tuple[list[Term], list[Candidate], MatchResult]:
        """Return how a question was read, its best entries and the decision (for HR)."""
        reading, candidates, result = self.understand(text)
        return reading.terms, candidates, result

    def understand(self, text: str) -> tuple[Reading, list[Candidate], MatchResult]:
        """Return how a message was read (which clause asks), its best entries and the decision."""
        return self._understand(text, self._resolve)

    def understand_with(self, text: str, synonyms: Mapping[str, str]) -> tuple[Reading, list[Candidate], MatchResult]:
        """Read a message as if each unknown word of `synonyms` were a synonym of its known concept (HR's previews).

        The knowledge is not changed: `minato-bot kb suggest-synonyms` shows what a proposed synonym would answer.
        """
        def resolve(part: str, typos: bool = True) -> list[Term]:
            return [replace(term, concept=synonyms[term.token.lemma], via="synonym")
                    if term.concept is None and term.token.lemma in synonyms else term
                    for term in self._resolve(part, typos)]

        return self._understand(text, resolve)

    def _understand(self, text: str, resolve: Callable[..., list[Term]]) -> tuple[Reading, list[Candidate], MatchResult]:
        if not has_letters(text):
            return Reading([], text, ""), [], MatchResult("invalid", reason="no words")
        reading, candidates = self._read(text, resolve)
        terms = reading.terms
        smalltalk = self._smalltalk_for(text, terms)
        if smalltalk is not None:
            return reading, candidates[:5], MatchResult("smalltalk", smalltalk=smalltalk)
        result = self._decider.decide(reading.focus, terms, candidates, reading.asking)
        both = both_asked(reading.focus) if result.kind != "answer" or result.reason != "comparison" else None
        return reading, candidates[:5], (self._each_answered(both, resolve, candidates[:5]) if both else None) or result

    def _each_answered(self, sides: tuple[str, str], resolve: Callable[..., list[Term]],
                       close: list[Candidate]) -> MatchResult | None:
        # "外国人の人数と国籍の数、両方教えて": each side read as a question; two entries answering them answer together,
        # if both are among the best of the whole question (a side read alone may lose what the whole asks of it).
        answers, best = [], {c.entry_id for c in close}
        for side in sides:
            reading, candidates = self._read(side, resolve)
            result = self._decider.decide(reading.focus, reading.terms, candidates)
            if result.kind != "answer" or result.best is None or result.best.entry_id not in best:
                return None
            answers.append(result.best)
        first, second = answers
        if first.entry_id == second.entry_id:
            return None
        return MatchResult("answer", (first, second), reason="comparison")

    def _read(self, text: str, resolve: Callable[..., list[Term]]) -> tuple[Reading, list[Candidate]]:
        reading = read_message(text, resolve, self.vocabulary.asks_about, self.vocabulary.is_home)
        return reading, self._rank(reading.terms, limit=20)  # room for the filters in decide

    def understand_after(self, text: str, topic: str, weight: float = 1.0,
                         exclude: str | None = None) -> tuple[Reading, list[Candidate], MatchResult]:
        """Read a follow-up as if the topic's words came right before it ("外国人の数" then "何人？").

        The topic's words count with `weight` (1: as much as the message's own); the asked details are the message's.
        An `exclude`d entry cannot answer ("他には？" asks for another one).
        """
        reading = read_message(text, self._resolve, self.vocabulary.asks_about, self.vocabulary.is_home)
        topic_terms = [term if weight == 1.0 else term.weighing(weight) for term in self._resolve(topic, False)]
        terms = topic_terms + reading.terms
        candidates = [c for c in self._rank(terms, limit=20) if c.entry_id != exclude]
        return Reading(terms, reading.focus, reading.note), candidates[:5], self._decider.decide(reading.focus, terms, candidates)

    def read_terms(self, text: str) -> list[Term]:
        """Return the words of a text as the matcher reads them (a title, say), without typo repair."""
        return self._resolve(text, False)

    def mentions(self, entry_id: str, concept: str | None) -> bool:
        """Tell whether an entry's questions, keywords, title or answer use a concept (never an unknown word)."""
        position = self._positions.get(entry_id)
        return concept is not None and position is not None and concept in self._index.bag(position)

    def knows(self, concept: str) -> bool:
        """Tell whether any entry uses a concept (a word the analyzer took for a particle may still be a topic)."""
        return concept in self._idf

    def rank(self, text: str, limit: int = 5) -> list[Candidate]:
        """Return the best entries for a question, best first."""
        return self._rank(read_message(text, self._resolve, self.vocabulary.asks_about, self.vocabulary.is_home).terms, limit)

    def _resolve(self, text: str, typos: bool = True) -> list[Term]:
        terms = self.vocabulary.resolve(text, typos)
        return self._homophones.settle([self._fuzzy(term) if term.concept is None else term for term in terms])

    def _fuzzy(self, term: Term) -> Term:
        # Typos in English words and loan words: take the closest known word if it is close enough.
        token = term.token
        loan = self._bare_loans.get(to_katakana(token.lemma).replace(LONG_MARK, "")) if token.is_kana else None
        if loan is not None:  # "doron", どろん: ドローン typed without its long vowel, as romaji often is
            return replace(term, concept=self.vocabulary.concept_of(loan), via="fuzzy")
        if not (token.is_latin or token.is_kana) or len(token.lemma) < self.settings.fuzzy_min_length:
            return term
        cutoff = self.settings.fuzzy_cutoff_latin if token.is_latin else self.settings.fuzzy_cutoff_kana
        found = process.extractOne(token.lemma, self._within_reach(token.lemma, cutoff), scorer=fuzz.ratio,
                                   score_cutoff=cutoff)
        # A typo keeps the word's first letter ("electon"); "election" is no "selection" misspelled.
        if found is not None and (not token.is_latin or found[0][:1] == token.lemma[:1]):
            return replace(term, concept=self.vocabulary.concept_of(found[0]), via="fuzzy")
        if token.is_latin:
            # A shortened English word (dorm, cafe) names the longer known word it starts.
            longer = self._shortest_extension(token.lemma)
            if longer is not None:
                return replace(term, concept=self.vocabulary.concept_of(longer), via="fuzzy")
        return term

    def _shortest_extension(self, prefix: str) -> str | None:
        # The ASCII keys are sorted, so the ones starting with the prefix sit together: no scan of every key.
        start = bisect.bisect_left(self._ascii_keys, prefix)
        end = bisect.bisect_left(self._ascii_keys, prefix + "\uffff")
        found = self._ascii_keys[start:end]
        return min(found, key=lambda k: (len(k), self._fuzzy_order[k])) if found else None

    def _weight(self, term: Term) -> float:
        return term.weight * self._word_weight(term)

    def _word_weight(self, term: Term) -> float:
        if term.via == "weak":
            return self._idf.get(term.concept or "", 0.0) * self.settings.weak_weight
        if term.concept is not None:
            weight = self._idf.get(term.concept, self._unknown_weight)
            asking = term.token.is_latin and not ASKING_IN_ENGLISH.isdisjoint((term.token.surface, term.token.lemma))
            return weight * self.settings.english_aspect_weight if asking else weight
        # An unknown 今日 or 半分 ("きょうのスライドはもらえますか") says when or how much, not what is asked about.
        pos = "adverbial" if term.token.adverbial else term.token.pos
        factor = {"名詞": self.settings.unknown_noun_weight, "latin": self.settings.unknown_latin_weight}.get(
            pos, self.settings.unknown_other_weight)
        return self._unknown_weight * factor

    def _rank(self, terms: list[Term], limit: int = 5) -> list[Candidate]:
        weights, total = self._query_weights(terms)
        strong = {c: w for c, w in weights.items() if not c.startswith(WEAK_PREFIX)}
        if not strong:
            return []
        if total <= 0.0:
            # Only context words ("それって大田区も？": the topic's, and a place that filters): they are what is asked.
            total = sum(strong.values())
        weak = {c: w for c, w in weights.items() if c not in strong}
        best = self._index.best(strong, weak, total, limit) or self._index.named_in_answers(strong, total, limit)
        return [self._candidate(s) for s in best]

    def _candidate(self, scored: Scored) -> Candidate:
        score = f2_score(scored.precision, scored.coverage)
        return Candidate(self.kb.entries[scored.entry].id, round(100 * score, 1), round(scored.coverage, 3),
                         round(scored.precision, 3), round(scored.evidence, 2))

    def _query_weights(self, terms: list[Term]) -> tuple[dict[str, float], float]:
        # Returns each concept's weight and the weight of what is asked, the share an entry must explain.
        # Words of the context around the question may help an entry but never count against one.
        weights: dict[str, float] = {}
        asked: dict[str, float] = {}
        unknown = 0.0
        for term in terms:
            if self.vocabulary.is_foreign_place(term.token):
                continue  # another municipality filters the candidates (see _decide), it is not a topic
            weight = self._weight(term)
            if term.concept is None:
                unknown += weight if term.weight == 1.0 else 0.0
                continue
            weights[term.concept] = max(weight, weights.get(term.concept, 0.0))
            if term.weight == 1.0:
                asked[term.concept] = weight
        return weights, sum(asked.values()) + unknown

    def _smalltalk_for(self, text: str, terms: list[Term]) -> SmallTalk | None:
        core = _core(text)
        exact = self._smalltalk_exact.get(core)
        if exact is not None:
            return exact  # "help" alone is small talk even though "help" also appears in questions
        # A word of a topic makes it a question ("港区で働く面白い話は？"), unless the small talk phrase holds it
        # ("なにか面白い話をして": 面白い is the chat's own word).
        topical: list[str] | None = None  # read only for a message about as short as a phrase (most are longer)
        for pattern, item in self._smalltalk:
            if len(pattern) >= 3 and len(core) - len(pattern) <= 8 and pattern in core:
                if topical is None:
                    topical = [_core(t.token.surface) for t in terms if t.concept is not None and t.via != "weak"]
                if all(word and word in pattern for word in topical):
                    return item
        return None


NOT_A_LETTER = re.compile(r"[\W_]+")


def _core(text: str) -> str:
    return NOT_A_LETTER.sub("", clean(text))


def _bare_loan_words(keys: list[str]) -> dict[str, str]:
    """Return the known loan words with a long vowel (ドローン) by their spelling without it (ドロン), when only one
    word is spelt so: romaji and hurried typing drop the long vowels ("doron", "menyu")."""
    spellings: dict[str, list[str]] = defaultdict(list)
    known = set(keys)
    for key in keys:
        if LONG_MARK in key and KATAKANA_WORD.match(key) and len(bare := key.replace(LONG_MARK, "")) >= 3:
            spellings[bare].append(key)
    return {bare: found[0] for bare, found in spellings.items() if len(found) == 1 and bare not in known}
