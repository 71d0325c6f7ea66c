"""Questions that ask for a detail (a price, a clock time, a count) the knowledge may or may not hold."""

from __future__ import annotations

import re
from dataclasses import dataclass

import jaconv

from bot.answerfigures import (COUNT, COUNTERS, DATE, DIGIT, NUMBER, PER_PERSON, PLACES, holds_count, holds_word,
                               states_amount_per_person)
from bot.answerplaces import Places
from bot.detailcues import (cue_pattern, cue_readings, cue_starts, kana_cue_pattern, nan_cue_pattern,
                             text_starts)
from bot.eligibility import exam_place
from bot.kanacounts import kana_counters, kana_units
from bot.kanaplaces import long_vowels
from bot.knowledge import KnowledgeBase
from bot.normalize import KANJI, clean, reading_of, to_katakana
from bot.scope import DetailQuestion
from bot.spaced import JAPANESE_GAP

GUIDE_CATEGORY = "guide"  # the entries that only point to the recruitment guide (not-covered.yaml)
PLACE = "<place>"  # in answered_by: a place named in the answer, other than the city the bot is about (its welcome names it)
KANA = re.compile(r"[\u3040-\u30ff]")
HIRAGANA = re.compile(r"[\u3041-\u3096]")
COUNTER_ASKED = re.compile(r"(?:何|なん|幾|いく)\s*(" + "|".join(sorted(COUNTERS, key=len, reverse=True)) + ")"
                           r"(?!(?<=国)[立際家内籍民道土会産営連外境])")  # なんか国立…: the filler before 国立, no count
# "導入校数": the number of things named by their counter (校, 台), asked as a noun (not 客室数: the rooms' answer
# is that number's own topic)
COUNTER_NUMBER = re.compile(r"(校|台|戸|軒|社|駅)数")
# "新技術 提案数": a noun's count asked in keywords, the word ending the message or a phrase of it (not 多数, 複数).
KEYWORD_COUNT = re.compile(r"(?<![少多複半])(?<=[\u3400-\u9fff\u30a1-\u30fa])数\s*[?？]?\s*$")
# "how many countries?" counts in the same units as 何か国.
ENGLISH_UNITS = {"countries": "か国", "people": "人", "persons": "人", "staff": "人", "employees": "人", "workers": "人",
                 "rooms": "室", "schools": "校", "hotels": "軒", "buildings": "棟",  # hotels, not their rooms
                 "classes": "クラス", "times": "回", "percent": "%"}
ENGLISH_COUNT_ASKED = re.compile(r"(?<![a-z])(?:how\s+many|number\s+of)\s+(" + "|".join(ENGLISH_UNITS) + r")(?![a-z])")
# Units that need no figure in them: people may be counted by naming them, 何個 counts anything (大使館は何個？ is
# answered by 81か国).
PRICE = "price"
# "食堂の値段って高くないですよね": a price judged (high, cheap), which "affordable" answers; not a sum asked
PRICE_JUDGED = re.compile(r"(?:値段|料金|価格|ねだん)\s*(?:って|は|が|も)?\s*(?:高|安|たか|やす|手頃|てごろ|リーズナブル)"
                          r"|(?:手頃|手ごろ|てごろ|安い|やすい|高い|たかい|リーズナブル)な?\s*(?:値段|料金|価格|ねだん)"  # お手ごろ値段で
                          r"|(?:low|cheap|reasonable|affordable|good|fair|high)\s+prices?(?![a-z])")  # "lunch at a low price"
