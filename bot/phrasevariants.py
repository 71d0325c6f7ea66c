"""The everyday spellings of a multi-word synonym, so a phrase is found however a candidate writes it.

Multi-word synonyms (住める所, 住んでいる場所) are found in a question as text. Candidates write the same phrase
with the place noun in kana (住めるところ, 住めるとこ) or as 場所, drop the い of ている in speech (住んでる所), and
speak of people politely (職員さん向けの住まい):
each such spelling of a phrase in the knowledge is the phrase too.

Found, a phrase is rewritten to its canonical word before the text is analysed (PhraseRewriter); typed in kana, it
is found by its reading (phrase_concepts: 芝地区 read シバチク). bot.vocabulary tells which synonyms are phrases.
"""

from __future__ import annotations

import re
from functools import lru_cache

from bot.normalize import Token, analyze, clean, word_boundaries
from bot.readingtable import MIN_SCAN_READING
from bot.spoken import spoken_forms
from bot.wordtrie import any_of, starting_with

_KANJI = r"[\u3400-\u9fff々]"
# The place noun right after a verb or adjective ending in kana (住める所, 住んでいる場所): never 住所, 事務所.
_PLACE_NOUN = re.compile(r"(?<=[\u3041-\u309f])(?:場所|ところ|とこ|所)(?![\u3041-\u309f\u3400-\u9fff])")
_PLACE_SPELLINGS = ("所", "ところ", "とこ")
# 場所 only after a verb (住む場所 is 住む所); after an adjective, 良いところ is a merit and 良い場所 a good spot.
_AFTER_VERB = re.compile(r"[うくぐすつぬぶむる](?:場所|ところ|とこ|所)")
# ている / でいる and their spoken てる / でる, only before the end or a noun (not ていること's parts).
# A person noun opening a phrase, spoken of politely: 職員さん向けの住まい is 職員向けの住まい.
_PERSON_FIRST = re.compile(r"^(?:職員|先輩|先生|担当者)(?=[\u3041-\u309f\u3400-\u9fff])")
_PROGRESSIVE = re.compile(r"(?<=[てで])(?:い)?(?=る(?:$|[^\u3041-\u309f]|ところ|とこ))")


def phrase_spellings(phrase: str) -> tuple[str, ...]:
    """Return the phrase and its other everyday spellings (住んでいる場所 -> 住んでる所, 住んでるところ, ...)."""
    spellings = {phrase}
    for spelling in list(spellings):
        if _PROGRESSIVE.search(spelling):
            spellings.add(_PROGRESSIVE.sub("い", spelling))
            spellings.add(_PROGRESSIVE.sub("", spelling))
    for spelling in list(spellings):
        if _PLACE_NOUN.search(spelling):
            nouns = _PLACE_SPELLINGS + (("場所",) if _AFTER_VERB.search(spelling) else ())
            spellings.update(_PLACE_NOUN.sub(noun, spelling) for noun in nouns)
    for spelling in list(spellings):
        if _PERSON_FIRST.search(spelling):
            spellings.add(_PERSON_FIRST.sub(lambda person: f"{person.group(0)}さん", spelling))
    return (phrase, *sorted(spellings - {phrase}))


def with_spellings(group: tuple[str, ...]) -> tuple[str, ...]:
    """Return a synonym group with every other spelling of its words after its first (canonical) word."""
    return (group[0], *dict.fromkeys(spelling for word in group[1:] for spelling in phrase_spellings(clean(word))))


def is_one_word(word: str, tokens: tuple[Token, ...]) -> bool:
    """Tell whether a synonym is one word of the analyzer (its tokens), not a phrase matched as text."""
    return len(tokens) == 1 and tokens[0].surface == clean(word)


def phrase_concepts(readings: dict[str, str], concepts: dict[str, str]) -> dict[str, tuple[str, ...]]:
    """Return the concepts of each phrase's words by its reading (シバチク: 芝, 地区), for the reading scan.

    `readings`: each phrase's reading and canonical word; `concepts`: the concept of each lemma the knowledge uses.
    """
    return {reading: tuple(concepts[t.lemma] for t in words)
            for reading, words in ((r, _content_tokens(c)) for r, c in readings.items() if len(r) >= MIN_SCAN_READING)
            # Only phrases whose words the knowledge uses: a synonym group no entry speaks of names nothing.
            if all(t.lemma in concepts for t in words)}


@lru_cache(maxsize=4096)
def _content_tokens(text: str) -> tuple[Token, ...]:
    return tuple(t for t in analyze(text) if not t.weak)


class PhraseRewriter:
    """Rewrites the phrases found in a cleaned text to their canonical word, so both sides tokenize alike."""

    def __init__(self, phrases: dict[str, str]) -> None:
        self._phrases = spoken_forms(phrases)  # 住んでる場所 is said for 住んでいる場所 too
        self._pattern = _compile_phrases(self._phrases)

    def rewrite(self, text: str) -> str:
        """Return a cleaned text with each phrase standing as whole words replaced by its canonical word."""
        # A phrase must stand as whole words: なんで (why) is a synonym, but not the なんで of なんですか.
        boundaries: frozenset[int] | None = None

        def rewrite(match: re.Match[str]) -> str:
            nonlocal boundaries
            if not match.group(0).isascii():
                boundaries = boundaries if boundaries is not None else word_boundaries(text)
                if match.start() not in boundaries or match.end() not in boundaries:
                    return match.group(0)
            return f" {self._phrase_for(match.group(0))} "

        return self._pattern.sub(rewrite, text) if self._pattern is not None else text

    def _phrase_for(self, matched: str) -> str:
        return (self._phrases.get(matched) or self._phrases.get(matched.removesuffix("es"))
                or self._phrases[matched.removesuffix("s")])


def _compile_phrases(phrases: dict[str, str]) -> re.Pattern[str] | None:
    if not phrases:
        return None
    ordered = sorted(phrases, key=len, reverse=True)
    ascii_words = [p for p in ordered if p.isascii()]
    single_kanji = [p for p in ordered if len(p) == 1 and not p.isascii()]
    japanese = [p for p in ordered if len(p) > 1 and not p.isascii()]
    # One lookaround per group, not per phrase: a knowledge base has hundreds of phrases.
    parts = [
        any_of(japanese) if japanese else "",  # first: a mixed phrase (ojt担当) is longer than the English in it
        # dorm and dorms; minato-ku also right before Japanese (minato-kuの), where \b would not match
        rf"(?<![a-z0-9])(?:{any_of(ascii_words)})(?:s|es)?(?![a-z0-9])" if ascii_words else "",
        rf"(?<!{_KANJI})(?:{any_of(single_kanji)})(?!{_KANJI})" if single_kanji else "",  # 寮, not 宿 in 新宿区
    ]
    # Every alternative starts with a phrase's first character (the look-behinds consume none).
    return re.compile(starting_with("|".join(p for p in parts if p), (phrase[0] for phrase in ordered if phrase)))
