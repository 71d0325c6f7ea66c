"""The cases of bench/followup_matrix.py, generated from the knowledge alone (no author's wording).

For every entry as the answer just given (the topic), one elliptic follow-up of each kind; the entry expected to
answer it is computed from the answers' own text, with facts read by this module's own patterns (not the engine's
DetailCheck, so a wrong reading there shows up here): of the topic, its `related:` entries in order and the other
entries of its category (the topic's family, nearest first), the first whose answer holds the asked kind of fact;
none: the bot must not answer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.aspects import ASPECT_WORDS
from bot.knowledge import Entry, KnowledgeBase
from bot.normalize import analyze

NO_ANSWER = None  # in Case.expect: "I don't know" (or "did you mean") is right
GUIDE = "guide"  # entries that only point to the recruitment guide: every detail is "in the guide"

# The kinds of fact a question word asks for, as an answer's text holds them.
DATE = r"\d+\s*月|令和|平成|昭和|年度|\d+\s*年|(?<![a-z])(?:january|february|march|april|may|june|july|august" \
       r"|september|october|november|december|\d{4})(?![a-z])"
PEOPLE = r"\d[\d,]*\s*万?\s*[人名](?!\s*(?:あたり|当たり))|さん|\d[\d,]*\s+(?:people|persons|staff)"
CASES = r"\d[\d,]*\s*件"
COUNT = r"\d[\d,.]*\s*[万億]?\s*(?:[人名件室校個回つ]|か国|クラス)(?!\s*(?:あたり|当たり))"
PERSON = r"さん|氏|担当"
PRICE = r"円|(?<![a-z])yen(?![a-z])"
MUNICIPALITY = r"[\u4e00-\u9fff]{1,3}[区市町村](?<!港区)(?![\u4e00-\u9fff])"
QUESTION_WORDS: tuple[tuple[str, str, str], ...] = (  # (follow-up, kind label, fact)
    ("いつ？", "when", DATE), ("いつまで？", "when", DATE), ("何年？", "when", DATE), ("when?", "when (en)", DATE),
    ("何人？", "how many people", PEOPLE), ("how many people?", "how many people (en)", PEOPLE),
    ("何件？", "how many cases", CASES), ("how many?", "how many (en)", COUNT),
    ("どこ？", "where", "<place>"), ("where?", "where (en)", "<place>"),
    ("誰？", "who", PERSON), ("いくら？", "how much", PRICE),
)
# Words no entry uses: a follow-up naming one must not be answered ("駐車場は？" after staff housing).
UNKNOWN_NOUNS = ("駐車場", "ペット", "制服", "転勤")
# Details of kinds the knowledge may not hold (their fact, and a cue asking for it).
DETAIL_CUES: tuple[tuple[str, str], ...] = (("家賃は？", PRICE), ("営業時間は？", r"\d+\s*時(?:から|まで)"),
                                             ("住所は？", r"住所|所在地"), ("見頃は？", r"見頃|季節"))
GENERAL_PLACES = frozenset({"港区", "みなと", "minato", "minato-ku", "東京", "東京都", "都内", "日本", "全国", "tokyo", "japan"})
ORDINALS = ("{n}つ目は？", "{n}番目は？")
ORDINALS_MORE = ("{n}つめのは？", "the {nth} one?")  # other wordings of the same ask
NTH = {2: "second", 3: "third", 4: "fourth", 5: "fifth", 6: "sixth", 7: "seventh", 8: "eighth", 9: "ninth", 10: "tenth"}
FIGURE = r"\d[\d,.]*\s*[万億]?\s*(?:[人名件室校個回つ円%％]|か国|クラス)"
FIGURE_DATES = ("いつのデータ？", "いつ時点の数字？", "as of when?")  # the date of the figure just given
ROLES = ("役職は？", "what is their role?")  # asked after an answer naming people
LIST_RUN = re.compile(r"[^、・。\s「」（）()：:①-⑩]+(?:[、・][^、・。\s「」（）()：:①-⑩]+){2,}")
LIST_KIND = re.compile(r"の\s*(?:\d+|[一二三四五六七八九])\s*つの\s*([\u4e00-\u9fff\u30a0-\u30ff]+)")
STOP_AFTER = re.compile(r"(?:の|など|が|を|です|に|で|と).*$")
STOP_BEFORE = re.compile(r"^.*(?:は|：|:)")


@dataclass(frozen=True)
class Case:
    """One follow-up after a topic, and the replies that are right (entry ids; NO_ANSWER: not answering)."""

    kind: str
    topic: str
    text: str
    expect: frozenset[str | None]


class Oracle:
    """Reads the knowledge's answers: the topic's family, the facts each holds, the items of a listing answer."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        places = [p for p in kb.scope.home_places if p not in GENERAL_PLACES]
        self._place = re.compile("|".join([MUNICIPALITY, *(re.escape(p) for p in sorted(places, key=len, reverse=True))]))

    def text(self, entry: Entry) -> str:
        return " ".join(entry.answer.get(lang, "") for lang in ("ja", "en")).lower()

    def family(self, topic: Entry) -> list[Entry]:
        related = [self.kb.entry(i) for i in topic.related]
        near = [topic, *(e for e in related if e is not None)]
        return near + [e for e in self.kb.entries if e.category == topic.category and e not in near]

    def holds(self, entry: Entry, fact: str) -> bool:
        pattern = self._place if fact == "<place>" else re.compile(fact)
        return pattern.search(self.text(entry)) is not None

    def holder(self, topic: Entry, fact: str) -> frozenset[str | None]:
        """The topic when it holds the fact, else its family's entries that hold it, else nothing.

        For a guide topic, it or nothing. A holder about another subject than the topic (no title word in common:
        "いつ？" after the foreign residents, the population's date) may answer, or not.
        """
        if topic.category == GUIDE:
            return frozenset({topic.id, NO_ANSWER})
        if self.holds(topic, fact):
            return frozenset({topic.id})
        holders = {e.id for e in self.family(topic)[1:] if self.holds(e, fact)}
        if not holders:
            return frozenset({NO_ANSWER})
        subject = self.title_words(topic)
        if not any(self.title_words(self.kb.entry(i)) & subject for i in holders):
            holders.add(NO_ANSWER)
        return frozenset(holders)

    def title_words(self, entry: Entry) -> set[str]:
        return {t.lemma for t in analyze(entry.title.get("ja", ""))
                if t.pos == "名詞" and len(t.lemma) >= 2 and t.lemma not in GENERAL_PLACES}

    def titled_by(self, topic: Entry, noun: str) -> set[str]:
        """The entries of the topic's family whose title names the noun (an entry of its own for it)."""
        return {e.id for e in self.family(topic) if noun in e.title.get("ja", "")}

    def items(self, entry: Entry) -> tuple[list[str], str]:
        """The items the answer lists (①②③ or a run of 、/・), and the noun they are of ("5つの地区": 地区)."""
        answer = entry.answer.get("ja", "")
        numbered = re.split(r"[①-⑩]", answer)
        if len(numbered) >= 3:
            return [part.strip() for part in numbered[1:]], ""
        bullets = [part.strip() for part in answer.split("・") if part.strip()] if " ・" in answer else []
        if len(bullets) >= 3 and "\n" not in answer and answer.count(" ・") >= 2:
            return bullets[1:], ""
        run = max(LIST_RUN.finditer(answer), key=lambda m: len(m.group()), default=None)
        if run is None:
            return [], ""
        listed = run.group()
        if listed.find("・") < listed.find("、") and "・" in listed:
            listed = listed[:listed.index("、")]  # "芝・…・芝浦港南の5つの地区があり、5つの地域…": the ・ list ends at 、
        parts = re.split(r"[、・]", listed)
        parts[0] = STOP_BEFORE.sub("", parts[0])
        # The list ends at the item saying what the items are ("芝浦港南の5つの地区があり、…": 地区); what comes after
        # it is another clause.
        end = next((i for i, part in enumerate(parts) if LIST_KIND.search(part)), len(parts) - 1)
        parts, last = parts[:end + 1], parts[end]
        parts[-1] = STOP_AFTER.sub("", last)
        kind = LIST_KIND.match(last[len(parts[-1]):] + answer[run.end():])
        return [p for p in parts if p], kind.group(1) if kind else ""

    def titled(self, item: str, kind: str) -> tuple[str | None, bool]:
        """The entry titled by a listed item (麻布 of "5つの地区": 麻布地区), and whether the item merely contains it."""
        for entry in self.kb.entries:
            title = entry.title.get("ja", "")
            if title in (item, item + kind) or (kind and title.removesuffix(kind) == item):
                return entry.id, False
        for entry in self.kb.entries:
            title = entry.title.get("ja", "")
            if len(title) >= 4 and title in item:
                return entry.id, True
        return None, False


