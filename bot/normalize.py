"""Text normalization for Japanese and English questions: NFKC, width, kana, readings, stems, the analyzer's tokens."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Any, NamedTuple

import jaconv

from bot.analysiscache import SHELF
from bot.analyzer import KANJI_CHAR, MAX_ANALYZED_CHARS, Morpheme, morphemes
from bot.phonetyping import as_typed_meant

KANJI = re.compile(r"[\u3400-\u9fff々]")  # one kanji (easyja keeps its own: it loads no analyzer)
JAPANESE_CHAR = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff66-\uff9f々〆ヶ]")
ENGLISH_FUNCTION_WORD = re.compile(
    r"(?<![a-z])(?:what|how|where|when|who|which|why|is|are|was|do|does|did|can|could|would|will|the|a|an|there"
    r"|tell|me|i|you|any|about|please|of|for|to|in)(?![a-z])")
KANA_ONLY = re.compile(r"^[\u3040-\u30ffー]+$")
ASCII_WORD = re.compile(r"^[a-z0-9][a-z0-9'\-\.]*$")
LETTER = re.compile(r"[^\W\d_]", re.UNICODE)
# today's, they're, we've, it'll, i'd, i'm, isn't: the clitic carries no topic (n't is kept as "not").
ENGLISH_CLITIC = re.compile(r"(?<=[a-z])('s|'re|'ve|'ll|'d|'m|n't)(?![a-z])")
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffd]")
SPACES = re.compile(r"\s+")

CONTENT_POS = {"名詞", "動詞", "形容詞", "形状詞"}
WEAK_POS = {"代名詞", "副詞"}  # どこ, いつ, もっと: hints of intent
TOKEN_POS = frozenset(CONTENT_POS | WEAK_POS)
DROPPED_SUBTYPES = {"数詞"}
ASKING_NUMBER = frozenset({"何", "なん", "幾", "いく"})  # 何か国: asks a figure
COUNTER_POS = ("名詞", "普通名詞", "助数詞可能", "*", "*", "*")
WEAK_SUBTYPE = "非自立可能"
# Hedges the analyzer tags as nouns (だいたい何分？): like およそ and ほぼ, they soften the question, never its topic.
HEDGE_LEMMAS = frozenset({"大体", "大抵"})
PLACE_SUFFIX_READINGS = {"市": "シ", "区": "ク"}


class Token(NamedTuple):
    """One content word of a text, with the keys it can be matched by.

    A named tuple, not a frozen dataclass: every indexed word makes one, and a frozen dataclass's constructor (one
    object.__setattr__ per field) cost more than the rest of turning a word into a token.
    """

    surface: str
    lemma: str
    reading: str
    pos: str
    is_place: bool = False
    is_kana: bool = False
    is_latin: bool = False
    weak: bool = False  # a function-like word (ある, できる, 良い): a hint of intent, never a topic
    groups: tuple[int, ...] = ()  # SudachiDict synonym groups (日中 and 昼間 share one)
    counter: bool = False  # a counter right after a figure (代 of 50代): a topic only when the knowledge knows it
    adverbial: bool = False  # a noun that is also an adverb of time or amount (今日, 半分, 以上): context when unknown

    @property
    def keys(self) -> tuple[str, ...]:
        """Return the lemma first, then the reading when it differs."""
        if self.is_latin or not self.reading or self.reading == self.lemma:
            return (self.lemma,)
        return (self.lemma, self.reading)


# Old forms of kanji (國 for 国, 區 for 区, 髙 for 高) that NFKC leaves as they are: typed by habit or in names.
OLD_FORMS = str.maketrans(dict(zip("國學會區體圖廣關號萬來對變與戰澤濱邊邉髙﨑德櫻驛實賣讀聲寫廳縣鐵圓",
                                   "国学会区体図広関号万来対変与戦沢浜辺辺高崎徳桜駅実売読声写庁県鉄円")))


@lru_cache(maxsize=16384)  # called for every word and clause of a question, and mostly on the same short texts
def clean(text: str) -> str:
    """Return NFKC-normalized, lower-cased text with control characters, extra spaces and English clitics removed."""
    text = unicodedata.normalize("NFKC", text).translate(OLD_FORMS)
    text = CONTROL.sub(" ", text)
    text = SPACES.sub(" ", text).strip().lower()
    text = as_typed_meant(text)
    return ENGLISH_CLITIC.sub(lambda m: " not" if m.group(1) == "n't" else "", text.replace("’", "'"))


def detect_lang(text: str) -> str | None:
    """Return 'ja' for text in Japanese, 'en' for English (even with a Japanese word in it), None for neither."""
    if JAPANESE_CHAR.search(text):
        # "What is プレクラス?" is English with a Japanese word; "英語のskillって…" is Japanese with an English one.
        return "en" if len(ENGLISH_FUNCTION_WORD.findall(text.lower())) >= 2 else "ja"
    if re.search(r"[a-zA-Z]", text):
        return "en"
    return None


def has_letters(text: str) -> bool:
    """Tell whether the text holds any letter of any script (emoji and digits are not)."""
    return bool(LETTER.search(text))


def looks_binary(text: str) -> bool:
    """Tell whether raw input is mostly control or replacement characters."""
    if not text:
        return False
    bad = len(CONTROL.findall(text))
    return bad / len(text) > 0.2


def to_katakana(text: str) -> str:
    """Return the text with hiragana turned into katakana."""
    return text.translate(_HIRAGANA_TO_KATAKANA)


# jaconv.hira2kata's own mapping, taken once: called for every word of every text, its three Python calls added up.
_HIRAGANA_TO_KATAKANA = {code: jaconv.hira2kata(chr(code)) for code in range(0x3000, 0x3100)
                         if jaconv.hira2kata(chr(code)) != chr(code)}


@lru_cache(maxsize=8192)
def stem(word: str) -> str:
    """Return the English stem of a lower-case word (embassies -> embassi)."""
    return _stemmer().stemWord(word)


@lru_cache(maxsize=1)
def _stemmer() -> Any:
    # PyStemmer (C) directly: snowballstemmer would first import the Python stemmers of 30 languages (50-90 ms of
    # start-up) to hand us the same object. Both implement the same Snowball algorithm, so the stems are the same.
    try:
        import Stemmer
    except ImportError:
        import snowballstemmer

        return snowballstemmer.stemmer("english")
    return Stemmer.Stemmer("english")


def warm_up() -> None:
    """Load the dictionary now rather than on the first question."""
    analyze("港区")


@lru_cache(maxsize=8192)
def analyze(text: str) -> tuple[Token, ...]:
    """Split cleaned text into content tokens (particles, auxiliaries and symbols dropped)."""
    stored = SHELF.look_up("tokens", text)
    if stored is not None:
        return tuple([tuple.__new__(Token, token) for token in stored])
    cleaned = clean(text)[:MAX_ANALYZED_CHARS]
    if not cleaned:
        return ()
    parts = _question_endings(_asked_countries(_asked_minutes(_split_english(morphemes(cleaned)))))
    tokens = (_to_token(part, after_figure=index > 0 and parts[index - 1].surface.isdigit())
              for index, part in enumerate(parts))
    found = tuple(token for token in tokens if token is not None)
    if SHELF.used is not None:
        SHELF.note("tokens", text, tuple(map(tuple, found)))
    return found


def forget_analyses() -> None:
    """Empty the analyzer's caches (a build recording its analyses must see every text it reads)."""
    analyze.cache_clear()
    morphemes.cache_clear()


