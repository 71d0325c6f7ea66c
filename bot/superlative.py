"""Questions that ask which one is the most ("一番人口が多い区はどこ？", "いちばん多い国籍は？").

The knowledge's superlatives all say that Minato is the most of something among municipalities (大使館等の数は全国最多,
客室数は都内最多); it never names the top item of anything else: not the hotel with the most rooms, not the
commonest nationality, not the most popular ward in the exam. A question asking to name the top one is therefore
answered only when the one it asks for is a municipality (区, 市, 自治体, ward, city) and the entry both holds a
superlative and explains every word the question asks with: "大使館が一番多い区はどこ？" is answered with the
embassies (港区, 全国最多); "東京23区で一番人口が多い区はどこ？" is not answered with the hotel rooms, whose
superlative is about rooms, and "港区で一番客室数が多いホテルはどこ？" is not answered at all.

A superlative that only confirms ("大使館の数って全国で一番？", "昼間人口が都内最多って本当？") names no top item:
it asks nothing of the kind, and is left to the other rules. So is "most" as a quantifier ("Where do most staff
live?"): only "the most", "the largest" and the like are superlatives in English.
"""

from __future__ import annotations

import re

from bot.normalize import clean

SUPERLATIVE = re.compile(
    r"一番|いちばん|1番|最も|もっとも|最多|最大|最高|最安|最長|no\.?\s?1|ナンバーワン"
    r"|(?<![a-z])the\s+(?:most|largest|biggest|highest|best|cheapest|tallest|longest|oldest|busiest|greatest)(?![a-z])")
# Words that ask to name one: "どこ", "どの区", "which ward". Not 何 (何人, 何室 ask a figure, which an entry may hold).
NAMING = re.compile(r"どこ|どれ|どの|どっち|どちら|誰|だれ|(?<![a-z])(?:which|where|who)(?![a-z])")
MUNICIPALITY = r"(?:区|市|町|村|自治体|市区町村|区市町村|まち|都市|県|都道府県)"
ASKS_FOR_A_MUNICIPALITY = re.compile(
    MUNICIPALITY + r"(?:は|って|が)?\s*(?:どこ|どれ|どっち|どちら)|どの\s*" + MUNICIPALITY
    + r"|どこの\s*" + MUNICIPALITY + r"|(?<![a-z])(?:which|what)\s+(?:ward|city|municipality|municipalities|wards|cities)(?![a-z])")
# What an answer says when it holds a superlative of its own.
HELD = re.compile(r"最多|最も|一番|いちばん|1番|トップ|日本一|都内一|全国一"
                  r"|(?<![a-z])(?:most|largest|biggest|highest|top)(?![a-z])")


def names_the_top_one(text: str) -> bool:
    """Tell whether a question asks to name the top one of something ("一番…はどこ？", "which … the most")."""
    cleaned = clean(text)
    return bool(SUPERLATIVE.search(cleaned) and NAMING.search(cleaned))


def asks_for_a_municipality(text: str) -> bool:
    """Tell whether what a question asks to name is a municipality ("…区はどこ？", "どの区", "which ward")."""
    return bool(ASKS_FOR_A_MUNICIPALITY.search(clean(text)))


def holds_a_superlative(answer_text: str) -> bool:
    """Tell whether an answer (cleaned) says that something is the most (最多, トップ, most)."""
    return bool(HELD.search(answer_text))
