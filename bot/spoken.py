"""What spoken questions say that carries no topic: hedges (気がする, 気になって) and asking again (もう一回).

"予算ってすごい大きい数字だった気がする", "子育てしながらだと気になって", "もう一回教えて": the speaker hedges or asks
again, and 気 and 一回 are no topic the knowledge lacks. Left in, each would count against every entry as an
unknown word, and a short spoken question would fall under the accept line. (今日 is not such a word: "今日の資料"
points at the talk, but "今日の日替わりメニュー" asks for a fact of the day that no knowledge holds.)
"""

from __future__ import annotations

import re

import jaconv

from bot.analyzer import Morpheme, morphemes
from bot.normalize import clean

INSIDE_OF = re.compile(r"(?<![\u3400-\u9fff々])(区)\s*の\s*(?:中|なか|内)(?![\u3400-\u9fff])")
OUTSIDE_OF = re.compile(r"(?<![\u3400-\u9fff々])(区)\s*の\s*(?:外|そと)(?![\u3400-\u9fff])")
KIND_OF_PLACE = re.compile(r"(どんな|どういう|そういう|こういう)\s*とこ(?!ろ)")

HEDGE_MARKS = ("気", "もう", "もっかい", "力", "説明会")  # a text holding none of these holds no hedge
# 気 of a hedge only (not 雰囲気, 人気, 気候): right after kana or at the start, before が/に and する/なる.
HEDGE = re.compile(r"(?<![\u3400-\u9fff々])気(?:が(?:する|します|して|した|しま|しない)|に(?:なる|なって|なり|なった|なっ))"
                   r"|もう一回|もう一度|もっかい"
                   # "育成に力を入れている": effort put into what is named before it, no topic of its own
                   r"|(?:に|へ|には)?\s*(?:どのくらい|どれくらい|どれだけ|かなり|すごく)?\s*力を(?:入れ|いれ|注い|そそい)"
                   # "…って説明会で出てきましたけど": where it was said, no topic (the briefing itself is asked otherwise)
                   r"|説明会\s*(?:の中)?\s*(?:で|では|でも)(?=\s*(?:出て|でて|言って|いって|紹介|話|聞い|きい|あった|触れ|説明))")


# 働き安い for 働きやすい: the converter's 安い (cheap) typed for the suffix やすい (easy to) right after a verb's stem
# (…き, …し, …み: the い and え rows), where 安い, an adjective, cannot stand. 家賃が安い keeps its 安い.
STEM_THEN_YASUI = re.compile(r"(?<=[いきしちにひみりぎじびぴえけせてねへめれげべぺ])(?<!少し)安(?=[いくかけさそ])")


def spelled_out(text: str) -> str:
    """Return the text with words typed in a spelling of their own written as the knowledge writes them: 安い for
    the suffix やすい, どのくら for どのくらい, ちいき (地域) typed in kana for ちく (地区)."""
    return place_suffixes(how_much_whole(easy_to(kana_districts(short_tokoro(inside_or_outside(text))))))


def work_hours(text: str) -> str:
    """Return the text with the clock time of the work asked said as working hours: "しごとは なんじから なんじまで",
    "職員は何時から働きますか" ask the 勤務時間 (a clock time of a counter or a park names no work and stays).

    Only a question is read so (bot.focus.read_message): the knowledge's own wordings are indexed as written."""
    if not WORK.search(text):
        return text
    daily, found = DAILY_HOURS.subn(lambda asked: "、勤務時間は" + asked.group(), text, count=1)
    if found:  # "一日何時間働いてますか": how long a working day is
        return daily
    if HOURS_NAMED.search(text):
        return text  # "しごとの時間は何時から", "時短勤務…何時まで": the hours are named already
    return CLOCK_ASKED.sub(lambda found: "、勤務時間は" + found.group(), text, count=1)


# The work itself: 仕事, 働く, 勤務 (not 仕事場 or 働き方 alone: they need the clock asked too, below).
WORK = re.compile(r"仕事|しごと|シゴト|働|はたら|勤務|きんむ|出勤|しゅっきん|退勤")
HOURS_NAMED = re.compile(r"時間|じかん|ジカン|定時|ていじ|始業|終業|時短")
DAILY_HOURS = re.compile(r"(?:一日|1日|いちにち|毎日|まいにち)\s*(?:に)?\s*(?:何時間|なんじかん)(?=\s*(?:くらい|ぐらい|ほど)?"
                         r"\s*(?:は|も)?\s*(?:働|はたら|勤務|きんむ|仕事|しごと))")
