"""Facts the knowledge never states about a topic it covers: the member of a ranking, a country typed in romaji.

bot.details reads the kind of fact a question asks for from single cues (いくら, 何人, いつ). Some questions ask for a
fact no single word gives away, and an entry of the right topic still cannot answer them:

- **Which one ranks first** ("一番多い国籍はどこ？", "which ward has the most applicants?"): only an answer holding a
  superlative (最多, 一番, most) names the first of a ranking. And when the question ranks things inside Minato
  ("港区で一番…はどこ？"), an answer ranking Minato against other places (全国最多, most in Tokyo) names Minato, not
  the hotel or the nationality asked for. Nor does a ranking by another measure: "人口が一番多い区" is not
  answered by the ward with the most hotel rooms.
- **A named person's own details** ("中島さんの年齢", "…さんのSNS", "…さんの出身大学"): the answer naming the person does
  not give them.
- **How many of the staff are foreign** ("職員の中に外国人はいますか"): no answer counts them; whether a foreigner
  may join is the guide's eligibility.
- **A rank in another scope** ("客室数は全国で何位？"): an answer ranking the city in Tokyo (都内最多) gives no rank in
  Japan.
- **Minato against another place** ("品川区とどっちが多い？", "他の区より高い？"): only an answer that itself compares or
  ranks (トップクラス, 最多, より) tells how Minato stands; one that merely names the other place (where staff live)
  does not.
"""

from __future__ import annotations

import re

from collections.abc import Callable, Collection

from bot.answerfigures import MORE_OR_LESS
from bot.details import NAMED_PERSON, DetailCheck
from bot.normalize import Token, clean, reading_of
from bot.spaced import JAPANESE_GAP
from bot.terms import Term

# "一番多い", "the most": a ranking of things. "一番の魅力" and "what is the biggest merit" ask for the chief one of
# the topic's own points, which the answer listing them gives: "の" after 一番, and "what", rank no members.
SUPERLATIVE = re.compile(r"(?:一番|いちばん|最も|もっとも)(?!の)|(?<![a-z])the\s+(?:most|least|largest|biggest|highest"
                         r"|lowest|best|greatest|smallest|[a-z]+est)(?![a-z])"
                         r"|(?<![a-z])(?:is|are)\s+(?:largest|biggest|highest|greatest|smallest)(?![a-z])"  # which hotel is biggest
                         # "which country do most of them come from?", "which country is most many?"
                         r"|(?<![a-z])which\s+(?:[a-z]+\s+){1,2}(?:do|does|is|are|has|have)\s+(?:the\s+)?most(?![a-z])")
WHICH = re.compile(r"どこ|どの|どれ|どっち|どちら|何(?:地区|区|エリア|番目)|(?<![a-z])(?:which|where)(?![a-z])"
                   r"|(?<![a-z])most\s+(?:common|popular|frequent)(?![a-z])"  # "the most common nationality" picks one
                   # "一番多いのは麻布ですか、赤坂ですか": one of two offered is picked
                   r"|(?:です|ます)\s*か[、,\s]*[^、。？?\s]{1,12}\s*(?:です|ます)\s*か|それとも")
# The answer names a first: "全国最多", "都内で一番", "the most in Japan".
HELD_SUPERLATIVE = re.compile(r"最多|最大|最高|最も|一番|1番|1位|トップ|日本一|都内一|(?<![a-z])(?:most|largest|biggest"
                              r"|highest|top)(?![a-z])")
# A ranking of Minato among other places: the first it names is Minato itself.
RANKS_FIRST = r"(?:最多|最大|最高|一番|1位|トップ)"  # what an answer ranking a place first says of it
PLACE_RANKING = re.compile(r"(?:全国|都内|日本|東京|23区|特別区)で?" + RANKS_FIRST + r"|日本一|都内一"
                           r"|(?<![a-z])most\s+in\s+(?:japan|tokyo)(?![a-z])")
