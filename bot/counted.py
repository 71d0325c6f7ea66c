"""What a count counts: "外国人観光客は年に何人？" counts tourists, which the foreign residents' figure is not.

A count question names the thing it counts right before its cue ("外国人観光客って年間何人くらい？",
"how many nepali people work…"). An entry's figure counts its own thing: the foreign residents' entry counts
外国人 living in the city, not 外国人観光客. Only an entry whose texts name every word of the counted noun can state
the count. A question comparing two counts ("国籍の数と大使館の数、どっちが多い？") names each in one entry: each
counted noun needs one close entry naming all of it, not the best one alone.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection

from bot.analyzer import Morpheme, morphemes
from bot.normalize import clean
from bot.spaced import JAPANESE_GAP
from bot.terms import Term

# The count cue after the counted noun: "…は何人", "…って年間何人くらい", "…は全部で何台", "…の数は".
UNITS = r"人|名|にん|件|個|台|軒|か所|箇所|ヶ所|カ所|校|社|店|園|戸|室|だい|けん"
COUNT_CUE = re.compile(r"(?:は|って|が|も)?\s*(?:全部で|ぜんぶで|合わせて|年間|年に|一年で|1年で|毎年|今|いま|現在)?\s*"
                       rf"(?:何|なん|幾)\s*(?:{UNITS})(?![\u3400-\u9fff])"
                       r"|(?:の)?(?:数|人数|件数)\s*(?:は|って)")
# The count before what it counts: "何か所の橋で", "何人の職員が".
COUNT_FIRST = re.compile(rf"(?:何|なん|幾)\s*(?:{UNITS})\s*の\s*")
# An English count: the word after "how many" ("how many proposals came"), or an unknown one before the counted
# people or thing ("how many nepali people work…", not "how many made it").
HOW_MANY = re.compile(r"(?<![a-z])how\s+many\s+([a-z-]+)(?:\s+([a-z-]+))?")
# A share's whole ("the share of managers who are women", "women among managers"): counted as a count's noun is.
# A number before the whole is no part of it ("among the five districts": the districts).
SHARE_OF = re.compile(r"(?<![a-z])(?:(?:share|ratio|proportion|percentage)\s+of|among)\s+(?:the\s+)?"
                      r"(?:(?:all|\d+|two|three|four|five|six|seven|eight|nine|ten)\s+)?([a-z-]+)")
RATE = re.compile(r"あたり|当たり|(?<![a-z])per(?![a-z])")  # "職員1人あたり区民は何人？" is a rate, no count of 区民
NOUN = "名詞"
PREDICATE = frozenset({"動詞", "助動詞", "形容詞"})
ARGUMENT_MARKS = frozenset({"が", "を", "で", "に", "から"})
BEING = frozenset({"有る", "ある", "居る", "いる"})
ADVERBIAL = "副詞可能"
PLACE = "地名"
GENERAL = frozenset({"people", "persons", "person", "times", "人", "方", "ひと", "合計", "両方", "総数", "全員"})
MIN_UNKNOWN_LATIN = 4  # shorter unknown English words are shorthand (ppl) or romaji bits (ku), not a counted thing

Names = Callable[[Term, str], bool]


class Counted:
    """Tells whether the entries that could answer name what a count question counts."""

    def __init__(self, names: Names, bag: Callable[[str], Collection[str]], everywhere: Callable[[str], bool]) -> None:
        self._names = names  # an entry's texts name the word: itself, its concept or its reading
        self._bag = bag  # the concepts of an entry's every text, its questions too
        self._everywhere = everywhere  # a word most entries use (港区)

    def refusal(self, text: str, terms: list[Term], entry_ids: list[str]) -> str:
        """Return why none of the entries can count what the question counts ("" when one can, or none is asked)."""
        cleaned = clean(text)
        if RATE.search(cleaned):
            return ""
        words = [t for t in terms if t.weight == 1.0 and t.via != "weak" and (t.concept is not None or _unknown(t))]
        joined = JAPANESE_GAP.sub("", cleaned)  # "赤坂 の ホテル は 何軒": spaced simple Japanese, its words together
        cues = [cue.start() for cue in COUNT_CUE.finditer(joined)]
        firsts = [found.end() for found in COUNT_FIRST.finditer(joined)] if "の" in joined else []
        parts = morphemes(joined) if cues or firsts else ()
        counted = [_nouns_before(parts, end, words) for end in cues]
        counted += [_nouns_after(parts, start, words) for start in firsts]
        counted += [_counted_in_english(asked, words) for asked in HOW_MANY.finditer(cleaned)]
        counted += [[t for t in words if clean(t.token.surface) == over.group(1)] for over in SHARE_OF.finditer(cleaned)]
        for phrase in counted:
            phrase = [t for t in phrase if clean(t.token.surface) not in GENERAL and not self._everywhere(t.concept or "")]
            if phrase and not any(all(self._counts(t, entry_id) for t in phrase) for entry_id in entry_ids):
                return f"counts {'、'.join(t.token.surface for t in phrase)}, which no answer counts"
        return ""

    def _counts(self, term: Term, entry_id: str) -> bool:
        return term.concept is not None and term.concept in self._bag(entry_id) or self._names(term, entry_id)


# "how many went through", "how many were adopted": a verb after "how many", which counts the thing named before it
VERBS_AFTER_HOW_MANY = frozenset({"went", "go", "got", "get", "were", "are", "is", "was", "did", "do", "does", "have",
                                  "has", "had", "came", "come", "made", "make", "passed", "pass", "will", "would",
                                  "can", "could", "should", "there", "of"})


def _counted_in_english(asked: re.Match[str], words: list[Term]) -> list[Term]:
    if asked.group(1) in VERBS_AFTER_HOW_MANY:
        return []
    first = next((t for t in words if clean(t.token.surface) == asked.group(1)), None)
    if first is None or first.concept is not None:
        return [first] if first is not None else []
    follows = asked.group(2) in GENERAL or any(clean(t.token.surface) == asked.group(2) and t.concept for t in words)
    return [first] if follows else []


def _nouns_before(parts: tuple[Morpheme, ...], end: int, words: list[Term]) -> list[Term]:
    # The nouns written together right before the cue (外国人 住民 of 外国人住民は), each as the question's word for
    # it; a noun the vocabulary drops (住民 beside 外国人) takes no part.
    before = [part for part in parts if part.end <= end]
    nouns = _noun_run(before, end)
    if nouns:
        rest = before[:len(before) - len(nouns)]
        nouns = _modifier(rest) + _place_of(rest) + nouns
    return [t for t in words if t.token.surface in nouns]


def _place_of(parts: list[Morpheme]) -> list[str]:
    # "赤坂のホテルの数は": things counted in one place are counted only by an answer naming it. (The city's own name,
    # which most entries use, is set aside as a word used everywhere.)
    if len(parts) < 2 or parts[-1].surface != "の":
        return []
    places = _noun_run(parts[:-1], parts[-2].end)
    return places if places and all(part.pos[2] == PLACE for part in parts[len(parts) - 1 - len(places):-1]) else []


def _nouns_after(parts: tuple[Morpheme, ...], start: int, words: list[Term]) -> list[Term]:
    # "何か所の橋で": the nouns written together right after the count and its の.
    nouns: list[str] = []
    for part in parts:
        if part.begin < start:
            continue
        if part.begin != start or part.pos[0] != NOUN:
            break
        nouns.append(part.surface)
        start = part.end
    return [t for t in words if t.token.surface in nouns]


def _noun_run(parts: list[Morpheme], end: int) -> list[str]:
    nouns: list[str] = []
    for part in reversed(parts):
        if part.end != end or part.pos[0] != NOUN or part.pos[2] == ADVERBIAL:  # それぞれ何人: how, not what
            break
        nouns.insert(0, part.surface)
        end = part.begin
    return nouns


def _modifier(parts: list[Morpheme]) -> list[str]:
    # What the counted noun is narrowed to by a clause before it, its one argument: "手話ができる職員", "高卒で入った
    # 職員". Counting the narrowed ones needs an answer naming what narrows them. (A noun before の, "区内の客室数",
    # mostly says where the whole is.)
    index = len(parts)
    while index > 0 and parts[index - 1].pos[0] in PREDICATE:
        index -= 1
    if index == len(parts) or any(part.normalized in BEING for part in parts[index:]):
        return []  # "大使館がある国": being there names the thing counted, it does not narrow it
    if index > 0 and parts[index - 1].surface in ARGUMENT_MARKS:
        return _noun_run(parts[:index - 1], parts[index - 2].end if index > 1 else 0)
    return []


def _unknown(term: Term) -> bool:
    return term.via == "unknown" and (term.token.pos == NOUN and not term.token.is_kana
                                      or term.token.is_latin and len(term.token.surface) >= MIN_UNKNOWN_LATIN)
