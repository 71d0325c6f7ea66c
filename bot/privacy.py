"""Mask personal data in a question before it is stored: e-mail, phone, postal code, address, birth date, ids, cards.

Found on a width-normalized copy (NFKC: full-width digits, ＠ and dots; every dash as "-"), replaced in the
original, so a question without personal data is stored exactly as asked. Linear time: the text is capped first,
and every pattern has a bounded match length (tests/test_privacy.py checks it), so each position of the text
costs at most a constant amount of matching work.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Callable

LOG_TEXT_LIMIT = 2000  # characters of a question the log keeps
_MARGIN = 64  # read a little past the cap, so personal data cut by it is masked rather than half kept
DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u30fc\uff0d\ufe63\uff70"
BLANK = "\x00"  # stands in for text already masked, so later rules do not see it again

Classifier = Callable[[re.Match[str]], "str | None"]

_EMAIL = re.compile(
    r"(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{1,64}"
    r"(?:@| ?[(\[]at[)\]] ?)[A-Za-z0-9-]{1,63}(?:(?:\.|。| ?[(\[]dot[)\]] ?)[A-Za-z0-9-]{1,63}){1,4}", re.IGNORECASE)
_POSTAL = re.compile(
    r"(?:〒|郵便番号|postal code|post code|zip code|zip)[ :：は]{0,3}(?P<pii>[0-9]{3}-?[0-9]{4})(?![0-9])", re.IGNORECASE)

_ERA = r"(?:明治|大正|昭和|平成|令和|[MTSHR]\.?)"
_DATE = (
    rf"(?:(?:[0-9]{{4}}|{_ERA} ?(?:[0-9]{{1,2}}|元)) ?年 ?)?[0-9]{{1,2}} ?月 ?[0-9]{{1,2}} ?日"  # 1990年1月2日, 1月2日
    rf"|(?:[0-9]{{4}}|{_ERA}[0-9]{{1,2}})[/.-][0-9]{{1,2}}[/.-][0-9]{{1,2}}"  # 1990/01/02, H2.1.2
    r"|[0-9]{1,2}[/.-][0-9]{1,2}[/.-][0-9]{4}"  # 02/01/1990
    r"|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\.? [0-9]{1,2}(?:st|nd|rd|th)?,? [0-9]{4}"
    r"|[0-9]{1,2}(?:st|nd|rd|th)? (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\.?,? [0-9]{4}"
)
_BIRTH_CUE = r"(?:生年月日|誕生日|誕生|生まれ|birthday|birth ?date|date of birth|born|dob|d\.o\.b\.?)"
_BIRTH_AFTER_CUE = re.compile(rf"{_BIRTH_CUE}[^0-9{BLANK}]{{0,8}}?(?P<pii>{_DATE})", re.IGNORECASE)
_BIRTH_BEFORE_CUE = re.compile(
    r"(?<![0-9])(?=[0-9明大昭平令mtshrjfasond])"  # skips at once the positions where no date can start
    rf"(?P<pii>{_DATE}|(?:[0-9]{{4}}|{_ERA} ?(?:[0-9]{{1,2}}|元)) ?年) ?(?:に)?(?:生まれ|誕生|生)", re.IGNORECASE)

# Japanese passport (TK1234567) and residence card (AB12345678CD) numbers.
# A space is allowed only after capitals: "is 1234567" is a number after a word, "TK 1234567" a passport.
_PASSPORT = re.compile(
    r"(?<![A-Za-z0-9])(?:[A-Za-z]{2}[0-9]{7}|[A-Z]{2} [0-9]{7}|[A-Za-z]{2}[0-9]{8}[A-Za-z]{2})(?![A-Za-z0-9])")

# Groups of digits joined by one separator or a parenthesis: phones, cards, My Number, licences, any long number.
_JOIN = r"(?:[-. ]|[-. ]?\(|\)[-. ]?)"
_DIGITS = re.compile(rf"(?<![0-9+])\+?\(?[0-9]{{1,19}}(?:{_JOIN}[0-9]{{1,19}}){{0,7}}\)?(?![0-9:])")

# House numbers, never the place names before them (芝, 港南 are the bot's topics): 5丁目36番4号, 芝5-36-4.
_KNUM = r"(?:[0-9]{1,4}|[一二三四五六七八九十〇百千]{1,5})"
_CHOME = re.compile(
    rf"{_KNUM} ?丁目 ?{_KNUM} ?(?:番地?|-) ?(?:{_KNUM} ?号?)?"  # 5丁目36番4号, 5丁目36-4, 五丁目三十六番
    rf"|{_KNUM} ?番 ?{_KNUM} ?号|[0-9]{{1,4}} ?番地(?: ?の ?{_KNUM})?"  # 36番4号, 12番地, 12番地の3 (not 一番地元)
    rf"|{_KNUM} ?号室"  # 101号室
)
_WORD_CHAR = r"[\u3400-\u9fff々ぁ-んァ-ヶ]"
_NOT_A_QUANTITY = r"(?!-?[0-9]|-?[年月日時分秒人名件回倍歳才円万億%％つヶか度期])"
_PLACE_NUMBER = re.compile(
    rf"(?:(?<={_WORD_CHAR})|(?<={_WORD_CHAR} ))(?P<pii>[0-9]{{1,3}}-[0-9]{{1,4}}(?:-[0-9]{{1,4}}){{0,2}}){_NOT_A_QUANTITY}"
    r"|(?<![0-9-])(?P<en>[0-9]{1,4}-[0-9]{1,4}-[0-9]{1,4})(?= [A-Za-z])"  # 1-2-3 Shiba, Minato-ku
)


def _digit_label(match: re.Match[str]) -> str | None:
    found = match.group(0)
    digits = sum(ch.isdigit() for ch in found)
    if found.startswith("+") and 8 <= digits <= 15:
        return "[phone]"
    if digits < 9:
        return None  # a year, a price, a count: ordinary numbers stay
    if 13 <= digits <= 19:
        return "[card]"
    if digits == 12:
        return "[id]"  # My Number, driving licence
    return "[phone]" if found.lstrip("(").startswith("0") and digits in (10, 11) else "[number]"


# In priority order: text masked by one rule is hidden from the next.
RULES: tuple[tuple[str | Classifier, re.Pattern[str]], ...] = (
    ("[email]", _EMAIL),
    ("[postal]", _POSTAL),
    ("[birthdate]", _BIRTH_AFTER_CUE),
    ("[birthdate]", _BIRTH_BEFORE_CUE),
    ("[id]", _PASSPORT),
    (_digit_label, _DIGITS),
    ("[address]", _CHOME),
    ("[address]", _PLACE_NUMBER),
)


def mask_personal(text: str) -> str:
    """Return the text with every piece of personal data found replaced by a tag such as [phone]."""
    folded, origin = _fold(text)
    spans: list[tuple[int, int, str]] = []
    for label, pattern in RULES:
        found = _find(pattern, label, folded)
        if found:
            folded = _blank(folded, found)
            spans.extend(found)
    if not spans:
        return text
    return _replace(text, origin, sorted(spans))


def mask_for_log(text: str, limit: int = LOG_TEXT_LIMIT) -> str:
    """Return what the log stores of a question: at most `limit` characters, masked (capped before masking)."""
    return mask_personal(text[:limit + _MARGIN])[:limit]


def _find(pattern: re.Pattern[str], label: str | Classifier, text: str) -> list[tuple[int, int, str]]:
    found = []
    for match in pattern.finditer(text):
        tag = label(match) if callable(label) else label
        if tag is None:
            continue
        group = next((g for g in ("pii", "en") if g in pattern.groupindex and match.group(g) is not None), 0)
        start, end = match.span(group)
        if start < end:
            found.append((start, end, tag))
    return found


def _blank(text: str, spans: list[tuple[int, int, str]]) -> str:
    parts, last = [], 0
    for start, end, _ in spans:
        parts += [text[last:start], BLANK * (end - start)]
        last = end
    parts.append(text[last:])
    return "".join(parts)


def _fold(text: str) -> tuple[str, list[int] | None]:
    # The width-normalized copy, and for each of its characters the index of the original one it came from.
    if text.isascii() and BLANK not in text:
        return text, None
    parts: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        folded = _fold_char(char)
        parts.append(folded)
        origin.extend([index] * len(folded))
    return "".join(parts), origin


@lru_cache(maxsize=8192)
def _fold_char(char: str) -> str:
    if char in DASHES:
        return "-"
    return unicodedata.normalize("NFKC", char).replace(BLANK, " ")


def _replace(text: str, origin: list[int] | None, spans: list[tuple[int, int, str]]) -> str:
    parts, last = [], 0
    for start, end, tag in spans:
        if origin is not None:
            start, end = origin[start], origin[end - 1] + 1
        if start < last:
            continue  # two spans from one original character (an NFKC expansion): already masked
        parts += [text[last:start], tag]
        last = end
    parts.append(text[last:])
    return "".join(parts)
