"""Counts typed in kana, read with their units: なんめーとる is 何メートル, なんだい 何台 (bot.details asks in units)."""

from __future__ import annotations

import re

from bot.kanaplaces import long_vowels
from bot.normalize import to_katakana

# なん + a loan word in kana (a unit: めーとる, ぱーせんと, くらす); its vowels doubled when typed in romaji (めえとる).
KANA_UNIT = re.compile(r"なん\s*([ぁ-ゖァ-ヺー]{2,7})")  # katakana too: romaji reads loan words so (nan meetoru)
KANA_COUNTERS = {"だい": "台", "こう": "校", "まい": "枚", "えき": "駅"}  # (なんしつ, なんかこく: COUNTERS reads them)
# Not after a noun: "何の数なんだい？" is the copula (数 + な + んだい), no count of cars; nor ending a sentence:
# "いくらぐらいなんだい" asks how much, in the copula's casual question form.
NOT_ENDING = r"(?!\s*(?:[?？!！。、,.]|$))"
KANA_COUNTER = re.compile(r"(?<![\u3400-\u9fff々ァ-ヺー])なん\s*("
                          + "|".join(c + (NOT_ENDING if c == "だい" else "") for c in KANA_COUNTERS) + ")")

# What follows なんかい when it is the filler なんか before a word: "なんかいいこと", "なんかいつから"
NOT_NANKA_FILLER = "(?![いくつるろも])"
# "年に なんかい", "1年 に 何かい": so often in a period it is 何回 (times), not 何階 (which floor)
TIMES_IN_A_PERIOD = re.compile(r"((?:年|月|週|日|ねん|しゅう)\s*に\s*)(?:なん|何)\s*かい" + NOT_NANKA_FILLER)


def kana_units(cleaned: str) -> str:
    """Return a text with "なん" + a unit typed in kana read as 何 + the unit in katakana (なんめーとる -> 何メートル).

    Romaji has no long-vowel mark: "meetoru" comes as めえとる, read メートル. The text itself when nothing is read.
    """
    found = KANA_UNIT.search(cleaned)
    if found is None:
        return cleaned
    unit = long_vowels(to_katakana(found.group(1)))
    if "ー" not in unit and not unit.startswith("クラス"):
        return cleaned  # なんで, なんにん: Japanese words, read as they are
    return f"{cleaned[:found.start()]}何{unit}{cleaned[found.end():]}"


def kana_counters(cleaned: str) -> str:
    """Return a text with a count of things typed in kana written with its counter (なんだい -> 何台): the unit asked.

    Only counters no other word reads alike (なんかい is 何回 or 何階, なんけん 何件 or 何軒: left as typed), but
    なんかい so often in a period (年に なんかい) is 何回.
    """
    cleaned = TIMES_IN_A_PERIOD.sub(r"\1何回", cleaned) if "かい" in cleaned else cleaned
    return KANA_COUNTER.sub(lambda found: "何" + KANA_COUNTERS[found.group(1)], cleaned) if "なん" in cleaned else cleaned
