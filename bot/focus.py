"""Find the question inside a candidate's message: its sentences, the one that asks, contrasts and romaji.

A candidate on a phone writes "大学で福祉を学んでいます。新人の研修はどんな内容ですか？": the self-introduction is
context, the last clause is the question. Scoring the whole message lets the context dilute the question and pull
the answer towards its own topic, so the words of the asking clauses weigh fully and the context's weigh little
(read_message), and Matcher never counts context words against an entry.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from typing import Callable


from bot.analyzer import morphemes
from bot.asking import QUESTION_WORD, asks
from bot.bigkana import read_either_way
from bot.chatter import quiet_chatter
from bot.clauseends import CORRECTION, clause_ends
from bot.contrast import drop_contrast
from bot.dialect import standard_forms
from bot.eligibility import applying
from bot.katakanasentence import katakana_sentence
from bot.membership import listed_item
from bot.normalize import KANJI, Token, clean
from bot.origin import comes_from
from bot.romajisentence import romaji_sentence
from bot.spaced import JAPANESE_GAP, joined_counts
from bot.spoken import sentence_ends, work_hours
from bot.terms import Term

MIN_CLAUSE_CHARS = 4  # a connective followed by less than this is no clause of its own ("ですが、はい")
MIN_PAUSED_CHARS = 6  # each side of a space that stands for a spoken pause
PARTICLE_BEFORE_PAUSE = re.compile(r"(?:って|は|が|を|に|で|へ|も|から|まで)$")
# A space after a polite sentence ending ends the sentence whatever its length ("研修 は ありますか 日本語 が …").
POLITE_END_SPACE = re.compile(
    r"(?:ですか|ますか|でしょうか|ません|ました|でした|です|ます)\s+(?=\S)(?!(?:か|かな|ね|よ|の)(?:\s|$|[?？、,。!！]))")
# Where a written message ends a sentence, and where a spoken one (no punctuation) ends a clause.
# "Quick question: what's the budget?", "Sorry, I came in late - will the slides be shared?": a colon or a dash
# between words ends the opener too; the period of a title before a name (Ms. Nakajima) ends nothing.
EMOJI_STOP = re.compile(r"[\U0001F300-\U0001FAFF\u2600-\u27BF]+\ufe0f?(?=\s*[^\s\U0001F300-\U0001FAFF\u2600-\u27BF])")
# "(^^;", "(笑)", "^_^": a face typed in symbols ends what is said before it, as an emoji does
FACE_STOP = re.compile(r"(?:\((?=[^)]{0,6}[\^_;])[\^_;:・ω´`'゜°><\-~=ot*.]{1,6}+\)?+|\((?:笑|汗|泣|涙|苦笑|爆笑)\)"
                       r"|\^[_o.\-]?\^;*+)(?=\s*[^\s)])")
SENTENCE_BREAK = re.compile(r"(?<=[。．！？!?\n])|(?:(?<=ですか[、,])|(?<=ますか[、,])|(?<=でしょうか[、,]))(?!\s*それとも)(?![^。？?!！]*[かの][?？]?\s*$)|(?<=[a-z0-9)\"'][.;:])(?<!\bmr\.)(?<!\bms\.)(?<!\bmrs\.)(?<!\bdr\.)(?<!\bprof\.)(?<!\bst\.)(?<!\bvs\.)\s+|(?<=[a-z0-9,])\s+[-–—]+\s+(?=[a-z])")
VERBS = frozenset({"動詞", "形容詞"})
QUESTION_MARK = re.compile(r"[?？]\s*$")
PERIOD = re.compile(r"[。．]\s*$")
ASKED_BY_KA = re.compile(r"(?:か|かな|かね|かしら)[。．]\s*$")  # "…難しいですか。" asks, its period or not
ALTERNATIVES = re.compile(r"のか[、,][^。．]*のか[。．]\s*$")
# "…知っておきたいと思いましてな。", "…どうなってるかが気になるのっしゃ。", "…心配です。": a wish or a worry told, with
# whatever polite or spoken ending follows it
WISH = re.compile(r"(?:(?:知り|聞き|伺い|知っておき|知っとき|聞いておき)たい(?:です|と思って(?:います|いる)|と思います|と思いまして[なね]?)?"
                  r"|(?:気に(?:なる|なって|なり)|心配|不安)[ぁ-ゖー]*)[。．.!！\s]*$")
THEN = re.compile(r"(?:じゃあ?|では|それでは|それじゃあ?|それなら|なら|ほな|ほんなら|ほんじゃ|だったら|そしたら)[、,\s]*(?=\S)")
DIRECT = re.compile(r"(?:か|の|でしょう|[?？])[\s?？。]*$")  # "…どんなところにあるんでしょう。" asks directly
HANDING_OVER = re.compile(rf"(?:けど|けれど|けれども|けども|ので|のに|ものの|(?<![何誰])が|{CORRECTION})[、,\s]*$")
COMPARISON = re.compile(r"どっち|どちら(?![にへ]|から)|比べ|比較|差|違い|(?<![a-z])(?:compared?|comparison|versus|vs|difference|"
                        r"which is (?:more|bigger|larger|higher|greater))(?![a-z])")


@dataclass(frozen=True)
class Clause:
    """A piece of a message, and whether it asks something."""

    text: str
    asks: bool


def clauses(text: str) -> list[Clause]:
    """Split a message into sentences, and long spoken sentences into clauses, each marked if it asks."""
    pieces: list[str] = []
    # "…何も知らん😇 てか港区ってどんなとこ？": an emoji with more text after it ends a sentence, as a period does
    for sentence in SENTENCE_BREAK.split(_faces_stop(unicodedata.normalize("NFKC", text).lower())):
        for spoken in _pauses(sentence):
            pieces.extend(_spoken_clauses(spoken))
    pieces = [piece for piece in pieces if piece.strip()]
    found = [Clause(piece, asks(piece) and not (index < len(pieces) - 1 and _hands_over(piece)))
             for index, piece in enumerate(pieces)]
    cleaned = [clean(clause.text) for clause in found]
    # "親として職場の様子を知りたいです。食堂ってどんなところ？": a wish told before a direct question is its context.
    last = max((index for index, clause in enumerate(found) if clause.asks and DIRECT.search(cleaned[index])),
               default=-1)
    # "…勧めてるの。…初めてよ。それで、職員って何人？": a sentence closed by a period before one closed by a question
    # mark tells; only a question word would make it ask.
    marked = max((index for index, clause in enumerate(found) if QUESTION_MARK.search(clause.text)
                  or index == len(found) - 1 and clause.asks and not PERIOD.search(clause.text)), default=-1)
    # "…芝地区やろ？ほな国立新美術館はどこの地区や": a question opened by "then" follows on what was asked before it.
    then = max((index for index, clause in enumerate(found) if clause.asks and THEN.match(cleaned[index])),
               default=-1)
    return [replace(clause, asks=False) if index < last and clause.asks and WISH.search(cleaned[index])
            or index < marked and clause.asks and _tells(clause.text) or index < then
            else clause for index, clause in enumerate(found)]


def _faces_stop(text: str) -> str:
    return FACE_STOP.sub("。", EMOJI_STOP.sub("。", text))


def _tells(clause: str) -> bool:
    # A sentence a period closes, neither ending in か nor holding a question word: "…勧めてるの。", "…ほしいです。";
    # or weighing alternatives, as one wonders aloud: "弁当持参が当たり前なのか、食べるところがあるのか。".
    return bool(PERIOD.search(clause)) and (not ASKED_BY_KA.search(clause) and not QUESTION_WORD.search(clean(
        clause)) or bool(ALTERNATIVES.search(clause)))


def _hands_over(clause: str) -> bool:
    # "バイト中なんで…けど、職員って何人？": a clause ending in けど or ので leads into what follows, so the
    # question word inside it (なんで, here "because") does not make it the question.
    # A て-form leads on too ("…自信あって あの職員って何人？"), the analyzer telling it from the topic's って.
    cleaned = clean(clause).rstrip("、, ")
    if cleaned.endswith("て"):
        last = morphemes(cleaned)[-1:]
        return bool(last) and last[0].pos[1] == "接続助詞"
    return bool(HANDING_OVER.search(cleaned))


def _pauses(sentence: str) -> list[str]:
    # Voice input puts a space where the speaker paused ("…いるんですか なんか多そうだけど"); やさしい日本語 spaces
    # every word ("研修 は ありますか"). Only a space between two long stretches of Japanese ends a sentence.
    polite = [sentence[start:end] for start, end in _polite_spans(sentence)]
    if len(polite) > 1:
        return [piece for part in polite for piece in _pauses(part)]
    parts = JAPANESE_GAP.split(sentence)
    # Kana alone is typed word by word ("しょくいんじゅうたく なんかいだて?"): its spaces part words, not sentences.
    if len(parts) < 2 or min(len(part) for part in parts) < MIN_PAUSED_CHARS or not KANJI.search(sentence):
        return [sentence]
    # "インフラ外観検査AIって どこの会社が やってるの": a pause after a particle goes on with the same sentence
    joined = [parts[0]]
    for part in parts[1:]:
        if PARTICLE_BEFORE_PAUSE.search(joined[-1]):
            joined[-1] += " " + part
        else:
            joined.append(part)
    return joined


def _polite_spans(sentence: str) -> list[tuple[int, int]]:
    ends = [match.end() for match in POLITE_END_SPACE.finditer(sentence)]
    return list(zip([0, *ends], [*ends, len(sentence)]))


def _spoken_clauses(sentence: str) -> list[str]:
    # The analyzer tells the particle けど from the けど inside ぶっちゃけどんな, and ので from のでしょうか.
    sentence = clean(sentence)
    if not sentence:
        return []  # the empty piece after a final "。": nothing to analyze
    ends = sorted({*clause_ends(sentence), *sentence_ends(sentence)})
    parts = [sentence[start:end] for start, end in zip([0, *ends], [*ends, len(sentence)]) if sentence[start:end]]
    merged: list[str] = []
    for part in parts:
        if merged and len(clean(part)) < MIN_CLAUSE_CHARS:
            merged[-1] += part  # "…ですが、はい": too short to stand alone
        else:
            merged.append(part)
    return merged


def asks_to_compare(text: str) -> bool:
    """Tell whether a question compares two things ("AとB、どっちが多い？", "which is bigger")."""
    return bool(COMPARISON.search(clean(text)))


CONTEXT_WEIGHT = 0.2  # a word of the self-introduction around the question counts this much
POINTED_WEIGHT = 0.6  # ... and of the clause right before a question that points back at it (それ, その, that)
# ... and a clause whose pronoun stands for what was told before it ("そういうのがあると安心です"), not "その先輩から".
STANDS_FOR_IT = re.compile(r"それ(?!ぞれ)|(?:そういう|こういう|そんな|こんな|ああいう)(?:の|こと|もの)")
CONDITION_END = re.compile(r"(?:たら|だら|なら|れば)[、,\s]*$")
# あの points only at a noun right after it (あの制度); "あのー", "あの、" are a speaker's filler.
POINTING = re.compile(r"それ|その|そんな|そういう|そこ|あれ|あの(?=[\u3400-\u9fff々\u30a1-\u30fa])|こういう|(?<![a-z])(?:that|this|it|its|they|their|them|those|these)(?![a-z])")


@dataclass(frozen=True)
class Reading:
    """How a message was read: its weighted terms, the part taken as the question, and why."""

    terms: list[Term]
    focus: str  # the text whose words decide (the asking clauses)
    note: str  # for `kb explain`: which clause was taken as the question and why
    # The asking clauses alone, when the clause before lends them its topic and they ask with a word of their own
    # (どんな, 何, いつ): the detail they ask is theirs ("…の対象になると聞きました。その制度にはどんな良い点が？" asks
    # the merits, not who is covered). "" when the focus says what is asked.
    asking: str = ""


def read_message(text: str, resolve: Callable[[str, bool], list[Term]], asks_about: Callable[[Token], bool],
                 is_home: Callable[[Token], bool] = lambda token: False) -> Reading:
    """Resolve a message's words, weighting the clauses that ask above the context around them.

    A place named as where the candidate comes from ("横浜から通勤手当は出ますか", bot.origin) is context too.
    """
    # "採択されんかった" is read as 採択されなかった (bot.dialect); "しごとは何時から" asks the working hours (bot.spoken)
    text = applying(work_hours(standard_forms(joined_counts(text))))
    # "しよくいん" typed for しょくいん (bot.bigkana)
    reading = read_either_way(text, lambda typed: _read_message(typed, resolve, asks_about, is_home))
    item = listed_item(text)  # "メリットに、教員の負担軽減って入ってない？": the item looked for is context too
    # "…, cheers": an English piece naming nothing known is chat (bot.chatter)
    return replace(reading, terms=quiet_chatter(text, [term.weighing(CONTEXT_WEIGHT) if term.weight == 1.0 and (
        term.token.is_place and comes_from(text, term.token.surface) or item and clean(term.token.surface) in item)
        else term for term in reading.terms]))


def _read_message(text: str, resolve: Callable[[str, bool], list[Term]], asks_about: Callable[[Token], bool],
                  is_home: Callable[[Token], bool] = lambda token: False) -> Reading:
    """Weigh each clause's words: the asking clauses fully, the context around them little.

    asks_about tells a word that asks about a topic (内容, 期間: bot.aspects) from one that names it; is_home tells
    the city's own name, which names no topic in a question that points back ("港区にもそういう制度はある？").
    """
    romaji, typed_in = romaji_sentence(text), "romaji"
    if romaji is None:
        romaji, typed_in = katakana_sentence(text), "katakana"  # "パネリストハ ダレデシタカ"
    if romaji is not None:
        # Read as the kana it stands for, sentences and all: a self-introduction in romaji is context too.
        reading = _read_message(applying(romaji), resolve, asks_about, is_home)
        note = f"read as Japanese typed in {typed_in}: {romaji}"
        return replace(reading, note=f"{note}; {reading.note}" if reading.note else note)
    pieces = clauses(text)
    asking = [piece for piece in pieces if piece.asks]
    if len(pieces) < 2 or not asking:
        focus = drop_contrast(text)
        return Reading(resolve(focus, True), focus, "" if focus == text else f"contrast set aside: {focus}")
    # Typos are looked for only where the question is: the context weighs little, and long messages stay fast.
    resolved = [resolve(drop_contrast(piece.text), piece.asks) for piece in pieces]
    elliptic = not any(_has_topic(terms, asks_about, is_home if _points_back(piece.text, terms, is_home) else None)
                       for piece, terms in zip(pieces, resolved) if piece.asks)
    weights = _clause_weights(pieces, elliptic)
    terms = [_weighted(term, weight, lends) for weight, lends, clause_terms
             in zip(weights, _lending(pieces, weights), resolved) for term in clause_terms]
    if elliptic:
        # "…って言ってたけど、具体的な制度の中身は？": 制度, 中身 ask about the topic borrowed; they need not be explained.
        lowered = [term.weighing(POINTED_WEIGHT) if term.weight == 1.0 and term.concept is not None
                   and asks_about(term.token) else term for term in terms]
        # With no topic borrowed ("それで？場所は？": every clause asks), the asking words are all that is asked.
        terms = lowered if any(term.weight == 1.0 and term.concept is not None and term.via != "weak"
                               for term in lowered) else terms
    # The asked clauses without what they set aside, as for a message of one clause ("…東京ドーム何個分とかじゃなくて
    # いいんで" asks no count): the details asked are read from the focus.
    focus = " ".join(drop_contrast(piece.text) for piece, weight in zip(pieces, weights) if weight == 1.0)
    why = "it names no topic, so the clause before it counts as much" if elliptic else "the rest is context"
    asking = " ".join(drop_contrast(piece.text) for piece in pieces if piece.asks) if elliptic else ""
    asking = asking if QUESTION_WORD.search(clean(asking)) else ""
    return Reading(terms, focus, f"question: {focus} ({why})", asking)


def _points_back(text: str, terms: list[Term], is_home: Callable[[Token], bool]) -> bool:
    # "あの港区ってどんなところ？": あの before the city's own name is a speaker's filler; "あの制度" points back.
    cleaned, homes = clean(text), tuple(clean(t.token.surface) for t in terms if is_home(t.token))
    return any(found.group() != "あの" or not cleaned.startswith(homes, found.end())
               for found in POINTING.finditer(cleaned))


def _lending(pieces: list[Clause], weights: list[float]) -> list[bool]:
    # A clause of the story borrowed for its topic lends its known words; its unknown ones (部活, 去年) tell the story,
    # they are not asked about. A condition ("お台場でデートするなら、どこがいい？") is part of the question.
    return [weight == 1.0 and not piece.asks and not CONDITION_END.search(clean(piece.text))
            for piece, weight in zip(pieces, weights)]


def _weighted(term: Term, weight: float, lends: bool) -> Term:
    if lends and term.concept is None:
        weight = CONTEXT_WEIGHT
    return term if weight == 1.0 else term.weighing(weight)


def _clause_weights(pieces: list[Clause], elliptic: bool) -> list[float]:
    weights = [1.0 if piece.asks else CONTEXT_WEIGHT for piece in pieces]
    for index in range(1, len(pieces)):
        if not pieces[index].asks or pieces[index - 1].asks:
            continue
        before = index - 1
        if elliptic:
            # "…食堂の話が出てました。何がそんなに評判なんですか？": the clause before says what is asked about. One
            # that itself points back ("そういうのがあると安心です。") hands the borrowing on to the one before it.
            while before > 0 and not pieces[before - 1].asks and STANDS_FOR_IT.search(clean(pieces[before].text)):
                before -= 1
            weights[before] = 1.0
        elif POINTING.search(clean(pieces[index].text)):
            # "…そういう制度はありますか？": a question pointing back gives the clause before more say.
            weights[before] = max(weights[before], POINTED_WEIGHT)
    return weights


def _has_topic(terms: list[Term], asks_about: Callable[[Token], bool], is_home: Callable[[Token], bool] | None) -> bool:
    # 内容, 期間, 何人 and いくら ask about something or for a figure, they do not say of what; nor does the city's
    # name in a question pointing back ("港区にもそういう制度は？": such a system as the one just told of).
    return any(term.concept is not None and term.via != "weak" and not asks_about(term.token)
               and not (is_home is not None and term.token.pos in VERBS)  # "あれ百万超えてる？": 超える names no topic
               and not (is_home is not None and is_home(term.token))
               and not term.token.lemma.startswith("何") and not QUESTION_WORD.fullmatch(term.token.lemma)
               for term in terms)
