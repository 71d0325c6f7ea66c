"""A figure of a part: details an answer about the whole does not state.

- **A part of a figure.** "麻布地区のみの人口", "地区ごとの人口", "予算のうち子育てに使う額": the city's population or
  budget is the whole's figure; the part's (one district's, each district's, one use's) is another. Only an entry
  whose own text names both the part and the figure can state it: "職員のうち女性は何人？" is answered by the staff
  entry, which gives the women's number.
"""

from __future__ import annotations

import re
from itertools import dropwhile, takewhile
from collections.abc import Callable, Collection

from bot.detailcues import NOT_SOMEONE
from bot.normalize import analyze, clean, to_katakana
from bot.phrasespans import Span, asked_words, ending_at, in_written_order, is_asked, spans_of, starting_at
from bot.terms import Term, named_in
from bot.vocabulary import Vocabulary

# "XだけのY", "XのみのY", "XごとのY", "X別のY", "XそれぞれのY": the figure Y of the part X.
ONLY_OF = re.compile(r"(?:だけ|のみ|ごと|毎|別|それぞれ)の")
# "YのうちX", "Yの中でX": of the figure Y, the part X.
AMONG = re.compile(r"(?<!そ)のうち[、,\s]*|に占める\s*")  # not の中で: "研修の中で一番…" picks one of a topic's own
CITY_EN = frozenset({"city", "ward", "municipal"})
# A noun as typed, kanji or katakana, before its particle ("教育費って"; not "実際に")
UNREAD_PART = re.compile(r"[\u3400-\u9fff々ァ-ヺー]{2,}(?=\s*(?:は|って|が|の|を|だけ|と|[?？]|$))")
# A figure asked of the part: a count, an amount, a share ("地区ごとの職員数は？", "区民のうち外国籍の人は何％？").
FIGURE_ASKED = re.compile(r"何|なん|いくら|いくつ|どのくらい|どれくらい|どのぐらい|どれぐらい|数|額|率|割合|比率|[%％]|多い|少ない")
# "XのYは何人？": Y of X counted (the の before the counted noun and its cue).
# "Xの場所は？": the place of X.
OWNED_COUNT = re.compile(r"の(?=[^\s、。,?？のはがって]{1,8}(?:は|って|が)?\s*(?:全部で|合わせて|全員で)?\s*(?:何|なん)\s*(?:人|名|にん|件|個))"
                         r"|の(?=(?:場所|住所|所在地|行き方|最寄り駅|最寄駅)(?:は|って|を|が|[?？]|$))"
                         r"|の(?=(?:割合|比率|率|男女比)(?:は|って|を|が|[?？]|$))")  # "女性の管理職の割合": of 管理職
# "講師は誰？": the role before it. Not 誰か (someone): "新人のうちは誰かついてくれる？" asks who is the 新人 no one.
# Nor 誰が/誰に before a verb: "仕事は誰が教えてくれる？" asks who does it, not who the 仕事 is.
WHO = re.compile(rf"(?:は|って|が)\s*(?:(?:誰|だれ){NOT_SOMEONE}(?!\s*(?:が|に|から)\s*[^\s?？。])|どなた|どんな人|どういう人)")
ANYONE = frozenset({"人", "方", "ひと", "かた"})
# ... typed in kana too ("あかさかの じんこうは？", "あざぶちくの じんこう")
LIVES_AFTER = re.compile(r"\s*(?:ちく|チク)?(?:に住|で暮ら|の\s*(?:人口|じんこう|ジンコウ)|の住民|の\s*じゅうみん|在住"
                         r"|に\s*す[むん]|(?:に|は)?\s*何人\s*(?:くらい|ぐらい)?\s*住)")
LIVES_BEFORE = re.compile(r"(?<![a-z])(?:live|lives|living|reside|resides|residents|population|people)\s+(?:in|of|at)\s+(?:the\s+)?$")
FIGURE_EN = re.compile(r"(?<![a-z])(?:population|budget|area|size|number|how\s+many|how\s+much|staff|residents|people"
                       r"|ratio|proportion|share|percentage|how\s+big|how\s+large|km2|square)(?![a-z])")
FIGURE_OF_DISTRICT_EN = re.compile(r"(?<![a-z])([a-z]+)\s+of\s+(?:(?:the|only|just)\s+){0,2}[a-z-]+\s+(?:district|area)"
                                   r"(?![a-z])")