def build_cases(kb: KnowledgeBase) -> list[Case]:
    """Every kind of elliptic follow-up after every entry of the knowledge."""
    oracle = Oracle(kb)
    cases: list[Case] = []
    for topic in kb.entries:
        cases += _question_words(oracle, topic)
        cases += _others(oracle, topic)
        cases += _ordinals(oracle, topic)
        cases += _figures(oracle, topic)
        cases += _nouns(oracle, topic)
        cases += _unknown(oracle, topic)
    return cases


def _question_words(oracle: Oracle, topic: Entry) -> list[Case]:
    return [Case(kind, topic.id, text, oracle.holder(topic, fact)) for text, kind, fact in QUESTION_WORDS]


def _others(oracle: Oracle, topic: Entry) -> list[Case]:
    related = [i for i in topic.related if oracle.kb.entry(i) is not None]
    cases = []
    if related:
        # After an answer listing things, "他には？" may ask for more of them (the dialogue sets' authors read it so:
        # the places staff live, the adopted projects): the list again is right too.
        listing = len(oracle.items(topic)[0]) >= 3 or len(re.findall(r"^\s*・", topic.answer.get("ja", ""), re.M)) >= 2
        other = frozenset({related[0], topic.id} if listing else {related[0]})
        cases += [Case("other (他には)", topic.id, "他には？", other),
                  Case("other (en)", topic.id, "anything else?", other)]
    # "もっと詳しく": the topic again, an entry elaborating it (a related entry its answer names), or where to learn
    # more: the learn-more entry, or "not in the briefing", whose message points to the recruitment guide and website.
    answer = oracle.text(topic)
    elaborating = {i for i in related if oracle.kb.entry(i).title.get("ja", "") in answer}
    more = frozenset({topic.id, *elaborating, "learn-more", NO_ANSWER})
    cases += [Case("more (もっと詳しく)", topic.id, "もっと詳しく", more),
              Case("more (en)", topic.id, "tell me more", more)]
    return cases


