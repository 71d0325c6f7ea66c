"""A question's words as terms, and how the reading scan decides which words a found reading explains."""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass

from bot.normalize import Token, clean, to_katakana
from bot.romaji import romaji_to_katakana

HIRAGANA = re.compile(r"[\u3041-\u309fー]+")
# Kana read as a word this long (ジョセイキン: 助成, なにがいい: メリット) is what was typed, no chance reading of a
# stretch inside other words.
WHOLE_KANA_WORD = 5
KATAKANA_WORD = re.compile(r"[ァ-ヺー]{3,}")
Mask = tuple[str, list[bool], dict[str, tuple[int, str]]]  # a reading run, positions found, where each word is


@dataclass(frozen=True)
class Term:
    """A content word of a question, resolved to a concept (None when the bot does not know it)."""

    token: Token
    concept: str | None
    via: str  # "lemma", "synonym", "reading", "scan", "fuzzy", "weak" or "unknown"
    weight: float = 1.0  # less than 1 for words of the context around the question (bot.focus)

    def weighing(self, weight: float) -> Term:
        """Return this term with another weight (dataclasses.replace, without its generic cost per word)."""
        return Term(self.token, self.concept, self.via, weight)


def either_in(token: Token, words: Collection[str]) -> bool:
    """Tell whether a word's lemma or cleaned surface is one of the words (no set built: called for every word)."""
    return token.lemma in words or clean(token.surface) in words


def romaji_runs(terms: list[Term]) -> list[str]:
    # Each unknown romaji word, and each stretch of them read as one: a compound typed in romaji with spaces
    # ("jiko keihatsu josei" in an English question) is one reading, ジコケイハツジョセイ.
    runs, stretch = [], []
    for term in terms:
        kana = romaji_to_katakana(term.token.surface) if term.concept is None and term.token.is_latin else None
        if kana:
            runs.append(kana)
            stretch.append(kana)
            continue
        if len(stretch) > 1:
            runs.append("".join(stretch))
        stretch = []
    if len(stretch) > 1:
        runs.append("".join(stretch))
    return runs


def explained_by_longer(term: Term, masks: list[Mask], found: dict[str, tuple[str, ...]]) -> bool:
    # Leftmost-longest: a kana word inside a longer known reading (みなと in ミナトク) gives way to it.
    if term.concept is None:
        # A place the knowledge lacks, written as a name (katakana, kanji), is no piece of a word: タイ stays beside
        # たいしかん (大使館), whose reading starts alike. In hiragana it may be one (とう of とうだんしゃ: 唐).
        return not (term.token.is_place and not HIRAGANA.fullmatch(term.token.surface)) and _covered(term.token, masks)
    return term.token.is_kana and to_katakana(term.token.surface) not in found and _covered(term.token, masks)


def _covered(token: Token, masks: list[Mask]) -> bool:
    # An unknown word counts as explained when most of its reading lies inside found readings.
    for run, mask, spans in masks:
        start, key = spans.get(token.surface) or (-1, _scan_key(token))
        if start < 0:
            start = run.find(key) if key else -1
        if start >= 0 and key and 2 * sum(mask[start:start + len(key)]) >= len(key):
            return True
    return False


def _scan_key(token: Token) -> str:
    if token.is_latin:
        return romaji_to_katakana(token.surface) or ""
    return to_katakana(token.surface) if token.is_kana else token.reading


def scanned_token(reading: str, concept: str) -> Token:
    return Token(surface=reading, lemma=concept, reading=reading, pos="名詞", is_kana=True)


def with_scanned(kept: list[Term], found: dict[str, tuple[str, ...]], stopwords: frozenset[str]) -> list[Term]:
    """Return the kept terms and, after them, each concept a scan found that none of them names (no stop word)."""
    known = {t.concept for t in kept}
    for reading, concepts in found.items():
        for concept in concepts:
            if concept not in known and concept not in stopwords:
                kept.append(Term(scanned_token(reading, concept), concept, "scan"))
                known.add(concept)
    return kept


def a_scanned_piece(term: Term) -> bool:
    """Tell whether a word was found inside kana and is too short to be what was typed (a piece of another word);
    one of WHOLE_KANA_WORD kana or more (キュウリョウ of きゅうりょう) counts as written."""
    return term.via == "scan" and len(term.token.surface) < WHOLE_KANA_WORD


def names_unknown(terms: list[Term]) -> bool:
    """Tell whether a question asks with a noun the knowledge does not know (スカイツリー, 通天閣).

    Not one in hiragana: a word the knowledge does not know typed so is more often a typo of one it does.
    """
    return any(t.weight == 1.0 and t.via == "unknown" and t.token.pos == "名詞" and len(t.token.surface) >= 2
               and (not t.token.is_kana or KATAKANA_WORD.fullmatch(t.token.surface) is not None) for t in terms)


def named_in(term: Term, text: str) -> bool:
    """Tell whether a text (cleaned) names a word: as typed, by its lemma or by its concept."""
    return clean(term.token.surface) in text or term.token.lemma in text or (term.concept or "\0") in text
