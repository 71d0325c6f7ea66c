"""The readings the vocabulary looks for across badly segmented text: kana typed for kanji, mistyped compounds."""

from __future__ import annotations

import re

from bot.analyzer import morphemes
from bot.katakanaslips import PLAIN_KANA, VOICED_KANA
from bot.normalize import KANJI, kana_runs, mixed_script_pieces, stray_kanji, to_katakana
from bot.readingscan import ReadingTable
from bot.scanguard import (KanaRuns, Words, cuts_both_ends, cuts_either_end, inside_a_loan_word, only_grammar,
                            read_runs)
from bot.terms import Mask, Term, explained_by_longer, romaji_runs, with_scanned
from bot.variants import reading_variants

MIN_SCAN_READING = 3
# ジュウタク typed "jutaku" or じゅたく: a long vowel (ウ after an o- or u-sound, ー) left out.
LONG_VOWEL = re.compile(r"(?<=[オコソトノホモヨロゴゾドボポョォウクスツヌフムユルグズヅブプュゥ])ウ|ー")
MIN_SHORT_READING = 4
MIN_SHORT_KANJI_READING = 3
NOT_KATAKANA = re.compile(r"[\u3041-\u3096\u3400-\u9fff]")  # hiragana or kanji: a message not typed all in katakana
HIRAGANA_ONLY = re.compile(r"^[\u3041-\u309fー]+$")
HIRAGANA_CHARS = "".join(chr(code) for code in range(0x3041, 0x30A0))
PLAIN_VOICING = str.maketrans("ヅヂ", "ズジ")
UNVOICED = str.maketrans(VOICED_KANA + "パピプペポ", PLAIN_KANA + "ハヒフヘホ")  # a ゛ or ゜ left out
MIN_UNVOICED_READING = 4
Concepts = tuple[str, ...]
PARTICLES = frozenset({"が", "を", "に", "で", "と", "へ", "は", "も", "の", "や", "から", "まで", "より"})


def reading_table(by_reading: dict[str, str], compounds: dict[str, Concepts], phrases: dict[str, Concepts],
                  only_kana: set[str], typos: bool = False) -> ReadingTable[Concepts]:
    """Return the table of readings to scan for: words, compounds, then phrases, each only if long enough and new;
    with `typos`, also the readings of a dakuten left out that scan_readings looks for in words typed in kana."""
    table = {r: (c,) for r, c in by_reading.items() if len(r) >= MIN_SCAN_READING and r not in only_kana}
    table.update({r: c for r, c in compounds.items() if len(r) >= MIN_SCAN_READING and r not in table})
    table.update({r: c for r, c in phrases.items()
                  if len(r) >= MIN_SCAN_READING and r not in table and r not in only_kana})
    table.update(_short_vowel_readings(table))
    table.update(_plain_voicing(table))
    return ReadingTable(table, MIN_SCAN_READING, _dakuten_dropped(table) if typos else None)


def _dakuten_dropped(table: dict[str, Concepts]) -> dict[str, Concepts]:
    """Return readings with one voiced kana typed unvoiced (けいひんかん for 迎賓館, ゲイヒンカン): the flick keyboard's
    extra tap for ゛ or ゜ left out. Only words of four kana or more, and a reading no other word has."""
    dropped: dict[str, Concepts | None] = {}
    for reading, concepts in table.items():
        if len(reading) < MIN_UNVOICED_READING:
            continue
        for position, kana in enumerate(reading):
            if (plain := kana.translate(UNVOICED)) != kana:
                typed = reading[:position] + plain + reading[position + 1:]
                dropped[typed] = concepts if dropped.get(typed, concepts) == concepts else None
    return {typed: concepts for typed, concepts in dropped.items() if concepts is not None and typed not in table}


def _plain_voicing(table: dict[str, Concepts]) -> dict[str, Concepts]:
    """Return readings with ヅ and ヂ as ズ and ジ, which sound alike: romaji and kana typing write 職場づくり as
    "shokuba zukuri", しょくばずくり."""
    return {plain: concepts for reading, concepts in table.items()
            if (plain := reading.translate(PLAIN_VOICING)) != reading and plain not in table}