def _ordinals(oracle: Oracle, topic: Entry) -> list[Case]:
    items, kind = oracle.items(topic)
    if len(items) < 3:
        return []
    cases = []
    for n in (2, 3):
        entry_id, contained = oracle.titled(items[n - 1], kind)
        expect = {topic.id} if entry_id is None else {entry_id, topic.id} if contained else {entry_id}
        cases += [Case("ordinal", topic.id, pattern.format(n=n), frozenset(expect)) for pattern in ORDINALS]
        cases += [Case("ordinal (other wordings)", topic.id, pattern.format(n=n, nth=NTH[n]), frozenset(expect))
                  for pattern in ORDINALS_MORE]
    beyond = len(items) + 1
    cases.append(Case("ordinal beyond the list", topic.id, f"{beyond}つ目は？", frozenset({NO_ANSWER})))
    if beyond in NTH:
        cases.append(Case("ordinal beyond the list", topic.id, f"the {NTH[beyond]} one?", frozenset({NO_ANSWER})))
    return cases


def _figures(oracle: Oracle, topic: Entry) -> list[Case]:
    """"いつのデータ？" after an answer stating a figure: its own date, or none; "役職は？" after people named."""
    cases = []
    if oracle.holds(topic, FIGURE) and topic.category != GUIDE:
        expect = frozenset({topic.id} if oracle.holds(topic, DATE) else {NO_ANSWER})
        cases += [Case("date of the figure", topic.id, text, expect) for text in FIGURE_DATES]
    if re.search(r"さん|氏", topic.answer.get("ja", "")):
        cases += [Case("role of a person", topic.id, text, frozenset({topic.id})) for text in ROLES]
    return cases


def _nouns(oracle: Oracle, topic: Entry) -> list[Case]:
    """"Nは？" and "それってNも？" with a noun the topic's answer, or one of its related entries', holds."""
    if topic.category == GUIDE:
        return []
    cases = []
    own = _distinctive_nouns(oracle, topic)[:2]
    for noun in own:
        expect = frozenset({topic.id, *oracle.titled_by(topic, noun)})
        cases.append(Case("noun the answer holds", topic.id, f"{noun}は？", expect))
        cases.append(Case("それって…も？ (held)", topic.id, f"それって{noun}も？", expect))
    for related_id in topic.related[:2]:  # "通勤時間は？" after staff housing: the related entry of that title
        related = oracle.kb.entry(related_id)
        title = related.title.get("ja", "") if related is not None else ""
        if title and not title.endswith("は") and title not in oracle.text(topic):
            cases.append(Case("title of a related entry", topic.id, f"{title}は？", frozenset({related_id})))
    return cases


def _unknown(oracle: Oracle, topic: Entry) -> list[Case]:
    cases = [Case("noun nothing holds", topic.id, f"{noun}は？", frozenset({NO_ANSWER})) for noun in UNKNOWN_NOUNS[:2]]
    cases += [Case("それって…も？ (not held)", topic.id, f"それって{noun}も？", frozenset({NO_ANSWER}))
              for noun in UNKNOWN_NOUNS[2:]]
    if topic.category != GUIDE:
        cases += [Case("detail nothing near holds", topic.id, text, frozenset({NO_ANSWER}))
                  for text, fact in DETAIL_CUES if not any(oracle.holds(e, fact) for e in oracle.family(topic))]
    return cases


def _distinctive_nouns(oracle: Oracle, entry: Entry) -> list[str]:
    # Nouns of two characters or more that at most two entries' answers use (not 港区, 説明会, 職員...).
    answers = [oracle.text(e) for e in oracle.kb.entries]
    nouns = []
    for token in analyze(entry.answer.get("ja", "")):
        word = token.surface
        if (token.pos == "名詞" and not token.weak and len(word) >= 2 and not re.search(r"\d", word)
                and not token.is_kana and token.lemma not in ASPECT_WORDS and not token.counter
                and word not in nouns and sum(word.lower() in a for a in answers) <= 2):
            nouns.append(word)
    return nouns
