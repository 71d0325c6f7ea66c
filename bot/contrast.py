"""What a contrast sets aside: "芝浦港南じゃなくて高輪のスローガンは？" asks of 高輪, "not Shiba but Takanawa" too.

A candidate often names what they do NOT mean before what they do. Read whole, the message names both topics and
the entry of the one set aside may win. Here the negated phrase is taken out before the words are resolved, and
only it: the topic before it ("社宅って区の外じゃなくて区内？") and the aspect of one topic against another
("外国人の人数じゃなくて割合") stay.
"""

from __future__ import annotations

import re

from bot.aspects import ASPECT_WORDS
from bot.normalize import clean

# "芝浦港南じゃなくて高輪の…", "not Shiba but Takanawa": what stands before the marker is not asked about.
# "職員じゃなくても使える？" (even if not staff) is a concession: the condition is asked about, nothing is set aside.
CONTRAST = re.compile(r"([^、,。？?！!\s]*)\s*(?:じゃなくて|じゃなく|ではなくて|ではなく|でなくて|でなく|と違って|とは違って|とちがって|とはちがって)(?!て?も)[、,\s]*"
                      # "ホテルの部屋数と、あともう一つは？": the other one is asked, not the one named (not "…以外に何が
                      # ある？", which the entry listing both answers)
                      r"|([^、,。？?！!\s]*)\s*と[、,\s]*あと\s*もう\s*(?:一つ|ひとつ|1つ)[、,\s]*"
                      # "研修ってOJTのほかにどんなのが？": of the topic, the one named is not the one asked about
                      r"|(?<=って)([a-z\u30a0-\u30ffー\u3400-\u9fff]+)\s*(?:のほかに|の他に|以外に|以外で|以外だと)[、,\s]*"
                      r"|(?<![a-z])not\s+[a-z\- ]{1,40}?,?\s+but\s+"
                      r"|(?<![a-z])not\s+[a-z\- ]{1,40}?[,;:]?\s+(?:i\s+mean|i\s+meant|rather|instead)[,:]?\s+"
                      # "not the headcount, the percentage": the correction's second noun phrase, its comma for "but"
                      r"|(?<![a-z])not\s+the\s+[a-z\-]+(?:\s+[a-z\-]+){0,2},\s+(?=the\s)"
                      # "where do staff live if they're not in staff housing?": the condition sets the housing aside
                      r"|,?\s*(?<![a-z])(?:if|when|who|that)\s+(?:[a-z]+\s*)?(?:'re|’re|are|is|aren't|isn't)?\s*not\s+"
                      r"(?:in|at|from|living in|staying in)\s+[a-z\- ]{1,40}?(?=[?.!]|$)")
# "住宅に入ってない人はどこに住んでるの" after staff housing: the people asked about are those not in it, so the
# housing is not what is asked about (a relative clause negating a verb, before a word for people).
# It is set aside only when the rest asks something of those people ("研修に出ていない人はいる？" asks of the training).
PEOPLE = r"人|ひと|方|かた|職員|子|家族"
NOT_IN = re.compile(rf"[^、,。？?！!\s]*?(?:(?:に|を|へ|で)\s*[^\s、。,？?]{{1,4}}?(?:[てで]\s*(?:い|ら)?|[らわまさかがなばた])"
                    rf"|じゃ|では)(?:ない|ません)(?=\s*(?:{PEOPLE}))")  # 入ってない, 入らない, 住宅じゃない
ASKED_OF_THEM = re.compile(rf"^\s*(?:{PEOPLE}).*[\u4e00-\u9fff\u30a1-\u30fa]")
OTHERS = re.compile(r"他|ほか|以外|other")  # "他の自治体ではなく港区で": emphasis, not a contrast of two topics
# "社宅って区の外じゃなくて区内？": the topic (up to its は or って) stays, only the negated phrase after it goes.
TOPIC_MARK = re.compile(r"^.*(?:は|って)(?=.)")
TOPIC_WORD = re.compile(r"([\u3400-\u9fff\u30a0-\u30ffー]+)(?:は|って)$")  # 予算 of "港区の予算って"
ASPECT_OF = re.compile(r"^(.+の)([^の]+)$")  # 外国人の + 人数
OTHER_ASPECTS = tuple(word for word in ASPECT_WORDS if len(word) >= 2 and not word.isascii())  # 割合, not 数 of 数字
NOT_ONLY = re.compile(r"だけ$")  # "AだけじゃなくてBも": both are asked about


# Every contrast holds one of these (じゃなく, ではなく, でなく; と違って, とちがって; not): a message holding none, most of them,
# is spared CONTRAST's search, which tries its open phrase at every position.
CONTRAST_MARKS = ("なく", "違って", "ちがって", "not", "もう", "ほか", "他に", "以外")


def drop_contrast(text: str) -> str:
    """Remove what a contrast sets aside ("AじゃなくてBの…" -> "Bの…"); the text itself when there is none."""
    cleaned = clean(text)
    kept = (CONTRAST.sub(_set_aside, cleaned) if any(mark in cleaned for mark in CONTRAST_MARKS) else cleaned).strip()
    return kept if kept and kept != cleaned else text


def drop_negated(text: str) -> str:
    """Remove what people are said not to be in ("住宅に入ってない人は…" -> "人は…"), when the rest asks something
    of them; the text itself otherwise. Only the conversation can tell it is set aside: "日本人じゃない人は受験
    できる？" asks about 日本人."""
    kept = NOT_IN.sub(" ", clean(text)).strip()
    return kept if kept != clean(text) and ASKED_OF_THEM.match(NOT_IN.split(clean(text))[-1]) else text


def _set_aside(contrast: re.Match[str]) -> str:
    if contrast.group(2) is not None:  # the one besides it: nothing of it is asked, but the topic before it
        topic = TOPIC_MARK.match(contrast.group(2))
        return (topic.group(0) if topic else "") + " "
    negated = contrast.group(1) or ""
    if OTHERS.search(negated) or NOT_ONLY.search(negated):
        return contrast.group(0)
    topic = TOPIC_MARK.match(negated)
    # ... unless the topic is the word set aside, said again ("予算ってあ予算じゃなくて面積は"): a correction.
    word = TOPIC_WORD.search(topic.group(0)) if topic else None
    if topic and not (word and word.group(1) in negated[topic.end():]):
        return f"{topic.group(0)} "
    # "外国人の人数じゃなくて割合のほうを": one aspect of a topic against another, the topic (外国人の) stays; "外国人の数
    # じゃなくて、国籍の数" sets two topics against each other.
    aspect = ASPECT_OF.match(negated)
    rest = contrast.string[contrast.end():]
    if aspect and aspect.group(2) in ASPECT_WORDS and any(rest.startswith(word) for word in OTHER_ASPECTS):
        return f"{aspect.group(1)} "
    return " "
