"""Follow-ups: read a message that names no topic of its own ("いつまで？", "何人？", "how many?") against the last one.

A chat message often leans on the one before: after the pre-class answer "いつまで？" asks when the pre-class period
ends. Such a message is elliptic when none of its words names a topic: they only ask (question words), name an
aspect of something (期間, 場所, 理由, 他), or ask for a detail the knowledge describes (scope.yaml
`detail_questions` cues: 何人, 家賃, 住所). It is then read as if the last topic's title came right before it,
so the engine's usual ranking and detail routing pick the entry holding the asked fact among the topic's
neighbours. A message that names a topic of its own is a question of its own and ignores the context, unless it
points back at it (それって新人も？), when the topic's words help a little. Without a topic, an elliptic message
gets "did you mean" or "I don't know": never a guess.
"""

from __future__ import annotations

import re
import unicodedata
import weakref
from dataclasses import dataclass

from bot.decision import MatchResult
from bot.focus import GENERIC_NOUNS, POINTED_WEIGHT, POINTING, QUESTION_WORD, Reading
from bot.knowledge import Entry
from bot.matching import Candidate, Matcher
from bot.normalize import clean
from bot.terms import Term

# Words that name an aspect of a topic, not a topic: "期間は？" asks for the period of whatever was being discussed.
ASPECT_WORDS = frozenset(
    "数 人数 件 件数 人 名 個 回 年 月 日 時 頃 いつ頃 期間 時期 時間 場所 所 他 ほか 以外 名前 理由 目的 内容 詳細 詳しい "
    "具体 具体的 費用 対象 条件 方法 規模 割合 結果 効果 特徴 様子 雰囲気 メリット デメリット 利点 長所 短所 魅力 "
    "箇国 か国 カ国 ヶ国 一覧 全部 全て すべて 例 例えば 続き もっと 更に さらに 他に "
    "number many much long detail details more else other others where when who why name place location period "
    "time date reason purpose cost price example examples list rest".split())
MAX_SUGGESTED = 3
# Without a topic, an elliptic message is answered only when one entry fits it well and this far ahead of the next.
NO_CONTEXT_SCORE = 80.0
NO_CONTEXT_MARGIN = 10.0

LANGUAGE_NAMES = {
    "easy": r"(?:やさしい|優しい|易しい|簡単な|かんたんな|わかりやすい|分かりやすい)(?:日本語|にほんご)|(?:easy|simple|plain) japanese",
    "ja": r"日本語|にほんご|japanese",
    "en": r"英語|えいご|english|eng",
}
_REQUEST_AROUND = (r"(?:please|pls|can you|could you|answer|reply|say|write|tell me|it|that|this|again|in|"
                   r"もう一度|もういちど|もう一回|お願い|おねがい)?\s*")
_REQUEST_AFTER = (r"\s*(?:で|に)?\s*(?:お願い(?:します|いたします)?|おねがい(?:します)?|ください|下さい|教えて(?:ください|下さい)?|"
                  r"答えて(?:ください|下さい)?|言って|して(?:ください)?|切り替えて(?:ください)?|頼む|plz|please|pls|version|"
                  r"(?:で|に)?(?:も)?(?:いい|いける|できる|できますか|ok)?)*\s*")
LANGUAGE_REQUESTS = {lang: re.compile(rf"^{_REQUEST_AROUND}(?:{names}){_REQUEST_AFTER}$")
                     for lang, names in LANGUAGE_NAMES.items()}
PUNCTUATION = re.compile(r"[\s?？!！。．.、,~〜ｗw]+$|^[\s]+")


def language_request(text: str) -> str | None:
    """Return the language a message asks the bot to switch to ("英語で", "in English please"), else None."""
    cleaned = PUNCTUATION.sub("", unicodedata.normalize("NFKC", text).lower()).strip()
    if not cleaned or len(cleaned) > 40:
        return None
    return next((lang for lang, pattern in LANGUAGE_REQUESTS.items() if pattern.match(cleaned)), None)


@dataclass(frozen=True)
class Understanding:
    """How a message was read in its conversation: the matcher's reading, and whether the context decided."""

    reading: Reading
    candidates: list[Candidate]
    result: MatchResult
    elliptic: bool  # the message names no topic of its own
    context_note: str = ""  # for `kb explain`: how the last topic was used, "" when it was not


class FollowUps:
    """Reads messages against the last topic, with one matcher (built again when the knowledge changes)."""

    def __init__(self, matcher: Matcher) -> None:
        self._matcher = matcher
        cues = (cue for kind in matcher.kb.scope.detail_questions for cue in kind.cues)
        self._aspects = ASPECT_WORDS | GENERIC_NOUNS | {clean(cue) for cue in cues}

    def understand(self, text: str, topic: Entry | None) -> Understanding:
        """Read a message, against the topic when it names none of its own (or points back at it)."""
        matcher = self._matcher
        reading, candidates, result = matcher.understand(text)
        if result.kind in ("invalid", "smalltalk"):
            return Understanding(reading, candidates, result, elliptic=False)
        elliptic = not any(self._names_topic(term) for term in reading.terms)
        if topic is not None and (elliptic or POINTING.search(clean(text))):
            weight = 1.0 if elliptic else POINTED_WEIGHT
            after = matcher.understand_after(text, _topic_text(topic), weight)
            if elliptic or after[2].kind == "answer":
                how = "names no topic of its own" if elliptic else "points back at it"
                note = f"read after the last topic {topic.id} ({topic.title.get('ja', '')}): the message {how}"
                return Understanding(*after, elliptic=elliptic, context_note=note)
        if elliptic and result.kind == "answer" and _ambiguous(result.candidates):
            # "何人？" with nothing before it: of what? Offer the likeliest topics rather than guess one. ("広さは？"
            # has one reading only, the city's area: that is no guess.)
            result = MatchResult("clarify", result.candidates[:MAX_SUGGESTED], reason="no topic to follow up on")
        return Understanding(reading, candidates, result, elliptic=elliptic)

    def _names_topic(self, term: Term) -> bool:
        token = term.token
        if term.via == "weak" or token.weak:
            # A function word the knowledge never uses is more likely a misread topic (ちく for 地区) than a hint.
            return token.is_kana and term.concept is not None and not self._matcher.knows(term.concept)
        words = {clean(token.lemma), clean(token.surface), term.concept}
        if words & self._aspects or token.lemma.startswith("何") or QUESTION_WORD.fullmatch(token.lemma):
            return False
        return term.concept is not None or token.pos == "名詞" or token.is_latin  # an unknown noun: a topic too


_FOLLOWUPS: weakref.WeakKeyDictionary[Matcher, FollowUps] = weakref.WeakKeyDictionary()


def followups_for(matcher: Matcher) -> FollowUps:
    """Return the follow-up reader of a matcher (one per knowledge version; a reload builds a new matcher)."""
    found = _FOLLOWUPS.get(matcher)
    if found is None:
        found = _FOLLOWUPS.setdefault(matcher, FollowUps(matcher))
    return found


def _ambiguous(candidates: tuple[Candidate, ...]) -> bool:
    if not candidates or candidates[0].score < NO_CONTEXT_SCORE:
        return True
    return len(candidates) > 1 and candidates[0].score - candidates[1].score < NO_CONTEXT_MARGIN


def _topic_text(entry: Entry) -> str:
    # The title names the topic in a few words ("外国人の数"); in both languages, so either kind of follow-up finds it.
    return " ".join(dict.fromkeys(entry.title.get(lang, "") for lang in ("ja", "en")))