# What is ranked: "人口が一番多い", "一番人口の多い", "一番人口多い" (the word before the compared adjective, and
# its が/の when typed).
MEASURE = re.compile(r"(?:一番|いちばん|最も|もっとも)?(?!一番|いちばん|最も|もっとも)([^\s、。,がのはをで]{2,8})[がの]?(?:一番|いちばん|最も|もっとも)?"
                     r"(?:多|少な|高|低|大き|小さ|広|狭)い")
# "港区で一番…", "区内でいちばん…", "in Minato, which … the most": the ranking is of things inside Minato.
INSIDE_MINATO = re.compile(r"(?:港区|みなと区|みなとく|区内)(?:の中)?\s*で|(?:港区|みなと区)の(?:どの|どこ)|どの地区|何地区"
                           # "港区のホテルで一番…", "港区の外国人で一番多い国籍": a ranking of the city's own things
                           r"|(?:港区|みなと区|みなとく|区内)の[^\s、。,？?!！]{1,8}?(?:の中)?で\s*(?:一番|いちばん|最も|もっとも)"
                           # "…が一番多い地区ってどこ？", "どこの国？": a member of Minato's ranked, not Minato
                           r"|(?:地区|ちく|ちいき|地域)\s*(?:は|って|が)?\s*(?:どこ|どれ)|(?:どこ|どの|なに|何)\s*の?\s*(?:国|くに)"
                           # "客室数が一番多いホテルはどこ？": one of the things ranked, not a place ranked as Minato is
                           r"|(?:一番|いちばん|最も)\s*(?:多|少な|高|低|大き|小さ|広|狭)い\s*(?!区|市|自治体|まち|街|町|都市|ところ|とこ|の)"
                           r"[^\s、。,？?はっ]{1,8}\s*(?:は|って)\s*(?:どこ|どれ)"
                           r"|(?<![a-z])(?:in\s+minato|which\s+(?:district|area|neighbou?rhood)s?)(?![a-z])")


# "客室数は全国で何位？": a rank within a scope. An answer ranking the city in another scope (都内最多) does not tell
# it: first in Tokyo says nothing of the rank in Japan. ("全国で一番？" is answered: 都内最多 tells that much.)
# Each scope's breadth: first in Japan is first in Tokyo and in the 23 wards too, not the other way round.
SCOPES = {"世界": 3, "全国": 2, "日本": 2, "都内": 1, "東京": 1, "23区": 0, "特別区": 0}
SCOPE = "(" + "|".join(SCOPES) + ")"
ASKED_SCOPE = re.compile(SCOPE + r"(?:全体)?\s*(?:で|でも|だと|では|の中で|内で|的に)?\s*(?:見ると|見て|見たら)?\s*(?:は|も)?\s*"
                         r"(?:何位|何番|なんい|なんばん|順位)")
RANKED_SCOPE = re.compile(SCOPE + r"\s*で?\s*" + RANKS_FIRST)


# "…the biggest of the 23 wards", "23区で一番多いの？": ranked among other places
RANKED_AMONG = re.compile(r"(?<![a-z])(?:of|in|among)\s+(?:all\s+)?(?:the\s+)?(?:23|twenty-three|other)\s+(?:wards|cities|municipalities)"
                          r"|(?<![a-z])in\s+(?:japan|tokyo|the\s+country)(?![a-z])"
                          r"|(?:23区|都内|全国|日本|東京)\s*(?:の中)?\s*で\s*(?:一番|いちばん|最も)")


# Another place as the other side of a comparison: a named municipality (a term), or "the other wards".
OTHER_PLACES = re.compile(r"(?:他|ほか)の(?:区|自治体|市|町|まち|街|都市)|他区|他自治体"
                          r"|(?<![a-z])other\s+(?:wards?|cities|city|municipalities|towns?)(?![a-z])")
