"""Turn words into concepts: synonyms, readings for homophones and kana, stop words, places."""

from __future__ import annotations

import re

from bot.analyzer import morphemes
from bot.askers import audience_words_weak, without_people_asked_for
from bot.aspects import aspect_words
from bot.kanaloans import fallen_apart
from bot.kanaplaces import country_in_kana, country_in_kanji
from bot.kanjiswap import KanjiSwaps, find_swaps, read_swaps, text_as_meant
from bot.katakanaslips import meant_word
from bot.nearreading import read_near, read_near_kana
from bot.knowledge import KnowledgeBase
from bot.phrasevariants import PhraseRewriter, is_one_word, phrase_concepts, with_spellings
from bot.normalize import WEAK_POS, Token, analyze, clean, reading_of, to_katakana
from bot.readingscan import ReadingTable
from bot.readingtable import MIN_SCAN_READING, reading_table, scan_readings
from bot.spaced import lost_words, read_across_spaces
from bot.spoken import drop_hedges, kana_acronyms, kana_amounts, purpose_of, spelled_out
from bot.terms import Term, either_in
from bot.variants import kanji_readings

NOUN_LIKE = {"名詞", "形状詞"}
RENDAKU = str.maketrans("カキクケコサシスセソタチツテトハヒフヘホ", "ガギグゲゴザジズゼゾダヂヅデドバビブベボ")
VERB_LIKE = {"動詞", "形容詞"}
WEAK_PREFIX = "~"
HIRAGANA_WORD = re.compile(r"^[\u3041-\u309fー]+$")
SHORT_HIRAGANA = re.compile(r"[ぁ-ゖ]{1,2}")  # つま: a place name in the dictionary, a word as typed