def _split_english(parts: tuple[Morpheme, ...]) -> list[Morpheme]:
    # The dictionary holds a few English phrases as one word ("is it" read イズイット): English is read word by word.
    words: list[Morpheme] = []
    for part in parts:
        if " " not in part.surface.strip() or not part.surface.isascii():
            words.append(part)
            continue
        offset = part.begin
        for word in part.surface.split(" "):
            if word:
                words.append(part._replace(surface=word, normalized=word, reading="", begin=offset,
                                           end=offset + len(word)))
            offset += len(word) + 1
    return words


def _asked_minutes(parts: list[Morpheme]) -> list[Morpheme]:
    # "通勤は何分くらい？" is read 何分 (ナニブン, "after all"), "家から何分くらい？" 何 + 分: in a question it asks how many
    # minutes, read alike both ways (何 asks the figure, 分 the unit).
    if not any(part.surface == "何分" for part in parts):
        return parts
    words: list[Morpheme] = []
    for part in parts:
        if part.surface != "何分":
            words.append(part)
            continue
        what = morphemes("何")[0]._replace(begin=part.begin, end=part.begin + 1)
        words += [what, morphemes("分")[0]._replace(begin=part.begin + 1, end=part.end)]
    return words


def _question_endings(parts: list[Morpheme]) -> list[Morpheme]:
    # "ありまあすか": a mistyped ますか leaves あすか, which the dictionary knows as a place (飛鳥). Hiragana ending a
    # sentence in か is its question ending, no place.
    return [part for index, part in enumerate(parts)
            if not (part.pos[2] == "地名" and part.surface.endswith("か") and HIRAGANA_WORD.match(part.surface)
                    and (index + 1 == len(parts) or parts[index + 1].pos[0] == "補助記号"))]


def _asked_countries(parts: list[Morpheme]) -> list[Morpheme]:
    # "港区には何か国の大使館が…" is read 何 + か + 国 (country, a topic word the nationalities' entry explains best):
    # it is the counter か国, as in the answers' "81か国" and "135か国", which the other words then tell apart.
    for index in range(1, len(parts) - 1):
        if parts[index - 1].surface in ASKING_NUMBER and parts[index].surface == "か" and parts[index + 1].surface == "国":
            counter = Morpheme("か国", COUNTER_POS, "箇国", "カコク", parts[index].begin, parts[index + 1].end, ())
            return [*parts[:index], counter, *_asked_countries(parts[index + 2:])]
    return parts