COMPARED = re.compile(r"より|比べ|比較|どっち|どちら|(?<![a-z])(?:than|compared?|versus|vs)(?![a-z])")
# A quantity compared: more, higher, bigger (多い, 高い, 広い).
# A named person's own details ("中島さんの年齢", "土井さんのSNS"): only an answer stating them gives them.
# The bot itself or a person named in kana ("きみ なんさい？", "くちょうって なんさい？") asks no candidate's age limit.
PERSON = (r"(?:さん|氏|先生|[課部局所区市]長|パネリスト|登壇者|panelists?|(?<![ぁ-ゖ])きみ|(?<![ぁ-ゖ])あなた|ボット|くん|ちゃん"
          r"|くちょう|しちょう)")
PERSONAL = {"age": re.compile(PERSON + r"(?:の|って|は|、|,|\s+)(?:[^。？?]{0,6}?(?:何歳|なんさい|おいくつ|生まれ|誕生日)|年齢|歳)"),
            # "中島さん、児童相談所に来る前はどの部署に？": where one worked before, which the panel does not say
            "career": re.compile(PERSON + r"(?:の|って|は|、|,|\s+)[^。？?]{0,14}?(?:来る前|来られる前|来た前|以前は|前は(?:どこ|どの)"
                                 r"|前の部署)"),
            "account": re.compile(PERSON + r"(?:の|って|は)(?:sns|アカウント|インスタ|instagram|ツイッター|twitter"
                                  r"|フェイスブック|facebook|連絡先|メール|電話番号)"),
            "school": re.compile(PERSON + r"(?:の|って|は|\s+)(?:[^。？?]{0,8}?(?:どこの大学|何大学|大学出身|出身大学|出身校|学歴))"
                                 r"|(?<![a-z])(?:which|what)\s+(?:university|college)\s+did\s+(?:ms|mr|mrs)?\s*[a-z]+"
                                 r"|(?<![a-z])(?:ms|mr|mrs)\s+[a-z]+\s+(?:graduate|study|studied)\b"),
            # "土井 重典さんの趣味", "中島さんの出身はどこ", "Do the two panelists speak English?"
            "hobby": re.compile(PERSON + r"(?:の|って|は|\s+)[^。？?]{0,6}?(?:趣味|しゅみ|特技)"
                                r"|(?:panelists?|(?<![a-z])(?:ms|mr|mrs)\s+[a-z]+)(?:'s)?\s+(?:hobby|hobbies)"),
            "hometown": re.compile(PERSON + r"(?:の|って|は|\s+)[^。？?]{0,4}?(?:出身(?!大学|校)|地元|故郷|ふるさと|しゅっしん)"),
            "languages": re.compile(PERSON + r"(?:は|って|も|\s+)[^。？?]{0,8}?(?:英語|外国語|中国語|韓国語)(?:[がを]|\s*)(?:話せ|しゃべ|できる|ペラペラ)"
                                    r"|panelists?\s+(?:speak|talk\s+in)\s+[a-z]+")}
HELD_PERSONAL = {"age": re.compile(r"\d\s*歳"), "account": re.compile(r"@"), "school": re.compile(r"大学|出身校"),
                 "career": re.compile(r"経て|以前は|前職|経歴"), "hobby": re.compile(r"趣味|hobb"),
                 "hometown": re.compile(r"出身(?!校)|生まれ|born"), "languages": re.compile(r"英語を?話|speaks?\s")}
# "職員の中に外国人はいますか", "how many foreigners work as city staff?": how many of the staff are foreign, which
# no answer states (the foreign residents are the city's people; the guide says who may apply, not who works).
# Not whether a foreigner may apply or work ("外国人も職員になれますか": the guide's eligibility).
STAFF = r"(?:職員|しょくいん|スタッフ|staff|employees|shokuin)"
FOREIGN = r"(?:外国|がいこく|gaikoku|foreign)"
FOREIGN_STAFF = re.compile(rf"{STAFF}[^。？?]{{0,14}}?{FOREIGN}|{FOREIGN}[^。？?]{{0,14}}?{STAFF}"
                           r"|foreign\w*(?:\s+\w+){0,6}\s+(?:staff|employees)(?![a-z])"
                           r"|(?<![a-z])(?:staff|employees)(?:\s+[\w-]+){0,6}\s+(?:are|is)\s+(?:non-japanese|foreign\w*)")
