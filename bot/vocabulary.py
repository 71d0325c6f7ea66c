"""Turn words into concepts: synonyms, readings for homophones and kana, stop words, places."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.knowledge import KnowledgeBase
from bot.normalize import Token, analyze, clean, kana_runs

MIN_SCAN_READING = 3


@dataclass(frozen=True)
class Term:
    """A content word of a question, resolved to a concept (None when the bot does not know it)."""

    token: Token
    concept: str | None
    via: str  # "lemma", "reading", "scan", "fuzzy" or "unknown"


class Vocabulary:
    """The concepts the knowledge base knows, and how words map onto them."""

    def __init__(self, kb: KnowledgeBase) -> None:
        scope = kb.scope
        self._by_lemma: dict[str, str] = {}
        self._by_reading: dict[str, str] = {}
        self._phrases: dict[str, str] = {}
        self.stopwords = self._keys_of(scope.stopwords)
        self.other_places = self._keys_of(scope.other_places)
        self._home_places = self._keys_of(scope.home_places)
        self.known_places: set[str] = set()
        for group in kb.synonyms:
            self._add_synonyms(group)
        self._phrase_pattern = self._compile_phrases()
        self._reading_pattern: re.Pattern[str] | None = None

    def _keys_of(self, words: tuple[str, ...]) -> frozenset[str]:
        keys: set[str] = set()
        for word in words:
            keys.add(clean(word))
            for token in analyze(word):
                keys.add(token.lemma)
        return frozenset(keys)

    def _add_synonyms(self, group: tuple[str, ...]) -> None:
        tokens = analyze(group[0])
        canonical = tokens[0].lemma if len(tokens) == 1 else clean(group[0])
        for word in group:
            tokens = analyze(word)
            if len(tokens) == 1:
                self._by_lemma.setdefault(tokens[0].lemma, canonical)
                if tokens[0].reading:
                    self._by_reading.setdefault(tokens[0].reading, canonical)
            elif tokens:
                self._phrases.setdefault(clean(word), canonical)

    def _compile_phrases(self) -> re.Pattern[str] | None:
        if not self._phrases:
            return None
        parts = []
        for phrase in sorted(self._phrases, key=len, reverse=True):
            escaped = re.escape(phrase)
            parts.append(rf"\b{escaped}\b" if phrase.isascii() else escaped)
        return re.compile("|".join(parts))

    def learn(self, text: str) -> list[str]:
        """Resolve a knowledge-base text, creating concepts for new words; return its concepts."""
        concepts = []
        for token in self.tokens(text):
            if token.lemma in self.stopwords:
                continue
            concept = self._by_lemma.get(token.lemma)
            if concept is None:
                concept = token.lemma
                self._by_lemma[token.lemma] = concept
            if token.reading:
                self._by_reading.setdefault(token.reading, concept)
            if token.is_place:
                self.known_places.add(token.lemma)
            concepts.append(concept)
        self._reading_pattern = None
        return concepts

    def tokens(self, text: str) -> tuple[Token, ...]:
        """Analyze text after rewriting multi-word synonyms to their canonical word."""
        text = clean(text)
        if self._phrase_pattern is not None:
            text = self._phrase_pattern.sub(lambda m: f" {self._phrases[m.group(0)]} ", text)
        return analyze(text)

    def resolve(self, text: str) -> list[Term]:
        """Resolve a question's content words to known concepts where possible."""
        terms = []
        for token in self.tokens(text):
            if token.lemma in self.stopwords or token.surface in self.stopwords:
                continue
            terms.append(self._resolve_token(token))
        if any(t.concept is None and t.token.is_kana for t in terms):
            terms = self._scan_kana(text, terms)
        return terms

    def _resolve_token(self, token: Token) -> Term:
        concept = self._by_lemma.get(token.lemma) or self._by_lemma.get(token.surface)
        if concept is not None:
            return Term(token, concept, "lemma")
        concept = self._by_reading.get(token.reading) if token.reading else None
        if concept is not None:
            return Term(token, concept, "reading")
        return Term(token, None, "unknown")

    def _scan_kana(self, text: str, terms: list[Term]) -> list[Term]:
        # Kana-only input segments badly (しょくどう -> しょ + くどう); find known readings in the kana runs.
        pattern = self._readings()
        found: dict[str, str] = {}
        for run in kana_runs(text):
            for match in pattern.finditer(run):
                found[match.group(0)] = self._by_reading[match.group(0)]
        if not found:
            return terms
        kept = [t for t in terms if t.concept is not None or not _inside(t.token, found)]
        known = {t.concept for t in kept}
        for reading, concept in found.items():
            if concept not in known and concept not in self.stopwords:
                kept.append(Term(_scanned_token(reading, concept), concept, "scan"))
                known.add(concept)
        return kept

    def _readings(self) -> re.Pattern[str]:
        if self._reading_pattern is None:
            readings = sorted((r for r in self._by_reading if len(r) >= MIN_SCAN_READING), key=len, reverse=True)
            self._reading_pattern = re.compile("|".join(map(re.escape, readings)) or r"(?!)")
        return self._reading_pattern

    def concept_keys(self) -> list[str]:
        """Return every lemma the vocabulary knows (for fuzzy look-ups)."""
        return list(self._by_lemma)

    def concept_of(self, lemma: str) -> str | None:
        """Return the concept a known lemma stands for."""
        return self._by_lemma.get(lemma)

    def is_foreign_place(self, token: Token) -> bool:
        """Tell whether a word names a place outside Minato City."""
        keys = {token.lemma, clean(token.surface)}
        if keys & self.other_places:
            return True
        if keys & self._home_places:
            return False
        return token.is_place and token.lemma not in self.known_places


def _inside(token: Token, readings: dict[str, str]) -> bool:
    kana = token.reading or token.surface
    return any(kana in reading for reading in readings)


def _scanned_token(reading: str, concept: str) -> Token:
    return Token(surface=reading, lemma=concept, reading=reading, pos="名詞", is_kana=True)
