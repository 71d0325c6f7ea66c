"""Spaced Japanese read across its spaces: "しょくいん の いえ" is the phrase 職員の家 typed word by word.

やさしい日本語 (and romaji, read as kana word by word) puts a space between words. The analyzer then reads each
word on its own, which is what makes spaced kana easy to segment, but a known phrase or compound typed over
several words (しょくいん の いえ = 職員の家, なに が いい = 何がいい) is never seen whole. The writer has told us
where the words are, so the spaces are joined and known readings are looked for across them, but only readings
that start and end where the writer's words do: いく じかん never hides 育児 (イク|ジ|カン).
"""

from __future__ import annotations

import re

import jaconv

from bot.analyzer import morphemes
from bot.normalize import Token, analyze, clean, to_katakana
from bot.phonetyping import vowel_of
from bot.readingscan import ReadingTable
from bot.terms import Mask, Term, explained_by_longer, with_scanned

JAPANESE_GAP = re.compile(r"(?<=[\u3040-\u30ff\u3400-\u9fff々ー])\s+(?=[\u3040-\u30ff\u3400-\u9fff々ー])")
KANA_RUN = re.compile(r"[\u3040-\u30ffー]+")
JAPANESE_WORD = re.compile(r"[\u3040-\u30ff\u3400-\u9fff々ー]+")
KANA_WORD = re.compile(r"[\u3040-\u30ffー]{2,}")
GRAMMAR_POS = frozenset({"助詞", "助動詞", "補助記号", "空白", "接続詞"})
MIN_SPACED_WORDS = 3
# A particle typed on to the word before it ("いえは"): the word ends before it, as if a space stood there (the word
# itself two kana at least: は alone, or がは, is no word and its particle).
TRAILING_PARTICLE = re.compile(r"(?:って|は|が|を|に|も|で)$")
MIN_PHRASE_READING = 3
MIN_BROKEN_WORD = 4  # a spaced kana word this long read as function words only is a word the analyzer missed
ASKING = ("なん", "なに", "いく", "いつ", "どの", "どこ", "どう", "どれ")
MIN_SHORTENED_WORD = 3  # じゅたく, ぼなす: a shorter word lengthened reads as too many others
# The long vowel a learner leaves out after each vowel (じゅたく for じゅうたく, ぼなす for ぼーなす): the kana that
# draws it out. Not イ after e (せんせ for せんせい): いって いた would read 一定 (イッテイ), "team" 提案 (テアン).
LONG_VOWEL_KANA = {"a": ("ー",), "i": ("ー",), "u": ("ウ", "ー"), "e": ("ー",), "o": ("ウ", "ー")}
Concepts = tuple[str, ...]
# "職員 は 何 人 です か": a count typed word by word, its counter after a space (何 人 is 何人, no 人 of its own).
# "ひと が ふえ ますか": a learner's space between a verb's stem and ます, which leaves ふえ (笛) a noun to the analyzer
SPACED_ENDING = re.compile(r"(?<=[\u3041-\u3096\u3400-\u9fff])\s+(?=ま(?:す|せん|した)(?![\u3041-\u3096\u3400-\u9fff]{2}))")
SPACED_COUNT = re.compile(r"(何|なん)\s+(?=(?:人|件|回|か国|カ国|ヶ国|歳|才|室|校|個|名|割|種類|か所|カ所|ヶ所)(?!\S*[\u3400-\u9fff]))")


def joined_counts(text: str) -> str:
    """Return the text with a count typed over a space (何 人) written as one word (何人), and a verb's stem typed
    apart from its polite ending (ふえ ますか, しらべ ます か) joined to it, the rest as it was."""
    text = SPACED_COUNT.sub(r"\1", text) if "何 " in text or "なん " in text else text
    return SPACED_ENDING.sub("", text) if " ま" in text else text


