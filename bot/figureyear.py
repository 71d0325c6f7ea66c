"""The year a figure is asked of ("令和5年度の予算", "population 2031", "去年の倍率"): only an answer naming it states it.

Not a part of the figure (bot.partof) but the same rule: the briefing's figures are this year's, or of the years its
answers name. A year guessed at to be corrected ("令和10年ぐらいでしたっけ？") asks for the right one, no figure of it.
"""

from __future__ import annotations

import re

from bot.answerfigures import DIGIT
from bot.normalize import clean

# A year the figure is of: "令和5年度の予算", "2023年の人口", "去年の倍率", "来年は何人". Not 今年 (the briefing's
# figures are this year's) nor 何年 (asks a year).
YEAR_NAMED = re.compile(r"(?:令和|平成|昭和)\s*(?:\d+|元)\s*年度?|(?<![\d,.])(?:19|20)\d\d\s*年?度?(?![\d,.]|\s*[万億兆円人])"
                        r"|(?:再来|来|去|昨|一昨|前)年度?|前の年度?|おととし|きょねん|らいねん|\d+\s*年(?:後|前)"
                        r"|(?<![a-z])(?:next|last|previous|prior)\s+(?:fiscal\s+)?year(?![a-z])|(?<![a-z])the\s+year\s+before(?![a-z])"
                        r"|(?<![a-z])(?:\d+|a|one|two|three|four|five|six|seven|eight|nine|ten)\s+years?\s+(?:ago|later|from\s+now)(?![a-z])")
YEAR_MARKS = ("年", "19", "20", "おととし", "きょねん", "らいねん", "year")
# Past the year named: "令和13年より先はどうなる予測？", "2031年以降は？", "after 2031?"
BEYOND = re.compile(r"年度?\s*(?:より先|から先|以降|より後|のその先)|(?<![a-z])(?:after|beyond)\s+(?:fy\s*)?(?:19|20)\d\d(?![\d])")
# A guess to be confirmed: "…令和10年ぐらいでしたっけ？", "平成10年くらいだよね？"
CONFIRMING = re.compile(r"っけ|(?:だ|です|でした|だった)よね|でしょ|ほんと|本当|合って")
ABOUT = re.compile(r"\s*(?:ぐらい|くらい|位|頃|ごろ|前後)")
WESTERN_YEAR = re.compile(r"(?:19|20)\d\d")


def year_refusal(text: str, held: str) -> str:
    """Return why an entry (its cleaned text `held`) cannot state a figure of a year it does not name ("" otherwise)."""
    cleaned = clean(text)
    if BEYOND.search(cleaned):
        return "asks beyond the years its answer states"  # "令和13年より先はどうなる？"
    guessing = CONFIRMING.search(cleaned) is not None
    for year in _years_named(cleaned):
        if guessing and ABOUT.match(cleaned, year.end()):
            continue  # "令和10年ぐらいでしたっけ？": a year guessed at, to be told the right one
        if not any(form in held for form in _year_forms(year.group())):
            return f"asks a figure of {year.group()}, which its answer does not state"
    return ""


def year_holder(text: str, candidates: list[str], texts: dict[str, str]) -> str | None:
    """Return the first entry whose text (cleaned, in `texts`) states every year asked ("population 2031")."""
    years = [_year_forms(year.group()) for year in _years_named(clean(text))]
    return next((entry_id for entry_id in candidates if years and all(
        any(form in texts.get(entry_id, "") for form in forms) for forms in years)), None)


def _years_named(cleaned: str) -> list[re.Match[str]]:
    # Every year YEAR_NAMED finds holds one of YEAR_MARKS: most questions name none and are not searched.
    return list(YEAR_NAMED.finditer(cleaned)) if any(mark in cleaned for mark in YEAR_MARKS) else []


def _year_forms(year: str) -> list[str]:
    # 2024年 is written 令和6年 in the briefing: either form names it. A year counted from now (来年, 去年) is named
    # only as such: the 来 of 将来 is no 来年.
    cleaned = clean(year)
    forms = [cleaned.rstrip("度").rstrip("年") if DIGIT.search(cleaned) else cleaned]
    western = WESTERN_YEAR.search(year)
    if western and int(western.group()) >= 2019:
        forms.append(f"令和{int(western.group()) - 2018}年")
    return forms
