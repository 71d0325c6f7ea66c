"""The guide entries' own topics: what they answer below the accept line, and which questions are another topic's.

The entries pointing to the recruitment guide hold every detail of their own topics by pointing (bot.details).

- **Their own topic, qualified.** "保健所で働く人の給料はいくら？", "What's the starting salary for a master's
  degree?": the guide holds the salary of every job and degree, so the words qualifying its topic lower the entry's
  score but take nothing from its answer. It answers from a lower line when the question names its title's word (給与,
  休日, 試験), at least one other word of its own, and no rare word titling another topic; not when that word ends a
  compound naming something else (児童手当 is no staff allowance), nor when a synonym alone names it (週末の天気).
  Close to the accept line, one word of its own is enough when the words it does not know follow it (年次有給休暇
  繰越: a detail of the leave) and are not the noun asked about.
- **Another topic's question.** Their paraphrases ask with words of all kinds: 何か月分 (the bonus), 何回 (the exam's
  rounds), 何時から (the hours). "OJTって何か月くらい？" shares those words and nothing else with them, so a guide
  entry may come first. A noun that titles another topic, that few entries use and that the guide entry never
  speaks of (OJT, 研修), says the question is that topic's, and the guide is no answer.
"""

from __future__ import annotations

import re
from functools import cached_property
from collections.abc import Mapping

from bot.details import DetailCheck
from bot.head import topic_heads
from bot.eligibility import ELIGIBILITY_SAID
from bot.detailof import CITY_ITSELF
from bot.index import ConceptIndex
from bot.knowledge import KnowledgeBase
from bot.normalize import clean
from bot.specific import Specifics
from bot.terms import Term, a_scanned_piece
from bot.vocabulary import Vocabulary

GUIDE_TOPIC = "it points to the guide on the topic its title names"
GUIDE_TOPIC_SCORE = 40.0  # the line a guide entry naming its own topic answers from (not the accept line)
CIRCUMSTANCE_SCORE = 30.0  # ... and from when the circumstance asked for takes words of its own
NEAR_SCORE = 48.0  # from here, one word of its own names the topic when the words it does not know come after it
OWN_WORDS = 2  # words of the entry's own, the title's among them (休み and 休暇 are two, though one concept)
NUMERAL = re.compile(r"[\d一二三四五六七八九十]")  # 一人 of 子ども一人: a count, no topic
FEW_USERS = 2  # a noun more entries use names no one topic
NAMED_PERSON = re.compile(r"さん|氏|様")  # right after a name
# A workplace: ホテルでの経験, ホテルで働いて, ホテルに勤めて, ホテル勤務, ほけんじょ で はたらく
PLACE_OF_WORK = re.compile(r"([\u30a1-\u30fa\u30fc\u3400-\u9fff々]+|[\u3041-\u3096ー]{3,})\s*"
                           r"(?:での|で\s*(?:働|はたら|勤|つとめ)|に\s*(?:勤め|つとめ)|勤務)")  # typed in kana too
# An occasion one asks leave or hours for: 入学式の日に, 学校行事で休める, 通院のときに, 介護のため
# ... and 子どもの急な発熱で休める, 入学式に合わせて休暇を (a な-adjective before it, 合わせて for it)
OCCASION = re.compile(r"((?:[\u3041-\u3096\u30a1-\u30fa\u30fc\u3400-\u9fff々]{1,6}?の)*(?:[\u3400-\u9fff]{1,3}な)?"
                      r"[\u30a1-\u30fa\u30fc\u3400-\u9fff々]+)"
                      r"(?:の(?:日|とき|時|際)に|で休|でやす|のため|に合わせて|にあわせて)")  # 小学校の運動会の日に: the whole occasion
# 子どもが熱を出したときの: a clause telling when, up to the とき it ends in
WHEN_CLAUSE = re.compile(r"([^、。？?！!\s]{2,20}?(?:た|だ|る|い))\s*(?:とき|時|際)(?:の|に|は|って|も|で)")
# お迎えがあるので: the reason one asks, told before it
REASON_CLAUSE = re.compile(r"([^、。？?！!\s]{2,16}?)(?:ので|なので)[、,\s]*")
# 親としては, 保護者として: the role one asks in
AS_ROLE = re.compile(r"([\u3400-\u9fff々\u30a1-\u30faー]{1,8})\s*として(?:は|も)?")

