"""Whether a kind of person may apply: "りゅうがくせい でも しけん を うけられますか", "Can a French citizen take the exam?".

A candidate asks whether people like them (a nationality, a visa, a school, an age) may take the exam or become
staff. The person's words are rarely the knowledge's (フランス, 技能実習生, spouse visa) and the asking verb is
everyone's (受けられる, なれる, apply), so the question names no topic, though it asks the eligibility that the
guide entry's title names (受験資格). It is said so for the matcher, like the working hours (bot.spoken).

A place or a format qualifying the exam asks something else ("オンラインでも受けられる？" asks how the exam is
held), and so does what one takes ("新人でも研修を受けられる？"): only a person, and the exam or the job, count.
"""

from __future__ import annotations

import re

from bot.analyzer import morphemes

# Who: a person (韓国人, 留学生, 既卒者), a nationality or visa (国籍, ビザ), a school or age (高卒, 35歳), typed
# in kanji or kana.
PERSON_JA = (r"(?:人|じん|ジン|者|しゃ|生|せい|籍|せき|卒|そつ|歳|さい|才|代|ビザ|びざ|学位|がくい|出身"
             r"|大|だい|ダイ|中退|ちゅうたい|夫|妻|息子|娘)")  # 短大, 50代 (ごじゅうだい); 韓国籍の夫も: one's family
# May (they): 受験できる, 受けられる, 応募できる, 職員になれる, 働ける, 採用される; 16 characters at most after
# でも / も (spaces of spaced kana aside), the exam its only object ("しけん を うけられますか", not "研修を受けられますか").
MAY_VERBS_JA = r"応募|受験|受け|申し込|申込|なれ|働け|採用さ|はたらけ|おうぼ|じゅけん|うけ"  # typed in kana too (bot.origin)
# Past an age or a bound: "60歳を超えていても", "40歳以上でも".
BEYOND_JA = r"(?:を?\s*(?:超え|こえ|越え|過ぎ|すぎ)\s*て(?:\s*い\s*て)?|以上|いじょう|未満|みまん|以下|いか)?"
# What may be done, up to 24 characters after who asks (spaces aside): 受験できる, not 受付
MAY_AFTER = rf"(?P<between>[^。？?!！]{{0,24}}?)(?:{MAY_VERBS_JA})(?!つけ)"
MAY_JA = re.compile(PERSON_JA + BEYOND_JA + r"\s*(?:でも|も)" + MAY_AFTER)
# "韓国籍の息子は受験できますか": a nationality, of the candidate or of their family, asked about with は
NATIONALITY_MAY_JA = re.compile(r"(?:籍|せき)(?:\s*の\s*[^\s。？?、]{1,4})?\s*(?:は|でも|も)" + MAY_AFTER)
# Or after a story or a concession, whether one may at all: "高校しか出てないけど受験できる？", "外国の大学を出ました。
# 受験できますか". The asking clause then names nothing else (no object but the exam).
MAY_AFTER_STORY_JA = re.compile(r"(?:けど|けれど|けれども|ですが|んだが|のだが|ました\s|です\s|[。!！?？])\s*"
                                r"(?:(?:試験|しけん)\s*(?:を|は)?\s*)?(?:受験|じゅけん|応募|おうぼ)\s*(?:でき|出来)")
BETWEEN_CHARS = 16  # kana spells long: みなとくのせいしょくいんに (港区の正職員に)
EXAM_OBJECT = re.compile(r"(?:試験|しけん|シケン|テスト|仕事|しごと)\s*を")  # the exam, or the job, taken
ASKED_ALREADY_JA = re.compile(r"資格|しかく|条件|じょうけん|要件")
# The words the eligibility asked is said in (the guide entry's title, in either language), and how to find them said
SAID_JA, SAID_EN = "、受験資格は", " eligibility"
ELIGIBILITY_SAID = re.compile(rf"{SAID_JA[1:-1]}|{SAID_EN.strip()}")

# Who, in English: "a French citizen", "someone on a spouse visa", "a non-Japanese national".
PERSON_EN = re.compile(r"(?<![a-z])(?:citizens?|citizenship|nationals?|nationality|foreigners?|visa|refugees?|"
                       r"residents?|students?|graduates?|degree|diploma|non-japanese)(?![a-z])")
# May (they): apply, take or sit the exam, become staff, work for the city (also where a place before it is the
# candidate's own: bot.origin).
MAY_EN = re.compile(r"(?<![a-z])(?:apply|(?:take|sit)\s+(?:the\s+|an\s+|a\s+)?(?:[\w-]+\s+){0,4}(?:exam|test)|"
                    r"become\s+(?:a\s+|an\s+)?(?:[\w-]+\s+){0,3}(?:staff|employee|civil\s+servant|public\s+servant)|"
                    r"work\s+(?:for|at|in)|be\s+hired|get\s+hired)(?![a-z])")
# What one applies for that is no job: "apply for staff housing", "apply for the subsidy".
APPLIED_FOR_THING = re.compile(r"(?<![a-z])apply\s+for\s+(?:the\s+|a\s+)?(?:staff\s+)?(?:housing|subsidy|grant|training)")
SENTENCE_END = re.compile(r"[?？。!！]|\.(?=\s|$)")
ASKED_ALREADY_EN = re.compile(r"(?<![a-z])(?:eligib\w*|requirements?|qualifications?)(?![a-z])")


