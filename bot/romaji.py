"""Romaji words read as the kana they stand for (Hepburn style): native words in hiragana, loan words in katakana
with long vowels.

Japanese typed in romaji spells a loan word's long vowel by doubling it (teema = テーマ, doroon = ドローン,
meetoru = メートル) and its foreign sounds as an IME does (disukasshon = ディスカッション). Read letter by letter,
they become てえま and ぢすかっしょん, which no knowledge word reads. Native words double vowels too (ookii,
toori, oneesan, chiisai), so a doubled o or i makes a loan word only when the hiragana is no single word of the
dictionary (suriipu = スリープ).
"""

from __future__ import annotations

import re
from functools import lru_cache

import jaconv

from bot.analyzer import morphemes
from bot.normalize import KANA_ONLY, clean, to_katakana


ROMAJI = re.compile(r"^[a-z][a-z\-']*$")
HEPBURN_NN = re.compile(r"nn(?=[aiueo])")
N_BEFORE_VOWEL = re.compile(r"n-(?=[aiueoy])")  # "nan-en" (何円), "san-in": the hyphen keeps ん apart, as ' does


@lru_cache(maxsize=4096)  # asked once per word and reading run it might explain: cheap the second time
def romaji_to_katakana(word: str) -> str | None:
    """Return the katakana for a romaji word (shokudou -> ショクドウ), or None if it is not romaji."""
    word = N_BEFORE_VOWEL.sub("n'", clean(word)).replace("-", "")
    if not ROMAJI.match(word):
        return None
    # Hepburn writes ん+に as "nni" (nannin = なんにん), where an IME reads "nn" as ん alone (なんいん).
    kana = jaconv.alphabet2kana(HEPBURN_NN.sub("n'n", word)).replace("'", "")
    if not KANA_ONLY.match(kana) or kana.endswith("っ") or "っっ" in kana or FOREIGN_CLUSTER.search(word):
        return None
    return to_katakana(kana)


# Two consonants romaji never writes together ("slogan", "slide", "program"): an English word, not kana. A doubled
# consonant (kk, tch) is the small っ, and sh, ch, ts, n or m before a consonant (shimbun) and a consonant before
# y are kana.
FOREIGN_CLUSTER = re.compile(r"(?!sh|ch|ts|tch|([bcdfghjkprstvz])\1)[bcdfghjklpqrstvwxz][bcdfghjklmnpqrstvwxz]")

# aa and ee (not before i: baai = 場合), and the foreign sounds an IME types as di, ti (IME: ぢ, ち).
LOAN_LONG = re.compile(r"([ae])\1(?!i)")
LOAN_O = re.compile(r"oo(?!i)|ii")
LOAN_DOUBLE = re.compile(r"([aeiou])\1")
FOREIGN_SOUND = re.compile(r"[dt]i")  # Hepburn writes ち and ぢ chi and ji: di and ti are foreign sounds


ENGLISH_CLUSTER = re.compile(r"s(?=[tpk])")  # st, sp, sk


@lru_cache(maxsize=4096)
def romaji_word(word: str) -> str | None:
    """Return a romaji word as hiragana (a native word) or katakana (a loan word), or None if it is no romaji."""
    parts = word.split("-")
    if len(parts) > 1 and all(parts):
        # "aoyama-doori", "shokuba-nai", "nan-en": a hyphen joins words, each read on its own (not the long mark of
        # a loan word, which ends one: "su-pa-")
        read = [romaji_word(part) for part in parts]
        return "".join(piece for piece in read if piece) if all(read) else None
    native = romaji_to_katakana(word)
    if native is None:
        # An English spelling of a loan word drops the vowel after s before another consonant ("paneristo" for
        # panerisuto): put it back when only that makes the word romaji ("test" stays English: tesu-t is none).
        vowelled = ENGLISH_CLUSTER.sub("su", word)
        native = romaji_to_katakana(vowelled) if vowelled != word else None
        if native is None:
            return None
        word = vowelled
    hiragana = jaconv.kata2hira(native)
    if not _looks_loaned(word, hiragana):
        return hiragana
    lengthened = LOAN_DOUBLE.sub(r"\1-", word)
    loan = jaconv.hira2kata(jaconv.alphabet2kana(FOREIGN_SOUND.sub(lambda m: m.group(0)[0] + "hi", lengthened)))  # dhi = でぃ
    if FOREIGN_SOUND.search(word) and not _a_word(loan):
        # "puratina": ti as an IME reads it (チ), when that is a word and ティ is not (プラチナ, not プラティナ)
        ime = jaconv.hira2kata(jaconv.alphabet2kana(lengthened))
        loan = ime if _a_word(ime) else loan
    if "oo" in word and not LOAN_LONG.search(word) and not FOREIGN_SOUND.search(word) and not _a_word(loan):
        # "mooshikomi", "kyuuryoo": no loan word the dictionary knows (モーシコミ), but Hepburn's ō typed oo (もうしこみ)
        ou = romaji_to_katakana(word.replace("oo", "ou"))
        if ou is not None:
            return jaconv.kata2hira(ou)
    return loan if re.fullmatch(r"[\u30a0-\u30ffー]+", loan) else hiragana


def _a_word(katakana: str) -> bool:
    # One word the dictionary knows (in a synonym group, or a spelling of another: ティケット is チケット), not one it
    # made up for an unknown run of katakana (プラティナ).
    parts = morphemes(katakana)
    return len(parts) == 1 and (bool(parts[0].groups) or parts[0].normalized != parts[0].surface)


def _looks_loaned(word: str, hiragana: str) -> bool:
    if LOAN_LONG.search(word) or FOREIGN_SOUND.search(word):
        return True
    return bool(LOAN_O.search(word)) and len(morphemes(hiragana)) > 1