CLOCK_ASKED = re.compile(r"(?:何時|なんじ|なにじ|ナンジ)(?=\s*(?:から|まで|に|ごろ|頃|くらい|ぐらい))(?!\s*間)")


def inside_or_outside(text: str) -> str:
    """Return the text with "the inside / outside of" the ward said as one word: 区の中 is 区内, 区の外 区外 (read
    apart, 中 and 外 are the in-house and outside training's words). Not 港区の外, which reads 港区外."""
    if "の" not in text:
        return text
    return OUTSIDE_OF.sub(r"\1外", INSIDE_OF.sub(r"\1内", text))


def short_tokoro(text: str) -> str:
    """Return the text with the spoken とこ after どんな or どういう written ところ: "どんなとこなの" may read どんな|と|こな."""
    return KIND_OF_PLACE.sub(r"\1ところ", text) if "とこ" in text else text


def place_suffixes(text: str) -> str:
    """Return the text with a homophone typed for 市 or 区 after a place's name written right (川崎死 -> 川崎市,
    港苦 -> 港区): a converter's first offer for シ or ク alone, never what a candidate means after a place."""
    if not any(char in SUFFIX_HOMOPHONES for char in text):
        return text
    parts = morphemes(text)
    fixed = [SUFFIX_HOMOPHONES[part.surface] if part.surface in SUFFIX_HOMOPHONES and _after_a_place(before)
             and SUFFIX_OF.get(part.reading) == SUFFIX_HOMOPHONES[part.surface] else part.surface
             for before, part in zip([None, *parts], parts)]
    return "".join(fixed) if fixed != [part.surface for part in parts] else text


def _after_a_place(before: Morpheme | None) -> bool:
    return before is not None and (before.pos[2:3] == ("地名",) or before.surface in HOME_NAMES)


SUFFIX_OF = {"シ": "市", "ク": "区"}
HOME_NAMES = ("港", "みなと", "ミナト")
SUFFIX_HOMOPHONES = dict.fromkeys("死氏詩史誌師志士", "市") | dict.fromkeys("苦句九", "区")


def kana_districts(text: str) -> str:
    """Return the text with 地域 typed in kana as 地区 is (しばちいき -> しばちく): one concept, and the compound
    reading of a district's name (シバチク) is the one the knowledge's words give."""
    if "ちくって" in text:  # "いつつの ちくって": the district asked about, not the verb ちくる
        text = KANA_DISTRICT_TOPIC.sub("ちく って", text)
    if "いき" not in text and "イキ" not in text:
        return text
    return KANA_AREA.sub(lambda found: "チク" if found.group() == "チイキ" else "ちく", text)


# ちいき right after a kana name: 地域 typed in kana, the same concept as 地区 (synonyms.yaml). Not after a particle
# ("いつつのちいきって"): ちいき is a word of its own there, and ちくって reads as the verb ちくる.
KANA_DISTRICT_TOPIC = re.compile(r"(?:(?<=の)|(?<=\s)|^)ちくって")
KANA_AREA = re.compile(r"(?<=[\u3041-\u30ffー])(?<![のはがをにでともノハガヲニデトモ])(?:ちいき|チイキ)")


def easy_to(text: str) -> str:
    """Return the text with 安い typed for the suffix やすい after a verb's stem read as that suffix (働き安い)."""
    return STEM_THEN_YASUI.sub("やす", text) if "安" in text else text


def how_much_whole(text: str) -> str:
    """Return the text with "how much" typed without its last kana (どのくらですか) whole again."""
    return HOW_MUCH_CUT.sub("くらい", text) if "くら" in text else text

# どのくら for どのくらい: a kana dropped in typing; どの + 蔵 (a storehouse) is never what a candidate asks.
HOW_MUCH_CUT = re.compile(r"(?<=どの|どれ|どん)くら(?=です|でしょ|だ|か|[?？\s]|$)")


def kana_acronyms(text: str) -> str:
    """Return the text with an acronym spelled in kana letter names written in Latin (えすえぬえす -> sns)."""
    return KANA_ACRONYM.sub(_spell, text) if any(mark in text for mark in "えーいエイ") else text


def _spell(found: re.Match[str]) -> str:
    return "".join(KANA_LETTERS[name] for name in KANA_LETTER.findall(found.group()))


