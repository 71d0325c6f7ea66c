"""Which reading-scan hits are only grammar: なんかいろいろ holds ナンカイ (何回), だったような タヨウ (多様).

The reading scan looks for known words across the pieces of kana the analyzer segments badly (しょくどう read
しょ + くどう). Spoken questions are mostly kana that the analyzer segments well: fillers, particles and endings.
A found reading made of whole words that are all grammar (なん + か, た + よう) is no word typed in kana
but a coincidence of sounds: it is left out. A word the reading only cuts into (いろいろ, はいっ) does not save it.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from bot.analyzer import MAX_ANALYZED_CHARS, Morpheme, morphemes
from bot.normalize import KANA_RUN, clean  # KANA_RUN: the runs scanned

GRAMMAR_POS = frozenset({"助詞", "助動詞", "感動詞", "接続詞", "代名詞"})
# よう of ような; not the verbs いる, ある, する: the analyzer reads し of しけん (試験) as one.
GRAMMAR_SUBTYPES = frozenset({"助動詞語幹"})
GRAMMAR, PRONOUN = "grammar", "pronoun"
KATAKANA_WORD = re.compile(r"[\u30a1-\u30faー]+")
Words = list[tuple[int, int, str]]  # each word of a run: start, end (in the run), GRAMMAR, PRONOUN or "" (content)


class KanaRuns(NamedTuple):
    """Each kana run of a text (as bot.normalize.kana_runs finds them): its words, the run as typed, and how many of
    its first kana end a word begun in kanji before it (the さい of 小さいよね: a reading starting there, サイヨ for
    採用, is a coincidence of sounds, no word typed in kana)."""

    words: list[Words]
    typed: list[str]
    leads: list[int]


def read_runs(text: str) -> KanaRuns:
    """Return the kana runs of a text with their words (one analysis of the text for all of them)."""
    cleaned = clean(text)[:MAX_ANALYZED_CHARS]
    parts = morphemes(cleaned)
    found = KanaRuns([], [], [])
    for run in KANA_RUN.finditer(cleaned):
        found.words.append([(max(m.begin, run.start()) - run.start(), min(m.end, run.end()) - run.start(), _grammar(m))
                            for m in parts if m.begin < run.end() and m.end > run.start()
                            and m.begin >= run.start() and m.end <= run.end()])
        found.typed.append(run.group())
        found.leads.append(max((m.end - run.start() for m in parts if m.begin < run.start() < m.end), default=0))
    return found


def only_grammar(words: Words, start: int, end: int) -> bool:
    """Tell whether a found reading is a coincidence of grammar words: all grammar, and plainly so.

    Plainly: it cuts into a word of two kana or more (なんか|いろいろ), or holds a grammar word of two kana or more
    that is no pronoun (よう of だったような). Kana cut into single-kana particles (た|か|な|わ of たかなわ, なん|さ|い of
    なんさい) is the bad segmentation the scan is for.
    """
    inside = [(kind, finish - begin) for begin, finish, kind in words if begin >= start and finish <= end]
    if not inside or not all(kind for kind, _ in inside):
        return False
    cuts = any(finish - begin >= 2 and begin < end and finish > start and not (begin >= start and finish <= end)
               for begin, finish, _ in words)
    return cuts or any(size >= 2 and kind == GRAMMAR for kind, size in inside)


def cuts_both_ends(words: Words, start: int, end: int) -> bool:
    """Tell whether a found reading starts inside one word of two kana or more and ends inside another.

    "…ことしますか" holds トシマ (豊島) from こ|と of こと to ま of ます: a word typed in kana is cut into pieces by
    the analyzer, it is not cut out of the middle of two words it read well.
    """
    return (any(begin < start < finish and finish - begin >= 2 for begin, finish, _ in words)
            and any(begin < end < finish and finish - begin >= 2 for begin, finish, _ in words))


def cuts_either_end(words: Words, start: int, end: int) -> bool:
    """Tell whether a found reading leaves two kana or more of a word it starts or ends inside outside itself.

    ニホンコ of ニホン|コクセキ leaves クセキ: no word typed. シュウタク of しゅう|たくっ|て leaves only っ, the analyzer's cut
    of the mistyped word (しゅうたく for じゅうたく)."""
    return any(begin < start < finish and start - begin >= 2 or begin < end < finish and finish - end >= 2
               for begin, finish, _ in words)


def inside_a_loan_word(words: Words, typed: str, start: int, end: int) -> bool:
    """Tell whether a found reading lies strictly inside one katakana word the analyzer read whole (ランチ of
    フランチャイズ): a loan word holds no other word in its middle. A word it starts or ends (ランチ of ランチタイム) may
    be a compound's part; a message typed all in katakana is cut by the analyzer anywhere, so it is left to the scan."""
    return any(begin < start and end < finish and KATAKANA_WORD.fullmatch(typed[begin:finish])
               for begin, finish, _ in words)


def _grammar(morpheme: Morpheme) -> str:
    if morpheme.pos[0] == "代名詞":
        return PRONOUN  # なん of なんさい (何歳) or of なんか: grammar, but the start of many a kana word
    return GRAMMAR if morpheme.pos[0] in GRAMMAR_POS or morpheme.pos[1] in GRAMMAR_SUBTYPES else ""