PRICE_ASKED = re.compile(r"いくら|幾ら|円|how much")
UNGUIDED_UNITS = frozenset({"階", "室", "戸", "軒", "台", "枚", "店", "駅", "校", "か国", "カ国", "ヶ国", "ケ国", "箇国", "クラス"})
LOOSE_UNITS = frozenset({"人", "名", "にん", "個"})
PEOPLE_UNITS = frozenset({"人", "名", "にん"})
PLACE_UNITS = frozenset(unit for unit, counted in COUNTERS.items() if counted == PLACES)
LOCATION = "location"
RATE_KIND = "rate"  # scope.yaml's kind for a share (何割, 取得率): a share asked in % or 割 is that, no count
SHARE_UNITS = frozenset({"パーセント", "%", "パー", "割"})
ASKED_CACHE = 512  # texts whose asked details are kept
ABSTRACT_WHERE = re.compile(r"(?:良さ|よさ|魅力|値打ち|醍醐味|面白さ|おもしろさ|メリット|利点|長所|良い点|いい点|違い|差|意味|理由|ポイント|強み|特徴|特色|やりがい|価値)(?:って|は|が)[^。？?]{0,6}?どこに")
# "福岡の会場でも受けられる？": where or how the exam is taken (bot.origin), not who may take it
VENUE_NOT_PERSON = re.compile(r"(?:会場|試験場|受験地|試験地|オンライン|おんらいん|リモート|自宅|かいじょう)\s*でも\s*(?:受|う|じゅけん)")
ELIGIBILITY = "eligibility"
NAMED_PERSON = re.compile(r"さん|氏")  # people are counted by naming them too (the panel's two names)
# What a count counts, the word before its 何 and unit: "保健所の職員は何人？" counts 職員, not the panelists named;
# "大使館って何か所？" is answered by any count of the entry's own embassies (81か国), "避難所は何か所？" by none.
COUNTED_BEFORE = r"([\u3400-\u9fff\u30a1-\u30fa]{{2,}})(?:は|って|が|の)?\s*(?:{totals})?\s*(?:何|なん|幾)\s*(?:{units})"
PLACES_OF = re.compile(COUNTED_BEFORE.format(totals="全部で|合わせて", units=PLACES))
PEOPLE_OF = re.compile(COUNTED_BEFORE.format(totals="全部で|合わせて|全員で|(?:港区|区)?全体で", units="人|名|にん"))
# "健康推進課には何人いますか", "ほけんじょ の しょくいん は なんにん": the people of an office (所, 課, 局, 部…), its staff
STAFF_OF_A_BODY = re.compile(r"(?:所|課|局|部|署|庁|省|センター|じょ|しょ)\s*(?:に\s*は|で\s*は|って|は|に|で|の\s*(?:職員|しょくいん"
                             r"|人|ひと)\s*(?:は|って|が)?)\s*[^。？?]{0,8}?(?:何|なん|幾)\s*(?:人|名|にん)")
PEOPLE_COUNTED = re.compile(r"(?:何|なん|幾)\s*(?:人|名|にん)|人数|(?<![a-z])how\s+many\s+(?:people|persons)(?![a-z])")
PER_ITEM = re.compile(r"(?:^|[^\d])(?:1|ひと)\s*[^\s\d何なん]{1,4}?\s*(?:あたり|当たり|につき)?\s*(?:何|なん|幾|いく)"
                      r"|(?<![a-z])per\s+[a-z]+")
# A message that only asks a count ("何歳？", "なんにんなの？", "おいくつ？"): what it counts is the topic's.
ONLY_A_COUNT = re.compile(r"^(?:お?いくつ|how\s+old(?:\s+(?:are|is)\s+(?:they|he|she))?)$")
AGE_ASKED = re.compile(r"おいくつ|お幾つ|(?<![a-z])how\s+old(?![a-z])")
NOT_A_COUNT = re.compile(r"(?<![a-z])(?:relative|compared|in\s+proportion)\s+(?:to|with)\s+(?:the\s+)?number\s+of(?![a-z])"
                         r"|(?<=の)数(?=字|値)"  # "relative to the number of …", 人口の数字 (a figure): no count asked
                         # "どの地区なんだい": the copula's casual question after a noun, no count of cars (何台)
                         r"|(?<=[\u3400-\u9fff々ァ-ヺー])なんだい(?=\s*(?:[?？!！。、,.]|$))"
                         # "もう一つは何駅でしたか", "最寄りは何駅？": which station, named, not how many
                         r"|(?:何|なに|なん)\s*駅(?=\s*(?:です|でした|だっけ|だった|なの|なん|か|[?？。]|$))")
# Around a bare count: kana only, and a word for whoever is counted ("何歳くらいの人？": the person is the topic's).
COUNT_FILLER = re.compile(r"^[\u3040-\u309f\s、。!?！？ー]{0,6}(?:人|方|子)?[\u3040-\u309f\s、。!?！？ー]{0,4}$")

@dataclass(frozen=True)
class Asked:
    """A kind of detail a question asks for; for a count in a unit that needs a figure in it, the unit."""

    kind: DetailQuestion
    unit: str | None = None
    people: bool = False  # a count of people (人数, how many people): naming them answers it too
    counted: str | None = None  # who is counted ("保健所の職員は何人": 職員), when the question names them
    amount: bool = False  # a price per item ("1人あたり何円？"): only an amount in yen states it
    of_a_body: bool = False  # the people of an office counted ("児童相談所は何人体制？"): naming two of them is no count