ALONE = r"\s*(?:ダケ|ノミ)?\s*ノ\s*"  # "高輪地区だけの人口": the part's own figure (in katakana: だけ, ちくの too)
DISTRICT_OF = re.compile(r"(?:地区|エリア|チク)" + ALONE)
PLACE_OF = re.compile(ALONE)
SPENT_ON_THINGS = "予算 budget"
SPENT_ON_EN = re.compile(r"(?<![a-z])budget(?:\s+(?:amount|set\s+aside|allocated|earmarked))?\s+(?:for|of|on)\s+(?:the\s+)?")
SPENT_ON_WORDS = frozenset({"for", "of", "on"})
ONE_TOPIC_USERS = 3  # entries using a concept: this few, it names a thing of one topic
DISTRICT_WORDS = ("地区", "district", "chiku")
WHOLE_OF = re.compile(r"(東京都|東京|日本|全国|23区|特別区)\s*(?:全体|全部|全域)?\s*ノ\s*")  # in katakana-folded text
# "… alone", "only …", "each district": an English figure of a part.
# (Not "only" alone: "or only on-the-job?" asks which kind, not a part's figure.)
ONLY_EN = re.compile(r"(?<![a-z])(?:alone|breakdown|among|(?:each|per|by|every)\s+(?:district|area|ward)s?|district\s+only"
                     r"|only\s+(?:in|for|of)\s+(?:the\s+)?[a-z-]+\s+district"
                     r"|each\s+of\s+the\s+(?:[a-z]+\s+)?(?:districts|areas|wards)"
                     r"|(?:how\s+much|percentage|share|portion|part)\s+of\s+(?:the\s+)?[a-z-]+\s+(?:goes|go|is\s+spent|is\s+used)"
                     r"\s+(?:to|on|for))(?![a-z])")
# "how many of the city staff are from overseas?": the staff who are so, a part of the whole named after "of"
SOME_OF_EN = re.compile(r"(?<![a-z])(?:how\s+many|what\s+(?:percentage|percent|share|proportion|portion|number|ratio"
                        r"|fraction))\s+of\s+(?:the\s+|its\s+)?((?:[a-z-]+\s+){1,2})(?:are|is|were|come|came)(?![a-z])")


