"""The people a question is asked for, and how a fact is measured: no topic of their own.

A parent writes "息子の初任給はどのくらい？", a student "友達が受ける試験はいつ？": the son and the friend say whose
question it is, not what it is about. Unknown to the knowledge, such a word would count against every entry as a
topic none of them speaks of, and the guide's pointer would lose to the fallback. So a person of the family or an
acquaintance who owns the asked thing or does the asked act (息子の…, 友達が…, my son's …) is left out of the
question before it is read. A person in any other role stays a topic: "職員住宅に親も一緒に住める？" asks about the
parents, which the briefing does not cover.

"ペース" in "昇給のペースは？" says how the raise is measured, not what is raised: MEASURES join bot.aspects' list of
words that ask about a topic rather than name one.

"スポーツ選手向けの採用枠はある？" asks about a recruitment track; the athletes say whom it is for. A word of such an
audience (X向け, Xを対象とした) that the knowledge does not know is no topic counting against every entry (bot.vocabulary
reads it as weak); one it knows (新人向けの研修) keeps its meaning.
"""

from __future__ import annotations

import re
from typing import Callable

from bot.normalize import Token, clean
from bot.terms import Term
from bot.wordtrie import starting_with

# Family, friends and acquaintances, in kanji and in kana (not 子 alone: 子の看護休暇 is a kind of leave; not 先輩 or
# 後輩: at work they are the OJT mentor and the panel, words of the knowledge).
PEOPLE_ASKED_FOR = (
    "息子 むすこ 娘 むすめ 長男 長女 次男 次女 夫 おっと 妻 主人 旦那 だんな 嫁 家内 配偶者 親 おや 両親 父 ちち 母 はは "
    "父親 母親 兄 あに 姉 あね 弟 おとうと 妹 いもうと 兄弟 姉妹 祖父 祖母 孫 甥 姪 親戚 友人 友達 ともだち 知人 "
    "知り合い 彼氏 彼女 恋人 婚約者 同級生 いとこ").split()
WHOSE = re.compile(starting_with(  # a match starts with a person's word, or my or our
    r"(?:" + "|".join(sorted(PEOPLE_ASKED_FOR, key=len, reverse=True)) + r")(?:さん|ちゃん|くん)?(?:の|が)(?![ぁ-ゖ]*一緒)"
    r"|(?<![a-z])(?:my|our)\s+(?:son|daughter|husband|wife|partner|father|mother|parents?|brother|sister|friends?)"
    r"(?:'s|s')?(?![a-z])", [*(word[0] for word in PEOPLE_ASKED_FOR), "m", "o"]))

# "スポーツ選手向けの採用枠", "自衛隊出身者を対象とした選考": the group a track or a service is for.
AUDIENCE = re.compile(r"([^\s、。,.!?！？のをにがはもと]{2,12})(?:向け|むけ|を対象と|対象の|のための)")
AUDIENCE_MARKS = ("向け", "むけ", "対象", "のための")  # one is in every match: a text without is not searched

# How a fact is measured or judged: its pace, level or standard ("昇給のペース", "給与の水準", "倍率の目安").
MEASURES = frozenset("ペース 頻度 水準 レベル 目安 相場 基準 度合い 実態 実情 傾向 見通し 有無 可否".split())


def audiences(text: str) -> list[str]:
    """Return the groups a text says something is for ("スポーツ選手向けの採用枠" -> ["スポーツ選手"])."""
    cleaned = clean(text)
    return AUDIENCE.findall(cleaned) if any(mark in cleaned for mark in AUDIENCE_MARKS) else []


def audience_words_weak(text: str, terms: list[Term], weak: Callable[[Token], str]) -> list[Term]:
    """Return the terms with the unknown words of whom something is for made weak ("スポーツ選手向けの…": no topic)."""
    groups = audiences(text)
    if not groups:
        return terms
    return [Term(t.token, weak(t.token), "weak") if t.concept is None and any(t.token.surface in group for group in groups)
            else t for t in terms]


def without_people_asked_for(text: str) -> str:
    """Return a question without the family or acquaintance it is asked for ("息子の初任給" -> "初任給")."""
    cleaned = clean(text)
    return WHOSE.sub(" ", cleaned) if WHOSE.search(cleaned) else text
