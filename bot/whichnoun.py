"""Questions asking which one of a kind: "区内のどの橋で？", "どこのメーカー？", "which bridge?".

"どの橋でやるの？" asks to name a bridge. When the knowledge never speaks of bridges, no entry can name one, however
well it explains the rest of the question (the AI inspection project): the question asks a detail the briefing does
not hold. bot.decision refuses a question whose "which" noun is a word the knowledge does not know.
"""

from __future__ import annotations

import re

from bot.analyzer import Morpheme, morphemes
from bot.normalize import clean

WHICH_JA = frozenset({"どの", "どこ", "どっち", "どちら"})  # どこ only with の after it: どこのメーカー
# Not "what": "what struck me" is no kind; but "what" with its noun ending the question, as learners ask ("now have
# what exhibition?"), is "which exhibition".
WHICH_EN = re.compile(r"(?<![a-z])which\s+([a-z][a-z\-]*)|(?<![a-z])what\s+(?!else|about|if|for)([a-z][a-z\-]*)\s*[?？.!]*$")
NOUN = "名詞"
WHAT = frozenset({"何", "なに", "なん"})  # 何て番組, なんという会社: "what-called", a name of that kind asked
CALLED = frozenset({"て", "と"})
SAYING = frozenset({"いう", "言う", "ゆう"})
NAME = frozenset({"名前", "名称", "なまえ"})  # 橋の名前: the name of one of that kind asked
HONORIFIC = frozenset({"お", "ご", "御"})  # お寺: the kind is 寺 (names_one_of)


def _head(parts: tuple[Morpheme, ...], start: int) -> str:
    # The last noun of a compound is what is picked: どのテレビ番組 picks a programme, not a television.
    end = start
    while end + 1 < len(parts) and parts[end + 1].pos[0] == NOUN:
        end += 1
    return parts[end].surface


def which_nouns(text: str) -> list[str]:
    """Return the surfaces of the nouns a text asks to pick one of ("どの橋" -> 橋, "which bridge" -> bridge)."""
    cleaned = clean(text)
    if not any(word in cleaned for word in WHICH_JA | WHAT | NAME):  # no word of the analysis can be one: none analysed
        return _english(cleaned)
    parts = morphemes(cleaned)
    found = _called(parts) + _named(parts)
    for index, part in enumerate(parts[:-1]):
        if part.surface not in WHICH_JA:
            continue
        following = parts[index + 1:index + 3]
        if part.surface != "どの" and (following[0].surface != "の" or len(following) < 2):
            continue
        start = index + 1 if part.surface == "どの" else index + 2
        if parts[start].pos[0] == NOUN:
            found.append(_head(parts, start))
    return found + _english(cleaned)


def _called(parts: tuple[Morpheme, ...]) -> list[str]:
    # "テレビの何て番組？", "なんという会社": the noun after 何 + て/と (+ いう) is the kind whose name is asked.
    found = []
    for index, part in enumerate(parts[:-2]):
        if part.surface in WHAT and parts[index + 1].surface in CALLED:
            start = index + 3 if parts[index + 2].surface in SAYING else index + 2
            if start < len(parts) and parts[start].pos[0] == NOUN:
                found.append(_head(parts, start))
    return found


def _named(parts: tuple[Morpheme, ...]) -> list[str]:
    # "点検する橋の名前は？": the noun before の + 名前 is the kind one of which is to be named.
    return [parts[index - 1].surface for index in range(1, len(parts) - 1)
            if parts[index].surface == "の" and parts[index + 1].surface in NAME and parts[index - 1].pos[0] == NOUN]


def _english(cleaned: str) -> list[str]:
    return [which or what for which, what in WHICH_EN.findall(cleaned)]


# "六本木って何地区？", "Roppongi wa nani chiku desu ka", "5つの地区のうちどこに入る？", "which district is it in?":
# which district a place is in, which only an entry about the districts says (the staff housing entry names
# Roppongi, not its district). Not "どの地区にもある？" (whether each has one).
WHICH_DISTRICT = re.compile(r"(?:どの|どこの|何|なに|なん)\s*(?:地区|ちく|チク)(?!\s*(?:にも|でも|ごと|それぞれ))"
                            r"|(?:地区|ちく)\s*の?\s*(?:(?:うち|中|なか)\s*で?\s*)?(?:どこ|どれ)"
                            r"|(?<![a-z])(?:which|what)\s+(?:of\s+the\s+(?:five\s+|5\s+)?)?district(?![a-z])"
                            # "港区 has 5 districts right? Which one is 六本木 in?": the districts named, "which one"
                            r"|(?<![a-z])districts?(?![a-z]).{0,40}?(?<![a-z])which\s+one\s+is\s+\S+\s+in(?![a-z])")


def asks_which_district(text: str) -> bool:
    """Tell whether a question asks which district something is in."""
    return WHICH_DISTRICT.search(clean(text)) is not None


def names_one_of(kind: str, text: str) -> bool:
    """Tell whether a text names a thing of a kind by a name ending in it (寺: 増上寺, タワー: 東京タワー).

    An honorific お or ご before the kind is no part of it (お寺).
    """
    core = kind[1:] if kind[:1] in HONORIFIC and len(kind) > 1 else kind
    return re.search(rf"[\u3400-\u9fff々ァ-ヺー]{re.escape(core)}", text) is not None
