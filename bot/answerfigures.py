"""What an answer's text must hold to state a detail: a figure, a count in a unit, a date, an amount per person.

bot.details reads what a question asks for; these patterns read the answers it may go to. Kept apart so that the
knowledge's own words (answered_by: <number>, <count>, <date>) and the counters they are read in have one home.
"""

from __future__ import annotations

import re

from bot.normalize import clean

NUMBER = "<number>"  # in answered_by: any figure in the answer
# in answered_by: a figure counting something ("22件", "5つ", "2,296人"), not a date, a time, a price, an area, a share,
# a rank or a rate's denominator ("4月", "1時間", "1,845億円", "20.37㎢", "8.44%", "1番", "1人あたり")
COUNT = "<count>"
COUNTED = re.compile(r"(?<![\d,.a-z])\d[\d,.]*\s*[万億]?(?![\d,.]|\s*(?:[億万年月日時分円番%]|km|パーセント|平方|(?:billion|million)?\s*yen|percent|\S?\s*(?:あたり|当たり)))")
# in answered_by: a date or a length of time ("4月末", "令和13年", "平成5年度", "1時間"), not any figure ("81か国")
DATE = "<date>"
# ("いつ実施？" is not answered by "22件の提案": a count is no date; nor "何日間？" by "1年目": which year, no date.)
DATED = re.compile(
    r"\d\s*(?:年(?!目)|か月|ヶ月|カ月|箇月|月|日|週|時間|時|分)|令和|平成|昭和|[上中下]旬|月末|月初|年度"
    r"|\d\s*(?:years?|months?|weeks?|days?|hours?|minutes?)(?![a-z])"
    r"|(?<![a-z])(?:january|february|march|april|june|july|august|september|october|november|december)(?![a-z])")
YEAR_OR_DATE = re.compile(r"(?:令和|平成|昭和|fy)\s*\d+|\d+\s*(?:年度|年|月|日)|(?<![\d,.])(?:19|20)\d\d(?![\d,.])")
DIGIT = re.compile(r"\d")
# "人口が多いのは？", "cheaper than…": a quantity compared, which only a figure (or a comparison stated) answers.
MORE_OR_LESS = re.compile(r"(?:多|少な|高|安|低|大き|小さ|広|狭|長|短|古)(?:い|く|め)|(?<![a-z])(?:more|less|fewer|bigger|"
                          r"larger|higher|greater|smaller|lower|longer|shorter|cheaper|older|newer)(?![a-z])")
# "何か国？" asks for a figure counted in countries: an answer holding "81か国" has it, one holding "22,631人" not.
COUNTRIES = r"[かカヶケ箇]国"
PLACES = "[か箇ヶケカ]所"
COUNTERS = {"か国": COUNTRIES, "カ国": COUNTRIES, "ヶ国": COUNTRIES, "ケ国": COUNTRIES, "箇国": COUNTRIES,
            "人": "[人名]", "名": "[人名]", "件": "件", "室": "室", "校": "校", "個": "個", "回": "回", "歳": "歳",
            "階": "階", "台": "台", "枚": "枚", "社": "社", "店": "店", "駅": "駅", "種類": "種類", "戸": "戸", "軒": "軒", "か所": PLACES, "箇所": PLACES, "ヶ所": PLACES,
            "パーセント": "[%％]", "%": "[%％]", "パー": "[%％]", "割": "[%％割]", "クラス": "クラス",
            "けん": "件", "にん": "[人名]", "かこく": COUNTRIES, "しつ": "室", "さい": "歳"}  # typed in kana: なんけん
PER_PERSON = re.compile(r"(?:1|一|ひと)\s*(?:人|り)\s*(?:あたり|当たり)|(?<![a-z])per\s+(?:person|resident|capita|head)(?![a-z])")
PER_SPAN = 12  # characters between a yen amount and the あたり that makes it a person's, in one sentence
SENTENCE_END = re.compile(r"。|\.\s")
YEN_AMOUNT = re.compile(r"\d[\d,.]*\s*[万億]?\s*円|\d[\d,.]*\s*(?:billion|million)?\s*yen")
RATE = r"(?!\s*(?:あたり|当たり))"  # "1人あたりの予算" counts no one: a figure before あたり is a rate's denominator


def states_amount_per_person(answer: str) -> bool:
    """Tell whether an answer gives an amount in yen per person (1人あたり30万円, 300,000 yen per person)."""
    # The あたり (or per person) must stand beside the amount in its own sentence: the whole budget's 1,845億円 is none.
    for found in YEN_AMOUNT.finditer(answer):
        before = SENTENCE_END.split(answer[max(0, found.start() - PER_SPAN):found.start()])[-1]
        after = SENTENCE_END.split(answer[found.end():found.end() + PER_SPAN])[0]
        if PER_PERSON.search(before + after):
            return True
    return False


def holds_count(text: str, unit: str) -> bool:
    """Tell whether a text holds a figure in a unit of COUNTERS (81か国 for か国), not a rate's denominator."""
    return re.search(r"\d[\d,.]*\s*[万億]?\s*(?:" + COUNTERS[unit] + ")" + RATE, text) is not None


def holds_word(text: str, word: str) -> bool:
    """Tell whether a cleaned text holds an answered_by word: the word itself, or a figure, a count, a date."""
    if word == NUMBER:  # "相談件数は？" is not answered by "平成5年度入区": a year or a date is no count
        return bool(DIGIT.search(YEAR_OR_DATE.sub(" ", text)))
    if word == COUNT:
        return COUNTED.search(text) is not None
    if word == DATE:
        return DATED.search(text) is not None
    word = clean(word)
    if word.isascii() and word[:1].isalpha():  # "area" is not in "in areas such as"
        return re.search(rf"(?<![a-z]){re.escape(word)}(?![a-z])", text) is not None
    return word in text