def spaced_runs(text: str) -> list[tuple[str, list[int]]]:
    """Return the kana runs of a spaced text with its spaces joined, each with where its words begin and end."""
    words = JAPANESE_GAP.split(clean(text))
    if len(words) < 2:
        return []
    joined, bounds, offset = "".join(words), {0}, 0
    for word in words:
        offset += len(word)
        bounds.add(offset)
        particle = TRAILING_PARTICLE.search(word)
        if particle is not None and particle.start() >= MIN_PHRASE_READING - 1:
            bounds.add(offset - len(particle.group(0)))  # "いえは": the word いえ, its particle typed on to it
    runs = []
    for match in KANA_RUN.finditer(joined):
        inner = sorted({match.start(), match.end(), *(b for b in bounds if match.start() < b < match.end())})
        if len(inner) > 2:  # two words or more in the run
            runs.append((to_katakana(match.group(0)), [b - match.start() for b in inner]))
    return runs + _read_runs(words)


def _read_runs(words: list[str]) -> list[tuple[str, list[int]]]:
    # "しごと に 行く", "しょくいん の 住む ところ": a kanji word among the spaced ones is read too, so a phrase typed
    # partly in kanji (仕事に行く, 住む所) is found across the spaces like one typed in kana. Only runs holding a kanji
    # word: the kana runs are read above.
    runs: list[tuple[str, list[int]]] = []
    reading, bounds, kanji = "", [0], False
    for word in [*words, ""]:
        spelled = to_katakana(word) if KANA_RUN.fullmatch(word) else _word_reading(word)
        if spelled:
            reading += spelled
            bounds.append(len(reading))
            kanji = kanji or not KANA_RUN.fullmatch(word)
            continue
        if kanji and len(bounds) > 2:
            runs.append((reading, bounds))
        reading, bounds, kanji = "", [0], False
    return runs


def _word_reading(word: str) -> str:
    # The reading of a word holding kanji (仕事 -> シゴト), or "" for one holding anything but Japanese.
    if not word or not JAPANESE_WORD.fullmatch(word):
        return ""
    return "".join(to_katakana(m.reading) for m in morphemes(word))


def across_words(run: str, bounds: list[int], table: ReadingTable[Concepts]) -> list[tuple[int, int, str]]:
    """Return the longest known readings that span two or more whole words of a run, left to right.

    A loan word split over two words may carry a long vowel its one-word spelling lacks (プレー くらす = プレクラス).
    """
    found: list[tuple[int, int, str]] = []
    index = 0
    while index < len(bounds) - 2:
        start = bounds[index]
        end, reading = next(((e, key) for e in reversed(bounds[index + 2:]) if e - start >= MIN_PHRASE_READING
                             for key in (run[start:e], run[start:e].replace("ー", "")) if key in table), (None, ""))
        if end is None:
            index += 1
            continue
        found.append((start, end, reading))
        index = bounds.index(end)
    return found