# How to join: "区役所で働くにはどうしたらいい？", "しょくいん に なる には", "How do I become a staff member?"
TO_JOIN_JA = re.compile(r"(?:(?:職員|しょくいん|ショクイン|公務員|こうむいん)\s*に\s*(?:なる|なれる)|(?:働く|はたらく|勤める|つとめる|就職する))"
                        r"\s*(?:ため\s*)?に\s*は(?=\s*(?:どう|何|なに|なん|[?？、,]|$))")
TO_JOIN_EN = re.compile(r"(?<![a-z])how\s+(?:(?:do|can|could|would|should)\s+(?:i|you|one|someone|we|people)\s+|to\s+)"
                        r"(?:become|join|get\s+(?:a\s+)?job|work\s+(?:for|at))(?![a-z])")
# The exam, the application or the eligibility named already: "職員になるには試験はいつ？" asks the exam.
APPLYING_NAMED = re.compile(r"試験|しけん|応募|おうぼ|申し?込|もうしこ|受験|じゅけん|資格|しかく|exam|test|apply|eligib")


# How the exam is taken: "オンラインで受けられますか", "点字で受験できる？" ask the exam's form, not who may apply.
EXAM_FORM_JA = re.compile(r"(?:オンライン|おんらいん|リモート|ウェブ|英語|えいご|中国語|韓国語|点字|てんじ|手話|筆談|別室)\s*で\s*"
                          r"(?:受け|うけ|受験|じゅけん)")


# Where the exam is taken: "試験って大阪でも受けられる？" (a place the analyzer knows as one, before でも).
EXAM_PLACE_JA = re.compile(r"(?P<place>[\u4e00-\u9fff]{2,5})\s*でも\s*(?:受け|うけ|受験|じゅけん)"
                           # "新潟会場で採用試験を受けられる？", "大阪で試験を受けられますか": the exam's venue
                           r"|(?P<venue>[\u4e00-\u9fff]{2,5}?)\s*(?:会場|の会場)\s*で|"
                           r"(?P<city>[\u4e00-\u9fff]{2,5})\s*で\s*(?:採用)?(?:試験|受験)\s*(?:を|は|って)?\s*(?:受け|受験|でき)")


def applying(text: str) -> str:
    """Return the text with what it asks of applying said in the words of the guide entry's title: a kind of
    person's leave to apply is the eligibility (受験資格), how to join is the way to apply (応募方法)."""
    form = EXAM_FORM_JA.search(text) or exam_place(text)
    if form:
        return _said_in_its_sentence(text, form.end(), "、試験会場は")
    said, lowered = eligibility(text), text.lower()
    if said != text or APPLYING_NAMED.search(lowered):
        return said
    join = TO_JOIN_JA.search(text)
    if join:
        return _said_in_its_sentence(text, join.end(), "、応募方法は")
    join = TO_JOIN_EN.search(lowered)
    return _said_in_its_sentence(text, join.end(), " application") if join else text


def exam_place(text: str) -> re.Match[str] | None:
    """Return where a place is named as where the exam is taken ("大阪でも受けられる？"), or None."""
    found = EXAM_PLACE_JA.search(text)
    if found is None:
        return None
    words = morphemes(found.group(found.lastgroup or "place"))  # each alternative names its place
    return found if words and words[-1].pos[2] == "地名" else None


def eligibility(text: str) -> str:
    """Return the text with a kind of person's leave to apply said as the eligibility asked (the rest as it was).

    Only a question is read so (bot.focus.read_message): the knowledge's own wordings are indexed as written."""
    lowered, start = text.lower(), 0
    if ASKED_ALREADY_JA.search(text) or ASKED_ALREADY_EN.search(lowered):
        return text  # "留学生でも受験資格はありますか": the eligibility is named already
    for found in [*MAY_JA.finditer(text), *NATIONALITY_MAY_JA.finditer(text)]:
        between = found.group("between").replace(" ", "")
        if len(between) <= BETWEEN_CHARS and ("を" not in between or EXAM_OBJECT.search(between)):
            return _said_in_its_sentence(text, found.end(), SAID_JA)
    story = MAY_AFTER_STORY_JA.search(text)
    if story:
        return _said_in_its_sentence(text, story.end(), SAID_JA)
    told = False  # "I have a student visa. Can I take the exam?": who, told in the sentence before
    for end in [found.start() for found in SENTENCE_END.finditer(lowered)] + [len(lowered)]:
        sentence = lowered[start:end]  # who and whether they may, in one sentence or the one before
        may, person = MAY_EN.search(sentence), PERSON_EN.search(sentence) is not None
        if may and (person or told) and not APPLIED_FOR_THING.search(sentence):
            return _said_in_its_sentence(text, start + may.end(), SAID_EN)
        start, told = end + 1, person
    return text


def _said_in_its_sentence(text: str, position: int, words: str) -> str:
    # Inside the asking sentence, before its end: a sentence of its own would be read as context (bot.focus).
    end = SENTENCE_END.search(text, position)
    at = end.start() if end else len(text)
    return text[:at] + words + text[at:]
