"""Which reading-scan hits are only grammar: なんかいろいろ holds ナンカイ (何回), だったような タヨウ (多様).

The reading scan looks for known words across the pieces of kana the analyzer segments badly (しょくどう read
しょ + くどう). Spoken questions are mostly kana that the analyzer segments well: fillers, particles and endings.
A found reading made of whole words that are all grammar (なん + か, た + よう) is no word typed in kana
but a coincidence of sounds: it is left out. A word the reading only cuts into (いろいろ, はいっ) does not save it.
"""

from __future__ import annotations

import re

from bot.normalize import MAX_ANALYZED_CHARS, Morpheme, clean, morphemes

GRAMMAR_POS = frozenset({"助詞", "助動詞", "感動詞", "接続詞", "代名詞"})
# よう of ような; not the verbs いる, ある, する: the analyzer reads し of しけん (試験) as one.
GRAMMAR_SUBTYPES = frozenset({"助動詞語幹"})
KANA_RUN = re.compile(r"[\u3040-\u30ffー]{3,}")  # bot.normalize.kana_runs: the runs scanned
Words = list[tuple[int, int, bool]]  # each word of a run: start, end (in the run), whether it is grammar


def run_words(text: str) -> list[Words]:
    """Return, for each kana run of the text (as bot.normalize.kana_runs finds them), its words."""
    cleaned = clean(text)[:MAX_ANALYZED_CHARS]
    parts = morphemes(cleaned)
    runs = []
    for run in KANA_RUN.finditer(cleaned):
        runs.append([(max(m.begin, run.start()) - run.start(), min(m.end, run.end()) - run.start(), _grammar(m))
                     for m in parts if m.begin < run.end() and m.end > run.start()
                     and m.begin >= run.start() and m.end <= run.end()])
    return runs


def only_grammar(words: Words, start: int, end: int) -> bool:
    """Tell whether the words wholly inside a found reading are all grammar, one of them two kana or more.

    Kana cut into single-kana particles (た|か|な|わ of たかなわ) is the bad segmentation the scan is for.
    """
    inside = [(grammar, finish - begin) for begin, finish, grammar in words if begin >= start and finish <= end]
    return bool(inside) and all(grammar for grammar, _ in inside) and max(size for _, size in inside) >= 2


def _grammar(morpheme: Morpheme) -> bool:
    return morpheme.pos[0] in GRAMMAR_POS or morpheme.pos[1] in GRAMMAR_SUBTYPES
