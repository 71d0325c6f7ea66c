"""Decide how to reply once the entries are ranked: answer, compare, ask to clarify, or say "I don't know"."""

from __future__ import annotations

import re

from bot.answerfigures import DIGIT, MORE_OR_LESS
from bot.closecall import CloseCalls
from bot.comparedsides import compares_unknown_sides
from bot.counted import Counted
from bot.details import Asked, DetailCheck
from bot.detailof import DetailOwner
from bot.districtof import Districts
from bot.figureowner import stranger_owner
from bot.figureyear import year_holder, year_refusal
from bot.focus import asks_to_compare
from bot.guidechoice import GuideChoice
from bot.guidetopics import GUIDE_TOPIC, GuideTopics
from bot.head import asked_heads, topic_heads
from bot.onlypart import only_part_refusal
from bot.otherplaces import OtherPlaces
from bot.routing import ROUTE_MARGIN, DetailRouter, first
from bot.partof import Parts
from bot.whichnoun import asks_which_district, names_one_of, which_nouns
from bot.index import ConceptIndex, f2_score
from bot.knowledge import KnowledgeBase
from bot.matchtypes import Candidate, MatchResult, MatchSettings
from bot.specific import Specifics, city_figures
from bot.terms import Term, names_unknown
from bot.unstated import Unstated
from bot.vocabulary import Vocabulary

HEAD_MARGIN = 15.0  # how far below the best an entry whose title names the question's head may score and answer
CONTENT_POS = frozenset({"形容詞"})  # 寒い, 暑い: what is asked of the city (verbs ask about it: 取り組む, 調べる)
OWN_WORDS = 3  # this many words of a question that one entry alone uses make it the answer, whatever its score
COMPARED_COVERAGE = 0.25  # each of two compared entries explains at least this share of the question
EXPLAINS_MARGIN = 10.0  # how far below the best an entry naming more of the question's words may score and answer
GENERAL_MARGIN = 5.0  # how far below a specific entry its general one may score and answer, the qualifier unasked
FIGURES_CATEGORY = "overview"
CITY_WIDE = 3  # a place more than a third of the entries name is the city itself (港区)
# "通勤にどれくらいかけている？": an amount, a length or a count asked, which only an answer stating a figure gives
QUANTITY_ASKED = re.compile(r"どれ(?:くらい|ぐらい|だけ)|どの(?:くらい|ぐらい|程度)|何(?:分|時間|人|年|か月|ヶ月|割|件|回|日)"
                            r"|(?<![a-z])how\s+(?:long|many|much|far)(?![a-z])")
SAID_SO = r"(?:という|っていう|って言う|との)\s*"  # "「全国自治体をリードするまち」という表現は": the quote's word
POINTED = 0.6  # a place this weighty is asked about (the clause "it" points back to: "Roppongi Hills - which district is it in?")


