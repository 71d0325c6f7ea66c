"""Among close entries of one topic, the one a question singles out answers.

The briefing often has a general entry and specific ones on the same topic (the city at a glance and its population;
what the pre-class is and its timeline; embassies and nationalities). A question asking one specific fact of the
topic is answered by the specific entry, even when the general one explains more of its words:

- the asked kind of fact ("いつ時点？", "when do they move…?"): an entry of the best one's topic (its category) whose
  answer holds it answers instead of the best one that does not, however far below the acceptance score it ranks,
  as long as the best one shows the question is in scope (bot.decision routes; this module tells who may);
- the entry the question names by its title ("人口267,250人という数字は、いつ時点？" names 人口, the population's title;
  the summary's title, 港区の概要, it does not name) answers among its topic's entries that hold the asked fact.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence

from bot.index import ConceptIndex
from bot.knowledge import KnowledgeBase
from bot.matchtypes import Candidate
from bot.normalize import clean
from bot.terms import Term, a_scanned_piece
from bot.vocabulary import Vocabulary

QUOTED = re.compile(r"[「『\"]([^「」『』\"]+)[」』\"]")
MIN_QUOTED = 3  # characters: 「港」 quotes no phrase of an answer
# "港区とはっていう3つのやつ": a phrase quoted without brackets, before a word saying so; only a phrase of words and
# particles (港区とは, not 職員住宅 alone), the longest the text before the marker ends with
SAYING = re.compile(r"(?:っていう|って言う|という|とかいう|みたいな)")
KANA_AND_WORDS = re.compile(r"(?=.*[\u3041-\u3096])(?=.*[\u3400-\u9fff\u30a1-\u30fa])")
MIN_UNBRACKETED, MAX_UNBRACKETED = 4, 16
MIN_LABELLED = 6  # a title or keyword this long, written out whole, names its entry
MIN_TITLE = 3  # ... and a title this long, when the best entry's is not written
# ... as what is asked about (…って, …は, …を教えて), not where a part of it is (制度では), nor the object of a verb
TITLE_ASKED = r"\s*(?:って|は|とは|で(?!は)|を\s*(?:教え|おしえ)|について|[?？]|$)"
QUALIFYING = re.compile(r"\s*の")  # 新技術の取り組み: the word before の says whose
ONE_OF = re.compile(r"(?<![a-z])which(?![a-z])|どの|どれ|何地区")
HIRAGANA_OR_SPACE = re.compile(r"[\u3041-\u3096\s]")  # a phrase starts with a word, not a particle
ASPECT_WEIGHT = 0.6  # the asking clause (1) and the one right before a question naming no topic (bot.focus)
# "みなとくの ひと", "港区の人": the city's people; "たいわん の ひと", "昼の人": people of some kind
PEOPLE_OF_SOME = re.compile(r"([^\s、。,の]+)\s*の\s*(?:ひと|人)(?!口)")
HOME_OF_PEOPLE = re.compile(r"港区|みなと区|みなとく|こうく|区|minato|minatoku|minato-ku")
KANJI_FIGURES = str.maketrans("一二三四五", "12345")  # 「区民に一番近い」 quotes 区民に1番近い
# "プレクラスはなんですか", "プレクラスはこどものためのなに？", "What's the pre-class?": what a thing is, asked of it alone
DEFINITION = re.compile(r"(?:は|って|とは)\s*(?:[^。？?]{0,15}の\s*)?(?:なん|なに|何)\s*(?:です|でしょう|だ|なの|なん)?\s*"
                        r"(?:か|の)?\s*(?:[?？。]|$)"
                        r"|(?:^|[.?？!。]\s*)(?:so\s+)?what(?:'s|s|\s+is|\s+are)\s+(?:the\s+|a\s+|an\s+|this\s+)?"
                        r"['\"‘“]?[^\s?？'\"’”]+(?:\s+[^\s?？'\"’”]+)?['\"’”]?\s*[?？]")
INSTITUTION = frozenset({"制度", "仕組み", "システム", "system", "scheme", "program", "programme"})  # what a thing is
DEFINITION_MARGIN = 20.0  # how far below the best the entry titled by the thing alone may score and answer


class Specifics:
    """Each entry's topic (its category) and the concepts of its titles, to tell the specific entry asked about."""

    def __init__(self, kb: KnowledgeBase, vocabulary: Vocabulary, index: ConceptIndex) -> None:
        self._index = index
        self._vocabulary = vocabulary
        self._texts = {entry.id: _same_figures(clean(" ".join([*entry.answer.values(), *entry.keywords,
                                                               *entry.title.values()]))) for entry in kb.entries}
        self._labels = {entry.id: frozenset(_same_figures(clean(label)) for label in [*entry.keywords, *entry.title.values()])
                        for entry in kb.entries}
        self._title_text = {entry.id: clean(entry.title.get("ja", "")) for entry in kb.entries}
        self._position = {entry.id: position for position, entry in enumerate(kb.entries)}
        self._category = {entry.id: entry.category for entry in kb.entries}
        # Each title read once: the Japanese one names the entry's topic (main), every one may be named in a question.
        read = {entry.id: {lang: vocabulary.resolve(title, False) for lang, title in entry.title.items()}
                for entry in kb.entries}
        self._main_title = {entry_id: _concepts(titles.get("ja", ())) for entry_id, titles in read.items()}
        self._titles = {entry_id: tuple(_concepts(terms) for terms in titles.values()) for entry_id, titles in read.items()}
        self._defining = {entry_id: self._defining_title(titles.get("ja", [])) for entry_id, titles in read.items()}
        # A concept in one entry's titles only is that entry's own topic (試験: the exam; 研修 is in many titles).
        users = Counter(concept for titles in self._titles.values() for concept in frozenset().union(*titles))
        self._title_owner = {concept: entry_id for entry_id, titles in self._titles.items()
                             for concept in frozenset().union(*titles) if users[concept] == 1}

    def quoting(self, candidates: list[Candidate], text: str) -> tuple[Candidate, str] | None:
        """Return the best-ranked entry holding a phrase the question quotes (「区民に1番近い」って？), and the phrase."""
        phrases = [_same_figures(clean(p)) for p in QUOTED.findall(text) if len(clean(p)) >= MIN_QUOTED]
        quoted = next(((c, p) for c in candidates for p in phrases if p in self._texts.get(c.entry_id, "")), None)
        # Unbracketed, a phrase is told apart from the words around it only by the knowledge's own labels.
        named = [_same_figures(p) for p in _unbracketed(clean(text))] if quoted is None else []
        return quoted or next(((c, p) for c in candidates for p in named if p in self._labels.get(c.entry_id, ())), None)

    def labelled(self, candidates: Sequence[Candidate], text: str) -> int | None:
        """Return which of two close entries has a title or keyword the question writes out whole (働きやすい職場づくり)."""
        cleaned = _same_figures(clean(text))
        if ONE_OF.search(cleaned):
            return None  # "Which of the five districts…": one member of the group the title names is asked for
        longest = [max((len(label) for label in self._labels.get(c.entry_id, ()) if len(label) >= MIN_LABELLED
                        and label in cleaned), default=0) for c in candidates[:2]]
        if longest[0] == longest[1]:
            return None
        return 0 if longest[0] > longest[1] else 1

    def written_title(self, top: Sequence[Candidate], text: str,
                      acceptable: Callable[[Candidate], bool]) -> Candidate | None:
        """Return the one acceptable entry close to the best whose whole title the question writes out as what it
        asks about ("港区の5つの地区ってそれぞれどういう役割？": the districts, not the branch offices' system), when the
        best's title is not written."""
        cleaned = clean(text)
        written = [c for c in top[:3] if len(title := self._title_text.get(c.entry_id, "")) >= MIN_TITLE
                   and re.search(re.escape(title) + TITLE_ASKED, cleaned)]
        if len(written) != 1 or written[0] is top[0] or not acceptable(written[0]) or ONE_OF.search(cleaned):
            return None
        # Not the general entry written as the topic of its own part (プレクラス制度のメリット: the merits)
        best, title = self._title_text.get(top[0].entry_id, ""), self._title_text[written[0].entry_id]
        return None if any(best[i:i + 2] in title for i in range(len(best) - 1)) else written[0]

    def titled_one(self, top: Sequence[Candidate], terms: list[Term], text: str) -> int | None:
        """Return which of two close entries alone is titled by a word of the question ("港区に大使館がある国はいくつ？":
        both count countries; 大使館 titles only the embassies)."""
        # Not a word qualifying another (新技術の取り組みで防災…: the projects), nor one of a group (which of the five)
        cleaned = clean(text)
        if ONE_OF.search(cleaned):
            return None
        owners = {self.title_owner(t.concept) for t in terms if t.weight == 1.0 and t.via != "weak"
                  and not QUALIFYING.match(cleaned, cleaned.find(clean(t.token.surface)) + len(clean(t.token.surface)))}
        titled = [c.entry_id in owners for c in top[:2]]
        return titled.index(True) if titled.count(True) == 1 else None

    def plain_one(self, top: Sequence[Candidate], terms: list[Term], text: str) -> int | None:
        """Return which of two close entries is titled plainly by what the other's title qualifies (人口, 昼間人口),
        when the question says nothing of the qualifier: "港区の人は何人くらいいる？" asks the population."""
        cleaned = clean(text)
        if any(t.concept is None for t in terms) or any(
                not HOME_OF_PEOPLE.fullmatch(whose) for whose in PEOPLE_OF_SOME.findall(cleaned)):
            return None  # "たいわん の ひと は なんにん？": people of a kind, which may be the qualifier
        titles = [self._title_text.get(c.entry_id, "") for c in top[:2]]
        asked = {t.concept for t in terms if t.concept is not None}
        for plain in (0, 1):
            short, long_ = titles[plain], titles[1 - plain]
            if not short or not long_.endswith(short) or len(long_) == len(short):
                continue
            qualifier = self._main_title.get(top[1 - plain].entry_id, frozenset()) - self._main_title.get(
                top[plain].entry_id, frozenset())
            return None if qualifier & asked or long_[:-len(short)] in cleaned else plain
        return None

    def own_words(self, entry_id: str, terms: list[Term]) -> list[str]:
        """Return the question's words that this entry alone uses (物資, 屋上: only the drone project's answer has them)."""
        position = self._position.get(entry_id)
        if position is None:
            return []
        bag = self._index.bag(position)
        return sorted(concept for concept in _asked(terms) if concept in bag and self._index.users(concept) == 1)

    def shares_words(self, entry_id: str, terms: list[Term]) -> bool:
        """Tell whether an entry uses a word the question names its topic with (not one asking about it: いくつ, 期間)."""
        position = self._position.get(entry_id)
        bag = self._index.bag(position) if position is not None else {}
        return any(term.concept in bag for term in terms if term.concept is not None and term.via not in ("weak", "scan")
                   and not self._vocabulary.asks_about(term.token))

    def title_owner(self, concept: str | None) -> str | None:
        """Return the entry whose titles alone name a concept, if one does."""
        return self._title_owner.get(concept) if concept is not None else None

    def same_topic(self, first: str, second: str) -> bool:
        """Tell whether two entries speak of one topic (their category)."""
        return self._category.get(first) == self._category.get(second)

    def titled(self, entry_id: str, asked: frozenset[str]) -> bool:
        """Tell whether a question names one of an entry's titles in full (all of its concepts are asked)."""
        return any(title and title <= asked for title in self._titles.get(entry_id, ()))

    def named(self, candidates: list[Candidate], terms: list[Term], holds: Iterable[str]) -> Candidate | None:
        """Return the entry of the best one's topic the question names by its title, when it does not name the best's.

        Only entries in `holds` (those holding the asked fact) may be named.
        """
        best = candidates[0]
        asked = _asked(terms)
        if self.titled(best.entry_id, asked):
            return None
        holders = frozenset(holds)
        return next((c for c in candidates[1:] if c.entry_id in holders and self.same_topic(c.entry_id, best.entry_id)
                     and self.titled(c.entry_id, asked)), None)


    def named_pair(self, candidates: list[Candidate], terms: list[Term]) -> tuple[Candidate, Candidate] | None:
        """Return the first two entries whose titles the question names ("人口と職員数をそれぞれ"), best first."""
        # Only by their Japanese titles, two of one topic that share no word: a one-word English title ("Staff
        # development": 研修) or a title inside another (新任研修, 研修) would name entries nobody asked about.
        asked = _asked(terms)
        named = [c for c in candidates if self._main_title.get(c.entry_id) and self._main_title[c.entry_id] <= asked]
        if len(named) < 2 or (named[0] is not candidates[0] and self.titled(candidates[0].entry_id, asked)):
            return None
        first, second = named[0], named[1]
        if not self.same_topic(first.entry_id, second.entry_id) or self._main_title[first.entry_id] & self._main_title[
                second.entry_id]:
            return None
        return first, second

    def aspect_owner(self, candidates: list[Candidate], terms: list[Term]) -> Candidate | None:
        """Return the entry titled like the best one plus a word the question asks (プレクラス → プレクラスのメリット).

        "仮のクラスを作ることで、どんな良い点があるの？" tells the pre-class and asks its merits (メリット, the title
        word of the merits entry alone, a word the general one never uses): the story's words make the general entry
        explain more, the asked word names the specific one, however far below the general one it scores (the story
        describes the topic at length: 91 against 39). Only the words of the asking clause or the one right before it.
        """
        best = candidates[0]
        asked = frozenset(t.concept for t in terms if t.weight >= ASPECT_WEIGHT and t.concept is not None
                          and t.via != "weak" and not a_scanned_piece(t))
        # A word the best one never uses: 通勤 asked of where staff commute from is no aspect of the commute time.
        unused = self._index.bag(self._position[best.entry_id]).keys().isdisjoint
        owners = {self.title_owner(concept) for concept in asked if unused((concept,))}
        if best.entry_id in owners:
            return None
        general = self._main_title.get(best.entry_id)
        return next((c for c in candidates[1:] if c.entry_id in owners
                     and general and general < self._main_title.get(c.entry_id, frozenset())), None)

    def defined(self, candidates: list[Candidate], terms: list[Term], text: str) -> Candidate | None:
        """Return the entry titled by the thing alone (プレクラス制度) when the question asks what that thing is.

        "プレクラス は こども の ため の なに ですか" names the pre-class and a child, which its merits and its timeline
        explain as well: asked what it is, the entry defining it answers. Not when an aspect is asked (期間は何？).
        """
        if not DEFINITION.search(clean(text)) or any(
                self._vocabulary.asks_about(t.token) and t.token.lemma not in INSTITUTION
                for t in terms if t.weight == 1.0 and t.via != "weak"):
            return None
        best, asked = candidates[0], _asked(terms)
        return next((c for c in candidates[:4] if c.score >= best.score - DEFINITION_MARGIN and self.same_topic(
            c.entry_id, best.entry_id) and (title := self._defining.get(c.entry_id)) and title <= asked), None)

    def _defining_title(self, title: list[Term]) -> frozenset[str] | None:
        # The thing a title names, less an institution word (プレクラス制度: プレクラス); none if it names an aspect
        # (プレクラスのメリット, プレクラスの流れ: of the thing, not the thing).
        terms = [t for t in title if t.concept is not None and t.via != "weak"]
        if any(self._vocabulary.asks_about(t.token) and t.token.lemma not in INSTITUTION for t in terms):
            return None
        named = frozenset(t.concept for t in terms if t.token.lemma not in INSTITUTION)
        return named if len(named) == 1 else None

    def general_of(self, candidates: list[Candidate], terms: list[Term], margin: float) -> Candidate | None:
        """Return the general entry of the best one's title, when the question asks nothing of the best's qualifier.

        "港区の人は何人？" fits the daytime population (昼間人口) and the population (人口) alike; 昼間 is not asked,
        so the entry titled by the rest (人口) answers. Only an entry within `margin` points of the best one that
        explains as much of the question.
        """
        best = candidates[0]
        specific = self._main_title.get(best.entry_id, frozenset())
        asked = _asked(terms)
        if self.own_words(best.entry_id, terms):
            return None  # "お台場って港区なんだ！どの地区？": お台場 is a word of the specific one alone
        # ... and the context speaks for it as much ("お台場って港区なんだ！どの地区？" speaks for the bay district).
        return next((c for c in candidates[1:4] if c.score >= best.score - margin and c.coverage >= best.coverage
                     and c.evidence >= best.evidence
                     and (general := self._main_title.get(c.entry_id)) and general < specific
                     and not (specific - general) & asked), None)


    def unqualified(self, candidates: list[Candidate], terms: list[Term], margin: float,
                    category: str) -> Candidate | None:
        """Return the entry of a category titled by the best one's title less its qualifier, when the question names
        that title and asks nothing of the qualifier ("港区の人口は23区で何番目？" asks of 人口, not of 昼間人口).

        Only the city's figures (the category given): a qualified one (昼間人口) is another figure, while the
        qualifier of another topic's title may be the asked aspect itself (プレクラスの期間, asked "いつまで？").
        """
        if not candidates:
            return None
        best = candidates[0]
        specific, asked = self._main_title.get(best.entry_id, frozenset()), _asked(terms)
        return next((c for c in candidates[1:5] if c.score >= best.score - margin
                     and self._category.get(c.entry_id) == category
                     and (general := self._main_title.get(c.entry_id)) and general < specific and general <= asked
                     and not (specific - general) & asked), None)


