"""Japanese typed all in katakana ("パネリストハ ダレデシタカ"), read as the hiragana it stands for.

Some phones, old habits and screen readers' dictation give a whole question in katakana, particles and endings
included. The analyzer reads such a run as one unknown loan word; in hiragana it is the question a candidate meant,
and the loan words in it (ぱねりすと) are found by their readings like any kana-typed word.
"""

from __future__ import annotations

import re

from bot.kanaplaces import MIN_COUNTRY, starting_country
from bot.normalize import clean

KATAKANA_ONLY = re.compile(r"[\u30a0-\u30ffー\s?!、。？！・]+")
KATAKANA_WORD = re.compile(r"[^\s?!、。？！・]+")  # a run between spaces and punctuation
# Grammar no loan word has: a polite ending, or a particle closing a word before a space (パネリストハ ダレ…).
KATAKANA_GRAMMAR = re.compile(r"(?:デス|マス|デシタ|マシタ)(?:カ|ネ|ヨ)?(?=[\s?!。？！]|$)|[ハヲ](?=\s)")
# Or a question word standing as a word of its own or before a particle ("ケンシュウ ドンナノ アル",
# "ミナトクノ ドノチク？"), or right after ッテ or ハ ("ケンシュウッテナニガアル"): no loan word has one so (ナンバー goes
# on with バ, not with a particle or a space).
QUESTION_WORDS = "ドコ|ドンナ|ドノ|イクツ|ナニ|イツ|ダレ|ドウ|ドレ"
KATAKANA_ASKING = re.compile(rf"(?:^|[\s、・]|ッテ|ハ(?=ド|ナ|イ))(?:{QUESTION_WORDS}|ナン)"
                             r"(?=[\s?!。？！]|$|デ|ニ|ガ|ヲ|ノ|カ|ナ|ダ|ッテ|ヘ|マデ|カラ|グライ|クライ|チク)"
                             # or right after a particle that ends a word before it (ショクドウカラナニガ…,
                             # ミナトクッテドンナマチ): a loan word has a question word inside it only by chance
                             rf"|(?:カラ|ッテ)(?:{QUESTION_WORDS}|イクラ)"
                             # or a request ending the message (…ノメンセキオシエテクダサイ, …ジュウショオシエテ)
                             r"|オシエテ(?:クダサイ|ホシイ)?(?=[\s?!。？！]|$)"
                             # or a particle typed as a word of its own (ミナトク ノ ジンコウ ッテ …)
                             r"|(?<=\s)(?:ノ|ッテ|ガ|ニ|デ|モ)(?=\s)")


def katakana_sentence(text: str) -> str | None:
    """Return the hiragana of a question typed all in katakana, or None for any other text."""
    cleaned = clean(text).strip()
    if not KATAKANA_ONLY.fullmatch(cleaned) or not (KATAKANA_GRAMMAR.search(cleaned) or KATAKANA_ASKING.search(cleaned)):
        return None
    # A country's name is a loan word, kept in katakana: in hiragana (ふぃりぴん, どいつ) it is no place at all.
    return KATAKANA_WORD.sub(lambda word: _hiragana_but_country(word.group()), cleaned)


def _hiragana_but_country(word: str) -> str:
    country = starting_country(word) if len(word) >= MIN_COUNTRY else ""
    return country + "".join(chr(ord(c) - 0x60) if "\u30a1" <= c <= "\u30f6" else c for c in word[len(country):])
