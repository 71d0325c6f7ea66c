"""What a follow-up asks of the last answer, read from its wording: another item of the same list ("もう一人は？"),
a count of items (一人, 二つ目), a brief message pointing back at the last answer ("それって新人も？").

These say how a message leans on the one before; which entry then answers is decided in bot/followup.py.
"""

from __future__ import annotations

import re

from bot.focus import QUESTION_WORD
from bot.matchtypes import Candidate
from bot.normalize import clean

# "もう一人は？", "他の人は？", "二つ目は？", "the other one?", "who else?": another item of the list the last answer
# gave (the other panelist is in the panel answer), not another entry.
ANOTHER_ITEM = re.compile(
    r"(?:もう|あと|残りの?|のこりの?|他の|ほかの|別の|べつの)\s*(?:[一1１]|ひと|ふた)?\s*(?:人|り|名|方|かた|つ|個|件|校|社)"
    r"|(?:[一二三四五六七八九十\d]|ひと|ふた|みっ|よっ)\s*(?:人|つ|個|件|番|り)\s*(?:目|め)"
    r"|(?<![a-z])(?:the\s+other(?:\s+(?:one|person))?|another\s+one|other\s+(?:ones?|persons?|people)"
    r"|(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|next|\d+(?:st|nd|rd|th))\s+one|who\s+else)(?![a-z])")
# A word that only counts items (一人, 二人目, ふたり, 一つ): it names no topic.
COUNTED_ITEM = re.compile(r"^(?:[一二三四五六七八九十両\d]+|ひと|ふた)(?:人|名|つ|個|件|校|り|方)?目?$")
# Pointing back at the last answer. Not あの (a filler: "あの、食堂は？"), not それぞれ (each), not その他 (other).
POINTS_BACK = re.compile(r"それ(?!ぞれ)|その(?!他|ほか)|そこ|そういう|そんな|(?<![a-z])(?:that|it|its|this|they|their|them|those)(?![a-z])")
# "もうちょい詳しく", "もっと教えて", "詳細をお願いします": more of the answer just given, whose entry is all the
# briefing says of it (not the entry on where to learn more, whose title says 詳しく too).
_MORE = r"(?:もう\s*(?:少し|すこし|ちょっと|ちょい|ちょっぴり|ちょびっと)|もっと|さらに|更に)"
_TELL = r"(?:教えて|おしえて|説明して|せつめいして|説明|知りたい|しりたい|聞きたい|ききたい|お願い|おねがい|頼む|たのむ)"
MORE_OF_IT = re.compile(
    rf"^(?:{_MORE}?\s*(?:詳しく|くわしく|詳細)(?:は|を|に)?\s*{_TELL}?|{_MORE}\s*{_TELL})\s*"
    r"(?:ください|下さい|くれる|くれない|ほしい|欲しい|します|です|いたします|もらえる|もらえますか)?\s*[?？!！。.、…]*$"
    r"|^(?:(?:can|could|would)\s+you\s+)?(?:elaborate|explain\s+(?:more|further)|go\s+on|say\s+more)(?:\s+please)?[?.!]*$"
    r"|^(?:more\s+(?:details?|info(?:rmation)?)|tell\s+me\s+more)(?:\s+please)?[?.!]*$")
# "値段は高め？", "is it cheap?": a yes/no judgement of a fact, asking no figure; an answer characterising it (お手頃価格,
# affordable) answers it.
JUDGES = re.compile(r"(?:高め|安め|高い|安い|高すぎ|安すぎ|お手頃|手頃|リーズナブル|多め|少なめ|多い|少ない|広い|狭い|遠い|近い)"
                    r"(?:の|ん|です|な|かな|ですか|ほう|方)*\s*[?？]*$"
                    r"|(?<![a-z])(?:expensive|cheap|pricey|affordable|reasonable|a lot)\s*\??$")