def city_figures(kb: KnowledgeBase, vocabulary: Vocabulary, category: str) -> frozenset[str]:
    """Return the city's figures: the words of the Japanese titles of a category's entries (人口, 面積, 予算, 職員数)."""
    return frozenset(t.concept for entry in kb.entries if entry.category == category
                     for t in vocabulary.resolve(entry.title.get("ja", ""), False)
                     if t.concept is not None and t.via != "weak")


def _same_figures(text: str) -> str:
    return text.translate(KANJI_FIGURES)


def _asked(terms: list[Term]) -> frozenset[str]:
    # The words the question asks with, as written: a reading found inside another word (リョウ in 魅了) names nothing.
    return _concepts(term for term in terms if term.weight == 1.0 and term.via != "scan")


def _concepts(terms: Iterable[Term]) -> frozenset[str]:
    return frozenset(term.concept for term in terms if term.concept is not None and term.via != "weak")


def _unbracketed(cleaned: str) -> list[str]:
    ends = [m.start() for m in SAYING.finditer(cleaned)]
    before = [cleaned[max(0, end - MAX_UNBRACKETED):end] for end in ends]
    return [piece[start:] for piece in before for start in range(len(piece) - MIN_UNBRACKETED + 1)
            if KANA_AND_WORDS.match(piece[start:]) and not HIRAGANA_OR_SPACE.match(piece[start])]
