"""Where the candidate comes from is not what is asked: "大阪からでも受験できますか？", "福岡出身です"; a trip from there is.

A place followed by から, 出身 or 在住 says where the candidate is, and the question is about something else (the
exam, the staff housing). The rule that another municipality is answered only by an entry speaking of it
(bot.decision) is for places asked about ("大阪市の予算は？"), so it passes over a place of origin; the other rules
(a price, a clock time) still refuse "横浜から区役所までの定期代は？".
"""

from __future__ import annotations

import re

from bot.eligibility import MAY_EN, MAY_VERBS_JA
from bot.normalize import clean, to_katakana
from bot.terms import Term, named_in

# "大阪から", "福岡出身", "関西に住んでいても": where the candidate is.
# "うちは埼玉なんで", "実家が大阪ですけど": where the candidate is, told as a reason or an aside.
# Not "新宿区に住んでる外国人": a place that says who is asked about.
# Not "台湾出身の人は何人？", "中国から来た人": people of that place, counted or asked about.
ORIGIN_AFTER = (r"(?:市|区|県|府|都|町|村)?\s*(?:から(?!\s*(?:来た|きた|来て|きて)\s*(?:人|ひと|方))"
                r"|出身(?!\s*(?:の\s*(?:人|方|ひと|かた|住民|職員)|者))|在住(?!\s*(?:の\s*(?:人|方|ひと|かた)|者))"
                r"|より|なんで|なので|だから|ですけど|ですが|だけど"
                r"|(?:に住んで|で暮らして|に暮らして)(?:いても|ても|いて[、,]|いますが|いるけど|るけど|いるんですが|るんですが)"
                # "福岡に住んだまま", "名古屋で受験できる？", "一次試験は札幌でも受けられますか"
                r"|に住んだまま|に住みながら|で\s*も?\s*(?:受験|受け|じゅけん|うけ)"
                # "都庁で働いていた経験は加算される？", "韓国での公務員経験は": a former employer
                r"|で(?:\d+年(?:間|ほど|くらい)?)?(?:働いて|勤めて|勤務して)(?:い)?た|での[^\s。？?、]{0,6}?経験"
                # "盛岡に帰れるくらいの休み", "実家の仙台さ帰省": where one goes home
                r"|(?:に|へ|さ)\s*(?:帰|かえ)(?:る|れ|り|っ|省)"
                # "中国の会計士の資格で", "a Korean nursing license": a qualification obtained there
                r"|\s*の\s*(?:[\u3400-\u9fff\u30a1-\u30faー]{1,8}\s*の\s*)?(?:資格|免許|学位|ライセンス)"
                r"|\s+(?:[a-z]+\s+){0,2}(?:license|licence|qualification|certificate|degree|diploma)s?(?![a-z])"
                # "ベトナム語で受けられますか", "ベトナムご で しけん": the exam's language, no place
                r"|(?:語|ご)\s*(?:で|でも)\s*(?:の\s*)?(?:試験|受験|受け|しけん|じゅけん|うけ|面接|めんせつ|申し込|もうしこ|応募))")


# "中国の大学院の卒業でも応募できますか？", "モンゴルの人も職員になれますか": a place before a concession on whether one
# may apply is the candidate's.
ELIGIBLE = re.compile(rf"(?:でも|ても|も)[^。？?!！]{{0,12}}?(?:{MAY_VERBS_JA}|入れ)")


# "I am from Philippines", "we moved from Bangalore", "I live in Kawasaki now": where the candidate is, in English.
ORIGIN_BEFORE = re.compile(r"(?<![a-z])(?:i\s+am|i'm|im|we\s+are|we're|i|we|he|she|my\s+\w+)\s+"
                           r"(?:(?:originally|just|recently|currently)\s+)?"
                           r"(?:(?:am|is|are|was|come|came|comes|moved|move|live|lived|lives|grew\s+up|studied|study|"
                           r"work|worked)\s+)?(?:from|in)\s+(?:the\s+)?$"
                           # "I am Filipino": a nationality
                           r"|(?<![a-z])(?:i\s+am|i'm|im|we\s+are|we're)\s+(?:an?\s+)?$")
# "Why pick Minato over, say, Shibuya or Chiyoda?": places passed over for Minato are no topic either.
PASSED_OVER = re.compile(r"(?<![a-z])(?:over|instead\s+of|rather\s+than)[,\s]+(?:say[,\s]+)?"
                         r"(?:[a-z-]+(?:\s+or\s+|\s+and\s+|\s*,\s*))*$")