class DetailCheck:
    """Finds the details a question asks for, and whether an entry's text holds them."""

    def __init__(self, kb: KnowledgeBase, follow_ups: bool = False) -> None:
        # Kinds marked `route: follow-up` ("どこ？") are asked only of the last answer: read by follow-ups alone.
        self._kinds = [(kind, cue_pattern(kind.cues), cue_readings(kind.cues)) for kind in kb.scope.detail_questions
                       if follow_ups or not kind.follow_up_only]
        self._kana_cues = [kana_cue_pattern(kind.cues) for kind, _, _ in self._kinds]
        self._nan_cues = [nan_cue_pattern(kind.cues) for kind, _, _ in self._kinds]
        # Each kind is looked for only in a text holding the start of one of its cues: most kinds are in no question.
        self._starts = [cue_starts(kind.cues) for kind, _, _ in self._kinds]
        # The easy answer restates ja's facts: reading it too would change nothing but the cost.
        self._texts = {entry.id: clean(" ".join([*(t for lang, t in entry.answer.items() if lang != "easy"),
                                                 *entry.keywords, *entry.title.values()]))
                       for entry in kb.entries}
        self._labels = {entry.id: clean(" ".join([*entry.keywords, *entry.title.values()])) for entry in kb.entries}
        # The answers alone: a fact an entry states, not a word of its keywords (新任研修's 1年目 dates nothing).
        self._answers = {entry.id: clean(" ".join(t for lang, t in entry.answer.items() if lang != "easy"))
                         for entry in kb.entries}
        fallback = clean(" ".join(kb.scope.messages.get("fallback", {}).values()))
        self._pointers = frozenset(word for kind in kb.scope.detail_questions for word in kind.answered_by
                                   if word not in (NUMBER, COUNT, DATE, PLACE) and clean(word) in fallback)
        self._places = Places(kb)
        # Only the guide's own entries hold a detail by pointing to the guide: an entry of a topic the briefing does
        # cover ("自己啓発助成": its amount is in the guide) does not hold the amount asked of it, the fallback says as much.
        self._pointing = frozenset(entry.id for entry in kb.entries if entry.category == GUIDE_CATEGORY)
        # The count: the refusing (`route: strict`) kind answered by a figure. A count in a unit reads its unit.
        self._count = next((kind for kind in kb.scope.detail_questions
                            if kind.strict and {NUMBER, COUNT} & set(kind.answered_by)),
                           None)
        # Whether an entry's text holds a word (or a figure in a unit): the texts and words are the knowledge's, so
        # each text is searched once per word, not once per question asking it.
        self._found: dict[tuple[str, str], bool] = {}
        self._asked: dict[str, tuple[Asked, ...]] = {}

    def asked(self, text: str) -> list[Asked]:
        """Return the kinds of detail a question asks for, a count with the unit it counts in (何か国 -> か国).

        A count in a unit of its own (何クラス, 何回) is a count even when no cue of the count kind names it.
        A unit typed in kana ("なんめーとる", romaji "nan meetoru") is read as its katakana (何メートル).
        """
        # One question's reading asks this of the same texts many times (routing, refusals, follow-ups).
        if (known := self._asked.get(text)) is None:
            if len(self._asked) >= ASKED_CACHE:
                self._asked.clear()
            known = self._asked[text] = tuple(self._read_asked(text))
        return list(known)

    def _read_asked(self, text: str) -> list[Asked]:
        raw = clean(text)
        cleaned = NOT_A_COUNT.sub(" ", kana_counters(kana_units(raw)))
        # "なんめーとる" (romaji read as kana, or typed so): a loan word cue (メートル) typed in hiragana is still it.
        # ... and its long vowels typed out ("めにゅう", romaji "menyuu") are the loan word's ー (メニュー).
        katakana = long_vowels(to_katakana(cleaned)) if HIRAGANA.search(cleaned) else ""
        squeezed = _squeezed(raw)
        drawn = jaconv.kata2hira(katakana) if "ー" in katakana and "ー" not in cleaned else ""  # めにゅう: めにゅー
        pieces = text_starts(cleaned, squeezed, katakana, drawn)
        found = [kind for (kind, pattern, _), kana, nan, starts
                 in zip(self._kinds, self._kana_cues, self._nan_cues, self._starts) if not starts.isdisjoint(pieces)
                 and (pattern.search(cleaned) or (squeezed and pattern.search(squeezed)) or (drawn and pattern.search(drawn))
                      or (katakana and kana is not None and kana.search(katakana))
                      or (squeezed and nan is not None and nan.search(squeezed)))]
        if not KANJI.search(cleaned) and KANA.search(cleaned):  # "いきかたを おしえて": typed in kana, found by reading
            reading = reading_of(cleaned)
            found += [kind for kind, _, readings in self._kinds if kind not in found and any(r in reading for r in readings)]
        if ABSTRACT_WHERE.search(cleaned):  # "働く魅力ってどこにあるんですか": where a merit lies, no place
            found = [kind for kind in found if kind.name != LOCATION]
        if VENUE_NOT_PERSON.search(cleaned) or exam_place(cleaned):  # "大阪でも受けられる？": where, not who
            found = [kind for kind in found if kind.name != ELIGIBILITY]
        if PRICE_JUDGED.search(cleaned) and not PRICE_ASKED.search(cleaned):  # "値段って高くない？": judged, not asked
            found = [kind for kind in found if kind.name != PRICE]
        unit = _unit(cleaned)
        if unit in SHARE_UNITS and any(kind.name == RATE_KIND for kind in found):
            unit, found = None, [kind for kind in found if kind is not self._count]  # 何割: a rate, read as one
        if (unit is not None or KEYWORD_COUNT.search(cleaned)) and self._count is not None and self._count not in found:
            found.append(self._count)
        people = PEOPLE_COUNTED.search(cleaned) is not None
        counted = PEOPLE_OF.search(cleaned) or PLACES_OF.search(cleaned)
        per_item = PER_ITEM.search(cleaned) is not None or PER_PERSON.search(cleaned) is not None
        of_a_body = people and STAFF_OF_A_BODY.search(cleaned) is not None
        return [Asked(kind, unit, people, counted.group(1) if counted else None, of_a_body=of_a_body)
                if kind is self._count
                else Asked(kind, amount=per_item and kind.name == PRICE) for kind in found]

    def holds(self, entry_id: str, asked: list[Asked], pointers: frozenset[str] = frozenset(),
              stated: bool = False) -> bool:
        """Tell whether an entry's answer holds every detail asked for (not counting `pointers` words).

        A count in a unit is held by a figure in that unit ("81か国" for 何か国, not "22,631人"), or by a pointer
        to where it is (採用案内); a count of people (何人) also by naming them (さん), of things (何個, いくつ) by any
        figure. `stated`: only in the answers' text, not in the keywords or title (the guide's entries state it by
        pointing to the guide).
        """
        text = (self._answers if stated and entry_id not in self._pointing else self._texts).get(entry_id, "")
        if entry_id not in self._pointing:
            pointers = pointers | self._pointers
        return all(self._holds_asked(entry_id, text, item, pointers) for item in asked)

    def _holds_asked(self, entry_id: str, text: str, item: Asked, pointers: frozenset[str]) -> bool:
        if entry_id in self._pointing and (item.people or item.unit in PEOPLE_UNITS):
            return False  # the guide states rules, not how many people (are hired, take leave): no statistic
        if item.amount and entry_id not in self._pointing:
            # "1人あたり何円？": the per-person budget is "top class", no amount; only a figure in yen per person states
            # one (the whole budget's 1,845億円 is none).
            return states_amount_per_person(self._answers.get(entry_id, ""))
        if item.unit is None:
            return any(self._places.named_in(entry_id) if word == PLACE else self._held(text, word)
                       for word in item.kind.answered_by if word not in pointers) or (
                item.people and self._names_those_counted(entry_id, text, item))
        if item.unit in PLACE_UNITS and item.counted and item.counted in self._labels.get(entry_id, ""):
            return self._held(text, COUNT)  # the entry's own places, counted in any unit
        return (item.unit in PEOPLE_UNITS and self._names_those_counted(entry_id, text, item)) or self._holds_count(
            text, item.unit, pointers)

    def _names_those_counted(self, entry_id: str, text: str, item: Asked) -> bool:
        # Naming people counts them ("パネリストは何人？": the two named) only when they are the entry's own people
        # (its title and keywords name them): the panelists named are no count of a health centre's staff.
        return NAMED_PERSON.search(text) is not None and not item.of_a_body and (
            item.counted is None or item.counted in self._labels.get(entry_id, ""))

    def _holds_count(self, text: str, unit: str, pointers: frozenset[str]) -> bool:
        # The recruitment guide counts people, rounds, days and ages, never storeys or rooms (何階建て？).
        if unit not in UNGUIDED_UNITS and any(self._held(text, word) for word in self._pointers - pointers):
            return True
        return self._held(text, unit, counted=True)

    def _held(self, text: str, word: str, counted: bool = False) -> bool:
        # counted: a figure in the unit `word` (81か国 for か国), else the word itself (or a figure, a date).
        key = (text, f"\0{word}" if counted else word)  # no word of the knowledge starts with NUL
        found = self._found.get(key)
        if found is None:
            found = self._found[key] = (holds_count(text, word) if counted else holds_word(text, word))
        return found

    def unit(self, text: str, strict: bool = False) -> str | None:
        """Return the unit a question counts in (何か国 -> か国), or None; strict: only units that need a figure."""
        cleaned = clean(text)
        unit = _asked_unit(cleaned)
        if unit is None and AGE_ASKED.search(cleaned):
            unit = "歳"  # "おいくつ？" asks someone's age
        # "1クラス何人？" asks a rate, which only a figure gives (naming two people does not).
        if unit is None or strict and unit in LOOSE_UNITS and not PER_ITEM.search(cleaned):
            return None
        return unit

    def only_counts(self, text: str) -> bool:
        """Tell whether a message asks a count and names nothing counted ("何歳？", "なんにんくらい？", "おいくつ？")."""
        cleaned = re.sub(r"[?？!！。\s]+$", "", clean(text))
        found = COUNTER_ASKED.search(cleaned)
        if found is None:
            return ONLY_A_COUNT.match(cleaned) is not None
        return COUNT_FILLER.match(cleaned[:found.start()] + cleaned[found.end():]) is not None

    def counts_in(self, entry_id: str, unit: str) -> bool:
        """Tell whether an entry's answer holds a figure in a unit (or, for the guide's entries, points to it)."""
        pointers = frozenset() if entry_id in self._pointing else self._pointers
        return self._holds_count(self._texts.get(entry_id, ""), unit, pointers)

    def points_to_guide(self, entry_id: str) -> bool:
        """Tell whether an entry only points to the recruitment guide (it holds every detail by pointing)."""
        return entry_id in self._pointing

    @property
    def texts(self) -> dict[str, str]:
        """Return each entry's answers, keywords and title as one cleaned text."""
        return self._texts

    def stated(self, entry_id: str) -> str:
        """Return an entry's answers alone as one cleaned text (no keywords, no title)."""
        return self._answers.get(entry_id, "")

    def states_a_figure(self, entry_id: str) -> bool:
        """Tell whether an entry's answers (not its keywords) state any figure."""
        return DIGIT.search(self.stated(entry_id)) is not None

    def answer_text(self, entry_id: str) -> str:
        """Return an entry's answers, keywords and title as one cleaned text (what `holds` looks in)."""
        return self._texts.get(entry_id, "")

    @property
    def home(self) -> frozenset[str]:
        """Return the names of the city the bot is about (the places its welcome message names: 港区)."""
        return self._places.home

    @property
    def pointers(self) -> frozenset[str]:
        """Return the answered_by words that point elsewhere (採用案内): the bot's "I don't know" message names them."""
        return self._pointers


