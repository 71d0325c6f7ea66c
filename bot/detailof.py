"""Whose detail a question asks for: a figure of a topic the answering entry's topic never speaks of.

"港区の児童手当はいくら？" asks the amount of 児童手当; the salary entry holds amounts (手当, 給与) but of staff pay,
and 児童 is a word of the pre-class entries only. "DX関連の予算は？" asks the budget of the new-technology work,
which the city's overall budget does not give; "小学校の数はいくつ？" asks a count the embassies' 81か国 is not.

So when a question asks a detail (bot.details: a price, a count, a date...), the word right before the word that
holds it (予算, 給与, 数: the words of the kind's `answered_by`, and the count's 数) says whose detail it is. When that
word is one another entry uses and no entry of the answering one's topic (its category) does, the answer's figure is
another thing's. Only that word counts: "教員の経験は給与で何年分？" speaks of 教員 but asks of the pay.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from functools import cached_property

from bot.index import ConceptIndex
from bot.knowledge import KnowledgeBase
from bot.normalize import clean, to_katakana
from bot.terms import Term, a_scanned_piece
from bot.vocabulary import Vocabulary

# Words as written (a reading found inside a typo names nothing) and topic nouns, not kana-only ones (うち, こと).
NAMED = frozenset({"lemma", "synonym"})
HIRAGANA = re.compile(r"[\u3041-\u309fー]+")
KANA_NOUN = 3  # kana this long read as a known noun (こうえん: 公園) was typed as that noun
# "小学校の数", "避難所の一覧": the count or the list of the word before it, whether or not a detail is asked
COUNTED = ("数", "件数", "総数", "人数", "一覧", "リスト")
# "DX関連の予算", "健康推進課の年間予算": the link between the owner and its figure
MAX_STEPS_BACK = 3
# the city (or its hall) owns every figure of the knowledge, and the job its hours and pay (区役所の仕事の勤務時間)
CITY_ITSELF = frozenset({"区", "区内", "区役所", "仕事"})
COUNT_COMPOUND = re.compile(r"[\u3400-\u9fff]{2,}数")  # 職員数, 世帯数: not 件数 or 人数 (what they count is named)
LINKS = frozenset({"関連", "関係", "向け", "全体", "年間", "毎年", "一年間"})


class DetailOwner:
    """The concepts each topic (category) uses, and the words a detail is held by."""

    def __init__(self, kb: KnowledgeBase, vocabulary: Vocabulary, index: ConceptIndex) -> None:
        self._vocabulary = vocabulary
        self._index = index
        self._category = {entry.id: entry.category for entry in kb.entries}
        positions: dict[str, list[int]] = defaultdict(list)
        for position, entry in enumerate(kb.entries):
            positions[entry.category].append(position)
        self._positions = dict(positions)
        self._topic_words: dict[str, frozenset[str]] = {}  # per category, built when first asked (a large base)
        self._kinds = kb.scope.detail_questions

    @cached_property
    def _holders(self) -> dict[str, frozenset[str]]:
        # Read when first asked, not at start-up: resolving the scope's words costs milliseconds.
        return {kind.name: _concepts(self._vocabulary, (w for w in kind.answered_by if not w.startswith("<")))
                for kind in self._kinds}

    @cached_property
    def _counted(self) -> frozenset[str]:
        # "中学校はいくつ？": the word before a count's own cue (いくつ, 何校) is what it counts.
        count_cues = (cue for kind in self._kinds if kind.strict and "<count>" in kind.answered_by for cue in kind.cues)
        return _concepts(self._vocabulary, (*COUNTED, *count_cues))

    @cached_property
    def _links(self) -> frozenset[str]:
        return _concepts(self._vocabulary, LINKS)

    def stranger(self, entry_id: str, terms: list[Term], kinds: Iterable[str], text: str) -> str | None:
        """Return the word whose detail the question asks, when another entry uses it and this one's topic does not.

        A whole word read in kana ("けんしゅう は なんかい", romaji kenshuu) counts as written, in the text's order."""
        holders = self._counted.union(*(self._holders.get(kind, frozenset()) for kind in kinds))
        scanned = [t.token.reading or "" for t in terms if t.via == "scan"]
        asked = [t for t in terms if t.weight == 1.0 and t.concept is not None and not a_scanned_piece(t)
                 and not (t.via != "scan" and _taken_in(t, scanned))]
        if any(t.via == "scan" for t in asked):
            written = to_katakana(clean(text))
            asked.sort(key=lambda t: _place_in(written, t))
        for term in asked:
            # "令和13年の職員数の見込みは？": a count named as one word (職員数, 世帯数) is its own figure's owner
            if COUNT_COMPOUND.fullmatch(term.token.surface) and self._foreign(entry_id, term):
                return term.token.surface
        for position in range(1, len(asked)):
            if asked[position].concept not in holders:
                continue
            owner = self._owner_before(asked, position)
            if owner is not None and self._foreign(entry_id, owner):
                return owner.token.surface
        return None

    def _owner_before(self, asked: list[Term], position: int) -> Term | None:
        # The word owning the figure, a step or two before it: over a link ("DX関連の予算", "…課の年間予算"), a word
        # the knowledge does not use (推進課 of 健康推進課) or one that only asks ("実証実験にはいくら予算が").
        # English puts the owner after its figure ("the budget for training"): only the word right before counts.
        latin = sum(word.token.is_latin for word in asked)
        steps = 1 if 2 * latin > len(asked) else MAX_STEPS_BACK
        for back in range(position - 1, max(-1, position - 1 - steps), -1):
            word = asked[back]
            if word.token.surface in CITY_ITSELF or word.concept in CITY_ITSELF or _done(asked, back):
                return None  # "区全体の予算", "採用されたのは何件": the city's own; an action owns no figure
            if self._names_topic(word) and word.concept not in self._links and self._index.users(word.concept or ""):
                return word
            if not self._passes_over(word):
                return None  # "子どもが小さいので、勤務は何時まで？": the story's words own no figure of the question
        return None

    def _passes_over(self, word: Term) -> bool:
        # A link, a word that only asks (いくら, 教えて), or a noun the knowledge never uses (推進課 of 健康推進課).
        return (word.concept in self._links or word.via == "weak" or self._vocabulary.asks_about(word.token)
                or word.token.pos == "名詞" and not self._index.users(word.concept or ""))

    def _names_topic(self, term: Term) -> bool:
        # A noun as written: "通ったのは何件？" (通る read as 通勤) owns no count, but a whole kana word read as a noun
        # does ("みなとく に こうえん は いくつ": 公園). Nor a time said as an adverb ("人口って今 何人": how many now).
        token = term.token
        as_written = term.via in NAMED and not HIRAGANA.fullmatch(token.surface)
        kana_noun = (term.via == "reading" and HIRAGANA.fullmatch(token.surface) is not None
                     and len(token.surface) >= KANA_NOUN) or term.via == "scan" and not a_scanned_piece(term)
        return ((as_written or kana_noun) and (token.pos.startswith("名詞") or token.is_latin) and not token.adverbial
                and token.lemma not in ONESELF
                and not self._vocabulary.asks_about(token) and not self._vocabulary.is_home(token))

    def _foreign(self, entry_id: str, term: Term) -> bool:
        concept = term.concept
        if concept is None or not self._names_topic(term) or not self._index.users(concept):
            return False
        return concept not in self._words_of(self._category.get(entry_id, ""))

    def _words_of(self, category: str) -> frozenset[str]:
        words = self._topic_words.get(category)
        if words is None:
            words = frozenset().union(*(self._index.bag(p) for p in self._positions.get(category, [])))
            self._topic_words[category] = words
        return words


ONESELF = frozenset({"自分", "自身", "本人", "私", "僕", "俺"})  # "自分で家を借りてる人": whose it is, no topic's thing


def _place_in(written: str, term: Term) -> int:
    at = written.find(to_katakana(clean(term.token.surface)))
    return at if at >= 0 else len(written)


def _taken_in(term: Term, scanned: list[str]) -> bool:
    # A piece of kana a longer reading took in: しょく of "しょく員の数" is half of 職員数, no owner.
    kana = term.token.surface
    return HIRAGANA.fullmatch(kana) is not None and any(to_katakana(kana) in reading and len(reading) > len(kana)
                                                        for reading in scanned)


def _done(asked: list[Term], position: int) -> bool:
    # A noun followed by する/される (採用された), or denied (全部採用じゃない), names an action or a state, not whose
    # figure it is.
    following = asked[position + 1] if position + 1 < len(asked) else None
    return following is not None and following.concept in ("~為る", "~無い")


def _concepts(vocabulary: Vocabulary, words: Iterable[str]) -> frozenset[str]:
    return frozenset(t.concept for word in words for t in vocabulary.resolve(word, False)
                     if t.concept is not None and t.via != "weak")
