"""Whether a sentence or clause asks something: a question mark, a question word or ending, or English asking.

"どこに住むか迷っています。" holds a question word but tells; "研修について知りたいです" asks with no question word;
"I'm a national who has lived in Tokyo." holds one and tells (bot.focus marks each clause of a message with it).
"""

from __future__ import annotations

import re

from bot.normalize import clean

QUESTION_END = re.compile(
    r"(?:か|かな|かね|かなあ|(?<=[のんるた])かねえ|(?<=[のん])かい|かしら|の|っけ|って|とは|は|ですか|ますか|でしょうか|教えて(?:ください|下さい|ほしい|ちょうだい|頂戴)?"
    r"|(?<=[てで])よ|(?:知りたい|しりたい|聞きたい|ききたい)(?:[のん]?で?っ?す)?|ください|下さい|ほしい(?:です)?|まだ|どう|何|なに|なん"
    r"|おしえて(?:ください|下さい|ほしい)?|(?:教えて|おしえて)く[ぁ-ゖ]{1,3}(?<!た)"  # typed in kana, or mistyped (くさい)
    r"|なん\s*[ぁ-ゖ]+ー[ぁ-ゖー]*"  # "なんめーとる": 何 and a unit typed in kana
    r"|(?:説明|教示)を?\s*(?:お)?願(?:い(?:します|いたします)|います|えますか|えませんか))"  # "…ご説明願います"
    r"[\s?？。．!！〜~ｗw]*$")
QUESTION_WORD = re.compile(
    r"(?:何|なに|(?<![\u3400-\u9fff\u30a1-\u30fa])なん(?:で(?!す)|[にのだ])|いつ|どこ|どんな|どう|どの|どれ|誰|だれ|いくつ"
    r"|いくら|どっち|どちら)(?!か|も)"  # not 埼玉なんで (because it is 埼玉)
    r"|(?<![a-z])(?:how|what|when|where|who|whom|which|why|is there|are there|do you|does|can i|could you|tell me"
    r"|explain)(?![a-z])")
# "改めて確認させてください", "いくつか質問させてください": a request for leave to ask, which asks nothing itself.
LEAVE_TO_ASK = re.compile(r"^[^。？?]{0,12}?(?:確認|質問|お聞き|お尋ね|おたずね|お伺い)\s*を?\s*(?:させて|さして)\s*"
                          r"(?:ください|下さい|くださいませ|いただけ(?:ます|ません)か|もらえ(?:ます|ません)か)[。．!！\s]*$")
# (…よ, …ね, …わ: "心配なんですよ。", "好きなんだわ。" tell, as "心配です。" does.)
STATEMENT_END = re.compile(r"(?:です|ます|ました|でした|(?<![るたうく]ん)だ|だった|ません|ている|てる|いる|ある|ない)(?:よ|ね|よね|わ|わね|わよ)?[。．.!！]+$")
ENGLISH_QUESTION_START = re.compile(
    r"^(?:is|are|do|does|did|can|could|will|would|should|may|have|has|how|what|whats|when|where|who|which|why)\s")
ENGLISH_ASKING = re.compile(r"(?<![a-z])(?:tell me|could you|can you|would you|explain|i'd like to know|i want to know"
                            r"|i wonder|wondering|(?:please|pls|plz)[.!\s]*$)(?![a-z])")  # "the address please": a request
JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff々]")


def asks(text: str) -> bool:
    """Tell whether a sentence or clause asks something (a question mark, a question word or ending)."""
    text = clean(text)
    if not text:
        return False
    if text.rstrip("〜~ｗw ").endswith(("?", "？")):
        return True
    if LEAVE_TO_ASK.search(text):
        return False  # "改めて確認させてください。": leave to ask, the question comes after
    if not JAPANESE.search(text):
        # "I'm a national who has lived in Tokyo." holds a question word but tells: English asks up front.
        return bool(ENGLISH_QUESTION_START.match(text) or ENGLISH_ASKING.search(text))
    if QUESTION_END.search(text):
        return True
    # "どこに住むか迷っています。" holds a question word but tells, it does not ask.
    return bool(QUESTION_WORD.search(text)) and not STATEMENT_END.search(text)