def _to_token(morpheme: Morpheme, after_figure: bool = False) -> Token | None:
    surface = morpheme.surface.strip()
    if not surface:
        return None
    if surface.isascii() and ASCII_WORD.match(surface):  # (a Japanese word is not tried)
        if surface.isdigit():
            return None
        word = surface.strip("'-.")
        return Token(surface, stem(word), "", "latin", is_latin=True)
    pos = morpheme.pos
    if pos[0] not in TOKEN_POS or pos[1] in DROPPED_SUBTYPES:
        return None
    lemma = clean(morpheme.normalized)
    reading = to_katakana(morpheme.reading)
    is_place = pos[1] == "固有名詞" and pos[2] == "地名"
    if pos[1] == "普通名詞" and _names_people_of_a_place(lemma):
        # 韓国人 (one word): the people of a place are of that place (another country, unless it reads as home:
        # ニホン), and no mistyped compound. Still its own word: 日本人 is not 日本 (全国最多, the most in Japan).
        is_place, reading = True, reading.removesuffix("ジン")
    elif is_place and len(lemma) >= 3 and lemma[-1] in PLACE_SUFFIX_READINGS:
        # 横浜市, 横浜 and ヨコハマ name one place.
        reading = reading.removesuffix(PLACE_SUFFIX_READINGS[lemma[-1]])
        lemma = lemma[:-1]
    kana = bool(KANA_ONLY.match(surface))
    groups = morpheme.groups
    weak = pos[1] == WEAK_SUBTYPE or pos[0] in WEAK_POS or lemma in HEDGE_LEMMAS
    counter = after_figure and pos[2] == "助数詞可能"  # 50代, 3回: measures the figure before it
    return Token(surface, lemma, reading, pos[0], is_place, kana, weak=weak, groups=groups, counter=counter,
                 adverbial=pos[2] == "副詞可能")


def _names_people_of_a_place(lemma: str) -> bool:
    """Tell whether a word names the people of a place (韓国人), not people of a kind (外国人, 社会人)."""
    if len(lemma) < 3 or not lemma.endswith("人"):
        return False
    parts = morphemes(lemma[:-1])
    return len(parts) == 1 and parts[0].pos[1] == "固有名詞" and parts[0].pos[2] == "地名"


def word_boundaries(text: str) -> frozenset[int]:
    """Return the offsets in cleaned text where the analyzer's words begin and end."""
    return frozenset([0, *(m.end for m in morphemes(text))])


def stray_kanji(text: str) -> frozenset[str]:
    """Return single kanji the analyzer could only read as affixes in a row (研 + 集 of 研集, a typo for 研修)."""
    parts = morphemes(clean(text))
    stray = [len(m.surface) == 1 and m.pos[0] in {"接尾辞", "接頭辞"} and bool(KANJI_CHAR.match(m.surface))
             for m in parts]
    return frozenset(m.surface for i, m in enumerate(parts)
                     if stray[i] and ((i > 0 and stray[i - 1]) or (i + 1 < len(parts) and stray[i + 1])))


HIRAGANA_WORD = re.compile(r"^[\u3041-\u309f]{2,}$")
MIXED_KANA_POS = frozenset({"名詞", "副詞", "接尾辞"})
MIXED_KANJI_POS = frozenset({"名詞", "代名詞", "接頭辞", "接尾辞"})


def mixed_script_pieces(text: str) -> frozenset[str]:
    """Return the pieces of words typed half converted: one kanji beside a hiragana noun, adverb or suffix (予さん,
    食どう, 人こう, しょく堂), which the analyzer reads as two words (予 + さん) when one was meant (予算)."""
    parts = morphemes(clean(text))
    pieces: set[str] = set()
    for first, second in zip(parts, parts[1:]):
        for kanji, kana in ((first, second), (second, first)):
            if (len(kanji.surface) == 1 and KANJI_CHAR.match(kanji.surface) and kanji.pos[0] in MIXED_KANJI_POS
                    and kanji.surface not in "何幾"
                    and HIRAGANA_WORD.match(kana.surface) and kana.pos[0] in MIXED_KANA_POS):
                pieces.update((kanji.surface, kana.surface))
    return frozenset(pieces)


def reading_of(text: str) -> str:
    """Return the katakana reading of a whole text, symbols and spaces left out."""
    return "".join(reading for _, reading in reading_parts(text))


def reading_parts(text: str) -> list[tuple[str, str]]:
    # Every word of the text with its katakana reading, symbols and spaces left out.
    return [(m.surface, to_katakana(m.reading)) for m in morphemes(clean(text)) if m.pos[0] not in {"補助記号", "空白"}]


KANA_RUN = re.compile(r"[\u3040-\u30ffー]{3,}")


def kana_runs(text: str) -> list[str]:
    """Return the runs of three or more kana in the text, as katakana (for reading scans)."""
    return [to_katakana(run) for run in KANA_RUN.findall(clean(text)[:MAX_ANALYZED_CHARS])]

