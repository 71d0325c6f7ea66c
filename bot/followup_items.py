"""The items a listing answer gives, and which of them an ordinal asks for ("3つ目は？", "the second one?").

"港区には芝・麻布・赤坂・高輪・芝浦港南の5つの地区があり…" lists five districts: "3つ目は？" asks for the third (赤坂),
which an entry of its own (赤坂地区) describes; "7つ目は？" asks for an item the answer does not have. Which entry
then answers is decided in bot/followup.py.
"""

from __future__ import annotations

import re
import unicodedata

from bot.knowledge import Entry, KnowledgeBase

KANJI_NUMBERS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
KANA_NUMBERS = {"ひと": 1, "ふた": 2, "みっ": 3, "よっ": 4, "いつ": 5, "むっ": 6, "なな": 7, "やっ": 8}
ENGLISH_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
                    "eighth": 8, "ninth": 9, "tenth": 10}
ORDINAL = re.compile(r"(\d{1,2}|[一二三四五六七八九十]|ひと|ふた|みっ|よっ|いつ|むっ|なな|やっ)\s*(?:つ|個|件|番|人|こ)\s*(?:目|め)"
                     r"|(?<![a-z])(\d{1,2})(?:st|nd|rd|th)(?![a-z])"
                     r"|(?<![a-z])(" + "|".join(ENGLISH_ORDINALS) + r")\s+(?:one|item|point|place|thing)s?(?![a-z])")
NUMBERED = re.compile(r"[①-⑩]")
BULLET_LINE = re.compile(r"^\s*[・●•\-]\s*(.+)$", re.MULTILINE)
SENTENCE = re.compile(r"(?<=[。！？!?])|\n")
ASIDE = re.compile(r"（[^）]*）|\([^)]*\)")  # "中島さん（平成5年度入区、…）": its commas list nothing
# What stands before the first item ("場所は六本木": 場所は) and after the last ("麻布などです": など…).
BEFORE_FIRST = re.compile(r"^.*(?:は|には|：|:)\s*")
AFTER_LAST = re.compile(r"(?:の|など|が|を|です|に|で|と|。).*$")
# "…の5つの地区": the kind of thing listed, right after the list.
LIST_KIND = re.compile(r"^(?:など)?の\s*(?:\d+|[一二三四五六七八九十])\s*(?:つ|件|か所|カ所)の\s*([\u4e00-\u9fff\u30a0-\u30ff]+)")
MIN_ITEMS = 2  # numbered or bulleted
MIN_RUN = 3  # split by 、 or ・ in a sentence: two parts are more often two clauses than a list


def ordinal(text: str) -> int | None:
    """Return the position an ordinal in a message asks for ("3つ目は？" 3, "二番目" 2, "the third one" 3), else None."""
    found = ORDINAL.search(unicodedata.normalize("NFKC", text).lower())
    if found is None:
        return None
    word = next(group for group in found.groups() if group)
    if word.isdigit():
        return int(word)
    return KANJI_NUMBERS.get(word) or KANA_NUMBERS.get(word) or ENGLISH_ORDINALS.get(word)


def listed_items(answer: str) -> tuple[list[str], str]:
    """Return the items an answer lists (①②③, bulleted lines, or the longest run split by 、 or ・ in one sentence),
    and the kind of thing they are when the answer says ("5つの地区": 地区); ([], "") when it lists nothing."""
    numbered = NUMBERED.split(answer)
    if len(numbered) > MIN_ITEMS:
        return [part.strip() for part in numbered[1:]], ""
    bullets = BULLET_LINE.findall(answer)
    if len(bullets) >= MIN_ITEMS:
        return [bullet.strip() for bullet in bullets], ""
    best: tuple[list[str], str] = ([], "")
    for sentence in SENTENCE.split(ASIDE.sub("", answer)):
        for separator in "、・":
            found = _run(sentence, separator)
            if len(found[0]) > len(best[0]):
                best = found
    return best if len(best[0]) >= MIN_RUN else ([], "")


def _run(sentence: str, separator: str) -> tuple[list[str], str]:
    # A sentence's parts split by one separator; the first loses what introduces the list, the last what follows.
    parts = sentence.split(separator)
    if len(parts) < MIN_ITEMS:
        return [], ""
    kind = LIST_KIND.match(re.sub(r"^[^のな]*", "", parts[-1], count=1))
    first, last = BEFORE_FIRST.sub("", parts[0]), AFTER_LAST.sub("", parts[-1])
    items = [piece for item in (first, *parts[1:-1], last) for piece in _pair(item.strip(), separator)]
    return [item for item in items if item], kind.group(1) if kind else ""


def _pair(item: str, separator: str) -> list[str]:
    # "職場内研修・職場外研修" in a list split by 、 is two items of one kind (both end in 研修); "学年・学級運営" is one.
    pieces = item.split("・") if separator == "、" else [item]
    return pieces if len(pieces) > 1 and len({piece[-2:] for piece in pieces}) == 1 else [item]


def entry_of_item(kb: KnowledgeBase, item: str, kind: str) -> str | None:
    """Return the entry an item names: titled by it (with its kind: 赤坂 of "5つの地区" is 赤坂地区), or by a title
    of four characters or more the item contains (「総合支所制度」), else None."""
    for entry in kb.entries:
        title = entry.title.get("ja", "")
        if title == item or (kind and title in (item + kind, kind + item)):
            return entry.id
    return next((entry.id for entry in kb.entries if len(title := entry.title.get("ja", "")) >= 4 and title in item),
                None)


def ordinal_item(kb: KnowledgeBase, topic: Entry, text: str) -> tuple[str | None, str] | None:
    """Read an ordinal follow-up against the topic's list: (the entry the item names, why), (None, why) when the
    list has no such item ("7つ目は？" after five districts), None when the message asks no position, the topic lists
    nothing, or the item names no entry of its own (the topic's answer holds it)."""
    position = ordinal(text)
    items, kind = listed_items(topic.answer.get("ja", ""))
    if position is None or not items:
        return None
    if position > len(items) or position < 1:
        return None, f"the last answer lists {len(items)} items"
    named = entry_of_item(kb, items[position - 1], kind)
    return (named, "the entry of the item the ordinal asks for") if named not in (None, topic.id) else None