class Decider:
    """The refusal rule and its refinements: other municipalities, asked details, comparisons, close calls."""

    def __init__(self, kb: KnowledgeBase, vocabulary: Vocabulary, index: ConceptIndex, settings: MatchSettings) -> None:
        self.settings = settings
        self.vocabulary = vocabulary
        self._index = index
        self._details = DetailCheck(kb)
        self._unstated = Unstated(self._details, vocabulary.is_foreign_place)
        self._specifics = Specifics(kb, vocabulary, index)
        self._owner = DetailOwner(kb, vocabulary, index)
        self._guide_topics = GuideTopics(self._details, self._specifics, vocabulary, index, kb)
        self._guide_choice = GuideChoice(self._details, self._specifics, self._guide_topics, self._acceptable)
        self._index_of = {entry.id: position for position, entry in enumerate(kb.entries)}
        city_wide = lambda concept: index.users(concept) * CITY_WIDE > len(kb.entries)  # noqa: E731
        bag_of = lambda entry_id: index.bag(self._index_of[entry_id])  # noqa: E731
        self._parts = Parts(self._details.texts, vocabulary, city_wide, bag_of, index.users,
                            city_figures(kb, vocabulary, FIGURES_CATEGORY))
        self._close = CloseCalls(vocabulary, bag_of, city_wide, {entry.id: entry.related for entry in kb.entries})
        self._router = DetailRouter(self._details, self._specifics, vocabulary, bag_of, self._acceptable,
                                    settings.accept_score)
        self._counted = Counted(self._parts.names_or_reads, bag_of, city_wide)
        self._places = OtherPlaces(self._details, vocabulary, bag_of)
        self._districts = Districts(kb, vocabulary, bag_of, index.users)

    def decide(self, text: str, terms: list[Term], candidates: list[Candidate], asking: str = "") -> MatchResult:
        """Answer, refuse or ask which; `asking`, when given, says the details asked (bot.focus.Reading)."""
        candidates, settled = self._places.filter(text, terms, candidates)
        if settled is not None:
            return MatchResult("answer" if settled[0] == "answer" else "fallback", tuple(candidates[:5]), reason=settled[1])
        if candidates and self._picks_an_unknown_kind(text, terms, candidates[0].entry_id):
            # "区内のどの橋で？": no entry names a bridge when the knowledge never speaks of bridges (bot.whichnoun).
            return MatchResult("fallback", tuple(candidates[:5]), reason="asks which one of a kind it does not know")
        if candidates and compares_unknown_sides(text, terms):
            return MatchResult("fallback", tuple(candidates[:5]), reason="compares two things it does not know")
        details = self._details.asked(asking or text)
        routed = ""
        vouched = bool(candidates) and self._acceptable(candidates[0])  # the best one shows the question is in scope
        if details and candidates:
            candidates, routed = self._router.route(candidates, terms, [d for d in details if d.kind.route_only], text)
            refusing = [d for d in details if not d.kind.route_only or (d.kind.strict and not routed)]
            if refusing and not self._details.holds(candidates[0].entry_id, refusing):
                sibling = self._guide_choice.holding(candidates, refusing)
                if sibling is None:
                    # "How much is the rent?", "1学年何クラス？": an entry that names no price, or no figure in the
                    # counted unit, cannot answer it, however close its topic.
                    return MatchResult("fallback", tuple(candidates[:5]), reason="detail not in the knowledge")
                candidates, routed = first(sibling, candidates), "the guide's entry holding the asked detail"
        candidates, dated = self._dated(text, candidates)
        general = self._specifics.unqualified(candidates, terms, ROUTE_MARGIN, FIGURES_CATEGORY) if details else None
        if general is not None and not self._details.holds(general.entry_id, details):
            # "港区の人口は23区で何番目？": the daytime population's rank is no rank of the population
            return MatchResult("fallback", tuple(candidates[:5]), reason="asks a detail its title's entry does not state")
        unanswerable = self._unanswerable(text, terms, candidates[0].entry_id, details) if candidates else ""
        if candidates and not unanswerable and not self._details.points_to_guide(candidates[0].entry_id):
            close = [c.entry_id for c in candidates[:3] if c is candidates[0] or self._acceptable(c)]
            unanswerable = self._counted.refusal(text, terms, close)  # "外国人観光客は何人？" (bot.counted)
        if unanswerable:
            return MatchResult("fallback", tuple(candidates[:5]), reason=unanswerable)
        headed = dated
        if not routed and not dated and len(candidates) > 1:
            headed_candidates, headed = self._prefer_head(text, terms, candidates)
            # Not to an entry that cannot give the detail asked ("提案は何件採択された？": the projects hold the count).
            headed = headed and (not details or self._details.holds(headed_candidates[0].entry_id, details))
            candidates = headed_candidates if headed else candidates
        aspect = None if routed or headed or not vouched else self._specifics.aspect_owner(candidates, terms)
        if aspect is not None:
            candidates, routed = first(aspect, candidates), "the question asks its title's word"
        general = None if routed or headed or aspect is not None or len(candidates) < 2 else self._specifics.general_of(
            candidates, terms, GENERAL_MARGIN)
        if general is not None and (not details or self._details.holds(general.entry_id, details)):
            candidates, headed = first(general, candidates), True  # "港区の人は何人？": 昼間 of 昼間人口 is not asked
        defined = None if routed or headed or aspect is not None or details or not candidates else self._specifics.defined(
            candidates, terms, text)
        if defined is not None:
            candidates, headed = first(defined, candidates), True  # "プレクラスはなんですか": the entry defining it
        titled = None if routed or headed or details else (self._guide_choice.titled(candidates, terms, text)
                                                          or self._specifics.written_title(candidates, text, self._acceptable))
        if titled is not None:
            candidates, headed = first(titled, candidates), True
        holder = None if routed or headed or len(candidates) < 2 else self._districts.of_the_story(text, terms, candidates)
        if holder is not None:
            candidates, headed = first(holder, candidates), True
        top = tuple(candidates[:5])
        best = top[0] if top else None
        settings = self.settings
        # "東京タワーとスカイツリー、どっちが高い？": a side no entry knows cannot be compared.
        if len(top) > 1 and asks_to_compare(text) and self._compares(top[0], top[1]) and not names_unknown(terms):
            if not self._figures_to_compare(text, top[:2]):
                return MatchResult("fallback", top, reason="compares a quantity neither answer states")
            return MatchResult("answer", top, reason="comparison")
        pair = self._specifics.named_pair(list(top), terms)
        if pair is not None and self._compares(*pair) and self._figures_to_compare(text, pair):
            # "港区の人口と職員数をそれぞれ教えて": the two entries it names by their titles answer it together.
            return MatchResult("answer", (*pair, *(c for c in top if c not in pair)), reason="comparison")
        if routed and vouched:
            return MatchResult("answer", top, reason=routed)  # the specific entry of an in-scope topic (bot.specific)
        near = [c for c in top if c.score >= top[0].score - ROUTE_MARGIN]
        # 「…提案制度」では何件採択された？: of the entries near the best, those holding the detail asked
        quote = self._specifics.quoting([c for c in near if self._details.holds(c.entry_id, details)] or near, text)
        if quote is not None:
            # "「区民に1番近い」ってどういう意味？": the entry holding the quoted phrase is the one asked about.
            return MatchResult("answer", tuple(first(quote[0], list(top))), reason=f"it holds the quoted 「{quote[1]}」")
        own = self._specifics.own_words(best.entry_id, terms) if best is not None else []
        guide = best is not None and best.score < settings.accept_score and self._guide_topics.names_its_topic(
            best.entry_id, best.score, terms, text)  # "保健所で働く人の給料は？": the guide holds every detail of it
        if best is None or best.score < settings.accept_score and len(own) < OWN_WORDS and not guide:
            return MatchResult("fallback", top, reason="low score")
        if best.coverage < settings.min_coverage and not guide:
            return MatchResult("fallback", top, reason="unknown words")
        if self._names_only_the_city(best, terms):
            # "とうきょうは いま さむい？": 東京 is every entry's; the word that asks (寒い) is none of the knowledge's.
            return MatchResult("fallback", top, reason="names only the city and words it does not know")
        if best.score < settings.accept_score:
            # "ドローンで物資を運ぶのはお台場だけ？屋上にも？": words no other entry uses single out the one holding them.
            return MatchResult("answer", top, reason=GUIDE_TOPIC if guide else f"only its answer uses {', '.join(own)}")
        listed = None if routed or headed else self._close.lists(top, terms, self._specifics.title_owner, settings.clarify_margin)
        if listed is not None:  # "5つの地区ってどこどこだっけ、芝と麻布と…": the context lists, it does not pick
            return MatchResult("answer", tuple(first(top[listed], list(top))), reason="it names every one listed")
        close = len(top) > 1 and best.score - top[1].score < settings.clarify_margin
        if close and not routed and not headed and _context_decides(top[1], best):
            # "…区民に伝わるデザインみたいなの…それって新人向け？": the story speaks of the second one.
            return MatchResult("answer", (top[1], best, *top[2:]), reason="the context speaks of it")
        if close and not routed and not headed and not _context_decides(best, top[1]):
            # "仮のクラスっていつまで？": of the details asked, the routed ones alone may settle it too.
            routed_details = [d for d in details if d.kind.route_only]
            decided = self._holds_alone(best, top[1], routed_details) or self._holds_alone(best, top[1], details)
            if not decided:
                return (self._settle(top, self._specifics.labelled(top, text), "the question writes out its title")
                        or self._settle(top, self._specifics.titled_one(top, terms, text), "its title names a word of the question")
                        or self._settle(top, self._close.explains_more(top, terms), "it explains more of the question")
                        or self._settle(top, self._close.names_the_place(top, terms), "its answer names the place asked")
                        or self._settle(top, self._states_the_quantity(top, text), "only its answer states a figure")
                        or self._settle(top, self._close.explains_the_question(top, terms),
                                        "only it names every topic the question asks of")
                        or self._settle(top, self._specifics.plain_one(top, terms, text), "the other title qualifies it")
                        or self._hub(top) or MatchResult("clarify", top[:3], reason="close call"))
            # "試験はいつ？" between the exam and how to apply: only the first holds the asked date.
            return MatchResult("answer", top, reason="only its answer holds the asked detail")
        if routed:
            return MatchResult("answer", top, reason=routed)
        if not headed and len(top) > 1 and best.score - top[1].score < EXPLAINS_MARGIN:
            # "…新技術の取り組みで、防災関係のものは？": the second names more of the topics asked, a few points lower
            # (制度, テーマ, メリット ask about a topic, they name none).
            # Not when the best explains none of them: its score is all the story's (…やりがいの話…テーマは？).
            # The kind a "which" picks (どこの自治体) names no topic either: the answer is one of that kind.
            picked = set(which_nouns(text))
            topics = [t for t in terms if not self.vocabulary.asks_about(t.token) and t.token.surface not in picked]
            more = self._settle(top, self._close.explains_more(top, topics, least=1), "it explains more of the question")
            if more is not None and more.best is not best:
                return more
        reason = "its answer states the year asked" if dated else "its title names what is asked about" if headed else ""
        return MatchResult("answer", top, reason=reason)

    def _dated(self, text: str, candidates: list[Candidate]) -> tuple[list[Candidate], bool]:
        # "minato population 2031": of the close entries, the one whose answer states that year (令和13年) answers.
        if not candidates:
            return candidates, False
        close = [c.entry_id for c in candidates[:5] if c.score >= candidates[0].score - ROUTE_MARGIN]
        holder = year_holder(text, close, self._details.texts)
        return (candidates, False) if holder is None else (first(next(c for c in candidates if c.entry_id == holder),
                                                                  candidates), True)

    def _unanswerable(self, text: str, terms: list[Term], entry_id: str, details: list[Asked]) -> str:
        # Why it cannot answer: a detail of an unknown thing, another topic's, a part's, or unstated (bot.unstated).
        if details and self._asks_of_an_unknown_head(text, terms):
            return "asks a detail of a thing it does not know"
        if asks_which_district(text) and not any(self._specifics.title_owner(t.concept) == entry_id
                                                  for t in terms if t.weight == 1.0):
            # "六本木って何地区？": not the housing entry naming Roppongi ("職員住宅はどの地区？" asks the housing's own),
            # nor the list of the five districts, which does not say where Roppongi is: a district's entry naming it.
            places = [t for t in terms if t.weight >= POINTED and t.concept in self.vocabulary.known_places
                      and not self.vocabulary.is_home(t.token)]
            if entry_id not in self._districts.titled or not all(
                    t.concept in self._index.bag(self._index_of[entry_id]) for t in places):
                return "asks which district it is in; its answer names no district holding it"
        owner = self._owner.stranger(entry_id, terms, (d.kind.name for d in details), text)
        if owner is not None:  # "児童手当はいくら？": the salary entry's amounts are of staff pay, not of 児童
            return f"asks a detail of {owner}, which its topic never speaks of"
        return (self._guide_topics.refusal(terms, entry_id, text) or self._part_refusal(text, terms, entry_id, bool(details))
                or self._unstated.refusal(text, terms, entry_id, self._index.bag(self._index_of[entry_id])))

    def _part_refusal(self, text: str, terms: list[Term], entry_id: str, asks_detail: bool) -> str:
        # A part's figure (bot.partof), another year's (bot.figureyear): guide entries point elsewhere, state no figure.
        refusal = (self._parts.refusal(text, terms, entry_id) or self._parts.english_part_refusal(text, terms, entry_id)
                   or stranger_owner(text, terms, self.vocabulary.is_foreign_place))
        states_figures = asks_detail or DIGIT.search(self._details.answer_text(entry_id)) is not None
        if not refusal and states_figures and not self._details.points_to_guide(entry_id):
            refusal = year_refusal(text, self._details.answer_text(entry_id))
        if not refusal and asks_detail and not self._details.points_to_guide(entry_id):
            refusal = (self._parts.place_refusal(text, terms, entry_id) or self._parts.person_refusal(text, terms, entry_id)
                       or only_part_refusal(text, self._details.stated(entry_id), self._details.home))
        if not refusal and not self._details.points_to_guide(entry_id):
            # "避難所の場所を教えて", "芝地区の人口はどのくらい？" ask no cue's detail
            refusal = (self._parts.counted_refusal(text, terms, entry_id)
                       or self._parts.district_figure_refusal(text, terms, entry_id))
        return refusal

    def _hub(self, top: tuple[Candidate, ...]) -> MatchResult | None:
        hub = self._close.hub(top, self.settings.clarify_margin)
        if hub is None or self._details.points_to_guide(hub):
            return None  # the guide's entries point to one another as pointers do, none tells of the others
        # An overview the siblings point to may rank below them: it answers on their strength, the best one's score.
        chosen = next((c for c in top if c.entry_id == hub), None) or top[0]._replace(entry_id=hub)
        return MatchResult("answer", (chosen, *(c for c in top if c is not chosen)),
                           reason="the close entries all point to it")

    @staticmethod
    def _settle(top: tuple[Candidate, ...], winner: int | None, reason: str) -> MatchResult | None:
        return None if winner is None else MatchResult("answer", tuple(first(top[winner], list(top))), reason=reason)

    def _states_the_quantity(self, top: tuple[Candidate, ...], text: str) -> int | None:
        if not QUANTITY_ASKED.search(text):
            return None
        stating = [self._details.states_a_figure(candidate.entry_id) for candidate in top[:2]]
        return stating.index(True) if stating.count(True) == 1 else None

    def _figures_to_compare(self, text: str, pair: tuple[Candidate, ...]) -> bool:
        # "芝地区と高輪地区、人口が多いのはどっち？": which is more needs a figure (the districts' slogans compare
        # nothing); one answer may hold both sides' (女性と男性: the staff's share of women).
        return not MORE_OR_LESS.search(text) or any(self._details.states_a_figure(c.entry_id) for c in pair)

    def _holds_alone(self, best: Candidate, second: Candidate, details: list[Asked]) -> bool:
        return bool(details) and self._details.holds(best.entry_id, details) and not self._details.holds(
            second.entry_id, details)

    def _compares(self, first: Candidate, second: Candidate) -> bool:
        # "Embassies or nationalities, which is more?": each entry names one side; together they explain it all.
        # One that explains it all alone ("パネリストの二人、どっちが先？": the panel names both) needs no second.
        together = f2_score(min(first.precision, second.precision), min(1.0, first.coverage + second.coverage))
        return (min(first.coverage, second.coverage) >= COMPARED_COVERAGE and first.coverage < 1.0
                and 100 * together >= self.settings.accept_score)

    def _names_only_the_city(self, best: Candidate, terms: list[Term]) -> bool:
        asked = [t for t in terms if t.weight == 1.0]
        named = [t for t in asked if t.concept is not None and t.via != "weak"]
        unknown = any(t.via == "unknown" and (t.token.pos in CONTENT_POS or t.token.is_latin) for t in asked)
        return unknown and bool(named) and all(
            (self.vocabulary.is_home(t.token) or self.vocabulary.is_home_place(t.concept or ""))
            and self._specifics.title_owner(t.concept) != best.entry_id for t in named)

    def _acceptable(self, candidate: Candidate) -> bool:
        return candidate.score >= self.settings.accept_score and candidate.coverage >= self.settings.min_coverage

    def _prefer_head(self, text: str, terms: list[Term], candidates: list[Candidate]) -> tuple[list[Candidate], bool]:
        # "経験者採用の試験って？": of two close entries, the one whose own title names the noun asked about (bot.head).
        best, second = candidates[0], candidates[1]
        if best.score - second.score >= HEAD_MARGIN or second.score < self.settings.accept_score:
            return candidates, False
        heads = set(asked_heads(text))
        owners = {self._specifics.title_owner(t.concept) for t in terms
                  if t.token.surface in heads and t.weight == 1.0 and t.via != "weak"}
        if (best.entry_id in owners) == (second.entry_id in owners):
            return candidates, False
        return (candidates if best.entry_id in owners else [second, best, *candidates[2:]]), True

    def _asks_of_an_unknown_head(self, text: str, terms: list[Term]) -> bool:
        # Not a word naming what was just said (「…まち」という表現は: the phrase quoted).
        unknown = {t.token.surface for t in terms if t.concept is None and t.via == "unknown" and t.weight == 1.0
                   and not t.token.is_kana and len(t.token.surface) >= 2
                   and not re.search(SAID_SO + re.escape(t.token.surface), text)}
        return bool(unknown) and not unknown.isdisjoint(topic_heads(text))  # (no unknown word: the text is not read)

    def _picks_an_unknown_kind(self, text: str, terms: list[Term], entry_id: str) -> bool:
        # Not a kind the best answer names one of by its last word ("お寺の名前は？": 増上寺 is a temple).
        nouns, answer = set(which_nouns(text)), self._details.answer_text(entry_id)
        return any(t.token.surface in nouns and t.concept is None and t.weight == 1.0
                   and not names_one_of(t.token.surface, answer) for t in terms)


def _context_decides(best: Candidate, second: Candidate) -> bool:
    # Both explain everything asked ("どの地区？"), and the context ("お台場って港区なんだ！") speaks of the first.
    return best.coverage >= 1.0 and second.coverage >= 1.0 and best.evidence > second.evidence