def scan_readings(text: str, terms: list[Term], table: ReadingTable[Concepts], stopwords: frozenset[str],
                  typos: bool = True, whole: frozenset[str] = frozenset()) -> list[Term]:
    """Return the terms with what known readings across their pieces explain, those pieces left out (not the
    words `whole` names, kept as places are)."""
    # Kana-only input segments badly (しょくどう -> しょ + くどう) and a mistyped kanji compound
    # splits into pieces (大志館 -> 大志 + 館): look for known readings across them.
    kana = kana_runs(text)
    typed_runs = len(kana)  # the runs typed in kana (romaji and kanji variants come after)
    misread = any(t.concept is None and t.token.is_kana for t in terms)  # a typo leaves kana the analyzer cannot read
    runs: list[Mask] = [(run, [True] * len(run), {}) for run in kana + romaji_runs(terms)]
    # A place name the knowledge does not know is no mistyped compound (埼玉 read サイタマ holds no サイタ, 最多).
    unknown = frozenset(t.token.surface for t in terms
                        if t.concept is None and not t.token.is_latin and not _unknown_place(t)) - whole
    unknown |= stray_kanji(text) | mixed_script_pieces(text)
    if unknown and typos:
        runs += reading_variants(text, unknown)
    found: dict[str, Concepts] = {}
    masks: list[Mask] = []
    kana_read: KanaRuns | None = None  # the kana runs as typed and their words: read at the first need only
    mixed = NOT_KATAKANA.search(text) is not None
    for number, (run, allowed, readings) in enumerate(runs):
        mask = [False] * len(run)
        for start, end, reading in table.scan(run):
            # The kana runs' words, to leave out readings made only of grammar (なん + か), and the runs as typed
            # (hiragana the analyzer segments into words, katakana it may cut anywhere): read at the first hit only.
            kana_read = kana_read or read_runs(text)
            if number < len(kana_read.words) and _coincidence(kana_read, number, start, end, mixed):
                continue
            if any(allowed[start:end]) and not _inside_a_word(readings, start, end, reading) \
                    and not _cuts_into_a_word(readings, start, end) and not _starts_in_okurigana(readings, start) \
                    and not _starts_inside_a_word(readings, start, end) and not _takes_a_particle(readings, start, end) \
                    and not _cut_in_a_long_vowel(run, end):
                found[reading] = table[reading]
                mask[start:end] = [True] * (end - start)
        if typos and table.whole_words is not None and number < typed_runs and misread:
            kana_read = kana_read or read_runs(text)
            words = kana_read.words[number] if number < len(kana_read.words) else []
            _scan_whole_words(run, mask, table.whole_words, words, found)
        masks.append((run, mask, readings))
    if not found:
        return terms
    kept = [t for t in terms
            if _unknown_place(t) or t.token.surface in whole or not explained_by_longer(t, masks, found)]
    return with_scanned(kept, found, stopwords)


def _coincidence(kana_read: KanaRuns, number: int, start: int, end: int, mixed: bool) -> bool:
    # A hit in a kana run that is only grammar, denied, begun in a word's kana ending, cut out of hiragana words,
    # or (in a message not all katakana) inside a loan word.
    words, typed = kana_read.words[number], kana_read.typed[number]
    return (only_grammar(words, start, end) or _denies(typed, start) or start < kana_read.leads[number]
            or HIRAGANA_ONLY.match(typed[start:end]) is not None and cuts_both_ends(words, start, end)
            or mixed and inside_a_loan_word(words, typed, start, end))


def _scan_whole_words(run: str, mask: list[bool], table: ReadingTable[Concepts], words: Words,
                      found: dict[str, Concepts]) -> None:
    # A typo's reading stands for a whole word as typed: it cuts into no word of the run at either end (ニホンコ of
    # ニホンコクセキ is no 日本語), and nothing else was read there.
    for start, end, reading in table.scan(run):
        if not any(mask[start:end]) and not cuts_either_end(words, start, end):
            found[reading] = table[reading]
            mask[start:end] = [True] * (end - start)


def _denies(typed: str, start: int) -> bool:
    # "全部採用じゃないよね" holds ナイヨ (内容, its long vowel left out) from the ない of じゃない: a denial, no word.
    return typed.startswith("ない", start) and typed[max(0, start - 2):start] in ("じゃ", "では")


