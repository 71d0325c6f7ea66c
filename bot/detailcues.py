"""The patterns that find a detail kind's cues in a question: as written, in katakana, as なん + a unit, by reading.

bot.details asks each kind of detail (a price, a date, a count...) of a question with these, built once per
knowledge base from the cues of knowledge/scope.yaml.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import jaconv

from bot.kanacounts import NOT_NANKA_FILLER
from bot.normalize import KANJI, clean, reading_of, to_katakana
from bot.wordtrie import starting_with

MIN_CUE_READING = 4
MIN_NAN_CUE = 4  # なんえん, not なんじ alone: なんじ also starts なんじゃ
HIRAGANA_ONLY = re.compile(r"[\u3041-\u3096ー]+")
ENGLISH_PLURAL = "(?:e?s)?"
LOAN_WORD = re.compile(r"[\u30a1-\u30fa]{2,}")  # katakana: a cue typed in hiragana reads the same

# Asking for it to be done: "書いてください", "書いてよ", "直して？" (not "何が書いてあった？").
REQUEST = r"(?=\s*(?:ください|下さい|ほしい|欲しい|くれ|もらえ|いただけ|よ|ちょうだい|頂戴|[?？.!。]*$))"

# Not 誰か (someone: "誰かついてくれる？" asks for no one), but 誰かな and 誰？ ask who.
NOT_SOMEONE = "(?!か(?![なしね?？]))"
PROPOSER = r"(?!\s*が\s*(?:[^。？?\s]{0,6}を\s*)?(?:提案|ていあん))"
RECIPIENT = r"(?!\s*(?:に\s*(?:伝|向|届|つた|とど)|向け|むけ|の\s*ため))"

# A cue that is also part of another word, or that does not ask where it stands: いつ in いつつ (five) and いつも
# (always); "when" as a conjunction ("Will I have a mentor when I join?") rather than asking ("When do …", "when?").
# ... and いつ ending 追いつく, 思いつく, 結びつく (a verb's stem; the look-behind ends after the cue)
CUE_GUARDS = {"いつ": "(?<!追いつ)(?<!おいつ)(?<!思いつ)(?<!おもいつ)(?<!結びつ)(?<!むすびつ)(?!つ|も|でも|か(?!ら))",
              "いくら": "(?!い)",  # "100万人いかないくらい": the ない of a verb before くらい (about), no price
              "いくつ": NOT_SOMEONE,  # "いくつかあるなら教えて": some, no count ("いくつかな" still asks one)
              "時期": r"(?!\s*に)",  # "入ってすぐの時期に…仕組みは？": when something happens, not asking when
              "何年": r"(?!\s*以上)",  # "何年以上の経験が必要？": a length of experience required, no date
              "何回": "(?!も|目)", "何度": "(?!も|目)",  # "何回も" (again and again), "何回目" (the how-manieth)
              "なんかい": NOT_NANKA_FILLER,
              # "昼間人口? and how much is it": the figure named; "how much is the area": a size, not a price
              "how much is": r"(?!\s+(?:it|that|this)(?![a-z]))(?!\s+(?:the\s+)?(?:area|size|land|population)(?![a-z]))",
              # "how many yen?" asks a price, "how many minutes?" a time, "how many km2?" an area: they count nothing
              "how many": (r"(?!\s+(?:yen|minutes?|hours?|days?|weeks?|months?|years?|square|sq|km|kilomet"
                           r"|met(?:er|re)s?)(?![a-z]))"),
              # "the public-private scheme", "the public health center": no one who may use a place
              "the public": r"(?![-‐])(?!\s+health)",
              "うどん": "(?!な)",  # "けんしゅうどんなこと": the う of 研修 before どんな, no noodles
              "コツ": "(?!コツ)",  # コツコツ (steadily) is no knack asked
              # "トリアージロボット メーカー": a maker asked in keywords, the word ending the message
              "メーカー": r"(?=\s*[?？]*\s*$)", "maker": r"(?=\s*[?？]*\s*$)",
              # nor 誰に伝える, 誰向け, 誰のため: to whom, a recipient (the recipient kind asks it), no one's name
              # nor 誰が提案: who proposes, the proposer kind's (businesses answer it)
              "誰": NOT_SOMEONE + RECIPIENT + PROPOSER, "だれ": NOT_SOMEONE + RECIPIENT + PROPOSER,
              # "採択されなかったのは何件？": how many were not adopted is the proposals less the adopted, no list
              **dict.fromkeys(["採択されなかった", "採択されてない", "採択されていない", "不採択の提案", "選ばれなかった提案"],
                              r"(?![^。？?]*(?:何件|なんけん|いくつ|何個|何本))"),
              "書いて": REQUEST,
              "直して": REQUEST, "なおして": REQUEST,  # "作文を直して": a text to edit, as 書いて is one to write
              "when": r"(?=\s+(?:do|does|did|is|are|was|were|will|would|can|could|should|shall|has|have)(?![a-z])"
                      r"|\s*[?？.!]*$)"}


# "someone who teaches new staff", "people who work there": a relative "who" after the person it describes asks for
# no one's name; "Who teaches…?", "tell me who runs it" do.
RELATIVE_HEADS = ("someone", "somebody", "anyone", "anybody", "everyone", "person", "people", "persons", "those",
                  "one", "ones", "staff", "employee", "employees", "worker", "workers", "member", "members",
                  "senior", "seniors", "colleague", "colleagues", "mentor", "mentors", "teacher", "teachers",
                  "man", "men", "woman", "women", "guy", "guys", "student", "students")
CUE_BEHIND = dict.fromkeys(["who", "whose"], "".join(rf"(?<!{head} )" for head in RELATIVE_HEADS))
CUE_BEHIND["コツ"] = "(?<!コツ)"  # the second half of コツコツ too
# 研修メニュー (as typed, or read in kana): the training offered, no dishes
CUE_BEHIND.update(dict.fromkeys(["メニュー", "めにゅー", "めにゅ"], "(?<!研修)(?<!育成)(?<!研修の)(?<!育成の)"))
# 扱いどうなる, 違いどう: い ending a word before どう (how), no transfer (いどう) typed in kana
CUE_BEHIND["いどう"] = "(?<![一-龥々])"
# 都外の人, 区外の人: where people live, no one but staff using a place
CUE_BEHIND["外の人"] = "(?<![一-龥々])"


GAP = "…"  # in a cue: its words may stand apart in one sentence (a few words between)
WITHIN_A_SENTENCE = r"[^。\n]{0,30}?"  # "telework? how many days a week": a question mark may stand between


def cue_readings(cues: tuple[str, ...]) -> tuple[str, ...]:
    # Only words of two kanji or more with a long reading: a short one (イクラ) turns up inside other words
    # (ドレクライクラシテ), and 何 has too many readings to trust. Not two words apart (受験…交通費).
    words = (cue for cue in cues if len(KANJI.findall(cue)) >= 2 and "何" not in cue and GAP not in cue)
    return tuple(reading for reading in map(reading_of, words) if len(reading) >= MIN_CUE_READING)


def kana_cue_pattern(cues: tuple[str, ...]) -> re.Pattern[str] | None:
    kana = _loan_spellings(cues)
    return _compiled([CUE_BEHIND.get(cue, "") + re.escape(cue) + CUE_GUARDS.get(cue, "") for cue in sorted(kana)],
                     kana) if kana else None


def nan_cue_pattern(cues: tuple[str, ...]) -> re.Pattern[str] | None:
    kana = _nan_spellings(cues)
    spellings = sorted(kana, key=len, reverse=True)
    return _compiled([re.escape(cue) + CUE_GUARDS.get(cue, "") for cue in spellings], spellings) if kana else None


def _loan_spellings(cues: tuple[str, ...]) -> set[str]:
    # The cues with a loan word in them (何メートル, ランキング) as they read in katakana (ナンメートル).
    return {to_katakana(clean(cue).replace("何", "なん")) for cue in cues if LOAN_WORD.search(cue) and GAP not in cue}


def _nan_spellings(cues: tuple[str, ...]) -> set[str]:
    # The cues that start with 何 as typed in hiragana (何円 なんえん, 何年にでき なんねんにでき, 何時から なんじから):
    # read whole, not through 何, whose readings are too many to trust alone.
    kana = {jaconv.kata2hira(reading_of(cue)) for cue in cues if cue.startswith("何") and len(cue) > 1}
    return {cue for cue in kana if cue.startswith("なん") and HIRAGANA_ONLY.fullmatch(cue) and len(cue) >= MIN_NAN_CUE}


def cue_pattern(cues: tuple[str, ...]) -> re.Pattern[str]:
    # English cues match whole words, their plural too ("addresses"), not a longer word ("priced"); Japanese ones
    # match anywhere.
    # Two words apart in one sentence ("受験…交通費": a trip to the exam's fare, not the commuting allowance).
    parts = [CUE_BEHIND.get(clean(c), "")
             + (rf"(?<![a-z]){_spelled(c)}{ENGLISH_PLURAL if c[-1:].isalpha() else ''}(?![a-z])"
                if c.replace(GAP, "").isascii() else _spelled(c))
             + CUE_GUARDS.get(clean(c), "") for c in cues]
    return _compiled(parts, [clean(c.split(GAP)[0]) for c in cues])


def _compiled(parts: list[str], spellings: Iterable[str]) -> re.Pattern[str]:
    # Each part matches a spelling (its first words, for a cue of words apart) from its first character on: the
    # look-behinds and guards around it consume none.
    firsts = [spelling[:1] for spelling in spellings]
    pattern = "|".join(parts)
    return re.compile(starting_with(pattern, firsts) if firsts and all(firsts) else pattern)


def _spelled(cue: str) -> str:
    return WITHIN_A_SENTENCE.join(re.escape(clean(part)) for part in cue.split(GAP))


def cue_starts(cues: tuple[str, ...]) -> frozenset[str]:
    """Return the first two characters (one, for a one-character cue) of every spelling a kind's cues are looked
    for in: as written, in katakana, and as なん + a unit typed in hiragana."""
    spellings = [clean(cue.split(GAP)[0]) for cue in cues] + [*_loan_spellings(cues), *_nan_spellings(cues)]
    return frozenset(spelling[:2] for spelling in spellings if spelling)


def text_starts(*texts: str) -> frozenset[str]:
    """Return every one- and two-character piece of some texts: a cue can only be found where its start is."""
    return frozenset(piece for text in texts if text for size in (1, 2)
                     for piece in (text[i:i + size] for i in range(len(text) - size + 1)))