def _squeezed(raw: str) -> str:
    # なんじ から, なんねん に でき: read before kana_units rewrites なん, and across the spaces of simple Japanese
    # ("ざんぎょうは どのくらい"): kana typed with spaces between its words.
    if "なん" in raw or " " in raw and not KANJI.search(raw):
        return NOT_A_COUNT.sub(" ", raw).replace(" ", "")
    # ... and words of kanji too ("港区長の お名前", "食堂 は 何時 から"): the spaces between Japanese words only.
    return JAPANESE_GAP.sub("", NOT_A_COUNT.sub(" ", raw)) if " " in raw else ""


def _unit(cleaned: str) -> str | None:
    # 何個 counts anything: no unit. People are counted in 人 or by naming them ("81か国" counts no one).
    unit = _asked_unit(cleaned)
    # A rate ("1クラス何個？") is given only by a figure in its unit, whatever it counts.
    loose = unit in LOOSE_UNITS and unit not in PEOPLE_UNITS and not PER_ITEM.search(cleaned)
    return None if unit is None or loose else unit


def _asked_unit(cleaned: str) -> str | None:
    found = COUNTER_ASKED.search(cleaned) or COUNTER_NUMBER.search(cleaned)
    english = ENGLISH_COUNT_ASKED.search(cleaned) if found is None else None
    return found.group(1) if found else ENGLISH_UNITS[english.group(1)] if english else None
