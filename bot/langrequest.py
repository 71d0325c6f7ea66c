"""Language requests: "英語で", "in English please", "やさしい日本語で" ask the bot to answer in another language."""

from __future__ import annotations

import re
import unicodedata

LANGUAGE_NAMES = {
    "easy": r"(?:やさしい|優しい|易しい|簡単な|かんたんな|わかりやすい|分かりやすい)\s*(?:日本語|にほんご)"
            r"|(?:easy|simple|plain)\s+japanese"
            # "もっと簡単に", "わかりやすく説明して": asked to be put more simply, which the easy answer is.
            r"|(?:もっと|もう\s*(?:少し|すこし|ちょっと))\s*(?:簡単|かんたん|やさし|易し|優し|わかりやす|分かりやす)(?:く|に)?"
            r"|(?:簡単|かんたん)に|(?:やさし|易し|優し|わかりやす|分かりやす)く|ひらがな|平仮名",
    "ja": r"日本語|にほんご|japanese",
    "en": r"英語|英訳|英文|えいご|english|eng|in eng",
}
# What may stand around the language's name in a request: "can you say it in English please", "英語でおしえて".
_REQUEST_BEFORE = r"(?:(?:please|pls|can|could|would|may|you|i|answer|answers|reply|say|write|tell|explain|me|it|that|"\
                  r"this|again|in|switch|change|to|speak|do|get|give|show|want|prefer|the|an|a|"\
                  r"もう一度|もういちど|もう一回|次から|これから)\s*)*"
_REQUEST_AFTER = (r"(?:\s*(?:で|に|は|も|お願い(?:します|いたします)?|おねがい(?:します)?|ください|下さい|"
                  r"(?:教|おし|答|こた)えて|言って|いって|して|切り替えて|きりかえて|くれる|くれますか|くれない|ほしい|"
                  r"欲しい|頼む|たのむ|いい|できる|できますか|戻して|もどして|直して|なおして|変えて|かえて|訳して|"
                  r"説明(?:を)?(?:して|する)?|せつめい(?:を)?(?:して)?|書いて|かいて|もらえる|もらえますか|もらえない|翻訳して|版|"
                  r"バージョン|だと|言うと|いうと|ある|ない|plz|please|pls|version|ver|only|again|ok|"
                  # "やさしい日本語でもう一回", "英語だとどうなる？", "英語で読みたい", "英語の方がいい"
                  r"もう一度|もういちど|もう一回|もういっかい|もっかい|もう1回|もう1度|再度|一度|どうなる|なる|頼める|たのめる|"
                  r"よろしく|読みたい|よみたい|見たい|知りたい|いける|大丈夫|です|ですか|の方がいい|のほうがいい|がいい|"
                  r"表記|の説明|を|once\s+more|one\s+more\s+time))*")
# "むずかしいです。やさしい にほんご で": why the answer is wanted again, said first, is no question of its own.
_COMPLAINT = (r"(?:(?:ちょっと|少し|すこし)?\s*(?:むずかしい|難しい|むずい|わからない|分からない|わかりません|分かりません|"
              r"わかんない|わかりにくい|分かりにくい|読めない|よめない|読みにくい)(?:です|ね|よ|な|ので|から)*[\s。、,.!！?？…]*)?")
LANGUAGE_REQUESTS = {lang: re.compile(rf"^{_COMPLAINT}{_REQUEST_BEFORE}(?:{names}){_REQUEST_AFTER}$")
                     for lang, names in LANGUAGE_NAMES.items()}
PUNCTUATION = re.compile(r"[\s?？!！。．.、,~〜]+$|(?<=[^\x00-\x7f])w+$|^\s+")  # "英語でｗ": a laugh, not a word


def language_request(text: str) -> str | None:
    """Return the language a message asks the bot to switch to ("英語で", "in English please"), else None."""
    cleaned = PUNCTUATION.sub("", unicodedata.normalize("NFKC", text).lower()).strip()
    cleaned = re.sub(r"\s*[,、]\s*", " ", cleaned)  # "English, please"
    if not cleaned or len(cleaned) > 40:
        return None
    return next((lang for lang, pattern in LANGUAGE_REQUESTS.items() if pattern.match(cleaned)), None)