def _inside_a_word(spans: dict[str, tuple[int, str]], start: int, end: int, found: str) -> bool:
    # 緑被率 (リョクヒリツ) is a word of its own, no mistyped 比率: a reading found after the start of one word of
    # two kanji or more, and ending in it, is a piece of that word, unless a piece of its kanji reads so on its own
    # as a word of the dictionary (庁舎 of 本庁舎, 役場 of 町役場). A mistyped compound splits (大志 + 館, 与 + 算).
    # A loan word's piece reads as itself (ランチ of フランチャイズ): only kanji pieces may be words of their own.
    return any(begin < start and end <= begin + len(reading) and len(surface) > 1
               and not (KANJI.search(surface) and any(_word_reading(surface[i:j]) == found
                                                          for i in range(1, len(surface))
                                                          for j in range(i + 1, len(surface) + 1)))
               for surface, (begin, reading) in spans.items())


def _cuts_into_a_word(spans: dict[str, tuple[int, str]], start: int, end: int) -> bool:
    # "なんか一番" read ナンカイチバン holds ナンカイ (何回): a reading that begins before a word and ends inside its
    # reading takes a piece of it (イ of イチ), never a kana typed for a kanji.
    return any(start < begin < end < begin + len(reading) and len(surface) == 1 and not HIRAGANA_ONLY.match(surface)
               for surface, (begin, reading) in spans.items())


def _starts_inside_a_word(spans: dict[str, tuple[int, str]], start: int, end: int) -> bool:
    # 化学職 read カガクショク holds ガクショク (学食) from the ガ of 化学: a reading that begins inside a word of the
    # dictionary, written in kanji as it reads, and runs on past it is a coincidence of sounds (a mistyped compound
    # splits at its start: 大志 + 館).
    # So does one that begins inside one kanji's reading ("家から" read ウチカラ holds チカラ, 力).
    return any(begin < start < begin + len(reading) < end and not HIRAGANA_ONLY.match(surface)
               and (len(surface) == 1 and KANJI.match(surface) or len(surface) > 1 and _word_reading(surface) == reading)
               for surface, (begin, reading) in spans.items())


def _takes_a_particle(spans: dict[str, tuple[int, str]], start: int, end: int) -> bool:
    # "家から" with 家 read チ holds チカラ (力): a kanji read another way for a mistyped compound (与 + 算) spells no
    # word ending in the particle after it. (A phrase may hold one: 家を借りる.)
    return any(surface in PARTICLES and start < begin and begin + len(reading) == end
               for surface, (begin, reading) in spans.items())


def _cut_in_a_long_vowel(run: str, end: int) -> bool:
    # コウクウケン (航空券) holds コウク (港区) only if a word ends inside the long vowel クウ: one sound, no boundary.
    # Not before ー: a romaji hyphen reads so (Aoyama-doori: アオヤマードーリ).
    return run.startswith("ウ", end) and LONG_VOWEL.match(run, end) is not None


def _starts_in_okurigana(spans: dict[str, tuple[int, str]], start: int) -> bool:
    # 近くがいい read チカクガイイ holds クガイ (区外) from the く of 近く: a word's kana ending is spelled as read, no
    # typo; a reading starting in it is a coincidence of sounds.
    for surface, (begin, reading) in spans.items():
        ending = len(surface) - len(surface.rstrip(HIRAGANA_CHARS))
        if ending and len(surface) > ending and begin + len(reading) - ending <= start < begin + len(reading):
            return True
    return False


def _word_reading(text: str) -> str:
    parts = morphemes(text)
    return to_katakana(parts[0].reading) if len(parts) == 1 else ""


def _unknown_place(term: Term) -> bool:
    # A place the knowledge does not know stays what it is ("タイ の たいしかん": タイ is no part of タイシカン);
    # a piece of hiragana the analyzer read as a place (とう as 唐) is what the scan is for.
    return term.concept is None and term.token.is_place and not HIRAGANA_ONLY.match(term.token.surface)


def _short_vowel_readings(table: dict[str, Concepts]) -> dict[str, Concepts]:
    """Return readings without their long vowels, where that reading is no other word's and names one concept."""
    short: dict[str, Concepts | None] = {}
    for reading, concepts in table.items():
        shortened = LONG_VOWEL.sub("", reading)
        # A kanji word's last vowel typed short may leave three kana (jinko: ジンコ for ジンコウ); one shortened inside
        # (トショ for トウショ, found in 図書館) or a loan word's long mark dropped (menyu: メニュ) must leave four.
        shortest = MIN_SHORT_KANJI_READING if shortened == reading[:-1] and reading[-1] == "ウ" else MIN_SHORT_READING
        if shortened != reading and len(shortened) >= shortest and shortened not in table:
            short[shortened] = concepts if short.get(shortened, concepts) == concepts else None
    return {reading: concepts for reading, concepts in short.items() if concepts is not None}