def kana_amounts(text: str) -> str:
    """Return a text with an amount asked in kana written as kanji ("なんおくえん" -> 何億円): no word of its own."""
    return KANA_AMOUNT.sub(lambda m: "何" + KANA_POWERS.get(m.group(1) or "", "") + "円", text)


def purpose_of(text: str) -> str:
    """Return the text with "XのためのY" said as "XのY" (職員のための家 is 職員の家, the staff's housing)."""
    return PURPOSE.sub("の", text) if "ため" in text or "為" in text else text


def drop_hedges(text: str) -> str:
    """Return the text without the spoken hedges that name no topic (気がする, 気になって, もう一回, 力を入れて,
    説明会で言ってた)."""
    return HEDGE.sub(" ", clean(text)) if any(mark in text for mark in HEDGE_MARKS) else text



# Letter names as a phone's kana keyboard spells them: three or more in a row are an acronym (おーじぇーてぃー: OJT).
KANA_LETTERS = {"えー": "a", "えい": "a", "びー": "b", "しー": "c", "でぃー": "d", "いー": "e", "えふ": "f", "じー": "g",
                "えいち": "h", "えっち": "h", "あい": "i", "じぇー": "j", "じぇい": "j", "けー": "k", "けい": "k", "える": "l", "えむ": "m",
                "えぬ": "n", "おー": "o", "ぴー": "p", "きゅー": "q", "あーる": "r", "えす": "s", "てぃー": "t",
                "ゆー": "u", "ぶい": "v", "だぶりゅー": "w", "えっくす": "x", "わい": "y", "ぜっと": "z"}
KANA_LETTERS |= {jaconv.hira2kata(name): letter for name, letter in KANA_LETTERS.items()}  # エスエヌエス too
KANA_LETTER = re.compile("|".join(sorted(KANA_LETTERS, key=len, reverse=True)))
KANA_ACRONYM = re.compile(f"(?:{KANA_LETTER.pattern}){{3,}}")
KANA_AMOUNT = re.compile(r"[なナ][んン]\s*([おオ][くク]|[まマ][んン]|[せセ][んン])?\s*[えエ][んン]")
KANA_POWERS = {"おく": "億", "オク": "億", "まん": "万", "マン": "万", "せん": "千", "セン": "千"}
PURPOSE = re.compile(r"の\s*(?:ため|為)\s*の(?=\s*\S)")
FINAL_PARTICLE = "終助詞"
SENTENCE_FINAL = frozenset({"か", "かな", "かね", "っけ", "け"})  # asking ends; ね and な only after か (かね, かな)
MIN_AFTERTHOUGHT = 6  # characters after the end: less is a tag (…ですかね、はい), not a sentence
TRAILING = frozenset({"助詞", "助動詞", "補助記号", "空白"})  # what may follow a sentence's end inside it (かね, かな)


def sentence_ends(text: str) -> list[int]:
    """Return where a run-on spoken sentence ends inside a cleaned text: after its sentence-final particles.

    Voice input has no punctuation: "予算っていくらだったっけすごい大きい数字だった", "食堂って有名なんですかテレビで
    見たんだけど". The particle that ends a sentence (っけ, か, かな, ね) says where the question stops and the
    afterthought begins, which then counts as context, not as the question.
    """
    parts = morphemes(text)
    ends = []
    for index in range(1, len(parts) - 1):
        before, part, after = parts[index - 1], parts[index], parts[index + 1]
        if part.pos[1] != FINAL_PARTICLE:
            continue  # (most words: only a sentence-final particle ends a sentence)
        # Only after an ending (です, た, の): kana the analyzer segments badly holds stray particles (ぱね|り|すと).
        ending = before.pos[0] == "助動詞" or before.pos[1] in {"準体助詞", FINAL_PARTICLE}
        asking = part.surface in SENTENCE_FINAL or (part.surface in {"ね", "な"} and before.surface == "か")
        if asking and ending and after.pos[0] not in TRAILING and len(text) - part.end >= MIN_AFTERTHOUGHT:
            ends.append(part.end)
    return ends


def spoken_forms(phrases: dict[str, str]) -> dict[str, str]:
    """Return phrases and their spoken forms: "住んでいる場所" is said "住んでる場所" too (ている -> てる)."""
    spoken = {re.sub(r"([てで])い(?=る|た|ない|ます)", r"\1", phrase): value for phrase, value in phrases.items()}
    return {**spoken, **phrases}  # a phrase as written wins over another's spoken form