# "試験会場は札幌にもありますか": a place asked of as where the exam is taken, which the guide tells.
EXAM_VENUE = re.compile(r"(?:試験|受験|しけん|じゅけん)\s*(?:会場|かいじょう|地|ち)|(?:exam|test)\s+(?:venue|site|centre|center"
                        r"|location)|(?:試験|しけん)\s*(?:を|は)?\s*(?:どこで|どこでも)")


def is_origin(text: str, place: str) -> bool:
    """Tell whether a text names a place (its surface) only as where the candidate comes from, or one passed over,
    or where the exam may be taken."""
    cleaned, name = clean(text), clean(place)
    if EXAM_VENUE.search(cleaned):
        return True
    # Folded to katakana: a country found in hiragana (ぶらじるじん) is named by its katakana (ブラジル).
    mentions = [m.end() for m in re.finditer(re.escape(to_katakana(name)), to_katakana(cleaned))]
    if not mentions:
        return False
    # "Can someone with Brazilian nationality take the exam?": a place before whether one may apply is the candidate's.
    eligible = ELIGIBLE.search(cleaned) or MAY_EN.search(cleaned)
    return all(re.match(ORIGIN_AFTER, cleaned[end:]) or eligible is not None and end <= eligible.start()
               or PASSED_OVER.search(cleaned, 0, end - len(name)) or ORIGIN_BEFORE.search(cleaned, 0, end - len(name))
               for end in mentions)


# "区役所まで何分？": a trip's end at the city's offices, its start named before it (bot.partof refuses the time).
TO_THE_OFFICE = r"(?:区役所|役所|職場|港区|庁舎|支所)\s*まで"


def comes_from(text: str, place: str) -> bool:
    """Tell whether a text names a place as where the candidate comes from, not as a trip's start (横浜から区役所まで
    何分？ asks about the trip from there: bot.partof)."""
    cleaned, name = clean(text), clean(place)
    # "実家が蒲田なんですけど区役所まで何分？" asks the trip too, its から left unsaid.
    trip = re.escape(name) + rf"[^。？?]*(?:から[^。？?]*まで|{TO_THE_OFFICE})"
    return is_origin(cleaned, name) and re.search(trip, cleaned) is None


# A trip asked about: its time ("千葉駅から区役所まで何分？"), which an answer giving the usual commute ("about an
# hour is common") does not state unless it names that place.
# ... or how it is made ("渋谷から区役所まで歩ける？", "…までバスある？"), which no answer tells either
TRIP_ASKED = re.compile(r"何分|何時間|どのくらい|どれくらい|どれぐらい|どのぐらい|how\s+long|how\s+many\s+minutes"
                       r"|歩け|歩いて|徒歩|バス|自転車|チャリ|行き方|どうやって行|電車で|乗り換え|ルート|定期代|タクシー"
                       r"|(?<![a-z])(?:walk|walking|bus|bike|cycle|train|route|taxi)(?![a-z])")
FROM = re.compile(r"(?:駅|市|区|県|町)?\s*から")
TO_HERE = re.compile(TO_THE_OFFICE)

# "高輪ゲートウェイ駅から区役所まで歩いて何分？", "職員住宅から区役所までバスある？": one trip to the city's offices, which
# no answer gives, from wherever it starts (the usual commute, "通勤時間はどのくらい？", is another question; so is
# one from home in general, "家から役所まで1時間かかる人は多い？")
OFFICE_TRIP = re.compile(r"(?<!自宅)(?<!家)(?<!うち)(?<!いえ)(?<!\s)\s*から\s*(?:港区\s*の?\s*)?(?:区役所|役所|庁舎)\s*まで([^。？?]*)")
USUAL_COMMUTE = re.compile(r"みんな|皆|職員|人が多い|人は多い|平均")  # "…まで みんな 何分？": the usual commute


def office_trip(text: str) -> bool:
    """Tell whether a question asks the time or the way of one trip to the city's offices."""
    found = OFFICE_TRIP.search(clean(text))
    return found is not None and TRIP_ASKED.search(found.group(1)) is not None and not USUAL_COMMUTE.search(found.group(1))


def trip_refusal(text: str, origins: list[Term], answer_text: str) -> str:
    """Return why an answer cannot state the time or the way of a trip from a place it does not name ("" otherwise)."""
    cleaned = clean(text)
    if not TRIP_ASKED.search(cleaned):
        return ""
    for place in origins:
        surface = clean(place.token.surface)
        at = cleaned.find(surface)
        # "実家が蒲田なんですけど区役所まで何分？": the trip from there, the から left unsaid
        if at >= 0 and (FROM.match(cleaned, at + len(surface)) or TO_HERE.search(cleaned, at + len(surface))) \
                and not named_in(place, answer_text):
            return f"asks the time or way of a trip from {place.token.surface}, which its answer does not name"
    return ""