class Parts:
    """Tells whether an entry's text names the part and the figure a question asks about."""

    def __init__(self, texts: dict[str, str], vocabulary: Vocabulary, everywhere: Callable[[str], bool],
                 bag: Callable[[str], Collection[str]], users: Callable[[str], int],
                 figures: frozenset[str] = frozenset()) -> None:
        self._texts = texts  # each entry's answers, keywords and titles, cleaned
        self._vocabulary = vocabulary
        self._everywhere = everywhere  # a word most entries use (港区)
        self._users = users  # how many entries use a concept (bot.index.ConceptIndex.users)
        self._bag = bag  # the concepts of an entry's every text, its questions too
        self._figures = figures  # the city's figures: the words of its overview entries' titles (人口, 面積, 予算)
        self._district_concepts = frozenset(t.concept for word in DISTRICT_WORDS for t in vocabulary.resolve(word, False)
                                            if t.concept is not None)
        self._words: dict[str, frozenset[str]] = {}  # per entry, read when first asked (a large base)
        # A budget is spent on things ("子育て支援の予算"); a population or an area is a place's, not a thing's
        # (住民の人口, 夜間の人口 are the city's own, qualified).
        self._spent_on_things = frozenset(t.concept for t in vocabulary.resolve(SPENT_ON_THINGS, False) if t.concept)

    def refusal(self, text: str, terms: list[Term], entry_id: str) -> str:
        """Return why the entry cannot state the asked part's figure ("" when the question asks none)."""
        cleaned = clean(text)
        # Nouns only: "5つの地区のうちどこに入る？" asks which one, its verb (入る) is no part. A noun the knowledge does
        # not know is a part no answer states ("予算のうち教育費は？").
        words = [t for t in terms if (is_asked(t) or _unknown_noun(t)) and (t.token.pos == "名詞" or t.token.is_latin)]
        held = self._texts.get(entry_id, "")
        spans = spans_of(cleaned, words)
        for part, whole in self._parts(cleaned, spans):
            if not (FIGURE_ASKED.search(cleaned) or any(t.concept in self._figures for t in whole)):
                continue  # "地域ごとの窓口はありますか": whether each has one, no figure of a part
            known = self._words_of(entry_id)
            # A word read as the entry's own is named too: 助成 typed for 女性 (ジョセイ).
            missing = [t.token.surface for t in (*part, *whole) if not named_in(t, held)
                       and t.concept not in known and (t.token.reading or "\0") not in known]
            if missing:
                return f"asks the figure of a part ({'、'.join(missing)}) its answer does not state"
        return self._unread_part(cleaned, spans, held)

    def _unread_part(self, cleaned: str, spans: list[Span], held: str) -> str:
        # "予算のうち教育費っていくら？": a part no word was read for (教育費, only a reading found inside it), named as
        # typed after のうち, of a figure named before it.
        for marker in AMONG.finditer(cleaned):
            part = UNREAD_PART.match(cleaned, marker.end())
            if part and FIGURE_ASKED.search(cleaned, part.end()) and ending_at(spans, cleaned, marker.start()) \
                    and not starting_at(spans, cleaned, marker.end()) and part.group() not in held \
                    and not any(token.adverbial for token in analyze(part.group())):  # 実際 (in fact) is none
                return f"asks the figure of a part ({part.group()}) its answer does not state"
        return ""

    def place_refusal(self, text: str, terms: list[Term], entry_id: str) -> str:
        """Return why an entry cannot state a detail of a district it does not name (芝地区の人口は何人？)."""
        known = self._words_of(entry_id)
        cleaned = clean(text)
        # Typed in kana too: "しばちくのじんこう" is read 芝 + 地区. In the order the words are written: a reading
        # found across spaces ("たかなわ ちく", from romaji) comes after the analyzer's words.
        words = in_written_order(to_katakana(cleaned), asked_words(terms, scanned=True))
        # A place of the city named as a district (赤坂地区, Shiba chiku), not the city (港区) nor Japan's ranking.
        # ... or whose people are counted ("お台場に住んでいる人は何人？", how many people live in Odaiba).
        districts = [place for place, after in zip(words, [*words[1:], None])
                     if place.concept in self._vocabulary.known_places and not self._everywhere(place.concept)
                     and (after is not None and after.concept in self._district_concepts
                          or _lived_in(cleaned, clean(place.token.surface)))]
        missing = [t.token.surface for t in districts if t.concept not in known]
        return f"asks a detail of {'、'.join(missing)}, which its answer does not name" if missing else ""

    def counted_refusal(self, text: str, terms: list[Term], entry_id: str) -> str:
        """Return why an entry cannot count, or place, what belongs to an owner it never speaks of (保健所の職員は何人？)."""
        cleaned = clean(text)
        # Words the knowledge does not know own things too (区内の図書館の場所): no entry can name them.
        words = [t for t in terms if t.weight == 1.0 and t.via not in ("weak", "scan")
                 and (t.concept is not None or t.token.pos == "名詞" and not t.token.is_kana)]
        spans = spans_of(cleaned, words)
        bag = self._bag(entry_id)
        for counted in OWNED_COUNT.finditer(cleaned):
            owner = [t for t in ending_at(spans, cleaned, counted.start()) if not self._everywhere(t.concept or "")
                     and not self._vocabulary.is_home(t.token)]
            missing = [t.token.surface for t in owner if t.concept not in bag and not self._names(t, entry_id)]
            if missing:
                return f"asks a detail of {'、'.join(missing)}, which it never speaks of"
        return ""

    def district_figure_refusal(self, text: str, terms: list[Term], entry_id: str) -> str:
        """Return why an entry cannot state a city figure of a district ("芝地区の人口はどのくらい？"), asked with no cue."""
        cleaned = clean(text)
        words = asked_words(terms, scanned=True)  # "あざぶ ちく の じんこう": the figure typed in kana too
        folded = to_katakana(cleaned)  # a word found in kana has its reading for surface (ジンコウ)
        spans = spans_of(folded, words, to_katakana)
        named = [next((t for t in words if clean(t.token.surface) == found.group(1)), None)
                 for found in FIGURE_OF_DISTRICT_EN.finditer(cleaned)]  # "the population of Takanawa district"
        following = [next(iter(starting_at(spans, folded, found.end())), None) for found in DISTRICT_OF.finditer(folded)]
        for found in DISTRICT_OF.finditer(folded):
            # "芝浦港南地区の人口って…増えた？": the city's population entry names the figure, not the district's
            figure = next(iter(starting_at(spans, folded, found.end())), None)
            district = [t for t in ending_at(spans, folded, found.start()) if t.concept in self._vocabulary.known_places]
            if figure is not None and figure.concept in self._figures and district and not all(
                    self._names(t, entry_id) for t in district):
                return f"asks the {figure.token.surface} of {district[-1].token.surface}, which its answer does not name"
        for found in WHOLE_OF.finditer(folded):
            # "東京都全体の人口は？": a figure of a whole the city is part of, which the city's figures are not
            figure = next(iter(starting_at(spans, folded, found.end())), None)
            if figure is not None and figure.concept in self._figures:
                return f"asks the {figure.token.surface} of {found.group(1)}, which its answer does not state"
        for figure in (*named, *following):
            if figure is not None and figure.concept in self._figures and not self._names(figure, entry_id):
                return f"asks a district's {figure.token.surface}, which its answer does not state"
        return self._place_figure_refusal(folded, spans, entry_id) or self._spent_on_refusal(cleaned, terms, entry_id)

    def _place_figure_refusal(self, folded: str, spans: list[Span], entry_id: str) -> str:
        # "有栖川宮記念公園の面積", "六本木の人口": a figure of a place in the city, which only an answer naming both
        # the place and the figure can state (an entry naming the park gives the city's area, or none).
        for found in PLACE_OF.finditer(folded):
            figure = next(iter(starting_at(spans, folded, found.end())), None)
            # a measure of the city (人口, 面積), not where (あたり) nor which part (地区) of a place
            if figure is None or figure.concept not in self._figures or figure.concept in self._district_concepts \
                    or self._vocabulary.asks_about(figure.token) or self._everywhere(figure.concept):
                continue
            phrase = ending_at(spans, folded, found.start())
            name = "".join(t.token.surface for t in phrase)
            if not phrase or any(self._everywhere(t.concept) for t in phrase) or not (
                    phrase[-1].concept in self._vocabulary.known_places or self._vocabulary.is_home_place(name)
                    or figure.concept in self._spent_on_things and all(self._is_a_thing(t) for t in phrase)):
                continue
            if not (all(self._names(t, entry_id) for t in phrase) and self._names(figure, entry_id)):
                return f"asks the {figure.token.surface} of {name}, which its answer does not state"
        return ""

    def _spent_on_refusal(self, cleaned: str, terms: list[Term], entry_id: str) -> str:
        # "the budget for the new tech challenge": the thing a budget is spent on follows it in English (its words in
        # the analyzer's order: "new tech" is read as one phrase, 新技術)
        if not SPENT_ON_EN.search(cleaned):
            return ""
        for index, figure in enumerate(terms):
            if figure.concept not in self._spent_on_things or not figure.token.is_latin:
                continue
            spent_on = next((i for i, t in enumerate(terms[index + 1:index + 4], index + 1)
                             if t.token.surface in SPENT_ON_WORDS), None)  # "budget (amount) for"
            if spent_on is None:
                continue
            after = list(dropwhile(lambda t: t.via == "weak", terms[spent_on + 1:]))
            phrase = list(takewhile(lambda t: t.via != "weak" and t.concept is not None and t.weight == 1.0, after))
            # a thing of one topic, a word of it few entries use (the drone project), not the city's own (its office)
            if not phrase or all(self._users(t.concept or "") > ONE_TOPIC_USERS for t in phrase):
                continue
            if not (all(self._names(t, entry_id) for t in phrase) and self._names(figure, entry_id)):
                name = " ".join(t.token.surface for t in phrase)
                return f"asks the {figure.token.surface} for {name}, which its answer does not state"
        return ""

    def _is_a_thing(self, term: Term) -> bool:
        # "子育て支援の予算", "新技術チャレンジの予算": a thing a budget is spent on, not a time (今年の) or an aspect
        return term.token.pos == "名詞" and not term.token.adverbial and not self._vocabulary.asks_about(term.token)

    def person_refusal(self, text: str, terms: list[Term], entry_id: str) -> str:
        """Return why an entry cannot name the person asked for by a word it never uses (講師は誰？)."""
        cleaned = clean(text)
        words = asked_words(terms)
        spans = spans_of(cleaned, words)
        for asked in WHO.finditer(cleaned):
            role = ending_at(spans, cleaned, asked.start())[-1:]
            if role and not self._names(role[0], entry_id) and role[0].token.surface not in ANYONE:
                return f"asks who the {role[0].token.surface} is; its answer names no one so"
        return ""

    def english_part_refusal(self, text: str, terms: list[Term], entry_id: str) -> str:
        """Return why an entry cannot state "the population of X alone": all the asked words must be its own."""
        cleaned = clean(text)
        marker = ONLY_EN.search(cleaned)
        if marker is None or not FIGURE_EN.search(cleaned):
            return self._some_of_refusal(cleaned, entry_id)  # "every district?" asks no figure; "how many of" may
        words = [t for t in asked_words(terms) if not self._vocabulary.is_home(t.token)
                 and clean(t.token.surface) not in CITY_EN  # "the city staff": the city's, as every entry is
                 and not _marks_a_part(clean(t.token.surface))]  # the figure asked and "among" name no part
        if marker.group() == "among":
            # "the ratio of foreign nationals among the staff": the part, before it, must be the entry's; the whole
            # after it may be said in any words ("nationalities among the residents").
            start = max(cleaned.rfind(mark, 0, marker.start()) for mark in ",、;:—-") + 1  # its own clause
            before = {t.concept for t in self._vocabulary.resolve(cleaned[start:marker.start()], False)}
            bag = self._bag(entry_id)  # its questions' words too: "represented among" is said of its own figure
            words = [t for t in words if t.concept in before and t.concept not in bag]
        known = self._words_of(entry_id)
        missing = [t.token.surface for t in words if t.concept not in known]
        return f"asks the figure of a part ({', '.join(missing)}) its answer does not state" if missing else ""

    def _some_of_refusal(self, cleaned: str, entry_id: str) -> str:
        # "how many of the city staff are from overseas?": the whole (staff) and the part (from overseas) both its own
        found = SOME_OF_EN.search(cleaned)
        if found is None:
            return ""
        words = [t for t in self._vocabulary.resolve(cleaned[found.start(1):], False)
                 if is_asked(t) and not self._vocabulary.is_home(t.token) and clean(t.token.surface) not in CITY_EN]
        known, bag = self._words_of(entry_id), self._bag(entry_id)  # its questions' words: the residents' foreigners
        missing = [t.token.surface for t in words if t.concept not in known and t.concept not in bag]
        return f"asks the figure of a part ({', '.join(missing)}) its answer does not state" if missing else ""

    def _parts(self, cleaned: str, spans: list[Span]) -> list[tuple[list[Term], list[Term]]]:
        found = []
        for marker in ONLY_OF.finditer(cleaned):
            part = [t for t in ending_at(spans, cleaned, marker.start()) if not self._vocabulary.is_home(t.token)]
            whole = starting_at(spans, cleaned, marker.end())[:1]
            if part and whole:
                found.append((part, whole))
        for marker in AMONG.finditer(cleaned):
            whole = ending_at(spans, cleaned, marker.start())
            # "人口に占める割合": the share asked is no part of the whole
            part = [t for t in starting_at(spans, cleaned, marker.end()) if not self._vocabulary.asks_about(t.token)]
            if part and whole:
                found.append((part, whole))
        return found

    def names_or_reads(self, term: Term, entry_id: str) -> bool:
        """Tell whether an entry names a word, by itself, its concept or its reading (助成 typed for 女性, ジョセイ)."""
        return self._names(term, entry_id) or (term.token.reading or "\0") in self._words_of(entry_id)

    def _names(self, term: Term, entry_id: str) -> bool:
        # The entry's text has the word as typed, or a word of the same concept.
        return named_in(term, self._texts.get(entry_id, "")) or term.concept in self._words_of(entry_id)

    def _words_of(self, entry_id: str) -> frozenset[str]:
        # The concepts and readings of an entry's words.
        words = self._words.get(entry_id)
        if words is None:
            terms = self._vocabulary.resolve(self._texts.get(entry_id, ""), False)
            words = frozenset([*(t.concept for t in terms if t.concept is not None),
                               *(t.token.reading for t in terms if t.token.reading)])
            self._words[entry_id] = words
        return words


def _unknown_noun(term: Term) -> bool:
    return term.concept is None and term.via == "unknown" and term.weight == 1.0 and not term.token.is_kana


def _marks_a_part(word: str) -> bool:
    return FIGURE_EN.fullmatch(word) is not None or ONLY_EN.fullmatch(word) is not None


def _lived_in(cleaned: str, place: str) -> bool:
    # "お台場に住んでいる人は何人？", "how many people live in Odaiba?": the people of that place, not of the city.
    at = cleaned.find(place)
    return at >= 0 and bool(LIVES_AFTER.match(cleaned, at + len(place)) or LIVES_BEFORE.search(cleaned, 0, at))