class Vocabulary:
    """The concepts the knowledge base knows, and how words map onto them."""

    def __init__(self, kb: KnowledgeBase) -> None:
        scope = kb.scope
        self._by_lemma: dict[str, str] = {}
        self._phrase_readings: dict[str, str] = {}  # 芝地区 read シバチク -> 芝
        self._by_reading: dict[str, str] = {}
        self.homophones: dict[str, set[str]] = {}  # a noun's reading and every known noun of it (キカイ: 機会, 機械)
        # 住む read スム, for すむ typed in kana; None where two verbs share the reading (書く, 描く)
        self._by_verb_reading: dict[str, str | None] = {}
        self._kana_spelled: set[str] = set()  # readings of words written in hiragana (なんで)
        self._kanji_spelled: set[str] = set()  # readings of words written otherwise (大使館, プレクラス)
        self._phrases: dict[str, str] = {}
        self.stopwords = self._keys_of(scope.stopwords)
        # かんじ typed for 感じ: a kana word read as a stopword is one, unless the knowledge has a word so read.
        self._stop_readings = frozenset(r for w in scope.stopwords if len(r := reading_of(w)) >= 3 and not w.isascii())
        # 何個, 件数, 期間 ask about a topic, name none (bot.aspects); 家族 of the phrase 家族でも still names one.
        self.aspects = self._keys_of(aspect_words(scope), whole_words=True)
        # ... but a priced or located thing (家賃, 拝観料, 住所) the knowledge never names is still a topic it lacks.
        self._naming_cues = self._keys_of(tuple(
            cue for detail in scope.detail_questions if not detail.route_only for cue in detail.cues))
        self.other_places = self._keys_of(scope.other_places)
        self._home_places = self._keys_of(scope.home_places)
        # 湊区 for 港区: a place typed with the wrong kanji is still home when it reads the same.
        self._home_readings = frozenset(reading for place in scope.home_places if not place.isascii()
                                        for reading in (reading_of(place), *kanji_readings(place)))  # ニホン, ニッポン
        self.known_places: set[str] = set()
        for group in kb.synonyms:
            self._add_synonyms(with_spellings(group))  # 住める所 is also 住めるところ
        self._read_home_as_home(scope.home_places)
        self._rewriter = PhraseRewriter(self._phrases)
        self._compounds: dict[str, tuple[str, ...]] = {}
        self._by_group: dict[int, str] = {}
        self._reading_table: tuple[ReadingTable[tuple[str, ...]], ...] | None = None
        self._swaps = KanjiSwaps()  # 大使館 typed 大師館

    def _read_home_as_home(self, places: tuple[str, ...]) -> None:
        # 湊区 (ミナトク) is 港区 mistyped: its reading, with or without 区, names the home place, not a port (港).
        for place in places:
            head = analyze(place)
            concept = self._by_lemma.get(clean(place)) or (self._by_lemma.get(head[0].lemma) if head else None)
            reading = reading_of(place)
            if concept is None or len(reading) < MIN_SCAN_READING:
                continue
            self._by_reading[reading] = concept
            if reading[-1] in "クシ":
                self._by_reading[reading[:-1]] = concept

    def _keys_of(self, words: tuple[str, ...], whole_words: bool = False) -> frozenset[str]:
        keys: set[str] = set()
        for word in words:
            keys.add(clean(word))
            tokens = analyze(word)
            if len(tokens) == 1 and (not whole_words or len(morphemes(clean(word))) == 1):  # not "ku" of chiyoda-ku
                keys.add(tokens[0].lemma)
        keys.update(to_katakana(key) for key in list(keys))
        return frozenset(keys)

    def _add_synonyms(self, group: tuple[str, ...]) -> None:
        head = analyze(group[0])
        if not is_one_word(group[0], head):
            # A multi-word canonical form: rewrite every variant to it as text, so both sides tokenize alike.
            self._phrase_readings.setdefault(reading_of(group[0]), clean(group[0]))  # 職場外研修 typed in kana
            for word in group[1:]:
                self._phrases.setdefault(clean(word), clean(group[0]))
                self._phrase_readings.setdefault(reading_of(word), clean(group[0]))
            return
        canonical = head[0].lemma
        for word in group:
            spelled = self._kana_spelled if HIRAGANA_WORD.match(clean(word)) else self._kanji_spelled
            spelled.add(reading_of(word))
            tokens = analyze(word)
            if is_one_word(word, tokens):
                self._by_lemma.setdefault(tokens[0].lemma, canonical)
                if tokens[0].reading:
                    self._by_reading.setdefault(tokens[0].reading, canonical)
            elif tokens:
                # Also words the analyzer shortens (1年目 -> 年): match them as text, not by the short word.
                self._phrases.setdefault(clean(word), group[0])
                self._phrase_readings.setdefault(reading_of(word), group[0])

    def learn(self, text: str) -> list[str]:
        """Resolve a knowledge-base text, creating concepts for new words; return its concepts."""
        concepts = []
        tokens = self.tokens(text)
        for token in tokens:
            if self._is_weak(token):
                concepts.append(self._weak_concept(token))
                continue
            concept = self._by_lemma.get(token.lemma)
            if concept is None:
                concept = token.lemma
                self._by_lemma[token.lemma] = concept
            for group in _groups(token):
                self._by_group.setdefault(group, concept)
            if token.reading and token.pos in NOUN_LIKE:
                # Verbs read as their inflected surface (対し -> タイシ): only nouns are safe homophone keys.
                self._by_reading.setdefault(token.reading, concept)
                self.homophones.setdefault(token.reading, set()).add(concept)
                if not token.is_kana:
                    self._kanji_spelled.add(token.reading)
                    self._swaps.learn(token.surface, token.reading, concept)
            if token.pos in VERB_LIKE and not token.is_kana:
                self._learn_verb_reading(token.lemma, concept)
            if token.is_place:
                self.known_places.add(token.lemma)
            concepts.append(concept)
        self._learn_compounds(tokens)
        self._reading_table = None
        return concepts

    def _learn_compounds(self, tokens: tuple[Token, ...]) -> None:
        # 芝地区 is read シバチク: typed in kana it must still find both 芝 and 地区.
        run: list[Token] = []
        for token in tokens + (Token("", "", "", ""),):
            if token.pos in NOUN_LIKE and token.reading and not token.is_latin and not self._is_weak(token):
                run.append(token)
                continue
            if len(run) >= 2:
                reading = "".join(t.reading for t in run)
                concepts = tuple(self._by_lemma.get(t.lemma, t.lemma) for t in run)
                self._compounds.setdefault(reading, concepts)
                # 新虎通り is said しんとらどおり: the last word's first sound voiced (rendaku), as typed in kana.
                voiced = reading[:-len(run[-1].reading)] + run[-1].reading[0].translate(RENDAKU) + run[-1].reading[1:]
                self._compounds.setdefault(voiced, concepts)
            run = []

    def learn_like_a_question(self, text: str) -> list[str]:
        """Resolve a mostly-kana knowledge-base text as a user's question, learning words still unknown."""
        concepts = []
        for term in self.resolve(text):
            if term.concept is None:
                self._by_lemma[term.token.lemma] = term.token.lemma
                concepts.append(term.token.lemma)
            else:
                concepts.append(term.concept)
        return concepts  # only new words without readings were added: the reading scan stays valid

    def tokens(self, text: str) -> tuple[Token, ...]:
        """Analyze text after rewriting multi-word synonyms to their canonical word."""
        return analyze(self._rewriter.rewrite(clean(text)))

    def resolve(self, text: str, typos: bool = True, swapped: bool = True) -> list[Term]:
        """Resolve a question's content words to known concepts where possible."""
        # "息子の初任給": whose question, not what it asks; "職員のための家": the staff's housing
        text = without_people_asked_for(spelled_out(purpose_of(kana_acronyms(kana_amounts(drop_hedges(text))))))
        terms = []
        for token in self.tokens(text):
            if self._is_weak(token):
                noun = self._kana_noun(token)
                terms.append(Term(token, noun, "reading") if noun else Term(token, self._weak_concept(token), "weak"))
            else:
                term = self._resolve_token(token)
                if term.via == "reading" and token.is_kana and self.asks_about(token):
                    term = Term(token, None, "unknown")  # "面積のほうは": ほう (方) asks about the topic, it is no 法
                if term.concept is None and self._only_asks(token):
                    term = Term(token, self._weak_concept(token), "weak")
                terms.append(term)
        terms += [term for term in (self._resolve_lost(*lost) for lost in lost_words(text, self.stopwords)) if term]
        if typos:  # 魅了 for 魅力, one sound off: before the scans find 寮 (リョウ) in it
            terms = read_near_kana(self._readings(True), clean(text), read_near(self._swaps.near(), clean(text), terms))
        if any(t.token.is_kana and (t.concept is None or len(t.token.surface) == 1) for t in terms):
            # ねぱーるの…, すーぱーは…: a country or a loan word in hiragana falls apart (unknown or one-kana pieces)
            terms += fallen_apart(clean(text), self.is_foreign_place, self._resolve_token)
        terms = read_across_spaces(text, self._scan_readings(text, terms, typos), self._readings(True), self.stopwords)
        if typos:  # 住託 for 住宅: one kanji of the right reading swapped (bot.kanjiswap), never in a place's name
            found = find_swaps(self._swaps, clean(text), terms, self._names_place)
            meant = text_as_meant(clean(text), found) if swapped else None
            if meant is not None:  # 職場外研集: read again as 職場外研修, whole (never twice)
                return self.resolve(meant, typos, swapped=False)
            terms = read_swaps(found, terms, self._by_lemma)
        # かんこく read as 勧告: a country the analyzer names in kana is that place too, whatever word it reads as.
        terms += [Term(t.token, None, "unknown") for t in terms
                  if t.via == "reading" and country_in_kana(t.token) and self.is_foreign_place(t.token)]
        return audience_words_weak(text, terms, self._weak_concept)

    def _names_place(self, token: Token) -> bool:
        return token.is_place or token.lemma in self._home_places or self.is_foreign_place(token)

    def _only_asks(self, token: Token) -> bool:
        # 何個, 件数 and the 代 of 50代 ask for or measure a fact; unknown to the knowledge, they are no topic.
        # An English word of the list (example, detail) is as likely a topic the knowledge lacks: it stays unknown.
        return token.counter or (not token.is_latin and self.asks_about(token)
                                 and not either_in(token, self._naming_cues))

    def asks_about(self, token: Token) -> bool:
        """Tell whether a word asks about a topic rather than names one (内容, 期間, 何人: bot.aspects)."""
        return either_in(token, self.aspects)

    def is_home(self, token: Token) -> bool:
        """Tell whether a word names the city itself (港区, Minato): every entry is about it."""
        return either_in(token, self._home_places)

    def is_home_place(self, phrase: str) -> bool:
        """Tell whether a phrase is the name of a place scope.yaml lists as home (有栖川宮記念公園, 六本木, 東京)."""
        return clean(phrase) in self._home_places

    def _is_weak(self, token: Token) -> bool:
        if token.weak or token.lemma in self.stopwords or token.surface in self.stopwords:
            return True
        return token.is_kana and (token.reading in self.stopwords or token.reading in self._stop_readings
                                  and token.reading not in self._by_reading)

    def _learn_verb_reading(self, lemma: str, concept: str) -> None:
        # The dictionary form's reading: an inflected surface (住める, スメル) would not meet すむ.
        reading = reading_of(lemma)
        if self._by_verb_reading.setdefault(reading, concept) != concept:
            self._by_verb_reading[reading] = None

    def _weak_concept(self, token: Token) -> str:
        return WEAK_PREFIX + self._by_lemma.get(token.lemma, token.lemma)

    def _resolve_token(self, token: Token) -> Term:
        concept = self._by_lemma.get(token.lemma) or self._by_lemma.get(token.surface)
        if concept is not None:
            return Term(token, concept, "lemma")
        concept = next((self._by_group[g] for g in _groups(token) if g in self._by_group), None)
        if concept is not None:
            return Term(token, concept, "synonym")
        # A country is no mistyped word (韓国 is no 勧告); a place may be (高縄 for 高輪, 四所 for 支所). Nor is a verb
        # written in kanji: 借りる (カリ) is no 仮.
        concept = self._by_reading.get(token.reading) if token.reading and not country_in_kanji(token) and not (
            token.pos in VERB_LIKE and not token.is_kana) else None
        if concept is None and token.is_kana and token.pos in VERB_LIKE:
            concept = self._by_verb_reading.get(to_katakana(token.lemma))
        if concept is None and token.is_kana:
            concept = self._by_verb_reading.get(token.reading)  # おおい after a space: 覆い to the analyzer, 多い meant
        concept = concept or meant_word(token.surface, lambda word: self._by_lemma.get(word) or self._by_reading.get(word))
        if concept is not None:  # (meant_word: メリト typed for メリット, bot.katakanaslips)
            return Term(token, concept, "reading")
        return Term(token, None, "unknown")

    def _kana_noun(self, token: Token) -> str | None:
        # ちく typed for 地区 is read as an adverb (チク): a kana word the analyzer takes for an adverb or a pronoun
        # but that reads as a noun the knowledge writes in kanji is that noun, unless it is a stop word.
        if not token.is_kana or token.pos not in WEAK_POS or len(token.surface) < 2 or token.reading in self.stopwords:
            return None
        return self._by_reading.get(token.reading) if token.reading in self._kanji_spelled else None

    def _resolve_lost(self, token: Token, a_word_anyway: bool) -> Term | None:
        # A spaced kana word the analyzer dropped (くちょう, おおい): a known noun's or adjective's reading, or unknown.
        term = self._resolve_token(token)
        concept = term.concept or self._by_verb_reading.get(token.reading)
        if concept is not None:
            return Term(token, concept, "reading")
        return term if a_word_anyway else None

    def _scan_readings(self, text: str, terms: list[Term], typos: bool = True) -> list[Term]:
        # Another employer's name (デジタル庁) is kept whole as a place is: no known word (デジタル) scanned inside it.
        employers = frozenset(t.token.surface for t in terms if t.concept is None and not t.token.is_latin
                              and either_in(t.token, self.other_places))
        return scan_readings(text, terms, self._readings(), self.stopwords, typos, employers)

    def _readings(self, across_spaces: bool = False) -> ReadingTable[tuple[str, ...]]:
        # A word only ever written in hiragana (なんで, わけ) is read by the analyzer itself; scanning for it
        # finds it inside other words (どれくらいなんでしたっけ). The scan is for kanji words typed in kana. Across
        # the spaces of spaced kana (bot.spaced), where the writer marked the words, hiragana phrases are safe.
        if self._reading_table is None:
            phrases = phrase_concepts(self._phrase_readings, self._by_lemma)
            only_kana = self._kana_spelled - self._kanji_spelled
            self._reading_table = (reading_table(self._by_reading, self._compounds, phrases, only_kana, typos=True),
                                   reading_table(self._by_reading, self._compounds, phrases, set()))
        return self._reading_table[across_spaces]

    def concept_keys(self) -> list[str]:
        """Return every lemma the vocabulary knows (for fuzzy look-ups)."""
        return list(self._by_lemma)

    def concept_of(self, lemma: str) -> str | None:
        """Return the concept a known lemma stands for."""
        return self._by_lemma.get(lemma)

    def is_foreign_place(self, token: Token) -> bool:
        """Tell whether a word names a place outside Minato City."""
        if either_in(token, self.other_places):
            return True
        home = either_in(token, self._home_places) or token.reading in self._home_readings
        # Two hiragana the dictionary also has as a place name ("tsuma ga", a wife) are a word, as typed.
        return (not home and token.is_place and token.lemma not in self.known_places
                and SHORT_HIRAGANA.fullmatch(token.surface) is None)


def _groups(token: Token) -> tuple[int, ...]:
    # Synonym groups are broad: trust them for written nouns only (とめ -> 止める/泊める is a guess too far).
    if token.pos != "名詞" or token.is_kana or len(token.surface) < 2:
        return ()
    return token.groups
