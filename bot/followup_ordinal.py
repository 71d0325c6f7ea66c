"""An ordinal within the list the last answer gave: "2番目の地区について詳しく" after the five districts asks for the
second district named in that answer (Azabu), "and the second one on the list?" after the adopted projects for the
second project, which has no entry of its own: the projects' entry, holding them all, answers it.

The list is read from the answer's own text, in its order: numbered points (①②③), bullet lines (・…), else the
sentence that one separator (・ or 、) splits into the most parts, three at least. An item's own entry is one whose
title it writes out (without the topic's own word: 麻布 of 「5つの地区」 names 「麻布地区」). An ordinal past the end of
the list is not read here.
"""

from __future__ import annotations

import re
from bot.knowledge import Entry, KnowledgeBase
from bot.normalize import clean

KANJI_NUMBERS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10,
                 "ひと": 1, "ふた": 2}
ENGLISH_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
                    "1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5, "6th": 6, "7th": 7}
# "2番目", "3つ目", "2つめ", "第二", "四個目": not "何番目" (a rank asked), nor "2番目に多い" (a ranking of its own).
ORDINAL_JA = re.compile(r"(?<![何\d])(?:第\s*(\d+|[一二三四五六七八九十])(?![\d回期])"
                        r"|(\d+|[一二三四五六七八九十]|ひと|ふた)\s*(?:つ|個|こ|番|件|校|か所|箇所)\s*(?:目|め)(?!\s*に(?!つ)))")
ORDINAL_EN = re.compile(r"(?<![a-z0-9])(?:(?:the\s+)?(last)\s+(?:one|item|point|place)|(?:number|no\.?|#)\s*(\d)"
                        r"|(" + "|".join(ENGLISH_ORDINALS) + r")(?:\s+(?:one|item|point|place|district|project))?)"
                        r"(?![a-z0-9])")
# "最後のやつ", "最初の地区は？", "最後は？": not "最初の1年" (the first year, no item of a list).
FIRST_LAST_JA = re.compile(r"(最初|さいしょ|最後|さいご|ラスト)\s*(?:の\s*(?:やつ|もの|とこ|ところ|[一-龥ァ-ヶー]{1,6}?))?"
                           r"\s*(?:は|って|を|について|の?詳細|詳しく|くわしく|[?？]|$)")
NUMBERED = re.compile(r"[①-⑳]|[（(]\s*\d{1,2}\s*[）)]")
PARENTHESES = re.compile(r"（[^）]*）|\([^)]*\)")
MIN_ITEMS = 3
KIND_WORD = re.compile(r"[\u4e00-\u9fff\u30a0-\u30ff]{2,}")  # 「5つの地区」: the items are 地区


def ordinal(text: str, length: int) -> tuple[int, str] | None:
    """Return the position (1-based) an ordinal in a message points at, for a list of `length` items, and the
    ordinal as written (最後: its words name no topic), or None."""
    cleaned = clean(text)
    found = ORDINAL_JA.search(cleaned)
    if found:
        word = found.group(1) or found.group(2)
        return (int(word) if word.isdigit() else KANJI_NUMBERS[word]), found.group()
    found = ORDINAL_EN.search(cleaned)
    if found:
        if found.group(1):
            return length, found.group()
        return (int(found.group(2)) if found.group(2) else ENGLISH_ORDINALS[found.group(3)]), found.group()
    found = FIRST_LAST_JA.search(cleaned)
    if found:
        return (1 if found.group(1) in ("最初", "さいしょ") else length), found.group(1)
    return None


def list_items(answer: str) -> list[str]:
    """Return the items an answer lists, in its order (numbered points, bullet lines, or one separated run)."""
    numbered = NUMBERED.split(answer)
    if len(numbered) > MIN_ITEMS:
        return [part.strip() for part in numbered[1:]]
    bullets = [line.strip()[1:].strip() for line in answer.splitlines() if line.strip().startswith(("・", "•", "- "))]
    if len(bullets) >= 2:
        return bullets
    runs = [(sentence.split(mark), mark) for sentence in re.split(r"[。\n]", PARENTHESES.sub("", answer)) for mark in "・、"]
    longest, mark = max(runs, key=lambda run: len(run[0]), default=([], ""))
    if len(longest) < MIN_ITEMS:
        return []
    other = "、" if mark == "・" else "・"  # a clause before or after the list is no part of its first or last item
    return [longest[0].split(other)[-1].strip(), *(part.strip() for part in longest[1:-1]),
            longest[-1].split(other)[0].strip()]


def nested(items: list[str]) -> bool:
    """Tell whether a list holds a list ("…指導、職場内研修・職場外研修、…"): its items may be counted either way."""
    return any(mark in item for item in items for mark in "・、")


def item_entry(kb: KnowledgeBase, topic: Entry, item: str) -> str:
    """Return the entry a listed item names by its title, written out (麻布 of 「5つの地区」 names 「麻布地区」 without
    the topic's 地区; 「OJT担当による指導」 is in 「新任職員OJT担当による指導」), the longest such title; else the topic,
    whose answer holds the item."""
    kinds = KIND_WORD.findall(topic.title.get("ja", ""))
    best, longest = topic.id, 0
    for entry in kb.entries:
        title = entry.title.get("ja", "")
        names = [title, *(title.removesuffix(kind) for kind in kinds if title.endswith(kind) and title != kind)]
        found = max((len(name) for name in names if name and name in item), default=0)
        if entry.id != topic.id and found > longest:
            best, longest = entry.id, found
    return best
