"""Synonyms for HR to review: the words of refused questions the knowledge does not know, and known words near them.

A word vector only proposes ("財政" lies near "財源" and "予算"); the matcher's own refusal rule then tells what each
proposal would change: which refused questions it would answer, and with which entry. Nothing is written: HR decides
and edits knowledge/synonyms.yaml (`minato-bot kb suggest-synonyms` prints this).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from bot.matching import Matcher
from bot.normalize import clean
from bot.reports import QuestionGroup
from bot.terms import Term
from bot.wordvectors import Neighbour, WordIndex, WordVectors

CONTENT_POS = frozenset({"名詞", "動詞", "形容詞", "形状詞"})
PREVIEWED_QUESTIONS = 5  # per unknown word: enough to see what a synonym would do, few enough to stay quick
MIN_SIMILARITY = 0.55  # below this chiVe's nearest known words are mostly of the same field (余裕 ~ 程度 0.53)
# (bot/suggest_cli.py has the same default for --min-similarity: it imports this module only when it runs)


@dataclass(frozen=True)
class Proposal:
    """A known word proposed as a synonym of an unknown one, and the refused questions it would answer."""

    known: str  # the knowledge's word, as HR writes it in synonyms.yaml
    concept: str  # what the matcher reads it as
    similarity: float
    group: str | None  # the first word of the synonyms.yaml group the known word belongs to, if any
    answers: tuple[tuple[str, str], ...] = ()  # (refused question, entry that would answer it)


@dataclass
class UnknownWord:
    """A word of refused questions that no entry uses, how often it was asked, and the proposals for it."""

    word: str
    asked: int = 0
    questions: list[str] = field(default_factory=list)  # distinct refused questions using it, most asked first
    proposals: list[Proposal] = field(default_factory=list)

    @property
    def previewed(self) -> list[str]:
        """Return the questions each proposal is tried on."""
        return self.questions[:PREVIEWED_QUESTIONS]


def unknown_words(matcher: Matcher, refused: Iterable[QuestionGroup]) -> list[UnknownWord]:
    """Return the unknown content words of the refused questions, most asked first (a place's name is never one).

    A question the knowledge answers by now is skipped: its words are no longer what makes the bot refuse.
    """
    found: dict[str, UnknownWord] = {}
    for group in refused:
        counted: set[str] = set()  # a group's phrasings are one question asked group.count times
        for text in group.examples or (group.text,):
            terms, _, result = matcher.explain(text)
            if result.kind == "answer":
                continue  # the knowledge has changed since: answered now
            for word in dict.fromkeys(term.token.lemma for term in terms if _is_unknown_topic(matcher, term)):
                entry = found.setdefault(word, UnknownWord(word))
                if word not in counted:
                    counted.add(word)
                    entry.asked += group.count
                if text not in entry.questions:
                    entry.questions.append(text)
    return sorted(found.values(), key=lambda w: (-w.asked, w.word))


def _is_unknown_topic(matcher: Matcher, term: Term) -> bool:
    # The asked part only (not a self-introduction's words), and a word, not a stray kana of bad segmentation.
    token = term.token
    return (term.concept is None and term.weight == 1.0 and not token.weak
            and (token.pos in CONTENT_POS or token.is_latin) and len(token.surface) >= 2
            and not matcher.vocabulary.is_foreign_place(token))


def suggest_synonyms(matcher: Matcher, refused: Iterable[QuestionGroup], vectors: WordVectors | None,
                     min_similarity: float = MIN_SIMILARITY, per_word: int = 3) -> list[UnknownWord]:
    """Return the refused questions' unknown words, each with up to per_word known words proposed as synonyms.

    Proposals come from the word vectors (none without them) and are ranked by how many of the word's refused
    questions they would answer, then by similarity. The knowledge is not changed.
    """
    words = unknown_words(matcher, refused)
    if vectors is None:
        return words
    index = vectors.among(known_words(matcher))
    groups = _group_heads(matcher)
    for word in words:
        word.proposals = sorted((_preview(matcher, word, neighbour.word, neighbour.similarity, groups)
                                 for neighbour in _nearest_concepts(matcher, index, word.word, min_similarity, per_word)),
                                key=lambda p: (-len(p.answers), -p.similarity))
    return words


def known_words(matcher: Matcher) -> list[str]:
    """Return the Japanese words of the knowledge (entries' and synonym groups' words that some entry uses)."""
    vocabulary = matcher.vocabulary
    return [lemma for lemma in vocabulary.concept_keys()
            if not lemma.isascii() and matcher.knows(vocabulary.concept_of(lemma) or "")]


def _nearest_concepts(matcher: Matcher, index: WordIndex, word: str, threshold: float,
                      count: int) -> list[Neighbour]:
    # Several words of one synonym group may lie near: propose each concept once, by its nearest word.
    seen: set[str] = set()
    chosen: list[Neighbour] = []
    for neighbour in index.nearest(word, threshold, count * 4):
        concept = matcher.vocabulary.concept_of(neighbour.word)
        if concept is not None and concept not in seen:
            seen.add(concept)
            chosen.append(neighbour)
    return chosen[:count]


def _preview(matcher: Matcher, word: UnknownWord, known: str, similarity: float, groups: dict[str, str]) -> Proposal:
    concept = matcher.vocabulary.concept_of(known) or known
    answers = []
    for question in word.previewed:
        result = matcher.understand_with(question, {word.word: concept})[2]
        if result.kind == "answer" and result.best is not None:
            answers.append((question, result.best.entry_id))
    return Proposal(known, concept, similarity, groups.get(concept), tuple(answers))


def _group_heads(matcher: Matcher) -> dict[str, str]:
    # concept -> the first word of its synonyms.yaml group, where HR would add the new word
    heads: dict[str, str] = {}
    for group in matcher.kb.synonyms:
        terms = matcher.read_terms(group[0])
        if len(terms) == 1 and terms[0].concept is not None:
            heads.setdefault(terms[0].concept, group[0])
    return heads


def yaml_line(word: UnknownWord, proposal: Proposal) -> str:
    """Return the synonyms.yaml change a proposal stands for, as a line HR can paste (or a note to extend a group)."""
    if proposal.group is not None:
        return f"# add {word.word} to the group that starts with {proposal.group}"
    return f"- [{clean(proposal.known)}, {word.word}]"
