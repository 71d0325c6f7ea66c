"""The analyzer (SudachiPy): the words of a text as plain data, each text analyzed once, one tokenizer per thread.

bot.normalize turns these words into tokens, the content words with the keys they are matched by. The dictionary's
calls and the one repair of its reading (a noun before って) stay together here; the analyses kept between starts
(bot.analysiscache) are keyed by this file and bot/normalize.py.
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache
from typing import NamedTuple

from sudachipy import Dictionary, PosMatcher, SplitMode

from bot.analysiscache import SHELF

# Sudachi refuses very long input; nobody asks a question this long.
MAX_ANALYZED_CHARS = 400
KANJI_CHAR = re.compile(r"^[\u3400-\u9fff々]$")

_local = threading.local()


def _tokenizer():  # type: ignore[no-untyped-def]
    # A Sudachi tokenizer must not be shared between threads.
    tokenizer = getattr(_local, "tokenizer", None)
    if tokenizer is None:
        tokenizer = dictionary().tokenizer(mode=SplitMode.B)
        _local.tokenizer = tokenizer
    return tokenizer


@lru_cache(maxsize=1)
def dictionary() -> Dictionary:
    return Dictionary()


def holds_as(word: str, pos: tuple[str | None, ...]) -> bool:
    """Tell whether the dictionary holds a word with a part of speech (None: any), without analyzing it.

    The look-up normalizes the text as the analysis does and costs a third of one: most texts tried are no such word.
    """
    return any(map(_pos_matcher(pos), dictionary().lookup(word)))


@lru_cache(maxsize=None)  # one matcher per part of speech asked for: a handful
def _pos_matcher(pos: tuple[str | None, ...]) -> PosMatcher:
    return dictionary().pos_matcher([pos])


class Morpheme(NamedTuple):
    """What the analyzer says of one word, kept as plain data so a text is analyzed once."""

    surface: str
    pos: tuple[str, ...]
    normalized: str
    reading: str
    begin: int
    end: int
    groups: tuple[int, ...]


@lru_cache(maxsize=8192)  # a question's clauses, words and readings all start from the same analysis
def morphemes(text: str) -> tuple[Morpheme, ...]:
    """Return the analyzer's words for a (cleaned) text, at most MAX_ANALYZED_CHARS of it."""
    stored = SHELF.look_up("morphemes", text)  # kept from an earlier start (bot.analysiscache)
    if stored is not None:
        return tuple([tuple.__new__(Morpheme, part) for part in stored])
    # The hot loop of every index build and question: a dictionary word's fields are read from the dictionary once
    # (then kept by its ids), and each Morpheme is made without the named tuple's Python-level constructor.
    parts, make, words = [], tuple.__new__, _WORDS
    for m in _tokenizer().tokenize(text[:MAX_ANALYZED_CHARS]):
        word = words.get((m.dictionary_id(), m.word_id())) or _word(m)
        parts.append(make(Morpheme, (m.surface(), word[0], word[1], word[2], m.begin(), m.end(), word[3])))
    found = tuple(parts)
    found = _topic_tte(found) if "って" in text else found
    if SHELF.used is not None:  # an index build is recording what it analyses
        SHELF.note("morphemes", text, tuple(map(tuple, found)))
    return found


_POS_BY_ID: dict[int, tuple[str, ...]] = {}  # one dictionary per process: its part-of-speech ids never change
Word = tuple[tuple[str, ...], str, str, tuple[int, ...]]  # part of speech, normalized form, reading, synonym groups
_WORDS: dict[tuple[int, int], Word] = {}  # by dictionary and word id: a dictionary's words never change
MAX_KEPT_WORDS = 100_000  # the words of a few hundred thousand questions; beyond, they are read again


def _word(m) -> Word:  # type: ignore[no-untyped-def]
    # A word's fields as the dictionary gives them, kept by its ids. An unknown word (dictionary -1: numbers
    # joined, a katakana run) is made from its text, its id shared by every other one: never kept, read each time.
    pos = _POS_BY_ID.get(m.part_of_speech_id())
    if pos is None:
        pos = _POS_BY_ID.setdefault(m.part_of_speech_id(), tuple(m.part_of_speech()))
    word = (pos, m.normalized_form(), m.reading_form(), tuple(m.synonym_group_ids()))
    if m.dictionary_id() >= 0:
        if len(_WORDS) >= MAX_KEPT_WORDS:
            _WORDS.clear()
        _WORDS[(m.dictionary_id(), m.word_id())] = word
    return word


TTE = ("助詞", "副助詞", "*", "*", "*", "*")


def _topic_tte(parts: tuple[Morpheme, ...]) -> tuple[Morpheme, ...]:
    # "初任給って…" is read 初任 + 給う (給っ) + て, "研修会って" 研修 + 会う: a noun's last kanji taken for a verb
    # before the topic marker って. When the noun and that kanji make one word of the dictionary, that word it is.
    for index in range(1, len(parts) - 1):
        noun, verb, after = parts[index - 1], parts[index], parts[index + 1]
        if (verb.pos[0] == "動詞" and len(verb.surface) == 2 and verb.surface[1] == "っ" and after.surface == "て"
                and noun.pos[0] == "名詞" and KANJI_CHAR.match(verb.surface[0]) and KANJI_CHAR.match(noun.surface[-1])):
            word = morphemes(noun.surface + verb.surface[0])
            if len(word) == 1 and word[0].pos[0] == "名詞" and word[0].reading != word[0].surface:
                joined = word[0]._replace(begin=noun.begin, end=verb.end - 1)
                tte = Morpheme("って", TTE, "って", "ッテ", verb.end - 1, after.end, ())
                return _topic_tte((*parts[:index - 1], joined, tte, *parts[index + 2:]))
    return parts