def lengthened_words(run: str, bounds: list[int], table: ReadingTable[Concepts],
                     taken: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Return the words of a run that read as a known word once a long vowel left out is put back (きゅよ: キュウヨ,
    給与), each as (start, end, the known reading): only when one known reading alone is so found."""
    found = []
    for start, end in zip(bounds, bounds[1:]):
        word = run[start:end]
        if end - start < MIN_SHORTENED_WORD or word in table or any(s < end and start < e for s, e, _ in taken):
            continue
        readings = {longer for longer in _lengthened(word) if longer in table}
        if len(readings) == 1 and not _an_adverb(word):
            found.append((start, end, readings.pop()))
    return found


def _an_adverb(word: str) -> bool:
    # もっと is no モットー with its long vowel left out: an adverb of the dictionary typed in kana is that adverb.
    parts = morphemes(jaconv.kata2hira(word))
    return len(parts) == 1 and parts[0].pos[0] == "副詞"


# Each katakana's vowel, read once (jaconv per letter and question cost a tenth of a spaced question's answer);
# ッ draws out no vowel.
VOWEL_OF = {chr(code): vowel_of(chr(code)) for code in range(0x30A1, 0x30F5) if chr(code) != "ッ"}
SMALL_Y = frozenset("ャュョ")


def _lengthened(word: str) -> list[str]:
    # The word (katakana) with one long vowel put back after one of its kana (not after ン, ッ or ー).
    variants = []
    for at in range(1, len(word) + 1):
        if word[at:at + 1] in SMALL_Y:
            continue  # キュ is one sound: its vowel comes after the small kana
        for kana in LONG_VOWEL_KANA.get(VOWEL_OF.get(word[at - 1], ""), ()):
            variants.append(word[:at] + kana + word[at:])
    return variants


def read_across_spaces(text: str, terms: list[Term], table: ReadingTable[Concepts],
                       stopwords: frozenset[str]) -> list[Term]:
    """Return the terms with the phrases found across the spaces of a spaced text, the words they cover left out."""
    masks: list[Mask] = []
    absorbed: dict[str, Concepts] = {}  # the words of one compound typed in two, and what the compound means
    found: dict[str, Concepts] = {}
    for run, bounds in spaced_runs(text):
        hits = across_words(run, bounds, table)
        hits += lengthened_words(run, bounds, table, hits)
        if not hits:
            continue
        mask = [False] * len(run)
        for start, end, reading in hits:
            mask[start:end] = [True] * (end - start)
            found[reading] = table[reading]
            absorbed.update(_compound_words(run, bounds, start, end, table, table[reading]))
        masks.append((run, mask, {}))
    if not found:
        return terms
    # The phrase stands for the unknown and function words it covers (なに が いい); a known word inside it keeps
    # its own say (ぎじゅつ of あたらしい ぎじゅつ), unless the phrase is one compound typed in two words and means
    # something without it (けんしゅう せいど is 研修制度, which is 研修: 制度 is no topic, as it is none in kanji).
    kept = [term for term in terms if not (_minor(term) and explained_by_longer(term, masks, found)
                                           or term.concept not in absorbed.get(term.token.reading, (term.concept,)))]
    return with_scanned(kept, found, stopwords)


def _compound_words(run: str, bounds: list[int], start: int, end: int, table: ReadingTable[Concepts],
                    meant: Concepts) -> dict[str, Concepts]:
    # The words a hit spans, when each is a known word of its own (no particle, no adjective: しょくいん の いえ and
    # あたらしい ぎじゅつ are phrases), each with what the compound means.
    inner = [b for b in bounds if start <= b <= end]
    words = [run[a:b] for a, b in zip(inner, inner[1:])]
    return dict.fromkeys(words, meant) if all(word in table for word in words) else {}


def _minor(term: Term) -> bool:
    return term.concept is None or term.via == "weak"


def lost_words(text: str, stopwords: frozenset[str]) -> list[tuple[Token, bool]]:
    """Return the spaced kana words the analyzer read as no content at all, as nouns to look up by their reading.

    The writer marked くちょう (区長) as a word; the analyzer reads it 九 + ちょう (a numeral and a suffix) and
    drops both, おおい (多い) as an interjection: the question would lose a word it asks about. Each comes with
    whether it is a word even when its reading is unknown (くちょう) or only when it reads as a known one (おおい:
    はい and ええ are interjections too). A word holding a particle or an auxiliary (どのくらい, はいって) is grammar.
    """
    words = JAPANESE_GAP.split(clean(text))
    if len(words) < MIN_SPACED_WORDS:
        return []
    lost = []
    for word in words:
        tokens = analyze(word) if KANA_WORD.fullmatch(word) and word not in stopwords else None
        # こうこう (高校) read こう + こう: a word broken into adverb-like pieces alone
        # (not なんぷん, なんがつ: a detail asked in kana, bot.details)
        broken = (bool(tokens) and len(tokens) >= 2 and len(word) >= MIN_BROKEN_WORD and not word.startswith(ASKING)
                  and all(t.weak and t.pos == "副詞" for t in tokens))
        if tokens is None or tokens and not broken:
            continue
        kinds = {m.pos[0] for m in morphemes(word)}
        if not kinds & GRAMMAR_POS and kinds - {"連体詞"}:
            lost.append((Token(word, word, to_katakana(word), "名詞", is_kana=True),
                         broken or bool(kinds & {"名詞", "接尾辞"})))
    return lost
