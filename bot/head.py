"""The noun a question is about: the one its topic particle marks ("経験者採用の試験って…" is about the exam).

"経験者採用の試験って何をやるの？" names the mid-career track and the exam; the track only says which exam. Two
entries that both explain every word (how to apply, with its tracks; the exam) are told apart by the noun the topic
particle (は, って, とは) marks, the head of what is asked: the entry whose own title names it is the one asked about.
bot.decision uses it only between two close candidates, never to answer a question no entry explains.
"""

from __future__ import annotations

import re

from bot.analyzer import Morpheme, morphemes
from bot.normalize import clean

TOPIC_MARKERS = frozenset({"は", "って", "とは"})
NOUN = "名詞"
PARTICLE = "助詞"
EXISTENCE = frozenset({"有る", "居る"})
SPACE = "空白"
SYMBOLS = frozenset({"補助記号", "記号", SPACE})
KANJI_OR_KANA = re.compile(r"[\u3041-\u30ff\u3400-\u9fff々ー\s、?？]+")  # Japanese words alone (no English)


def topic_heads(text: str) -> list[str]:
    """Return the surfaces of the nouns a text marks as its topic ("…の試験って" -> ["試験"])."""
    return _marked(morphemes(clean(text)))


def _marked(analyzed: tuple[Morpheme, ...]) -> list[str]:
    parts = _unspaced(analyzed)
    return [before.surface for before, part in zip(parts, parts[1:])
            if part.pos[0] == PARTICLE and part.surface in TOPIC_MARKERS and before.pos[0] == NOUN]


def _unspaced(analyzed: tuple[Morpheme, ...]) -> list[Morpheme]:
    # The spaces of spaced Japanese ("プレクラス は いつ") stand between a noun and its particle; not after an
    # English word ("total amount は": no head of the Japanese).
    return [part for before, part in zip((None, *analyzed), analyzed)
            if part.pos[0] != SPACE or before is None or before.surface.isascii()]


def asked_heads(text: str) -> list[str]:
    """Return the nouns a question asks about: its topic's, else the last of words typed alone ("採用試験 申込方法":
    the method; the exam only says which)."""
    cleaned = clean(text)
    analyzed = morphemes(cleaned)
    marked = _marked(analyzed) or _existing(analyzed)
    if marked or not KANJI_OR_KANA.fullmatch(cleaned):
        return marked
    parts = [part for part in analyzed if part.pos[0] not in SYMBOLS]
    return [parts[-1].surface] if parts and parts[-1].pos[0] == NOUN else []


def _existing(analyzed: tuple[Morpheme, ...]) -> list[str]:
    # "港区にはいくつの国の大使館がありますか": no topic marked, the noun whose existence is asked is the head.
    parts = _unspaced(analyzed)
    return [noun.surface for noun, particle, verb in zip(parts, parts[1:], parts[2:])
            if noun.pos[0] == NOUN and particle.surface == "が" and verb.normalized in EXISTENCE]