# How many people there are, asked without a count: "民間から転職した人って結構いる？", "子育て中の職員さんってどれくらい
# いるの？" (the guide states rules, not who the staff are; a count asked, 何人, is refused by bot.details).
PEOPLE_THERE = re.compile(r"(?:人|職員|方|さん|ひと)\s*(?:って|は|が|も)?\s*(?:実際に?)?\s*"
                          r"(?:どのくらい|どれくらい|どれぐらい|どのぐらい|結構|けっこう|たくさん|多く)\s*(?:い(?:る|ます|ら)|おる|おり)")


class GuideTopics:
    """Tells whether a guide entry answers a question of its own topic, or the question is another topic's."""

    def __init__(self, details: DetailCheck, specifics: Specifics, vocabulary: Vocabulary, index: ConceptIndex,
                 kb: KnowledgeBase) -> None:
        self._details = details
        self._specifics = specifics
        self._vocabulary = vocabulary
        self._index = index
        self._position = {entry.id: position for position, entry in enumerate(kb.entries)}
        self._ids = [entry.id for entry in kb.entries]

    def refusal(self, terms: list[Term], entry_id: str, text: str) -> str:
        """Return why a guide entry cannot answer a question of another topic ("" when it can)."""
        if self._details.points_to_guide(entry_id) and PEOPLE_THERE.search(clean(text)):
            return "asks how many people there are, which the guide's rules do not say"
        other = self._other_topic(terms, entry_id, text)
        return f"asks of {other}, another entry's topic the guide does not speak of" if other else ""

    def names_its_topic(self, entry_id: str, score: float, terms: list[Term], text: str) -> bool:
        """Tell whether a question asks the topic a guide entry's title names, however qualified."""
        if score < CIRCUMSTANCE_SCORE or not self._details.points_to_guide(entry_id):
            return False
        bag = self._index.bag(self._position[entry_id])
        named = [t for t in terms if t.weight == 1.0 and t.via != "weak" and t.concept is not None
                 and not a_scanned_piece(t) and not self._vocabulary.asks_about(t.token)]
        texts = _circumstance_texts(text)
        occasions = self._circumstances(texts)
        # Whether people like oneself may apply, said so by bot.eligibility: who they are is the circumstance
        # ("Can a person with refugee status apply?", "トラックの運転手で…45でも受けられますか").
        if score < GUIDE_TOPIC_SCORE and not ELIGIBILITY_SAID.search(text) and not any(
                t.concept in occasions and t.concept not in bag for t in named):
            return False  # only the words of a circumstance (学校行事で休める) or of who asks lower the score that far
        if any(t.concept not in bag and t.concept not in occasions and self._index.users(t.concept) <= FEW_USERS
               and _a_thing(t) and t.concept not in self._guide_words
               and self._specifics.title_owner(t.concept) is not None for t in named):
            return False  # a rare noun titling another topic: "食堂って土日も？" (not 基本, 現場: no topic's title)
        # The city itself (東京, Minato) is every entry's: no word of the guide's own topic ("Tokyo this weekend").
        own = {t.token.surface for t in named if t.concept in bag and not self._vocabulary.is_home(t.token)}
        told = "".join(texts)  # an unknown word there tells when (熱 of 熱を出したとき)
        if len(own) < OWN_WORDS and not (own and (score >= NEAR_SCORE and self._qualifies(text, terms, own)
                                                  or self._nothing_else(terms, named, bag, told, occasions))):
            return False  # "週末の天気は？": 週末 alone, beside a word it does not know
        cleaned = clean(text)
        ends = {cleaned.find(clean(t.token.surface)) + len(clean(t.token.surface)): t for t in named}
        return any(self._specifics.title_owner(t.concept) == entry_id
                   and not _compound_of_another(t, cleaned, ends, bag, self._guide_words) for t in named)

    def _qualifies(self, text: str, terms: list[Term], own: set[str]) -> bool:
        # "年次有給休暇 繰越", "お給金は、ひと月なんぼ": words it does not know after its own word say which detail of its
        # topic is asked, which the guide holds; before it ("よさこい祭りの日程") they say whose it is.
        cleaned = clean(text)
        first = min(cleaned.find(clean(word)) for word in own)
        unknown = [clean(t.token.surface) for t in terms if t.via == "unknown" and t.weight == 1.0]
        return not any(0 <= cleaned.find(word) < first for word in unknown) and not set(topic_heads(text)) & set(unknown)

    def _nothing_else(self, terms: list[Term], named: list[Term], bag: Mapping[str, float], told: str,
                      occasions: set[str | None]) -> bool:
        # "通勤手当って上限ありますか": one word of its own names the topic when the question names nothing else, not
        # even a word the knowledge does not know (天気 of 週末の天気), but for the words of its circumstance, the
        # guide's other topics (夜勤手当: the guide holds the night shifts too) and the city's job itself (区の仕事).
        unknown = [t for t in terms if t.weight == 1.0 and t.via == "unknown" and (t.token.pos == "名詞" or t.token.is_latin)
                   and clean(t.token.surface) not in told]
        return not unknown and all(t.concept in bag or t.concept in occasions or t.concept in self._guide_words
                                   or t.concept in CITY_ITSELF for t in named)

    def _other_topic(self, terms: list[Term], entry_id: str, text: str) -> str:
        if not self._details.points_to_guide(entry_id):
            return ""
        bag = self._index.bag(self._position[entry_id])
        # "ホテルでの経験年数って給料に反映される？": where one worked is the circumstance, not what is asked.
        workplaces = self._circumstances(_circumstance_texts(text))
        for term in terms:
            owner = self._specifics.title_owner(term.concept) or (
                self._only_user(term.concept) if _a_named_person(term, text) else None)
            if (term.weight < 1.0 or term.via == "weak" or a_scanned_piece(term)
                    or term.concept in bag or owner in (None, entry_id) or self._details.points_to_guide(owner)
                    or NUMERAL.match(term.token.surface) or term.concept in workplaces):
                continue  # another guide entry's word (給料と休み) is the guide's too
            if self._names_a_topic(term):
                return term.token.surface
        return ""

    def _only_user(self, concept: str | None) -> str | None:
        # A person one entry alone names (土井さん, the panelist): that entry's topic, as a title's word is.
        users = self._index.user_entries(concept) if concept is not None else ()
        return self._ids[users[0]] if len(users) == 1 else None

    @cached_property
    def _guide_words(self) -> frozenset[str]:
        # 事務 of "初任給 事務": a job the exam's entry names is the guide's word, qualifying the salary as it does the
        # exam. Read when first asked: a large base's entries are looked at once, not at start-up.
        return frozenset().union(*(self._index.bag(position) for entry_id, position in self._position.items()
                                   if self._details.points_to_guide(entry_id)))

    def _circumstances(self, texts: list[str]) -> set[str | None]:
        # Where one worked, what one takes leave for: the circumstance of a guide question, not another topic asked.
        return {t.concept for word in texts for t in self._vocabulary.resolve(word, False)}

    def _names_a_topic(self, term: Term) -> bool:
        token = term.token
        return ((token.pos == "名詞" or token.is_latin) and not token.is_place
                and term.concept not in self._vocabulary.known_places
                and self._index.users(term.concept or "") <= FEW_USERS and not self._vocabulary.asks_about(token))


def _compound_of_another(term: Term, cleaned: str, ends: dict[int, Term], bag: Mapping[str, float],
                         guide_words: frozenset[str]) -> bool:
    # "児童手当": the title's word (手当) right after a word the entry never uses names another thing; not after a
    # word of the guide's (夜勤手当: the night shifts are the guide's topic too).
    before = ends.get(cleaned.find(clean(term.token.surface)))
    return before is not None and before is not term and before.concept not in bag and before.concept not in guide_words


def _a_named_person(term: Term, text: str) -> bool:
    at = text.find(term.token.surface)
    return at >= 0 and NAMED_PERSON.match(text, at + len(term.token.surface)) is not None


def _a_thing(term: Term) -> bool:
    # A noun naming a thing: not a verb (持っていると), a place (where one is: 横浜から) or a time word (いま).
    token = term.token
    return token.pos == "名詞" and not token.is_place and not token.adverbial


def _circumstance_texts(text: str) -> list[str]:
    cleaned = clean(text)
    return [word for pattern in (PLACE_OF_WORK, OCCASION, WHEN_CLAUSE, REASON_CLAUSE, AS_ROLE)
            for word in pattern.findall(cleaned)]