COUNTED_OR_THERE = re.compile(r"何人|なんにん|nan\s*nin|いますか|います\s*か|いるの|いる\?|いる？|imasu\s*ka"
                              r"|(?<![a-z])(?:how\s+many|are\s+there|is\s+there)(?![a-z])")
MAY_JOIN = re.compile(r"なれ|応募|受験|受け|働け|はたらけ|採用さ|(?<![a-z])(?:apply|can\s+i|could\s+i|eligible|allowed)(?![a-z])"
                      r"|hatarakemasu|ukeraremasu|naremasu|sponsor|visa")
# "障害のある職員は何人？", "保健所の職員の数は", "男性職員は何人": a kind of staff counted, which an answer holds only
# when it names that kind (女性: the women among the staff). Not the city's own staff (港区の職員, 区役所の職員).
STAFF_OF_A_KIND = re.compile(r"([\u3400-\u9fff々ァ-ヺ][\u3400-\u9fff々ァ-ヺー]{1,7})(?:の|な|のある|がある|で入った|として働いて(?:いる|る)|出身の)?\s*"
                             r"(?:職員|スタッフ)(?:さん)?(?:の数|数|の人数|の割合)?\s*(?:は|って|が|も)?\s*"
                             r"(?:今|いま|実際|全部で|何人|なんにん|どのくらい|どれくらい|どれぐらい|何割|の?数|割合)")
CITY_OWN = re.compile(r"^(?:港区|区役所|区|役所|市役所|全体|全|正規|常勤|区内|本庁|支所|総合支所)$")
HELD_FOREIGN_STAFF = re.compile(r"外国籍の職員|外国人職員|foreign(?:-born)?\s+staff")
# "Is the US embassy in Minato?", "the Thai embassy", "which embassy is closest": one embassy, which the answer
# counting them all does not name ("タイの大使館" is another place's name, bot.otherplaces).
ONE_EMBASSY = re.compile(r"(?<![a-z])(?:(?:the\s+)?(?:u\.?s\.?a?|u\.?k\.?)|[a-z]+(?:an|ese|ish|ch|i))\s+embassy(?![a-z])"
                         r"|(?<![a-z])embassy\s+of\s+(?!the\s+(?:city|ward))(?:the\s+)?[a-z]+")
# "港区の教育長はどなた？", "課長は誰ですか": who holds an office, which only an answer naming a person gives (not
# one naming a role, OJT担当)
OFFICE_HOLDER = re.compile(r"[\u3400-\u9fff]長\s*(?:さん)?\s*(?:は|って|の(?:お?名前|氏名)(?:は|って)?)?\s*(?:誰|だれ|どなた|どんな人|どんなひと)")
HELD_COMPARISON = re.compile(HELD_SUPERLATIVE.pattern + r"|より|比べ|上回|下回|(?<![a-z])than(?![a-z])")