WRITTEN_WORD = re.compile(r"[\u3400-\u9fff々]{2,}|[\u30a0-\u30ff]{3,}")  # a word as typed: two kanji, three katakana
# Asking when the figure just given dates from ("いつのデータ？", "いつ時点？", "as of when?"): the topic's own figure,
# whose date only the topic's answer can give (a related entry's date is another figure's).
DATES_THE_FIGURE = re.compile(
    r"(?:いつ|何年|何月|何日|なんねん|なんがつ).{0,3}(?:データ|数字|数値|統計|時点|現在|調べ|調査)|時点|現在の(?:数|データ)"
    r"|(?<![a-z])(?:as\s+of\s+when|how\s+(?:recent|current|up\s+to\s+date)"
    r"|when\s+(?:is|was|are|were)\s+(?:that|this|the|these|those)\s+(?:data|figures?|numbers?|statistics|count))(?![a-z])")
# Without a topic, an elliptic message is answered only when one entry fits it well and this far ahead of the next.
NO_CONTEXT_SCORE = 75.0
NO_CONTEXT_MARGIN = 10.0
FAIR_FIT, FAR_AHEAD = 60.0, 30.0  # ... or a fair fit this far ahead of the next
CONFIDENT = 80.0  # a question of its own matched this well is not a close call the topic could settle
BRIEF_CHARACTERS = 12  # a Japanese chat follow-up is short ("それって新人も？")
BRIEF_WORDS = 6  # an English one is a few words ("does that include new staff?")


def asks_another_item(text: str) -> bool:
    """Tell whether a message asks for another item of the last answer's list ("もう一人は？", "the other one?")."""
    return ANOTHER_ITEM.search(clean(text)) is not None


def asks_more_of_it(text: str) -> bool:
    """Tell whether a message only asks for more of the last answer ("もうちょい詳しく", "もっと教えて")."""
    return MORE_OF_IT.match(clean(text)) is not None


def judges(text: str) -> bool:
    """Tell whether a message asks a yes/no judgement of a fact ("値段は高め？", "is it cheap?"), not the fact itself."""
    cleaned = clean(text)
    return JUDGES.search(cleaned) is not None and QUESTION_WORD.search(cleaned) is None


def counts_an_item(word: str) -> bool:
    """Tell whether a word only counts items (一人, 二人目, ふたり) and so names no topic."""
    return COUNTED_ITEM.match(clean(word)) is not None


def brief(text: str) -> bool:
    """Tell whether a message is as short as a follow-up that leans on the last answer."""
    cleaned = clean(text)
    if cleaned.isascii():
        return len(re.findall(r"[a-z0-9']+", cleaned)) <= BRIEF_WORDS
    return len(cleaned) <= BRIEF_CHARACTERS


def points_back(text: str) -> bool:
    """Tell whether a brief message points back at the last answer ("それって新人も？", "is that for new staff too?")."""
    return brief(text) and POINTS_BACK.search(clean(text)) is not None


def dates_the_figure(text: str) -> bool:
    """Tell whether a message asks when the last answer's figure dates from ("いつ時点の数字？", "as of when?")."""
    return DATES_THE_FIGURE.search(clean(text)) is not None


def written_words(text: str) -> set[str]:
    """Return the words a run of kanji may hold ("何年入区" holds 入区): its parts of two characters or more, without 何."""
    runs = WRITTEN_WORD.findall(clean(text))
    return {run[i:j] for run in runs for i in range(len(run)) for j in range(i + 2, len(run) + 1) if "何" not in run[i:j]}


def ambiguous(candidates: tuple[Candidate, ...]) -> bool:
    """Tell whether an elliptic message with no topic fits no entry well and clearly ahead of the rest ("何人？")."""
    if not candidates:
        return True
    best = candidates[0].score
    lead = best - (candidates[1].score if len(candidates) > 1 else 0.0)
    if best < NO_CONTEXT_SCORE:
        # "もっと詳しく知りたいときはどこを見れば？": a fair fit far ahead of any other is no guess between topics
        return not (best >= FAIR_FIT and lead >= FAR_AHEAD)
    return lead < NO_CONTEXT_MARGIN


def clear(candidate: Candidate) -> bool:
    """Tell whether a message's own best entry explains every word of it, and well: a question of its own."""
    return candidate.score >= CONFIDENT and candidate.coverage >= 1.0