class Unstated:
    """Tells whether an entry's answer can state the fact a question asks for (see the module's docstring)."""

    def __init__(self, details: DetailCheck, is_foreign_place: Callable[[Token], bool]) -> None:
        self._details = details
        self._is_foreign_place = is_foreign_place
        self._bag_readings: dict[str, frozenset[str]] = {}

    def refusal(self, text: str, terms: list[Term], entry_id: str, bag: Collection[str]) -> str:
        """Return why the entry cannot answer the question ("" when nothing here stops it)."""
        cleaned = clean(text)
        if COMPARED.search(cleaned) and MORE_OR_LESS.search(cleaned) and self._names_other_place(cleaned, terms):
            if not HELD_COMPARISON.search(self._details.answer_text(entry_id)):
                return "compares Minato with another place; the answer compares nothing"
        may_join = MAY_JOIN.search(cleaned) is not None  # whether one may join is the guide's, no count of staff
        if FOREIGN_STAFF.search(cleaned) and COUNTED_OR_THERE.search(cleaned) and not may_join \
                and not HELD_FOREIGN_STAFF.search(self._details.answer_text(entry_id)):
            return "asks how many of the staff are foreign; no answer states it"
        kind = STAFF_OF_A_KIND.search(cleaned)
        if kind and not may_join and not self._states_kind(kind.group(1), entry_id, terms, bag):
            return f"asks how many of the staff are {kind.group(1)}; no answer states it"
        if ONE_EMBASSY.search(cleaned):
            return "asks of one country's embassy; the answer names none"
        if OFFICE_HOLDER.search(cleaned) and not NAMED_PERSON.search(self._details.answer_text(entry_id)):
            return "asks who holds an office; the answer names no one"
        for detail, asked in PERSONAL.items():
            if asked.search(cleaned) and not HELD_PERSONAL[detail].search(self._details.answer_text(entry_id)):
                return f"asks a person's own {detail}; the answer does not state it"
        asked_scopes = {SCOPES[found] for found in ASKED_SCOPE.findall(cleaned)}
        if asked_scopes:
            ranked_scopes = {SCOPES[found] for found in RANKED_SCOPE.findall(self._details.answer_text(entry_id))}
            if ranked_scopes and max(asked_scopes) > max(ranked_scopes):
                return "asks a rank in a wider scope than the answer ranks in"
        if SUPERLATIVE.search(cleaned) and not WHICH.search(cleaned) and RANKED_AMONG.search(cleaned) \
                and not HELD_SUPERLATIVE.search(self._details.answer_text(entry_id)):
            # "Is its foreign population the biggest of the 23 wards?": only an answer ranking it can say yes or no
            return "asks whether it ranks first; the answer names no ranking"
        if SUPERLATIVE.search(cleaned) and WHICH.search(cleaned):
            answer = self._details.answer_text(entry_id)
            if not HELD_SUPERLATIVE.search(answer):
                return "asks which ranks first; the answer names no ranking"
            # "みなとくの がいこくじんで いちばん": spaced Japanese ranks inside Minato as written whole does
            if INSIDE_MINATO.search(JAPANESE_GAP.sub("", cleaned)) and PLACE_RANKING.search(answer):
                return "asks which ranks first inside Minato; the answer ranks Minato among other places"
            if not self._ranks_by(cleaned, terms, bag):
                return "asks which ranks first by a measure the answer does not rank by"
        return ""

    def _states_kind(self, kind: str, entry_id: str, terms: list[Term], bag: Collection[str]) -> bool:
        # The city's own staff, or a kind its answer names as written or by its words' concepts (女生 typed for 女性).
        if kind in self._details.home or CITY_OWN.search(kind) or kind in self._details.answer_text(entry_id):
            return True
        # A word read for another (女生 read as 女性) is no longer in the text as typed: then nothing tells it apart.
        words = [t for t in terms if t.via != "weak" and t.token.surface in kind]
        return all(t.concept in bag or t.token.reading in self._readings(entry_id, bag) for t in words)

    def _readings(self, entry_id: str, bag: Collection[str]) -> frozenset[str]:
        # The readings of an entry's words: 助成 typed for 女性 reads ジョセイ as the answer's word does.
        if entry_id not in self._bag_readings:
            self._bag_readings[entry_id] = frozenset(reading_of(word) for word in bag)
        return self._bag_readings[entry_id]

    def _names_other_place(self, cleaned: str, terms: list[Term]) -> bool:
        return bool(OTHER_PLACES.search(cleaned)) or any(
            term.weight == 1.0 and self._is_foreign_place(term.token) for term in terms)

    def _ranks_by(self, cleaned: str, terms: list[Term], bag: Collection[str]) -> bool:
        # The measure asked ("人口" of 人口が一番多い) is a word the entry has, or one the bot cannot read (no say).
        found = MEASURE.search(cleaned)
        if found is None:
            return True
        measured = [term for term in terms if term.concept is not None and term.token.surface in found.group(1)]
        return not measured or any(term.concept in bag for term in measured)
